import { describe, expect, it } from 'vitest';
import { errorLine } from '../src/cli/error-text.js';
import { xent, type RunOptions } from './helpers/cli.js';

type Case = [name: string, argv: string[], en: string, zh: string, options?: RunOptions];

const TRY = "Try 'xent softmax --help'.";
const TRY_ZH = "请运行 'xent softmax --help' 查看用法。";

// (arguments, input) → exact stderr in both languages; every one exits 2 with nothing on stdout.
const cases: Case[] = [
  [
    'a token that is not a number',
    ['softmax', '1', 'abc', '2'],
    "xent: error: 'abc' at row 1, column 2 of the arguments is not a number (allowed: numbers such as 2, -0.5, .5, 1e-3, and inf, -inf)",
    'xent: 错误：命令行参数第 1 行第 2 列的“abc”不是数字（允许：2、-0.5、.5、1e-3 这样的数，以及 inf、-inf）',
  ],
  [
    'NaN',
    ['softmax', '1', 'NaN'],
    "xent: error: 'NaN' at row 1, column 2 of the arguments is NaN; give a number, inf or -inf",
    'xent: 错误：命令行参数第 1 行第 2 列的“NaN”是 NaN；请给出数字、inf 或 -inf',
  ],
  [
    'rows of different lengths',
    ['softmax', '-i', 'r.csv'],
    "xent: error: row 3 of 'r.csv' has length 2, but row 1 has length 3; every row needs the same number of columns",
    'xent: 错误：“r.csv”第 3 行有 2 个数，但第 1 行有 3 个；每行的列数必须相同',
    { files: { 'r.csv': '1,2,3\n4,5,6\n7,8\n' } },
  ],
  [
    'no numbers at all',
    ['softmax'],
    'xent: error: no numbers found in standard input',
    'xent: 错误：标准输入中没有找到数字',
    { stdin: '# nothing here\n\n' },
  ],
  [
    'no input on a terminal',
    ['softmax'],
    `xent: error: no input: give numbers as arguments, a file with -i FILE, or pipe them in (example: xent softmax 2 0.5 -1)\n${TRY}`,
    `xent: 错误：没有输入：请把数字写在参数里、用 -i FILE 指定文件，或通过管道输入（例如：xent softmax 2 0.5 -1）\n${TRY_ZH}`,
  ],
  [
    'a missing file',
    ['softmax', '-i', 'no/such.csv'],
    "xent: error: cannot read 'no/such.csv': no such file",
    'xent: 错误：无法读取“no/such.csv”：文件不存在',
  ],
  [
    'a directory',
    ['softmax', '-i', 'test'],
    "xent: error: cannot read 'test': it is a directory, not a file",
    'xent: 错误：无法读取“test”：这是一个目录，不是文件',
  ],
  [
    'binary garbage',
    ['softmax', '-i', 'g.bin'],
    "xent: error: 'g.bin' is not text: it has a NUL byte at byte 3 (xent reads text, and NumPy .npy and .npz and .safetensors files, told by their first bytes)",
    'xent: 错误：“g.bin”不是文本：第 3 字节是 NUL（xent 读取文本，以及 NumPy 的 .npy、.npz 和 .safetensors 文件，按文件开头的字节识别）',
    { files: { 'g.bin': new Uint8Array([0x31, 0x20, 0, 0xff, 0x13]) } },
  ],
  [
    'invalid UTF-8',
    ['softmax'],
    'xent: error: standard input is not valid UTF-8 text (first bad byte at 5)',
    'xent: 错误：标准输入不是有效的 UTF-8 文本（第一个无效字节是第 5 字节）',
    { stdin: new Uint8Array([0x31, 0x20, 0x32, 0x20, 0xff, 0xfe]) },
  ],
  [
    'an unknown command',
    ['sofmax', '1'],
    "xent: error: unknown command 'sofmax' (did you mean softmax?)\nTry 'xent --help'.",
    "xent: 错误：未知命令“sofmax”（你是不是想用 softmax？）\n请运行 'xent --help' 查看用法。",
  ],
  [
    'help for an unknown command',
    ['help', 'sofmax'],
    "xent: error: unknown command 'sofmax' (did you mean softmax?)\nTry 'xent --help'.",
    "xent: 错误：未知命令“sofmax”（你是不是想用 softmax？）\n请运行 'xent --help' 查看用法。",
  ],
  [
    'help for a command not near any',
    ['-L', 'en', 'help', 'bogus'],
    "xent: error: unknown command 'bogus'\nTry 'xent --help'.",
    "xent: error: unknown command 'bogus'\nTry 'xent --help'.",
  ],
  [
    'help with two words',
    ['help', 'softmax', 'ce'],
    `xent: error: 'help' shows the help of one command; got a second argument 'ce'\n${TRY}`,
    `xent: 错误：“help”只显示一个命令的帮助，却多收到了参数“ce”\n${TRY_ZH}`,
  ],
  [
    '-i for a command that reads no input',
    ['demo', '-i', 'x.csv'],
    "xent: error: xent demo reads no input, so -i 'x.csv' would be ignored; leave it out\nTry 'xent demo --help'.",
    "xent: 错误：xent demo 不读取输入，-i 给出的“x.csv”会被忽略；请去掉 -i\n请运行 'xent demo --help' 查看用法。",
  ],
  [
    '-i for completion',
    ['--input', 'x.csv', 'completion', 'bash'],
    "xent: error: xent completion reads no input, so -i 'x.csv' would be ignored; leave it out\nTry 'xent --help'.",
    "xent: 错误：xent completion 不读取输入，-i 给出的“x.csv”会被忽略；请去掉 -i\n请运行 'xent --help' 查看用法。",
  ],
  [
    'an unknown option',
    ['softmax', '--temprature', '2', '1'],
    `xent: error: unknown option '--temprature' (did you mean --temperature?)\n${TRY}`,
    `xent: 错误：未知选项“--temprature”（你是不是想用 --temperature？）\n${TRY_ZH}`,
  ],
  [
    'a zero temperature',
    ['softmax', '-t', '0', '1', '2'],
    `xent: error: the temperature must be a finite number greater than 0, got '0' (option -t, --temperature)\n${TRY}`,
    `xent: 错误：温度必须是大于 0 的有限数，收到的是“0”（选项 -t, --temperature）\n${TRY_ZH}`,
  ],
  [
    'a negative temperature',
    ['softmax', '-t', '-2', '1', '2'],
    `xent: error: the temperature must be a finite number greater than 0, got '-2' (option -t, --temperature)\n${TRY}`,
    `xent: 错误：温度必须是大于 0 的有限数，收到的是“-2”（选项 -t, --temperature）\n${TRY_ZH}`,
  ],
  [
    'an infinite temperature',
    ['softmax', '--temperature=inf', '1', '2'],
    `xent: error: the temperature must be a finite number greater than 0, got 'inf' (option -t, --temperature)\n${TRY}`,
    `xent: 错误：温度必须是大于 0 的有限数，收到的是“inf”（选项 -t, --temperature）\n${TRY_ZH}`,
  ],
  [
    'a row of only -inf',
    ['softmax', '1 2; -inf -inf'],
    'xent: error: softmax is undefined for row 2: every logit is -inf, so every class is masked and nothing is left to normalise',
    'xent: 错误：第 2 行的 softmax 无定义：所有 logit 都是 -inf，所有类别都被屏蔽，无法归一化',
  ],
  [
    'a column of only -inf',
    ['softmax', '1 -inf; 2 -inf', '--axis', 'col'],
    'xent: error: softmax is undefined for column 2: every logit is -inf, so every class is masked and nothing is left to normalise',
    'xent: 错误：第 2 列的 softmax 无定义：所有 logit 都是 -inf，所有类别都被屏蔽，无法归一化',
  ],
  [
    '+inf logits',
    ['softmax', '1', 'inf'],
    'xent: error: +inf at row 1, column 2 of the arguments: softmax of +inf is inf/inf, undefined; use a large finite number instead',
    'xent: 错误：命令行参数第 1 行第 2 列是 +inf：softmax 会得到 inf/inf，无定义；请改用一个很大的有限数',
  ],
  [
    'an unknown format',
    ['softmax', '-f', 'xml', '1'],
    `xent: error: option --format takes one of table, tsv, csv, json, markdown, latex, value, npy, got 'xml'\n${TRY}`,
    `xent: 错误：选项 --format 只能取 table、tsv、csv、json、markdown、latex、value、npy 之一，收到的是“xml”\n${TRY_ZH}`,
  ],
  [
    'a bad precision',
    ['softmax', '-p', '-1', '1'],
    `xent: error: option --precision takes a whole number from 0 to 17, got '-1'\n${TRY}`,
    `xent: 错误：选项 --precision 需要 0 到 17 之间的整数，收到的是“-1”\n${TRY_ZH}`,
  ],
  [
    'an option without its value',
    ['softmax', '1', '-t'],
    `xent: error: option '-t' needs a value\n${TRY}`,
    `xent: 错误：选项 -t 需要一个值\n${TRY_ZH}`,
  ],
  [
    'input given twice',
    ['softmax', '1', '-i', 'x.csv'],
    `xent: error: the input was given twice: use arguments or --input, not both\n${TRY}`,
    `xent: 错误：输入给了两次：请只用参数或 --input 其中之一\n${TRY_ZH}`,
  ],
  [
    'unbalanced brackets',
    ['softmax', '[[1,2],[3,4]'],
    "xent: error: '[' opened at row 1 of the arguments is never closed",
    'xent: 错误：命令行参数第 1 行打开的“[”没有闭合',
  ],
];

