// The decimal scanners: [+-]? ( \d+ \.? \d* | \. \d+ ) ( [eE] [+-]? \d+ )? read three ways,
// each in linear time (a regular expression such as \d+\.?\d* backtracks quadratically on a
// long run of digits followed by a letter):
//   isDecimal     a whole token held as a string
//   DecimalReader a token too long to hold, one character at a time, in bounded memory
//   scanDecimal   ASCII bytes, the fast path of a large file: its value straight from them
// Every value is the double Number(token) gives.

/** [+-]? ( \d+ \.? \d* | \. \d+ ) ( [eE] [+-]? \d+ )? — the whole of `text`. */
export function isDecimal(text: string): boolean {
  const n = text.length;
  let k = 0;
  let c = text.charCodeAt(0);
  if (c === 43 || c === 45) c = text.charCodeAt(++k);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = text.charCodeAt(++k);
  }
  if (c === 46) {
    c = text.charCodeAt(++k);
    while (c >= 48 && c <= 57) {
      digits++;
      c = text.charCodeAt(++k);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++k);
    if (c === 43 || c === 45) c = text.charCodeAt(++k);
    const start = k;
    while (c >= 48 && c <= 57) c = text.charCodeAt(++k);
    if (k === start) return false;
  }
  return k === n;
}

// The states of  [+-]? ( \d+ \.? \d* | \. \d+ ) ( [eE] [+-]? \d+ )?
const START = 0;
const SIGN = 1;
const INT = 2; // digits before the point: accepting
const POINT = 3; // a point with no digit before it
const FRACTION = 4; // after the point, with a digit before or after it: accepting
const E = 5;
const EXPONENT_SIGN = 6;
const EXPONENT = 7; // accepting
const DEAD = 8;

/**
 * Digits kept of a long mantissa. A double halfway between two others has at most 768
 * significant decimal digits, so the digits after the first 800 change the rounding only
 * by being zero or not: they are kept as one sticky digit.
 */
const KEPT_DIGITS = 800;
/** An exponent beyond this only says "overflow" or "underflow" (the mantissa has ≤ 801 digits). */
const EXPONENT_CAP = 1e6;

/**
 * A decimal read one character (UTF-16 unit) at a time, in memory that does not grow with
 * it: for a token too long to hold. `accepted()` tells whether what was pushed is a
 * decimal; `value()` gives Number(token) for it, computed from its first 800 significant
 * digits, a sticky digit for the rest, and its exponent.
 */
export class DecimalReader {
  private state = START;
  /** The state before the last character: a closing quote is dropped by `unpush()`. */
  private previous = START;
  private negative = false;
  private digits = '';
  /** Significant digits seen (from the first non-zero one), kept or not. */
  private significant = 0;
  /** Digits after the point, leading zeros included. */
  private fraction = 0;
  private sticky = false;
  private exponent = 0;
  private exponentNegative = false;

  /** Ready for the next token. */
  reset(): void {
    this.state = START;
    this.previous = START;
    this.negative = false;
    this.digits = '';
    this.significant = 0;
    this.fraction = 0;
    this.sticky = false;
    this.exponent = 0;
    this.exponentNegative = false;
  }

  push(c: number): void {
    this.previous = this.state;
    const digit = c >= 48 && c <= 57;
    switch (this.state) {
      case START:
      case SIGN:
        if (digit) {
          this.state = INT;
          this.mantissaDigit(c);
        } else if (c === 46) this.state = POINT;
        else if (this.state === START && (c === 43 || c === 45)) {
          this.state = SIGN;
          this.negative = c === 45;
        } else this.state = DEAD;
        return;
      case INT:
        if (digit) this.mantissaDigit(c);
        else if (c === 46) this.state = FRACTION;
        else this.state = c === 101 || c === 69 ? E : DEAD;
        return;
      case POINT:
      case FRACTION:
        if (digit) {
          this.state = FRACTION;
          this.fraction++;
          this.mantissaDigit(c);
        } else this.state = this.state === FRACTION && (c === 101 || c === 69) ? E : DEAD;
        return;
      case E:
      case EXPONENT_SIGN:
      case EXPONENT:
        if (this.state === E && (c === 43 || c === 45)) {
          this.state = EXPONENT_SIGN;
          this.exponentNegative = c === 45;
        } else if (digit) {
          this.state = EXPONENT;
          // Saturates: past the cap the value is inf or 0 whatever the other digits.
          if (this.exponent < 1e15) this.exponent = this.exponent * 10 + (c - 48);
        } else this.state = DEAD;
        return;
      default:
        return;
    }
  }

  /** Forgets the last character pushed, which was not a digit (a closing quote). */
  unpush(): void {
    this.state = this.previous;
  }

