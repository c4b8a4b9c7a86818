// Brackets and calls around the data (src/text/brackets.ts).
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, Nesting } from '../../src/text/brackets.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { thrown } from '../helpers/error-key.js';

const SRC = { key: 'source.args' } as const;

describe('Nesting', () => {
  it('knows what closes each bracket, and when a group holds groups', () => {
    const nesting = new Nesting(SRC);
    nesting.push('[', 1, 1, 1);
    expect([nesting.depth, nesting.nested]).toEqual([1, false]);
    nesting.push('(', 1, 1, 2);
    expect([nesting.depth, nesting.nested]).toEqual([2, true]);
    expect([nesting.closes(')'), nesting.closes(']')]).toEqual([true, false]);
    nesting.pop();
    expect([nesting.closes(']'), nesting.closes(')')]).toEqual([true, false]);
    nesting.pop();
    expect([nesting.depth, nesting.nested]).toEqual([0, false]);
    expect(() => nesting.finish()).not.toThrow();
  });

  it('refuses brackets nested deeper than MAX_DEPTH, naming the line and column', () => {
    const nesting = new Nesting(SRC);
    for (let k = 0; k < MAX_DEPTH; k++) nesting.push('[', 1, 1, k + 1);
    expect(thrown(() => nesting.push('[', 1, 3, 7))).toEqual({
      key: 'err.tooDeep',
      params: { source: SRC, max: MAX_DEPTH, line: 3, column: 7 },
    });
  });

  it('a call ends its data with its last bracket; left open, it is an error', () => {
    const nesting = new Nesting(SRC);
    nesting.openCall(4);
    nesting.push('[', 4, 1, 8);
    nesting.pop();
    expect(nesting.call).toBe('tail');
    expect(thrown(() => nesting.finish())).toEqual({
      key: 'err.unclosed',
      params: { source: SRC, token: '(', row: 4 },
    });
  });

  it('the innermost bracket left open is named, with the row it opened', () => {
    const nesting = new Nesting(SRC);
    nesting.push('[', 1, 1, 1);
    nesting.push('(', 3, 2, 1);
    expect(thrown(() => nesting.finish())).toEqual({
      key: 'err.unclosed',
      params: { source: SRC, token: '(', row: 3 },
    });
  });

  it('as the reader uses it: an unclosed tail and an unclosed call', () => {
    expect(thrown(() => parseMatrixText('tensor([1, 2], dtype=float', SRC))).toMatchObject({
      key: 'err.unclosed',
      params: { token: '(', row: 1 },
    });
    expect(thrown(() => parseMatrixText('tensor(1, 2', SRC))).toMatchObject({
      key: 'err.unclosed',
      params: { token: '(', row: 1 },
    });
    expect(parseMatrixText('tensor(1, 2)', SRC).data).toEqual(new Float64Array([1, 2]));
  });
});
