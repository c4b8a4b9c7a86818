// `npm run readme`: runs every ```console example of README.md and README.zh-CN.md and writes
// its current output under it. Read the diff before committing: the README test
// (test/binary.test.ts) then checks that each example still prints exactly this.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const binDir = mkdtempSync(join(tmpdir(), 'xent-readme-'));
symlinkSync(join(ROOT, 'bin', 'xent.js'), join(binDir, 'xent'));
const env = { PATH: `${binDir}:${process.env.PATH}`, LANG: 'C.UTF-8', NO_COLOR: '1', HOME: process.env.HOME ?? '/tmp' };

function run(command) {
  try {
    return execFileSync('bash', ['-c', `${command} 2>&1`], { cwd: ROOT, env, encoding: 'utf8', input: '' });
  } catch (error) {
    return error.stdout ?? '';
  }
}

for (const file of ['README.md', 'README.zh-CN.md']) {
  const path = join(ROOT, file);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    continue;
  }
  const filled = text.replace(/```console\n([\s\S]*?)```/g, (_block, body) => {
    const commands = body.split('\n').filter((line) => line.startsWith('$ '));
    const parts = commands.map((line) => `${line}\n${run(line.slice(2)).replace(/\n$/, '')}`);
    return '```console\n' + parts.join('\n') + '\n```';
  });
  writeFileSync(path, filled);
}