  /** Whether more characters could still make a decimal of what was pushed. */
  alive(): boolean {
    return this.state !== DEAD;
  }

  accepted(): boolean {
    return this.state === INT || this.state === FRACTION || this.state === EXPONENT;
  }

  /** The value of an accepted decimal: Number(token), ±inf where that is beyond a double. */
  value(): number {
    if (this.significant === 0) return this.negative ? -0 : 0;
    const dropped = this.significant - this.digits.length;
    let scale = (this.exponentNegative ? -this.exponent : this.exponent) - this.fraction + dropped;
    let digits = this.digits;
    if (this.sticky) {
      digits += '1';
      scale--;
    }
    scale = Math.max(-EXPONENT_CAP, Math.min(EXPONENT_CAP, scale));
    const value = Number(`${digits}e${scale}`);
    return this.negative ? -value : value;
  }

  private mantissaDigit(c: number): void {
    if (this.significant === 0 && c === 48) return;
    this.significant++;
    if (this.digits.length < KEPT_DIGITS) this.digits += String.fromCharCode(c);
    else if (c !== 48) this.sticky = true;
  }
}

/** Characters that may end a number token in the fast path: space \t \n \r , ; ] ) # } */
export function isDelimiter(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 59 || c === 93 || c === 41 || c === 35 || c === 125
  );
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles up to 1e22

/**
 * Reads a plain decimal (-12.345, .5, 7e-3) starting at `start` when it has at most 15
 * digits and a small exponent, and is followed by a delimiter. Its value is then m / 10^k or
 * m · 10^k with m and 10^k exact doubles, one correctly rounded operation: the same double
 * as Number(token). It goes in `out[0]` (a typed array: no object is written per number).
 * Returns the end index, or -1 when the token must go the general way.
 * The caller guarantees a delimiter at or after `start`, so every loop stops in bounds.
 */
export function scanDecimal(bytes: Uint8Array, start: number, out: Float64Array): number {
  let k = start;
  let c = bytes[k];
  const negative = c === 45;
  if (negative || c === 43) c = bytes[++k];
  // Digits, leading zeros included (a rare long token like 0.0000000000001234 then goes the
  // general way): at most 15 keep the mantissa an exact integer below 2⁵³. The first 9 are
  // summed as an int32, which is quicker than a double's multiply-add; any more as a double.
  let small = 0;
  let digits = 0;
  let fraction = 0; // digits after the point
  let d = (c - 48) >>> 0;
  while (d <= 9 && digits < 9) {
    small = (small * 10 + d) | 0;
    digits++;
    d = (bytes[++k] - 48) >>> 0;
  }
  let mantissa = small;
  while (d <= 9) {
    mantissa = mantissa * 10 + d;
    digits++;
    d = (bytes[++k] - 48) >>> 0;
  }
  if (bytes[k] === 46) {
    d = (bytes[++k] - 48) >>> 0;
    if (digits < 9) {
      while (d <= 9 && digits < 9) {
        small = (small * 10 + d) | 0;
        digits++;
        fraction++;
        d = (bytes[++k] - 48) >>> 0;
      }
      mantissa = small;
    }
    while (d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      fraction++;
      d = (bytes[++k] - 48) >>> 0;
    }
  }
  c = bytes[k];
  if (digits === 0 || digits > 15) return -1;
  // An exponent is rare in data: read apart, so that this function stays small enough for
  // V8 to inline into the loop that calls it.
  if (c === 101 || c === 69) return scanExponent(bytes, k, mantissa, fraction, negative, out);
  if (!isDelimiter(c)) return -1;
  return setValue(mantissa, -fraction, negative, out) ? k : -1;
}

/** The exponent part of scanDecimal's number (`e` at `k`); the same rules and result. */
function scanExponent(
  bytes: Uint8Array,
  k: number,
  mantissa: number,
  fraction: number,
  negative: boolean,
  out: Float64Array,
): number {
  let c = bytes[++k];
  const expNegative = c === 45;
  if (expNegative || c === 43) c = bytes[++k];
  let exponent = 0;
  let expDigits = 0;
  while (c >= 48 && c <= 57 && expDigits < 4) {
    exponent = exponent * 10 + (c - 48);
    expDigits++;
    c = bytes[++k];
  }
  if (expDigits === 0 || (c >= 48 && c <= 57) || !isDelimiter(c)) return -1;
  return setValue(mantissa, (expNegative ? -exponent : exponent) - fraction, negative, out) ? k : -1;
}

/** mantissa · 10^scale into out[0] when that is one correctly rounded operation (|scale| ≤ 22). */
function setValue(mantissa: number, scale: number, negative: boolean, out: Float64Array): boolean {
  if (scale < -22 || scale > 22) return false;
  const magnitude = scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
  out[0] = negative ? -magnitude : magnitude;
  return true;
}
