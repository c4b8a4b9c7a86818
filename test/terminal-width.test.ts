// Every output fits the terminal it is printed in, checked in a real one: tmux at 60, 80 and
// 120 columns runs the built binary (demo, help, --explain and every command's examples) and
// capture-pane gives back each line as the program wrote it (-J joins the lines the
// terminal had to wrap, so a line wider than the pane is one the program let overflow).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { displayWidth } from '../src/format/width.js';
import { ROOT } from './helpers/binary.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const WIDTHS = [60, 80, 120] as const;
const LANGS = ['en', 'zh'] as const;

/** A command line's words, quotes removed (the examples quote their matrices). */
function words(example: string): string[] {
  return (example.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ''));
}

/** What is run: help, the lesson, and each command's examples that print tables, with --explain where it has one. */
function runs(): string[][] {
  const list: string[][] = [['--help'], ['demo'], ['clip', '--example'], ['softmax', '1,2,3,4,5,6,7,8,9,10,11,12']];
  list.push(['ce', '1,2,3,4,5,6,7; 7,6,5,4,3,2,1', '-y', '3,1', '--label-smoothing', '0.1', '-g']);
  // The other libraries' conventions, derived step by step too.
  list.push(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '--sample-weight', '2,0.5', '--explain']);
  list.push(['kl', '--p', '3,1,-2', '--q', '2,0.5,-1', '--logits', '-t', '4', '-r', 'mean', '--explain']);
  list.push(['ntxent', '1,0; 0.8,0.6; 0,1; 0.6,0.8; 0.7,0.7', '-y', '0,0,1,1,1', '--as', 'pml', '--explain']);
  list.push([
    'supcon',
    '1,0; 0.8,0.6; 0,1; 0.6,0.8',
    '-y',
    '0,0,1,1',
    '--as',
    'supcontrast',
    '--contrast-mode',
    'one',
    '--explain',
  ]);
  list.push(['siglip', '--image', '1,0; 0.6,0.8', '--text', '0.9,0.1; 0,1', '--as', 'hf', '--explain']);
  for (const command of COMMANDS) {
    list.push([command.name, '--help']);
    let explained = false;
    for (const example of command.examples) {
      // Files the example names, and the data formats (no table), are not run here.
      if (/@|-i |-f (json|csv|tsv|value|npy)|--lang/.test(example)) continue;
      const argv = words(example).slice(1);
      list.push(argv);
      // One explanation per command: they share their layout (in-process tests cover the rest).
      if (command.abilities.explain && !explained) list.push([...argv, '--explain']);
      explained = true;
    }
  }
  return list;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs every command in one tmux pane `width` columns wide, in `lang`; gives each command's
 * lines as captured and its exit code.
 */
function inTmux(width: number, lang: string, argvs: readonly string[][]): { lines: string[]; code: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'xent-tmux-'));
  const socket = `xent-test-${process.pid}-${width}-${lang}`;
  const script = argvs
    .map((argv, k) => `echo '@@@ ${k}'; node bin/xent.js ${argv.map(quote).join(' ')}; echo "@@@ rc $?"`)
    .join('\n');
  writeFileSync(join(dir, 'run.sh'), `cd ${quote(ROOT)}\n${script}\ntmux -L ${socket} wait-for -S done\n`);
  writeFileSync(join(dir, 'tmux.conf'), 'set -g history-limit 200000\nset -g remain-on-exit on\n');
  const tmux = (...args: string[]) =>
    spawnSync('tmux', ['-L', socket, '-f', join(dir, 'tmux.conf'), ...args], { encoding: 'utf8', timeout: 120_000 }); // spread-ok: a few tmux arguments
  try {
    const started = tmux(
      'new-session',
      '-d',
      '-x',
      String(width),
      '-y',
      '50',
      '-e',
      `XENT_LANG=${lang}`,
      '-e',
      'LANG=C.UTF-8',
      `bash ${quote(join(dir, 'run.sh'))}`,
    );
    expect(started.status, started.stderr).toBe(0);
    tmux('wait-for', 'done');
    const captured = tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-').stdout;
    const parts = captured.split(/^@@@ \d+$/m).slice(1);
    return parts.map((part) => {
      const [body, code = '?'] = part.split(/^@@@ rc /m);
      return { lines: body.split('\n').map((line) => line.replace(/\s+$/, '')), code: code.trim().split('\n')[0] };
    });
  } finally {
    tmux('kill-server');
  }
}

describe.skipIf(!hasTmux)('every output fits a real terminal (tmux at 60, 80 and 120 columns)', () => {
  const argvs = runs();
  for (const lang of LANGS) {
    it.each(WIDTHS)(
      `${lang}: demo, help, --explain and every command's tables fit %i columns`,
      (width) => {
        const results = inTmux(width, lang, argvs);
        expect(results).toHaveLength(argvs.length);
        results.forEach(({ lines, code }, k) => {
          const what = `xent ${argvs[k].join(' ')} at ${width} columns (${lang})`;
          expect(code, what).toBe('0');
          for (const line of lines) expect(displayWidth(line), `${what}:\n${line}`).toBeLessThanOrEqual(width);
        });
      },
      240_000,
    ); // one pane runs every command in turn: ~15 s alone, a minute on a loaded machine
  }
});
// Without tmux the checks above are skipped; the in-process tests of test/terminal-fit.test.ts still run.
it.skipIf(hasTmux)('tmux is not installed: the real-terminal width checks are skipped (apt-get install tmux)', () => {
  expect(hasTmux).toBe(false);
});
