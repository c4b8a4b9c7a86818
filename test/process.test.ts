// The built binary as a process: closed pipes, Ctrl-C, a closed stdin or stdout, a full disk,
// and no file written that the user did not name. (`npm test` builds dist/ first.)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, shell } from './helpers/binary.js';

const BIN = join(ROOT, 'bin', 'xent.js');
const TRACE = /\n\s+at |Error:|node:internal/;

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

  it('Ctrl-C (SIGINT) while it waits for input exits 130 without a trace', async () => {
    const child = spawn(process.execPath, [BIN, 'softmax'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C' } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    child.stdin.write('1 2 3\n4 5 6\n'); // input has begun, but the pipe stays open
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect({ code, signal, stdout, stderr }).toEqual({ code: 130, signal: null, stdout: '', stderr: '' });
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
