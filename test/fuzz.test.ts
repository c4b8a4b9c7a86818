// Fuzzing every command in-process with random and near-valid input and random options (from
// each command's own option list). Whatever comes in, xent must:
// - exit 0 or 2 (1 only when --expect judged an answer wrong), never 70 or a throw;
// - never show a stack trace, a JS `undefined`, an unfilled {placeholder}, or NaN that the
//   user did not write;
// - print nothing on stdout when it fails;
// - when it succeeds, print only finite numbers, or inf with a note that says why.
// fast-check prints the seed and the shrunk counterexample when a property fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { leaks, xent } from './helpers/cli.js';

const RUNS = 500;

// ---- near-valid text ------------------------------------------------------------------------

const numberToken = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 5 }).map(String) },
  { weight: 4, arbitrary: fc.double({ noNaN: true, min: -1e3, max: 1e3 }).map((x) => String(x)) },
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '0.5', '0.25', '-0', '.5', '5.', '+1', '1e-3', '1E+3') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '1e308',
      '-1e308',
      '5e-324',
      '-5e-324',
      '1e-310',
      'inf',
      '-inf',
      'Infinity',
      '1e309',
      '-1e309',
      '2.2250738585072014e-308',
    ),
  },
  { weight: 1, arbitrary: fc.double().map((x) => String(x)) },
  // tokens that are not numbers
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'abc',
      'NaN',
      'nan',
      '1.2.3',
      '0x10',
      '1_0',
      '-',
      '−1',
      '１',
      'e5',
      '--',
      '"1"',
      "'2'",
      '1,5',
      '∞',
    ),
  },
);
const sep = fc.constantFrom(' ', ',', '\t', ', ', '  ', ';', '、');
const rowSep = fc.constantFrom('\n', '; ', '\r\n', '\n\n', '\n# comment\n');

