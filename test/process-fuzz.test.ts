// Fuzzing the built binary as a process: random runs (good and bad input, every format) with
// stdin, stdout or stderr closed or failing, and Ctrl-C / SIGTERM at a random moment. Whatever
// happens, xent must end with a code of its table (src/core/exit-codes.ts), never a stack trace,
// and promptly after a signal; a failing stream changes the exit code only as the table says.
// (`npm test` builds dist/ first. Few runs: each one spawns Node.)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/exit-codes.js';
import { ROOT } from './helpers/binary.js';

const BIN = join(ROOT, 'bin', 'xent.js');
const TRACE = /\n\s+at |Error:|node:internal/;
const CODES: number[] = Object.values(EXIT);
const ENV = { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', NO_COLOR: '1', HOME: process.env.HOME ?? '/tmp' };
const HAS_DEV_FULL = existsSync('/dev/full');
const dir = mkdtempSync(join(tmpdir(), 'xent-pfuzz-'));

/** 6000 rows of 128: read at once, then seconds of computing for ntxent (its products are fast). */
const LONG = join(dir, 'long.csv');
writeFileSync(
  LONG,
  Array.from({ length: 6000 }, (_, i) =>
    Array.from({ length: 128 }, (_, j) => (Math.sin(i * 7 + j * 13) * 3).toFixed(3)).join(','),
  ).join('\n') + '\n',
);

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// ---- runs -------------------------------------------------------------------------------------

const token = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 5 }).map(String) },
  { weight: 3, arbitrary: fc.constantFrom('0.5', '0.25', '-0.5', '1e-3', 'inf', '-inf') },
  { weight: 1, arbitrary: fc.constantFrom('abc', 'NaN', '1.2.3', '') },
);
const square = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc
      .array(fc.array(token, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })
      .map((rows) => rows.map((r) => r.join(',')).join('; ')),
  );
const commandArgs = fc.oneof(
  square.map((m) => ['softmax', m]),
  square.map((m) => ['ce', m, '-y', 'diag']),
  square.map((m) => ['ce', m, '--probs', '-y', 'diag']),
  square.map((m) => ['clip', m]),
  square.map((m) => ['bce', m, '--targets', m]),
  square.map((m) => ['entropy', m]),
  fc.constant(['demo']),
  fc.constant(['kl', '--p', '0.5,0.5', '--q', '0.9,0.1']),
  fc.constant(['help', 'bogus']),
  fc.constant(['--help']),
);

interface Run {
  readonly argv: string[];
}

const runArb: fc.Arbitrary<Run> = fc
  .record({
    args: commandArgs,
    format: fc.constantFrom('tsv', 'json', 'value', 'table', 'csv', 'markdown'),
    extra: fc.constantFrom<string[]>(
      [],
      [],
      ['--expect', '0.5'],
      ['-L', 'zh'],
      ['-L', 'both'],
      ['--bogus'],
      ['--explain'],
      ['-p', '2'],
    ),
  })
  .map(({ args, format, extra }) => ({ argv: [...args, '-f', format, ...extra] }));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `xent ARGV` through bash, with the redirections given (stdin empty unless redirected). */
