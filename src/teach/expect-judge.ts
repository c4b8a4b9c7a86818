// How --expect judges one claimed value against the correct one (README, "How --expect
// judges"). In order:
//   --tol ABS / --rtol REL given: right when |yours − correct| ≤ ABS + REL·|correct|.
//   Else at the digits written (0.24 stands for 0.235 … 0.245), but never coarser than two
//   significant digits of the correct value: 1 for 0.786 is judged as 1.00, and is wrong.
//   Else, when float32 rounding of the computation is wider than that (seven digits or more,
//   as a framework prints them), within it: "right to float32 precision".
// inf and -inf are judged exactly.
import type { ClaimedValue } from './expect-claims.js';

export type Verdict = 'right' | 'float32' | 'tolerance' | 'wrong';
/** Which interval decided: the digits written, two digits of the correct value, float32, --tol/--rtol, or exactness. */
export type Rule = 'written' | 'twoDigits' | 'float32' | 'tolerance' | 'exact';

export interface Tolerance {
  readonly abs: number;
  readonly rel: number;
}

/**
 * What bounds float32's error in this computation: the classes a row sums over and the
 * largest number it starts from (the input or the logits, at least 1).
 */
export interface Float32Scale {
  readonly classes: number;
  readonly magnitude: number;
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly rule: Rule;
  /** The claim stands for claim ± half. */
  readonly half: number;
}

/** float32's unit roundoff. */
const FLOAT32_ROUNDOFF = 2 ** -24;
/** A decimal's half unit as a double is not exact: 0.245 for 0.24 is in, whichever way it rounds. */
const SLACK = 1 + 1e-9;

/**
 * The error float32 may make computing `correct`: (C + 4)·2⁻²⁴·(|correct| + M), C classes
 * summed over and M the largest magnitude it starts from. Each rounding (of an input, an
 * exp, a term of a sum of C, the log, a division) is at most 2⁻²⁴ of the numbers it works
 * on, which are at most |correct| + M; an input rounded to float32 moves a loss or a
 * log-probability by at most its own rounding, as their gradients sum to at most 2 in size.
 */
export function float32Bound(correct: number, scale: Float32Scale): number {
  return (scale.classes + 4) * FLOAT32_ROUNDOFF * (Math.abs(correct) + scale.magnitude);
}

/** The half-width the digits written give, never coarser than two significant digits of `correct`. */
export function precisionHalf(claim: ClaimedValue, correct: number): { half: number; rule: Rule } {
  if (claim.half === undefined) return { half: 0, rule: 'exact' };
  if (correct !== 0 && Number.isFinite(correct)) {
    const cap = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(correct))) - 1);
    if (cap < claim.half) return { half: cap, rule: 'twoDigits' };
  }
  return { half: claim.half, rule: 'written' };
}

export function judge(claim: ClaimedValue, correct: number, scale: Float32Scale, tolerance?: Tolerance): Judgement {
  if (!Number.isFinite(claim.value) || !Number.isFinite(correct)) {
    return { verdict: Object.is(claim.value, correct) ? 'right' : 'wrong', rule: 'exact', half: 0 };
  }
  const off = Math.abs(claim.value - correct);
  if (tolerance) {
    const half = tolerance.abs + tolerance.rel * Math.abs(correct);
    return { verdict: off <= half ? 'tolerance' : 'wrong', rule: 'tolerance', half };
  }
  const written = precisionHalf(claim, correct);
  if (off <= written.half * SLACK) return { verdict: 'right', rule: written.rule, half: written.half };
  const float32 = float32Bound(correct, scale);
  if (float32 > written.half) return { verdict: off <= float32 ? 'float32' : 'wrong', rule: 'float32', half: float32 };
  return { verdict: 'wrong', rule: written.rule, half: written.half };
}

/** Would the claim be judged right if `value` were the correct one? (A mistake that "reproduces" it.) */
export function reproduces(claim: ClaimedValue, value: number, scale: Float32Scale, tolerance?: Tolerance): boolean {
  return judge(claim, value, scale, tolerance).verdict !== 'wrong';
}
