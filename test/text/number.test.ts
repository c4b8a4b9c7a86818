// One token to one double (src/text/number.ts): decimals as Number() reads them, inf and
// nan in any case, everything else a word.
import { describe, expect, it } from 'vitest';
import { finiteOrOverflow, readNumber, readWord } from '../../src/text/number.js';

describe('readNumber', () => {
  it.each([
    '1',
    '-1',
    '+1',
    '.5',
    '5.',
    '1e-3',
    '1E+3',
    '-0',
    '123456789012345678901234567890',
    '4.9e-324',
    '1.7976931348623157e308',
  ])('%s reads as Number(%s)', (token) => {
    expect(readNumber(token)).toEqual({ kind: 'number', value: Number(token) });
  });
  it.each(['', '.', 'e5', '1e', '--1', '1.2.3', '0x1f', '1_000', 'abc', '1,5'])('%s is not a number', (token) => {
    expect(readNumber(token).kind).toBe('other');
  });

  it('a finite decimal beyond a double overflows; inf and nan are words', () => {
    expect(readNumber('1e309')).toEqual({ kind: 'overflow' });
    expect(readNumber('-1e309')).toEqual({ kind: 'overflow' });
    expect(readNumber('-Infinity')).toEqual({ kind: 'number', value: -Infinity });
    expect(readNumber('+INF')).toEqual({ kind: 'number', value: Infinity });
    expect(readNumber('NaN')).toEqual({ kind: 'nan' });
    expect(readWord('infinityy')).toEqual({ kind: 'other' });
    expect(finiteOrOverflow(-Infinity)).toEqual({ kind: 'overflow' });
    expect(finiteOrOverflow(-0)).toEqual({ kind: 'number', value: -0 });
  });
});
