// Numbers written as a ratio of two decimals: `1/3`, `9/25`, `-0.1/0.3` (LaTeX's \frac{a}{b}
// becomes one), and percentages `70%`. The value is the double nearest the exact quotient,
// computed in integers (BigInt): dividing the two doubles Number(a) / Number(b) rounds three
// times and may give another double (0.1/0.3 → 0.33333333333333337, the ratio is 1/3).
import { isDecimal } from './decimal.js';

/** A decimal as an integer and a power of ten: sign · digits · 10^exponent. */
interface ExactDecimal {
  readonly negative: boolean;
  readonly digits: bigint;
  readonly exponent: number;
}

/** A decimal's exact value; `text` is known to be a decimal (isDecimal). */
function exactDecimal(text: string): ExactDecimal {
  let k = 0;
  const negative = text[0] === '-';
  if (negative || text[0] === '+') k = 1;
  const e = text.search(/[eE]/);
  const mantissa = text.slice(k, e < 0 ? text.length : e);
  // A huge exponent (1e999999) only says overflow or underflow: capped, as Number() would round it.
  const exponent = e < 0 ? 0 : Math.max(-1e6, Math.min(1e6, Number(text.slice(e + 1))));
  const point = mantissa.indexOf('.');
  const whole = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const fraction = point < 0 ? 0 : mantissa.length - point - 1;
  return { negative, digits: BigInt(whole), exponent: exponent - fraction };
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/**
 * The double nearest num/den (both > 0), ties to even, with subnormals and overflow to
 * inf as IEEE 754 rounds them.
 *
 * @example nearestDouble(1n, 3n) // 0.3333333333333333, the same as 1 / 3
 */
export function nearestDouble(num: bigint, den: bigint): number {
  // q = ⌊num · 2^shift / den⌋ with 54 or 55 bits: one more than a double keeps, and a sticky
  // remainder for the rest.
  const shift = 54 - (bitLength(num) - bitLength(den));
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  const q = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen !== 0n;
  const bits = bitLength(q);
  const top = bits - 1 - shift; // the exponent of the leading bit
  if (top > 1023) return Infinity;
  // Below 2^-1022 a double keeps fewer bits (subnormals): as many as reach down to 2^-1074.
  const precision = top >= -1022 ? 53 : top + 1075;
  const drop = bits - precision;
  let kept = q >> BigInt(drop);
  const rest = q - (kept << BigInt(drop));
  const half = 1n << BigInt(drop - 1);
  if (rest > half || (rest === half && (sticky || (kept & 1n) === 1n))) kept++;
  // kept < 2^54 and the power of two are exact doubles: one product, exact (or inf past 2^1024).
  return Number(kept) * 2 ** (drop - shift);
}

/** How far from 1 a decimal of this many digits and this exponent can be, in powers of ten. */
function magnitude(d: ExactDecimal): number {
  return d.digits.toString().length + d.exponent;
}

/** The double nearest a/b, for decimals a and b (b ≠ 0). */
function quotient(a: ExactDecimal, b: ExactDecimal): number {
  const negative = a.negative !== b.negative;
  if (a.digits === 0n) return negative ? -0 : 0;
  // Far beyond a double's range either way: no need for integers of a million digits.
  const order = magnitude(a) - magnitude(b);
  let value: number;
  if (order > 330) value = Infinity;
  else if (order < -330) value = 0;
  else {
    const scale = a.exponent - b.exponent;
    const num = scale >= 0 ? a.digits * 10n ** BigInt(scale) : a.digits;
    const den = scale >= 0 ? b.digits : b.digits * 10n ** BigInt(-scale);
    value = nearestDouble(num, den);
  }
  return negative ? -value : value;
}

/** What a ratio or percentage token reads as; 'none' if it is neither. */
export type RatioRead =
  | { readonly kind: 'ratio'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'zeroDivision' }
  | { readonly kind: 'none' };

const NONE: RatioRead = { kind: 'none' };

/**
 * `a/b` (decimals, either signed) or `a%` (a decimal): its value, the double nearest the
 * exact quotient (a / 100 for a percentage). `x/0` is a zero division. Anything else: 'none'.
 */
export function readRatio(token: string): RatioRead {
  if (token.length > 1 && token.charCodeAt(token.length - 1) === 37) {
    const number = token.slice(0, -1);
    if (!isDecimal(number)) return NONE;
    return { kind: 'percent', value: quotient(exactDecimal(number), exactDecimal('100')) };
  }
  const slash = token.indexOf('/');
  if (slash <= 0) return NONE;
  const a = token.slice(0, slash);
  const b = token.slice(slash + 1);
  if (!isDecimal(a) || !isDecimal(b)) return NONE;
  const den = exactDecimal(b);
  if (den.digits === 0n) return { kind: 'zeroDivision' };
  return { kind: 'ratio', value: quotient(exactDecimal(a), den) };
}
