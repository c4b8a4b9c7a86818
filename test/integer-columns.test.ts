// -p sets the decimals of fractions; whole-number columns (a target class, a step, the 0/1
// of `correct`, row numbers) stay integers whatever it says: `-p 3` once printed target
// 2 as 2.000 and correct as 1.000 in TSV and CSV.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

describe('integer columns under -p', () => {
  it('ce -f tsv -p 3: target and correct are integers, the rest has 3 decimals', async () => {
    const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-f', 'tsv', '-p', '3']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'target\tp_target\tloss\tcorrect\n0\t0.786\t0.241\t1\n2\t0.142\t1.954\t0\n',
    });
  });

  it('ce -f csv -p 2 with an ignored row: its target as given, no verdict', async () => {
    const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,-100', '-f', 'csv', '-p', '2']);
    expect(r.stdout).toBe('target,p_target,loss,correct\n0,0.79,0.24,1\n-100,nan,0.00,nan\n');
  });

  it('ce --one-based: the target as the user numbered it', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '3', '--one-based', '-f', 'tsv', '-p', '1']);
    expect(r.stdout).toBe('target\tp_target\tloss\tcorrect\n3\t3.9e-2\t3.2\t0\n');
  });

  it('descend -f tsv -p 2: the step is an integer', async () => {
    const r = await xent(['descend', '2,0.5,-1', '-y', '0', '--steps', '2', '-f', 'tsv', '-p', '2']);
    expect(r.stdout).toBe(
      'step\tloss\tp_positive\tpositive\tnegative\n0\t0.24\t0.79\t2.00\t-0.25\n1\t0.17\t0.84\t2.21\t-0.36\n2\t0.14\t0.87\t2.37\t-0.44\n',
    );
  });

  it.each([0, 1, 5, 12])('-p %i: every integer column of ce and descend reads as an integer', async (p) => {
    const ce = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2; 1,1,1', '-y', '0,2,-100', '-f', 'tsv', '-p', String(p)]);
    for (const line of ce.stdout.trim().split('\n').slice(1)) {
      const [target, , , correct] = line.split('\t');
      expect(target).toMatch(/^-?\d+$/);
      expect(correct).toMatch(/^(0|1|nan)$/);
    }
    const descend = await xent(['descend', '2,0.5,-1', '-y', '0', '--steps', '4', '-f', 'csv', '-p', String(p)]);
    expect(
      descend.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['0', '1', '2', '3', '4']);
  });

  it('tables and markdown: row numbers, targets and arg-max stay integers with -p 3', async () => {
    for (const format of ['table', 'markdown']) {
      const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-f', format, '-p', '3']);
      expect(r.stdout).not.toMatch(/\b[0-2]\.000\b/);
    }
    const table = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-f', 'table', '-p', '3']);
    expect(table.stdout.split('\n')[4]).toBe('│ 1   │      0 │       0 │ 0.786  ██████▎  │ 0.241  │       ✓ │');
  });

  it('without -p, TSV is at full precision and integers are integers', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '-f', 'tsv']);
    expect(r.stdout).toBe('target\tp_target\tloss\tcorrect\n0\t0.7855970345892759\t0.24131129665715703\t1\n');
  });
});