function viaShell(run: Run, redirections = ''): Outcome {
  const line = `${quote(process.execPath)} ${quote(BIN)} ${run.argv.map(quote).join(' ')} ${redirections}`;
  const r = spawnSync('bash', ['-c', line], { cwd: dir, input: '', encoding: 'utf8', env: ENV, timeout: 30_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** `xent ARGV` with the read end of its stderr closed before it writes (EPIPE). */
function stderrGone(run: Run): Promise<Outcome> {
  const child = spawn(process.execPath, [BIN, ...run.argv], { cwd: dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.destroy();
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: '' })));
}

function expectSane(r: Outcome, where: string): void {
  expect(CODES, `${where}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, where).not.toMatch(TRACE);
}

// ---- closed and failing stdio -------------------------------------------------------------------

const STDIO = ['stdin closed', 'stdout closed', 'stderr closed', 'stderr gone', 'stderr full'] as const;

describe('fuzz: closed and failing stdio', () => {
  it('each stream closed or failing changes the outcome only as the exit-code table says', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, fc.constantFrom(...STDIO), async (run, how) => {
        const where = `${how}: xent ${run.argv.join(' ')}`;
        const normal = viaShell(run, '< /dev/null');
        expectSane(normal, where);
        switch (how) {
          case 'stdin closed': {
            // Node opens /dev/null in place of a closed stdin: no input, as with `< /dev/null`.
            expect(viaShell(run, '<&-'), where).toEqual(normal);
            break;
          }
          case 'stdout closed': {
            const r = viaShell(run, '>&- < /dev/null');
            expect({ code: r.code, stdout: r.stdout }, where).toEqual({ code: EXIT.output, stdout: '' });
            // said in the user's language (both: two lines)
            expect(r.stderr, where).toMatch(/^(xent: (error: |错误：)[^\n]+\n){1,2}$/);
            expect(r.stderr, where).toMatch(/standard output is closed|标准输出/);
            break;
          }
          case 'stderr closed': {
            const r = viaShell(run, '2>&- < /dev/null');
            expect({ code: r.code, stdout: r.stdout }, where).toEqual({ code: normal.code, stdout: normal.stdout });
            break;
          }
          case 'stderr gone': {
            const r = await stderrGone(run);
            expect({ code: r.code, signal: r.signal, stdout: r.stdout }, where).toEqual({
              code: normal.code,
              signal: null,
              stdout: normal.stdout,
            });
            break;
          }
          case 'stderr full': {
            if (!HAS_DEV_FULL) return; // no /dev/full here: nothing to check
            const r = viaShell(run, '2> /dev/full < /dev/null');
            // Lost warnings of a run that succeeded: 74; any other code stays.
            const lost = normal.code === EXIT.ok && normal.stderr !== '';
            expect({ code: r.code, stdout: r.stdout }, where).toEqual({
              code: lost ? EXIT.output : normal.code,
              stdout: normal.stdout,
            });
            break;
          }
        }
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});

// ---- signals mid-run ----------------------------------------------------------------------------

interface SignalRun {
  readonly argv: string[];
  /** Still computing well after the signal could come: it must end by the signal. */
  readonly long: boolean;
  /** Text fed to stdin slowly (the pipe stays open), if any. */
  readonly feed?: string;
}

const signalRunArb: fc.Arbitrary<SignalRun> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<SignalRun>(
      { argv: ['ntxent', '-i', LONG, '-f', 'value'], long: true },
      { argv: ['ntxent', '-i', LONG, '-f', 'json'], long: true },
      { argv: ['ntxent', '-i', LONG, '-f', 'table', '--full'], long: true },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SignalRun>(
      { argv: ['softmax', '-f', 'json'], long: true, feed: '1 2 3\n' },
      { argv: ['ce', '-y', 'diag', '-f', 'value'], long: true, feed: '1,2\n' },
    ),
  },
  { weight: 1, arbitrary: runArb.map((run): SignalRun => ({ argv: run.argv, long: false })) },
);

describe('fuzz: Ctrl-C and SIGTERM at a random moment', () => {
  it('xent ends by the signal, at once, without a trace (or had already finished)', async () => {
    await fc.assert(
      fc.asyncProperty(
        signalRunArb,
        fc.constantFrom<NodeJS.Signals>('SIGINT', 'SIGTERM'),
        fc.integer({ min: 0, max: 1200 }),
        async (run, name, delay) => {
          const where = `${name} after ${delay} ms: xent ${run.argv.join(' ')}`;
          const child = spawn(process.execPath, [BIN, ...run.argv], {
            cwd: dir,
            env: ENV,
            stdio: ['pipe', 'pipe', 'pipe'],
          });
          let stderr = '';
          child.stdout.resume();
          child.stderr.on('data', (d) => (stderr += d));
          child.stdin.on('error', () => {}); // it may be gone before the feed is written
          if (run.feed) child.stdin.write(run.feed);
          else child.stdin.end();
          const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
            child.on('close', (code, signal) => resolve({ code, signal, at: Date.now() })),
          );
          await new Promise((resolve) => setTimeout(resolve, delay));
          const finishedFirst = child.exitCode !== null || child.signalCode !== null;
          const sent = Date.now();
          if (!finishedFirst) child.kill(name);
          const r = await ended;
          child.stdin.destroy();
          expect(stderr, where).not.toMatch(TRACE);
          const bySignal = r.signal === name || r.code === 128 + constants.signals[name];
          if (run.long) expect(bySignal, `${where}: ${JSON.stringify(r)}`).toBe(true);
          else expect(bySignal || CODES.includes(r.code ?? -1), `${where}: ${JSON.stringify(r)}`).toBe(true);
          if (!finishedFirst) expect(r.at - sent, where).toBeLessThan(5000);
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);
});
