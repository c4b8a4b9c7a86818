// The built binary as a process: closed pipes, Ctrl-C, a closed stdin or stdout, a full disk,
// and no file written that the user did not name. (`npm test` builds dist/ first.)
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, shell } from './helpers/binary.js';

const BIN = join(ROOT, 'bin', 'xent.js');
const TRACE = /\n\s+at |Error:|node:internal/;
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
const HAS_PROC = existsSync('/proc/self/stat');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** When it ended (Date.now()). */
  at: number;
}

/** `node bin/xent.js ARGS` with piped stdio, and a promise of how it ended. */
function start(args: string[]): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const ended = new Promise<Ended>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, at: Date.now() })),
  );
  return { child, ended };
}

/** The CPU seconds a process has used so far (Linux /proc), or −1 once it has gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return -1;
  }
}

/** Waits until the process has used `seconds` of CPU: past start-up and reading, busy computing. */
async function busyFor(pid: number, seconds: number): Promise<boolean> {
  for (;;) {
    const used = cpuSeconds(pid);
    if (used < 0) return false;
    if (used >= seconds) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** 2000 embeddings of 512 dimensions (~6 MB): ntxent reads them in well under a second and then computes for many. */
function longNtxentInput(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'xent-long-')), 'embeddings.csv');
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++)
    lines.push(Array.from({ length: 512 }, (_, j) => (Math.sin(i * 7 + j * 13) * 3).toFixed(3)).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('pipes and signals', () => {
  it('`xent … | head -1` ends quietly with status 0 when the reader goes away', () => {
    // 300 000 rows of output, far more than a pipe buffer: xent is still writing when head exits.
    const r = shell('yes "1 2 3" | head -n 300000 | xent softmax | head -1; echo "xent exited ${PIPESTATUS[2]}" >&2');
    expect(r.stdout).toBe('0.09003057317038046\t0.24472847105479764\t0.6652409557748218\n');
    expect(r.stderr).toBe('xent exited 0\n');
  });

  it('the same with a table that is cut short', () => {
    const r = shell('xent ce --example -y 0,1,2 -f table | head -1; echo "xent exited ${PIPESTATUS[0]}" >&2');
    expect(r.stdout.split('\n').length).toBe(2);
    expect(r.stderr).toBe('xent exited 0\n');
  });

  it('a reader that went away does not turn a wrong --expect value (1) into 0', async () => {
    for (const [claim, code] of [
      ['loss=5', 1],
      ['loss=0.3265', 0],
    ] as const) {
      const { child, ended } = start(['ce', '--example', '-y', '0,1,2', '--expect', claim]);
      child.stdout!.destroy(); // the read end closes before xent writes
      expect((await ended).code, claim).toBe(code);
    }
  });

  it('Ctrl-C (SIGINT) while it waits for input exits 130 without a trace', async () => {
    const child = spawn(process.execPath, [BIN, 'softmax'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C' },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    child.stdin.write('1 2 3\n4 5 6\n'); // input has begun, but the pipe stays open
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    // Ended by the signal itself (the shell shows 130), or by exit code 130.
    expect({ interrupted: code === 130 || signal === 'SIGINT', stdout, stderr }).toEqual({
      interrupted: true,
      stdout: '',
      stderr: '',
    });
  });

  // A long computation is synchronous: a JS signal handler would run only after it. SIGINT
  // and SIGTERM are left to the kernel, which ends the process at once. "At once" is checked
  // as "before it finished" (a finished run prints the loss) with a wide margin on time.
  for (const [name, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it.skipIf(!HAS_PROC)(
      `${name} during a long computation ends it at once (${status}), with no output and no trace`,
      async () => {
        const { child, ended } = start(['ntxent', '-i', longNtxentInput(), '-f', 'json']);
        expect(await busyFor(child.pid!, 1.5), 'the computation finished before it could be interrupted').toBe(true);
        const sent = Date.now();
        child.kill(name);
        const r = await ended;
        expect({ byTheSignal: r.code === status || r.signal === name, stdout: r.stdout, stderr: r.stderr }).toEqual({
          byTheSignal: true,
          stdout: '',
          stderr: '',
        });
        expect(r.at - sent).toBeLessThan(5000); // the whole computation takes far longer
      },
      60_000,
    );
  }

  // With stderr on a terminal a progress line is shown while reading; Ctrl-C then clears it
  // before xent dies of the signal. (`script` gives the run a terminal.)
  it.skipIf(!HAS_SCRIPT)(
    'Ctrl-C while a progress line is shown clears the line and exits 130',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xent-tty-'));
      const run = join(dir, 'run.sh');
      const pidFile = join(dir, 'pid');
      writeFileSync(
        run,
        [
          // rows arriving slowly (up to 30 s): the progress line appears after a second of reading
          `exec 3< <(for i in $(seq 300); do echo 1 2 3; sleep 0.1; done)`,
          `'${process.execPath}' '${BIN}' softmax -f json <&3 > '${join(dir, 'out')}' &`,
          `echo $! > '${pidFile}'`,
          'wait $!',
          'echo "[status $?]"',
        ].join('\n'),
      );
      const terminal = spawn('script', ['-qc', `bash '${run}'`, '/dev/null'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, LANG: 'C' },
      });
      let screen = '';
      const closed = new Promise<void>((resolve) => terminal.on('close', () => resolve()));
      await new Promise<void>((resolve) =>
        terminal.stdout!.on('data', (d) => {
          screen += d;
          if (/reading standard input: [\d.]+ MB, \d+ rows/.test(screen)) resolve();
        }),
      );
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGINT'); // once the line is on the screen
      await closed;
      expect(screen.replace(/\r\n/g, '\n')).toMatch(/\r\u001b\[K\[status 130\]\n$/); // the line cleared, then the shell's 130
      expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('');
    },
    60_000,
  );

  it("retrieval from a pipe: the file's bytes, and Ctrl-C mid-read leaves no temporary file", async () => {
    const work = mkdtempSync(join(tmpdir(), 'xent-spill-'));
    const sim = join(work, 'sim.csv');
    writeFileSync(
      sim,
      Array.from({ length: 50 }, (_, i) =>
        Array.from({ length: 150 }, (_, j) => ((i * 150 + j) % 89) / 89 + (Math.floor(j / 3) === i ? 0.5 : 0)).join(
          ',',
        ),
      ).join('\n') + '\n',
    );
    const spill = join(work, 'tmp');
    spawnSync('mkdir', [spill]);
    const argv = `retrieval --captions-per-image 3 -f json`;
    const piped = shell(`cat '${sim}' | xent ${argv}`, { TMPDIR: spill });
    expect(piped).toEqual(shell(`xent ${argv} -i '${sim}'`));
    expect(piped.code).toBe(0);
    expect(readdirSync(spill)).toEqual([]);
    // Part of the input, then a pipe that stays open: the run waits in its first reading.
    const child = spawn(process.execPath, [BIN, ...argv.split(' ')], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C', TMPDIR: spill },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.stdin.write(readFileSync(sim, 'utf8').slice(0, 20_000));
    // The copy is open, under TMPDIR, and already unlinked (looked for until the run gets there: a loaded machine starts slowly).
    const copies = () =>
      readdirSync(`/proc/${child.pid}/fd`)
        .map((fd) => {
          try {
            return readlinkSync(`/proc/${child.pid}/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .filter((target) => target.startsWith(spill));
    if (HAS_PROC) {
      for (let k = 0; k < 100 && copies().length === 0; k++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(copies()).toEqual([expect.stringMatching(/ \(deleted\)$/)]);
    } else await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    expect({ interrupted: code === 130 || signal === 'SIGINT', output, left: readdirSync(spill) }).toEqual({
      interrupted: true,
      output: '',
      left: [],
    });
  });

  it('a closed stdin is no input: a clear error, exit 2, no trace', () => {
    const r = shell('xent softmax <&-');
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'xent: error: no numbers found in standard input\n' });
  });

  it('a full disk (/dev/full) is reported, non-zero, without a trace', () => {
    const r = shell('timeout 10 xent softmax 1 2 > /dev/full');
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(124); // not the timeout: it did not hang
    expect(r.stderr).toBe('xent: error: cannot write the output: no space left on device\n');
    expect(r.code).toBe(74);
    expect(r.stderr).not.toMatch(TRACE);
  });

  // With stdout closed (`>&-`) Node opens /dev/null as fd 1 at start-up, so the output would
  // vanish; xent tells that descriptor from a user's `> /dev/null` (Linux) and says so.
  it('a closed stdout is reported, non-zero, without hanging', () => {
    const r = shell('timeout 10 xent softmax 1 2 >&-');
    expect(r.code).not.toBe(124);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe('xent: error: standard output is closed: nowhere to write the result\n');
    expect(r.code).toBe(74);
  });
  it('> /dev/null is not a closed stdout', () => {
    expect(shell('xent softmax 1 2 > /dev/null')).toMatchObject({ code: 0, stderr: '' });
  });

  // stderr failing: nothing can be reported, and the code stays the run's own (never 1,
  // which says an --expect value is wrong).
  describe('a failing stderr keeps the exit code of the run', () => {
    const runs: [string, number][] = [
      ['softmax 1 2', 0],
      ['softmax abc', 2], // an error message that cannot be written
      ['ce --probs 0.5,0.6 -y 0 -f value', 0], // a warning that cannot be written
      ['softmax 1 2 --expect 0.5,0.5 -f value', 1],
    ];
    it.each(runs)('2>&- (closed): xent %s exits %i', (args, code) => {
      expect(shell(`xent ${args} 2>&-`).code).toBe(code);
    });
    it.each(runs)('a stderr whose reader has gone (EPIPE): xent %s exits %i', async (args, code) => {
      const { child, ended } = start(args.split(' '));
      child.stderr!.destroy(); // the read end closes before xent writes
      const r = await ended;
      expect({ code: r.code, signal: r.signal }).toEqual({ code, signal: null });
    });
    it.each(runs)('2> /dev/full: xent %s exits %i, or 74 where a successful run lost its warning', (args, code) => {
      const lost = args.startsWith('ce --probs');
      const r = shell(`timeout 10 xent ${args} 2> /dev/full`);
      expect(r.code).toBe(lost ? 74 : code);
      if (code !== 2) expect(r.stdout).not.toBe('');
    });
  });

  it("an error that escapes the run is an internal error (70) with the message, not Node's exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), 'xent-throw-'));
    const preload = join(dir, 'throw-later.cjs');
    writeFileSync(preload, "setImmediate(() => { throw new Error('a stream broke'); });\n");
    const r = spawnSync(process.execPath, ['--require', preload, BIN, 'softmax', '1', '2'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });
    expect(r.status).toBe(70);
    expect(r.stderr).toBe(
      'xent: error: internal error: a stream broke (please report it; XENT_DEBUG=1 shows the stack)\n',
    );
    const debug = spawnSync(process.execPath, ['--require', preload, BIN, 'softmax', '1', '2'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', XENT_DEBUG: '1' },
    });
    expect(debug.stderr).toMatch(/shows the stack\)\nError: a stream broke\n\s+at /);
  });

  it('a closed stdout does not hang or leave a trace', () => {
    const r = shell('timeout 10 xent softmax 1 2 >&-');
    expect(r.code).not.toBe(124);
    expect(r.stderr).not.toMatch(TRACE);
  });
});

describe('files', () => {
  it('nothing is written to the working directory, whatever the command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xent-cwd-'));
    const runs = [
      'xent softmax 1 2 3',
      'xent ce --example -y 0,1,2 --explain --expect 0.5 -f table',
      'xent clip --example -g -f json',
      'xent descend --example --steps 3 -f csv',
      'xent demo',
      'echo "1,2" | xent softmax -i - -f markdown',
      'xent softmax -i no-such-file',
      'xent completion bash',
      'xent --help',
    ];
    for (const command of runs) shell(`cd '${dir}' && ${command} > /dev/null 2>&1`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('XENT_DEBUG=1 adds nothing to a plain bad-input error (a stack is for internal errors)', () => {
    const r = shell('xent softmax abc', { XENT_DEBUG: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "xent: error: 'abc' at row 1, column 1 of the arguments is not a number (allowed: numbers such as 2, -0.5, .5, 1e-3, and inf, -inf)\n",
    );
  });
});
