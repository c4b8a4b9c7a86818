// The conventions of the libraries people compare with: each case of
// test/fixtures/oracle/conventions.json holds a library's loss, computed from its own code
// (generate.py names the file and commit), and the xent command line that must print the same
// numbers (--as LIBRARY, or the options one by one), to the fixtures' tolerance.
import { describe, expect, it } from 'vitest';
import { expectClose, loadOracle } from './helpers/oracle.js';
import { xent } from './helpers/cli.js';

interface ConventionCase {
  id: string;
  library: string;
  convention: string;
  xent: string[];
  expected: Record<string, unknown>;
}

const { cases } = loadOracle<ConventionCase>('conventions');

describe('xent prints the libraries’ own numbers', () => {
  it.each(cases.map((c) => [c.id, c.convention, c] as const))('%s (%s)', async (_id, _convention, c) => {
    const r = await xent([...c.xent, '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const [key, value] of Object.entries(c.expected)) expectClose(out[key], value, `${c.id}.${key}`);
  });

  it('every library and every convention has a case', () => {
    expect(new Set(cases.map((c) => c.library))).toEqual(
      new Set(['open_clip', 'hf', 'simclr', 'supcontrast', 'pml', 'torch', 'keras', 'tutorial']),
    );
  });
});
