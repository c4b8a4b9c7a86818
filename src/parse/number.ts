// One token to one double. The grammar is stricter than Number() (which accepts "", "0x10",
// " 1 ") but every accepted token gets exactly Number(token)'s value.
//
// Decimals are checked by hand-written scanners in linear time: a regular expression such
// as \d+\.?\d* backtracks quadratically on a long run of digits followed by a letter.

const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const NAN = /^[+-]?nan$/i;
/** The longest token INFINITY or NAN can match ("-infinity"). */
const LONGEST_WORD = 9;

/** 'overflow': written as a finite decimal but beyond a double (1e309), which Number() makes inf. */
export type NumberToken = { kind: 'number'; value: number } | { kind: 'nan' } | { kind: 'overflow' } | { kind: 'other' };

export function readNumber(token: string): NumberToken {
  return isDecimal(token) ? decimalValue(token) : readWord(token);
}

/** The value of a token known to be a decimal: Number(token), or 'overflow' where that is ±inf. */
export function decimalValue(token: string): NumberToken {
  const value = Number(token);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'overflow' };
}

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

/** inf, infinity, nan (any case, signed): the tokens that are not decimals but read as numbers. */
export function readWord(token: string): NumberToken {
  if (token.length > LONGEST_WORD) return { kind: 'other' };
  const inf = INFINITY.exec(token);
  if (inf) return { kind: 'number', value: inf[1] === '-' ? -Infinity : Infinity };
  if (NAN.test(token)) return { kind: 'nan' };
  return { kind: 'other' };
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

  /** The value of an accepted decimal: Number(token), or 'overflow' where that is ±inf. */
  value(): NumberToken {
    let value: number;
    if (this.significant === 0) value = 0;
    else {
      const dropped = this.significant - this.digits.length;
      let scale = (this.exponentNegative ? -this.exponent : this.exponent) - this.fraction + dropped;
      let digits = this.digits;
      if (this.sticky) {
        digits += '1';
        scale--;
      }
      scale = Math.max(-EXPONENT_CAP, Math.min(EXPONENT_CAP, scale));
      value = Number(`${digits}e${scale}`);
    }
    if (!Number.isFinite(value)) return { kind: 'overflow' };
    return { kind: 'number', value: this.negative ? -value : value };
  }

  private mantissaDigit(c: number): void {
    if (this.significant === 0 && c === 48) return;
    this.significant++;
    if (this.digits.length < KEPT_DIGITS) this.digits += String.fromCharCode(c);
    else if (c !== 48) this.sticky = true;
  }
}
