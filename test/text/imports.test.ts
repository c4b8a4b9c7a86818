// The parts of the text reader import one way: the scanners and the token below, the first
// line, brackets and rows above them, the grammar above those, the public face on top.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../src/text', import.meta.url));
/** Each file's level: a file imports only files of lower levels. */
const LEVEL: Record<string, number> = {
  'normalize.ts': 0,
  'decimal.ts': 0,
  'json-records.ts': 0,
  'latex.ts': 0,
  'ratio.ts': 0.5,
  'number.ts': 1,
  'detect.ts': 1,
  'tokens.ts': 2,
  'header.ts': 3,
  'columns.ts': 3,
  'brackets.ts': 3,
  'matrix-builder.ts': 4,
  'notation.ts': 5,
  'matrix-text.ts': 6,
  'option-values.ts': 7,
  'temperatures.ts': 7,
  'library.ts': 7,
};

/** The files of src/text/ that `file` imports (type-only imports too). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'\.\/([\w-]+)\.js'/gm)].map((m) => `${m[1]}.ts`);
}

describe('src/text/ imports', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it('every file has a level', () => {
    expect(files.filter((f) => !(f in LEVEL))).toEqual([]);
  });

  it.each(files)('%s imports only files below it', (file) => {
    const upward = importsOf(file).filter((imported) => !(LEVEL[imported] < LEVEL[file]));
    expect(upward).toEqual([]);
  });

  it('the reader imports what it should (the test reads the imports)', () => {
    expect(importsOf('notation.ts').sort()).toEqual([
      'brackets.ts',
      'columns.ts',
      'header.ts',
      'matrix-builder.ts',
      'tokens.ts',
    ]);
  });
});
