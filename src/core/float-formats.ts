// The floating-point formats of machine learning (float32, float16, bfloat16): a number of
// float64 rounded to the nearest value of the format (ties to even, as IEEE 754 and every
// framework's conversion do), each format's bits, and the distance between two numbers in
// units in the last place. Written by hand: float16 and bfloat16 have no JavaScript type.

export const DTYPES = ['float32', 'float16', 'bfloat16'] as const;
export type Dtype = (typeof DTYPES)[number];

/** What a binary format can hold: bits after the point, the smallest normal exponent, the largest finite value. */
export interface FloatFormat {
  readonly name: Dtype;
  /** Stored fraction bits (the leading 1 of a normal number is not stored): 23, 10, 7. */
  readonly fractionBits: number;
  /** The exponent of the smallest normal number: 2^-126, 2^-14, 2^-126. */
  readonly minExponent: number;
  /** The largest finite value: (2 − 2^-fractionBits)·2^maxExponent. */
  readonly maxExponent: number;
}

export const FORMATS: Readonly<Record<Dtype, FloatFormat>> = {
  float32: { name: 'float32', fractionBits: 23, minExponent: -126, maxExponent: 127 },
  float16: { name: 'float16', fractionBits: 10, minExponent: -14, maxExponent: 15 },
  bfloat16: { name: 'bfloat16', fractionBits: 7, minExponent: -126, maxExponent: 127 },
};

/** The largest finite value of a format: 3.4028e38, 65504, 3.3895e38. */
export function largestFinite(format: FloatFormat): number {
  return (2 - 2 ** -format.fractionBits) * 2 ** format.maxExponent;
}

/** The smallest positive value (a subnormal): 1.4e-45, 5.96e-8, 9.2e-41. */
export function smallestPositive(format: FloatFormat): number {
  return 2 ** (format.minExponent - format.fractionBits);
}

/** ⌊log₂ |x|⌋ of a finite x ≠ 0, exactly (Math.log2 may be off by one next to a power of two). */
function exponentOf(x: number): number {
  let e = Math.floor(Math.log2(x));
  if (2 ** e > x) e--;
  else if (2 ** (e + 1) <= x) e++;
  return e;
}

/** q rounded to an integer, a tie to the even one. */
function roundHalfEven(q: number): number {
  const floor = Math.floor(q);
  const rest = q - floor;
  if (rest > 0.5 || (rest === 0.5 && floor % 2 !== 0)) return floor + 1;
  return floor;
}

/**
 * x rounded to the nearest value of `format`, a tie to the one whose last bit is 0; beyond
 * the largest finite value by half a unit or more, ±inf; NaN stays NaN, −0 stays −0. Exact
 * in float64: the scalings are by powers of two and the format's values are all doubles.
 *
 * @example
 * roundToFormat(65519, FORMATS.float16) // 65504; 65520 → inf
 * roundToFormat(0.1, FORMATS.bfloat16)  // 0.10009765625
 */
export function roundToFormat(x: number, format: FloatFormat): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  const e = Math.max(exponentOf(a), format.minExponent);
  const step = 2 ** (e - format.fractionBits);
  const rounded = roundHalfEven(a / step) * step;
  const result = rounded > largestFinite(format) ? Infinity : rounded;
  return x < 0 ? -result : result;
}

/**
 * x stored in `dtype`. float32 is Math.fround (the same rounding); float16 and bfloat16 are
 * rounded from x itself, not through float32 (a framework converting a double goes through
 * float32 first: see {@link fromDouble}).
 */
export function roundTo(dtype: Dtype, x: number): number {
  return dtype === 'float32' ? Math.fround(x) : roundToFormat(x, FORMATS[dtype]);
}

/**
 * A double as a framework stores it in `dtype`: PyTorch's Half and BFloat16 take a float, so a
 * double is rounded to float32 first, then to the format (twice rounded: a double just past a
 * tie of the format can round the other way than directly).
 */
export function fromDouble(dtype: Dtype, x: number): number {
  return roundTo(dtype, Math.fround(x));
}

/** The 16 bits of a float16 value (x must be one: roundTo('float16', x)). */
export function float16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (Number.isNaN(x)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  if (a < 2 ** -14) return sign | Math.round(a / 2 ** -24);
  const e = exponentOf(a);
  return sign | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

/** The float16 value of 16 bits (any of the 65536 patterns; every NaN pattern is NaN). */
export function float16FromBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** The bfloat16 value of 16 bits: the upper half of a float32. */
export function bfloat16FromBits(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, ((bits & 0xffff) << 16) >>> 0);
  return view.getFloat32(0);
}

/** The 16 bits of a bfloat16 value (x must be one): the upper half of its float32 bits. */
export function bfloat16Bits(x: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  const bits = view.getUint32(0) >>> 16;
  return Number.isNaN(x) ? 0x7fc0 : bits;
}

/**
 * The unit in the last place of `dtype` at x: the distance between the two values of the
 * format around |x| (2^(e − fractionBits) with e = ⌊log₂ |x|⌋, not below the smallest normal
 * exponent: the subnormals are evenly spaced). NaN for a non-finite x.
 *
 * @example
 * ulp('float16', 1) // 2^-10 ≈ 0.000977; ulp('float16', 0) = 2^-24
 */
export function ulp(dtype: Dtype, x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const format = FORMATS[dtype];
  const a = Math.abs(x);
  const e = a === 0 ? format.minExponent : Math.max(exponentOf(a), format.minExponent);
  return 2 ** (e - format.fractionBits);
}

/**
 * How far the value computed in `dtype` is from the float64 one, in units in the last place
 * of the format at the float64 value: 0.5 at most for a correctly rounded result. Equal
 * numbers (inf and inf included) are 0 apart; a finite value and an inf or a NaN, NaN.
 */
export function ulpsApart(dtype: Dtype, value: number, exact: number): number {
  if (value === exact) return 0;
  if (!Number.isFinite(value) || !Number.isFinite(exact)) return NaN;
  return Math.abs(value - exact) / ulp(dtype, exact);
}
