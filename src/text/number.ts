// One token to one double. The grammar is stricter than Number() (which accepts "", "0x10",
// " 1 ") but every accepted token gets exactly Number(token)'s value. Decimals are told and
// read by the scanners in decimal.ts; here are the words that are numbers too (inf, nan).
import { isDecimal } from './decimal.js';

const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const NAN = /^[+-]?nan$/i;
/** The longest token INFINITY or NAN can match ("-infinity"). */
const LONGEST_WORD = 9;

/** 'overflow': written as a finite decimal but beyond a double (1e309), which Number() makes inf. */
export type NumberToken =
  | { kind: 'number'; value: number }
  | { kind: 'nan' }
  | { kind: 'overflow' }
  | { kind: 'other' };

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

/** inf, infinity, nan (any case, signed): the tokens that are not decimals but read as numbers. */
export function readWord(token: string): NumberToken {
  if (token.length > LONGEST_WORD) return { kind: 'other' };
  const inf = INFINITY.exec(token);
  if (inf) return { kind: 'number', value: inf[1] === '-' ? -Infinity : Infinity };
  if (NAN.test(token)) return { kind: 'nan' };
  return { kind: 'other' };
}
