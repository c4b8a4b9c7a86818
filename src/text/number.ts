// One token to one double. The grammar is stricter than Number() (which accepts "", "0x10",
// " 1 ") but every accepted token gets exactly Number(token)'s value. Decimals are told and
// read by the scanners in decimal.ts; here are the words that are numbers too (inf, nan),
// ratios (1/3, read exactly in ratio.ts), Mathematica's exponent (1.5*^-3) and percentages.
import { isDecimal } from './decimal.js';
import { readRatio } from './ratio.js';

const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const NAN = /^[+-]?nan$/i;
/** The longest token INFINITY or NAN can match ("-infinity"). */
const LONGEST_WORD = 9;

/**
 * 'overflow': written as a finite decimal but beyond a double (1e309), which Number() makes inf.
 * 'percent': `70%`, a number only where a probability is expected (the reader is told).
 * 'zeroDivision': a ratio `x/0`.
 */
export type NumberToken =
  | { kind: 'number'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'nan' }
  | { kind: 'overflow' }
  | { kind: 'zeroDivision' }
  | { kind: 'other' };

/** Mathematica's scientific notation, `1.5*^-3` for 1.5e-3. */
const MATHEMATICA_EXPONENT = /^([^*]+)\*\^([+-]?\d+)$/;

export function readNumber(token: string): NumberToken {
  return isDecimal(token) ? decimalValue(token) : readWord(token);
}

/** The value of a token known to be a decimal: Number(token), or 'overflow' where that is ±inf. */
export function decimalValue(token: string): NumberToken {
  return finiteOrOverflow(Number(token));
}

/** A decimal's value as a token: itself, or 'overflow' where it is ±inf (beyond a double). */
export function finiteOrOverflow(value: number): NumberToken {
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'overflow' };
}

/**
 * The tokens that are not decimals but read as numbers: inf, infinity, nan (any case,
 * signed), ratios `a/b` and percentages `a%` of decimals, and `a*^n`.
 */
export function readWord(token: string): NumberToken {
  if (token.length <= LONGEST_WORD) {
    const inf = INFINITY.exec(token);
    if (inf) return { kind: 'number', value: inf[1] === '-' ? -Infinity : Infinity };
    if (NAN.test(token)) return { kind: 'nan' };
  }
  const ratio = readRatio(token);
  if (ratio.kind === 'ratio') return finiteOrOverflow(ratio.value);
  if (ratio.kind === 'percent') return Number.isFinite(ratio.value) ? ratio : { kind: 'overflow' };
  if (ratio.kind === 'zeroDivision') return ratio;
  const mathematica = MATHEMATICA_EXPONENT.exec(token);
  if (mathematica && isDecimal(mathematica[1]) && !/[eE]/.test(mathematica[1]))
    return decimalValue(`${mathematica[1]}e${mathematica[2]}`);
  return { kind: 'other' };
}
