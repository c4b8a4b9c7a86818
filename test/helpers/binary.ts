// Runs the built binary (bin/xent.js → dist/xent.cjs) as a user would, through a shell
// whose PATH finds `xent`. `npm test` builds before the tests run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const binDir = mkdtempSync(join(tmpdir(), 'xent-bin-'));
symlinkSync(join(ROOT, 'bin', 'xent.js'), join(binDir, 'xent'));

export interface ShellResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a shell command line with `xent` on the PATH, plain colour, English, stdin closed. */
export function shell(command: string, env: Record<string, string> = {}, input = ''): ShellResult {
  const result = spawnSync('bash', ['-c', command], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: {
      PATH: `${binDir}:${process.env.PATH}`,
      LANG: 'C.UTF-8',
      NO_COLOR: '1',
      HOME: process.env.HOME ?? '/tmp',
      ...env,
    },
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
