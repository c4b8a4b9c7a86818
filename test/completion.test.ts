// `xent completion bash|zsh|fish`: scripts generated from the command table, valid in
// their shell (checked where the shell is installed), completing commands, options and
// the values xent knows.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { xent } from './helpers/cli.js';

const hasShell = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

async function script(shell: string): Promise<string> {
  const result = await xent(['completion', shell]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe.each(['bash', 'zsh', 'fish'])('xent completion %s', (shell) => {
  it('names every command, alias and option of the command table', async () => {
    const text = await script(shell);
    for (const spec of COMMANDS) {
      for (const name of [spec.name, ...(spec.aliases ?? [])]) expect(text, name).toContain(name);
      for (const option of spec.options) {
        const long = /--[\w-]+/.exec(option.flags)![0];
        expect(text, `${spec.name} ${long}`).toContain(shell === 'fish' ? `-l ${long.slice(2)}` : long);
      }
    }
    for (const word of ['completion', 'help', 'format', 'lang', 'precision', 'input']) expect(text).toContain(word);
  });

  it('completes the values xent knows', async () => {
    const text = await script(shell);
    for (const words of [
      'table tsv csv json markdown latex value',
      'en zh both',
      'row col',
      'mean sum none',
      'half adjacent',
      'all one',
      'drop zero',
      'torch others',
      'ww torch cs',
      'float32 float16 bfloat16',
      'bash zsh fish',
    ]) {
      expect(text).toContain(words);
    }
  });

  it.runIf(hasShell(shell))('is valid syntax for %s', async () => {
    const result = spawnSync(shell, ['-n'], { input: await script(shell), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the bash script at work', () => {
  /** What bash offers for the words typed so far (the last one being completed). */
  async function complete(...words: string[]): Promise<string[]> {
    const text = await script('bash');
    const program = `${text}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _xent; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean);
  }

  it.runIf(hasShell('bash')).each([
    [['xent', 'so'], ['softmax']],
    [['xent', 'cr'], ['cross-entropy']],
    [
      ['xent', 'ce', '-r', ''],
      ['mean', 'sum', 'none'],
    ],
    [['xent', 'softmax', '--ax'], ['--axis']],
    [
      ['xent', 'softmax', '--axis', ''],
      ['row', 'col'],
    ],
    [['xent', '-f', 'j'], ['json']],
    [['xent', 'ntxent', '--pairs', 'a'], ['adjacent']],
    [
      ['xent', 'supcon', '--singletons', ''],
      ['drop', 'zero'],
    ],
    [['xent', 'ntxent', '--contrast-mode', 'o'], ['one']],
    [
      ['xent', 'ce', '--smoothing-style', ''],
      ['torch', 'others'],
    ],
    [['xent', 'hinge', '--style', 'c'], ['cs']],
    [
      ['xent', 'completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [['xent', 'softmax', '1'], []],
  ])('%j → %j', async (words, expected) => {
    expect(await complete(...words)).toEqual(expected);
  });
});

describe('bad use', () => {
  it('rejects an unknown shell, in the user’s language, with exit code 2', async () => {
    expect(await xent(['completion', 'tcsh'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "xent: error: xent completion supports bash, zsh and fish, got 'tcsh'\nTry 'xent --help'.\n",
    });
    const zh = await xent(['completion', 'ksh', '-L', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('xent completion 支持 bash、zsh 和 fish，收到的是“ksh”');
  });

  it('needs the shell', async () => {
    const result = await xent(['completion']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing argument 'shell'");
  });

  it('is listed in --help', async () => {
    expect((await xent(['--help'])).stdout).toMatch(/completion.*print a shell completion script/);
  });
});
