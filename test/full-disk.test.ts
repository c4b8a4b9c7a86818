// A disk that fills while xent writes: every format, streamed or not, ends with exit 74 and
// a message, never with a truncated file and exit 0. Needs a small tmpfs, which only root
// with CAP_SYS_ADMIN can mount (as on CI and the developers' machines); skipped elsewhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { shell } from './helpers/binary.js';

const SIZE = 64 * 1024;
const work = mkdtempSync(join(tmpdir(), 'xent-disk-'));
const disk = join(work, 'disk');
const input = join(work, 'rows.csv');

function mountSmallDisk(): boolean {
  spawnSync('mkdir', ['-p', disk]);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', disk], { stdio: 'ignore' }).status === 0;
}

const mounted = process.platform === 'linux' && mountSmallDisk();
if (!mounted) console.warn('full-disk tests skipped: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)');

// 30 000 rows: every format's output is several times the disk.
writeFileSync(input, Array.from({ length: 30_000 }, (_, k) => `${k % 7},${k % 3},${-(k % 5)}`).join('\n') + '\n');

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(work, { recursive: true, force: true });
});

const targets = Array.from({ length: 30_000 }, (_, k) => k % 3).join(',');
const FULL = 'xent: error: cannot write the output: no space left on device\n';

describe.skipIf(!mounted)('a disk that fills mid-write', () => {
  afterEach(() => {
    for (const name of readdirSync(disk)) rmSync(join(disk, name), { force: true });
  });
  const cases: [string, string][] = [
    ['softmax -f json (written at the end, one large write)', `xent softmax -f json -i '${input}'`],
    ['softmax -f tsv (streamed as it is computed)', `xent softmax -f tsv -i '${input}'`],
    ['softmax -f csv', `xent softmax -f csv -i '${input}'`],
    ['softmax -f markdown', `xent softmax -f markdown --full -i '${input}'`],
    ['ce -f json', `xent ce -f json -y ${targets} -i '${input}'`],
    ['ce -g -f tsv (not streamed)', `xent ce -g -f tsv -y ${targets} -i '${input}'`],
    ['softmax on stdin, -f tsv', `xent softmax -f tsv < '${input}'`],
  ];
  it.each(cases)('%s: exit 74 and a message, no trace', (_, command) => {
    const out = join(disk, 'out');
    const r = shell(`timeout 60 ${command} > '${out}'`);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 74, stderr: FULL });
  });

  it('retrieval from a pipe, its temporary copy on the full disk: exit 74 and a message, nothing left', () => {
    const sim = join(work, 'sim.csv');
    // 60 images × 300 texts, ~1 MB: many times the disk.
    writeFileSync(
      sim,
      Array.from({ length: 60 }, (_, i) =>
        Array.from({ length: 300 }, (_, j) => ((i * 300 + j) % 97) / 97 + (Math.floor(j / 5) === i ? 1 : 0)).join(','),
      ).join('\n') + '\n',
    );
    const r = shell(`TMPDIR='${disk}' timeout 60 xent retrieval --captions-per-image 5 -f json < '${sim}'`);
    expect(r.code).toBe(74);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `xent: error: cannot write a temporary file in '${disk}': no space left on device (a piped input read twice is copied there, and the rows of softmax -f json past a megabyte are kept there; set TMPDIR to a disk with room, or give a piped input read twice as a file with -i FILE)\n`,
    );
    expect(readdirSync(disk)).toEqual([]);
  });

  it('an output that fits is written whole, exit 0', () => {
    const out = join(disk, 'small');
    const r = shell(`xent softmax -f json 1 2 3 > '${out}'`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).probs).toHaveLength(1);
  });
});