describe('bad input: exact message, exit code 2, nothing on stdout', () => {
  it.each(cases)('%s (en)', async (_name, argv, en, _zh, options = {}) => {
    const r = await xent(argv, { ...options, env: { LANG: 'en_US.UTF-8' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${en}\n` });
  });
  it.each(cases)('%s (zh)', async (_name, argv, _en, zh, options = {}) => {
    const r = await xent(argv, { ...options, env: { LANG: 'zh_CN.UTF-8' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${zh}\n` });
  });
  it('both: each line in Chinese, then in English', async () => {
    const r = await xent(['softmax', '1', 'NaN', '-L', 'both']);
    expect(r.stderr).toBe(
      'xent: 错误：命令行参数第 1 行第 2 列的“NaN”是 NaN；请给出数字、inf 或 -inf\n' +
        "xent: error: 'NaN' at row 1, column 2 of the arguments is NaN; give a number, inf or -inf\n",
    );
  });
  it('an unknown --lang is reported in the language of the environment', async () => {
    const r = await xent(['softmax', '1', '-L', 'fr'], { env: { LANG: 'zh_CN' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --lang 只能取 en、zh、both 之一，收到的是“fr”');
  });
});

describe('help and version', () => {
  it('xent --help lists the commands and exits 0', async () => {
    const r = await xent(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('softmax [options] [matrix...]');
    expect(r.stdout).toContain('Exit codes:\n  0    success');
  });
  it('xent softmax --help has the formula and examples, in Chinese too', async () => {
    const en = await xent(['softmax', '--help']);
    expect(en.stdout).toContain('p_i = exp(z_i / T) / Σ_k exp(z_k / T)');
    expect(en.stdout).toContain('Examples:\n  $ xent softmax 2 0.5 -1');
    const zh = await xent(['softmax', '--help', '-L', 'zh']);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('示例：');
    expect(zh.stdout).toContain('做 softmax 之前把 logit 除以 T > 0');
  });
  it('xent help softmax is xent softmax --help', async () => {
    expect((await xent(['help', 'softmax'])).stdout).toBe((await xent(['softmax', '--help'])).stdout);
    expect((await xent(['-L', 'zh', 'help', 'ce'])).stdout).toBe((await xent(['ce', '--help', '-L', 'zh'])).stdout);
  });
  it('xent help and xent help help are xent --help', async () => {
    const help = await xent(['--help']);
    expect(await xent(['help'])).toEqual(help);
    expect(await xent(['help', 'help'])).toEqual(help);
  });
  it('--version prints the version', async () => {
    const r = await xent(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+|0\.0\.0-dev$/);
  });
  it('no command: the help on stderr, exit 2', async () => {
    const r = await xent([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: xent');
  });
});

// The language is decided once (decideLanguage in src/cli/run.ts): the run's errors and the
// entry point's error lines (errorLine) follow the same rule.
describe('the language of errors', () => {
  const zhEnv = { LANG: 'zh_CN.UTF-8' };
  it.each([
    [
      ['softmax', '1', '--lang', 'fr'],
      {},
      "xent: error: option --lang takes one of en, zh, both, got 'fr'\nTry 'xent softmax --help'.\n",
    ],
    [
      ['softmax', '1', '-Lfr'],
      zhEnv,
      "xent: 错误：选项 --lang 只能取 en、zh、both 之一，收到的是“fr”\n请运行 'xent softmax --help' 查看用法。\n",
    ],
  ])('a bad --lang is reported in the language of the environment: %j', async (argv, env, stderr) => {
    expect(await xent(argv, { env })).toEqual({ code: 2, stdout: '', stderr });
  });
  it('--lang wins over the environment, for an error of the run', async () => {
    const r = await xent(['softmax', '1', '--lang=ZH', '-t', '0'], { env: { LANG: 'C' } });
    expect(r.stderr).toBe(
      "xent: 错误：温度必须是大于 0 的有限数，收到的是“0”（选项 -t, --temperature）\n请运行 'xent softmax --help' 查看用法。\n",
    );
  });
  it.each([
    [['softmax', '1', '-L', 'zh'], { LANG: 'C' }, 'zh'],
    [['softmax', '1'], zhEnv, 'zh'],
    [['softmax', '1', '--lang', 'fr'], zhEnv, 'zh'],
    [['softmax', '1', '--lang', 'fr'], { LANG: 'C' }, 'en'],
    [['softmax', '--', '--lang', 'zh'], { LANG: 'C' }, 'en'],
  ])('errorLine speaks as the run would: %j', (argv, env, lang) => {
    const line = errorLine({ argv, env }, 'err.stdoutClosed');
    expect(line).toBe(
      lang === 'zh'
        ? 'xent: 错误：标准输出已关闭：结果无处可写\n'
        : 'xent: error: standard output is closed: nowhere to write the result\n',
    );
  });
});