/** A matrix as text: random shape, separators and wrappers, sometimes ragged or with junk. */
const matrixText = fc
  .record({
    rows: fc.array(fc.array(numberToken, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
    sep,
    rowSep,
    wrap: fc.constantFrom('none', 'none', 'none', 'json', 'tensor', 'matlab', 'header', 'bom', 'trailing'),
  })
  .map(({ rows, sep, rowSep, wrap }) => {
    switch (wrap) {
      case 'json':
        return `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
      case 'tensor':
        return `tensor([${rows.map((r) => `[${r.join(', ')}]`).join(',\n ')}])`;
      case 'matlab':
        return `[${rows.map((r) => r.join(' ')).join('; ')}]`;
      case 'header':
        return [rows[0].map((_, j) => `c${j}`).join(sep), ...rows.map((r) => r.join(sep))].join(rowSep);
      case 'bom':
        return '\ufeff' + rows.map((r) => r.join(sep)).join(rowSep);
      case 'trailing':
        return rows.map((r) => r.join(sep) + sep).join(rowSep) + rowSep;
      default:
        return rows.map((r) => r.join(sep)).join(rowSep);
    }
  });

/** Square matrices with a chance of being valid for clip, siglip, ntxent, supcon, descend. */
const squareText = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc
      .array(fc.array(numberToken, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })
      .map((rows) => rows.map((r) => r.join(',')).join('; ')),
  );

const text = fc.oneof(
  { weight: 5, arbitrary: matrixText },
  { weight: 3, arbitrary: squareText },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '\n', '# only a comment\n', 'a,b,c\n', '[]', '[[]]', '()', ';;', ',,,'),
  },
);

// ---- options --------------------------------------------------------------------------------

interface Flag {
  long: string;
  valued: boolean;
  choices?: string[];
}

function flagsOf(flags: string): Flag {
  const long = flags.split(/[ ,]+/).find((f) => f.startsWith('--'))!;
  const placeholder = /<([^>]+)>/.exec(flags)?.[1];
  const choices = placeholder?.includes('|') ? placeholder.split('|') : undefined;
  return { long, valued: placeholder !== undefined, choices };
}

const optionValue = (flag: Flag) =>
  fc.oneof(
    { weight: 3, arbitrary: flag.choices ? fc.constantFrom(...flag.choices) : numberToken },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0',
        '1',
        '2',
        '0,1',
        '1,0',
        '0,0,1,1',
        'diag',
        '0.1',
        '1e-6',
        '1e6',
        '-1',
        '-100',
        'half',
        'adjacent',
        'bits',
        '2',
        '10',
      ),
    },
    { weight: 2, arbitrary: matrixText },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );

const GLOBAL: Flag[] = [
  { long: '--format', valued: true, choices: ['table', 'tsv', 'csv', 'json', 'markdown', 'value'] },
  { long: '--precision', valued: true },
  { long: '--lang', valued: true, choices: ['en', 'zh', 'both'] },
  { long: '--explain', valued: false },
  { long: '--row', valued: true },
  { long: '--expect', valued: true },
  { long: '--heatmap', valued: false },
  { long: '--full', valued: false },
  { long: '--example', valued: false },
];

function optionsArb(flags: Flag[]) {
  const one = fc
    .constantFrom(...flags)
    .chain((flag) =>
      flag.valued ? optionValue(flag).map((v): string[] => [flag.long, v]) : fc.constant<string[]>([flag.long]),
    );
  return fc.array(one, { maxLength: 4 }).map((list): string[] => list.flat());
}

const via = fc.constantFrom('args', 'stdin', 'file', 'none');

interface Run {
  argv: string[];
  stdin?: string;
  files: Record<string, string>;
}

function runArb(name: string): fc.Arbitrary<Run> {
  const spec = COMMANDS.find((c) => c.name === name)!;
  const own = spec.options.map((o) => flagsOf(o.flags));
  return fc
    .record({
      input: text,
      via,
      options: optionsArb([...own, ...own, ...GLOBAL]),
      format: fc.constantFrom('tsv', 'json', 'table', 'value', 'csv'),
    })
    .map(({ input, via, options, format }) => {
      const argv = [name, ...options];
      if (!argv.includes('--format')) argv.push('-f', format);
      const run: Run = { argv, files: {} };
      if (spec.input === 'none' || via === 'none') return run;
      if (via === 'args') argv.push('--', input);
      else if (via === 'file') {
        argv.push('-i', 'in.txt');
        run.files['in.txt'] = input;
      } else run.stdin = input;
      return run;
    });
}

// ---- what the output may contain --------------------------------------------------------------

/** The +inf values printed: "inf" as a whole token (not -inf, not "info"). */
function printsInf(stdout: string): boolean {
  return /(^|[^\w.-])inf(?![\w])/.test(stdout) || /"inf"/.test(stdout);
}

/** A note that says why a result is inf (ce, bce, kl, …), in either language. */
function explainsInf(table: string): boolean {
  return /= inf|inf in row|的(损失|KL\(P‖Q\)) = inf|inf：|^inf: |some values are inf or NaN|有些值是 inf/m.test(table);
}

/** Commands allowed to print inf without a note: none (ce, bce, kl explain their own; the CLI adds a general note for the rest). */
const INF_NOTE_MISSING = new Set<string>();

async function check(run: Run): Promise<void> {
  const r = await xent(run.argv, { stdin: run.stdin, files: run.files, stdinTTY: run.stdin === undefined });
  const where = JSON.stringify(run);
  const expecting = run.argv.includes('--expect');
  expect([0, 2, ...(expecting ? [1] : [])], `${where}\n${r.stderr}`).toContain(r.code);
  expect(leaks(r.stderr), where).toEqual([]);
  // A NaN the user wrote, or one a replay in a narrower format really gives (--dtype: an input
  // past float32's range is inf there, and --naive's inf/inf is its point).
  const wroteNan =
    run.argv.includes('--dtype') ||
    /nan/i.test(run.argv.join(' ') + (run.stdin ?? '') + Object.values(run.files).join(' '));
  if (!wroteNan) expect(r.stderr, where).not.toMatch(/nan/i);
  if (r.code === 2) {
    expect(r.stdout, where).toBe('');
    return;
  }
  expect(leaks(r.stdout), where).toEqual([]);
  // nan is printed only for what does not apply (ce's p_target and correct of an ignored row).
  const nanLines = r.stdout.split('\n').filter((line) => /\bnan\b|"nan"/i.test(line));
  if (
    !wroteNan &&
    nanLines.length > 0 &&
    !(run.argv[0] === 'ce' && nanLines.every((l) => /^-?\d+[\t,]nan[\t,]0[\t,]nan$/.test(l)))
  ) {
    expect.fail(`nan printed: ${where}\n${r.stdout}`);
  }
  // (--explain and --expect write prose, where "inf" is a word.)
  const prose = run.argv.includes('--explain') || run.argv.includes('--expect');
  if (!prose && printsInf(r.stdout) && !INF_NOTE_MISSING.has(run.argv[0])) {
    // The same run as a table (no --expect, no other format) must say why.
    const argv = run.argv.filter((a, k, all) => a !== '--expect' && all[k - 1] !== '--expect');
    const formatAt = argv.findIndex((a) => a === '-f' || a === '--format');
    if (formatAt >= 0) argv.splice(formatAt, 2);
    const table = await xent([...argv.slice(0, 1), '-f', 'table', '--full', ...argv.slice(1)], {
      stdin: run.stdin,
      files: run.files,
    });
    if (table.code === 0) expect(explainsInf(table.stdout), `inf without a note: ${where}\n${table.stdout}`).toBe(true);
  }
}

describe('fuzz: every command survives random and near-valid input', () => {
  for (const spec of COMMANDS) {
    it(spec.name, async () => {
      await fc.assert(fc.asyncProperty(runArb(spec.name), check), { numRuns: RUNS });
    });
  }
});
