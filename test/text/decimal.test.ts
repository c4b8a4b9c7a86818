// The decimal scanners (src/text/decimal.ts): whole tokens, tokens read a character at a
// time, and the fast path's bytes all give exactly Number(token).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/core/matrix.js';
import { DecimalReader, isDecimal, isDelimiter, scanDecimal } from '../../src/text/decimal.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { thrown } from '../helpers/error-key.js';

const SRC = { key: 'source.args' } as const;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Decimal strings: a sign, up to 22 digits each side of an optional point, an optional exponent. */
const decimalText = (() => {
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 22 });
  return fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      digits,
      fc.boolean(),
      digits,
      fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 400 }))),
    )
    .map(
      ([sign, int, point, frac, exp]) =>
        `${sign}${int}${point ? '.' : ''}${frac}${exp ? `${exp[0]}${exp[1]}${exp[2]}` : ''}`,
    );
})();

describe('every number parses to exactly Number(token)', () => {
  // On the second line, where the fast path reads numbers (the first line is held back).
  // A token that Number() reads as ±inf although written as a finite decimal (1e309) is
  // refused as beyond a double, not read as inf.
  const parseOne = (token: string) => {
    if (!Number.isFinite(Number(token))) {
      expect(thrown(() => parseMatrixText(`0 0\n${token} 0\n`, SRC)).key, token).toBe('err.overflow');
      return Number(token);
    }
    return parseMatrixText(`0 0\n${token} 0\n`, SRC).data[2];
  };
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('random doubles in every notation', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 0, max: 20 }), (x, digits) => {
        const forms = [
          String(x),
          x.toExponential(),
          x.toFixed(Math.min(digits, 20)),
          x.toPrecision(Math.max(1, digits)),
          x.toExponential(Math.min(digits, 20)).toUpperCase(),
        ];
        for (const token of forms) expect(Object.is(parseOne(token), Number(token)), token).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('random decimal strings', () => {
    const token = decimalText.filter((t) => DECIMAL.test(t));
    fc.assert(
      fc.property(token, (t) => {
        expect(Object.is(parseOne(t), Number(t)), t).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('whole rows take the same path as single tokens', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ' ', '\t', ', '),
        (xs, sep) => {
          const text = `${xs.map(String).join(sep)}\n${xs.map((x) => x.toFixed(6)).join(sep)}\n`;
          const m = toRows(parseMatrixText(text, SRC));
          expect(m[0].every((v, i) => Object.is(v, Number(String(xs[i]))))).toBe(true);
          expect(m[1].every((v, i) => Object.is(v, Number(xs[i].toFixed(6))))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('scanDecimal (the fast path)', () => {
  const scan = (text: string) => {
    const out = new Float64Array(1);
    const end = scanDecimal(new TextEncoder().encode(text), 0, out);
    return { end, value: out[0] };
  };

  it('reads a short decimal before a delimiter to Number(token), or leaves it to the general way', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(' ', ',', '\n', '\t', '\r', ';', ']', ')', '#'), (t, delimiter) => {
        const { end, value } = scan(t + delimiter);
        if (end >= 0) {
          expect(DECIMAL.test(t), t).toBe(true);
          expect(end, t).toBe(t.length);
          expect(Object.is(value, Number(t)), t).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['a plain decimal', '-12.345,', 7, -12.345],
    ['a point first', '.5 ', 2, 0.5],
    ['an exponent', '7e-3\n', 4, 0.007],
    ['15 digits', '123456789012345 ', 15, 123456789012345],
    ['a plus sign', '+1;', 2, 1],
  ])('%s is read', (_name, text, end, value) => {
    expect(scan(text)).toEqual({ end, value });
  });

  it.each([
    ['16 digits', '1234567890123456 '],
    ['an exponent past 22 places', '1e23 '],
    ['a scale past 22 places', '0.00000000000000000000001 '],
    ['no digits', '- '],
    ['a letter after it', '1x '],
    ['a bracket after it', '1['],
    ['an exponent without digits', '1e '],
    ['five exponent digits', '1e00001 '],
    ['a second point', '1.2.3 '],
  ])('%s goes the general way', (_name, text) => {
    expect(scan(text).end).toBe(-1);
  });

  it('delimiters are the separators that may end a number', () => {
    const delimiters = Array.from({ length: 128 }, (_, c) => c)
      .filter(isDelimiter)
      .map((c) => String.fromCharCode(c));
    expect(delimiters.sort()).toEqual(['\t', '\n', '\r', ' ', '#', ')', ',', ';', ']', '}'].sort());
  });
});

describe('isDecimal and DecimalReader agree with the grammar and with Number()', () => {
  const read = (text: string) => {
    const reader = new DecimalReader();
    for (let k = 0; k < text.length; k++) reader.push(text.charCodeAt(k));
    return reader;
  };
  const text = fc.oneof(decimalText, fc.string({ unit: fc.constantFrom(...'0123456789.eE+-x'), maxLength: 30 }));

  it('accepts what the grammar accepts, with the value Number() gives', () => {
    fc.assert(
      fc.property(text, (t) => {
        const reader = read(t);
        expect(isDecimal(t), t).toBe(DECIMAL.test(t));
        expect(reader.accepted(), t).toBe(DECIMAL.test(t));
        if (reader.accepted()) expect(Object.is(reader.value(), Number(t)), t).toBe(true);
        // alive: more characters could still make a decimal.
        if (!reader.alive()) expect(DECIMAL.test(`${t}1`) || DECIMAL.test(`${t}e1`), t).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('unpush forgets a closing quote; reset starts a new token', () => {
    const reader = read('1.5');
    reader.push(34);
    expect(reader.accepted()).toBe(false);
    reader.unpush();
    expect([reader.accepted(), reader.value()]).toEqual([true, 1.5]);
    reader.reset();
    for (const c of '-0') reader.push(c.charCodeAt(0));
    expect(Object.is(reader.value(), -0)).toBe(true);
  });

  it('is ±inf past a double (the caller calls it an overflow)', () => {
    expect(read('1e400').value()).toBe(Infinity);
    expect(read(`-${'9'.repeat(400)}`).value()).toBe(-Infinity);
  });
});
