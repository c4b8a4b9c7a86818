// A computation replayed in a lower precision (--dtype): the same kernel run twice, once with
// the arithmetic of a framework's CPU kernels in float32, float16 or bfloat16 and once in
// float64, each step recorded, so that the two can be put side by side and the step where a
// value was lost (rounded away, overflowed, became NaN) can be found.
//
// What "as a framework computes it" means here (PyTorch ≥ 2.1 on CPU, read from
// aten/src/ATen/native/cpu/SoftMaxKernel.cpp, LossNLL.cpp, Loss.cpp):
// - an input is stored in the format (a double goes through float32 first);
// - each tensor operation (z / T, exp, sum, a division, log) stores its result in the format;
// - inside one fused kernel (softmax, log_softmax, log_sigmoid) float16 and bfloat16 are
//   computed in float32, PyTorch's "opmath" type, and only the kernel's output is stored;
//   float32 is computed in float32 throughout;
// - a reduction (sum, mean) adds in float32; nll_loss adds its losses in its accumulate type
//   (float64 for float32, float32 for the others).
// Exact agreement is not always possible: PyTorch adds vectorised, 8 or 16 lanes at a time
// and then the lanes, and its vectorised exp and log (SLEEF) are within 1 ulp of float32, not
// correctly rounded; xent adds in order with correctly rounded float32 steps. Both round the
// same intermediates, so results agree to about an ulp of the format.
import { type Dtype, fromDouble, roundTo } from './float-formats.js';

/** --dtype and --naive: the format, and the textbook formula instead of the stable one. */
export interface Precision {
  readonly dtype: Dtype;
  readonly naive: boolean;
}

/** How each kind of intermediate is rounded: the arithmetic of one run of a kernel. */
export interface Arithmetic {
  /** 'float64' for the reference run. */
  readonly name: Dtype | 'float64';
  /** An input as the framework stores it. */
  input(x: number): number;
  /** The result of a tensor operation, stored in the format. */
  store(x: number): number;
  /** An intermediate inside a fused kernel (float32 for every format). */
  inside(x: number): number;
  /** The running sum of nll_loss's losses (its accumulate type). */
  accumulate(x: number): number;
}

const same = (x: number) => x;

export const FLOAT64: Arithmetic = { name: 'float64', input: same, store: same, inside: same, accumulate: same };

export function arithmeticOf(dtype: Dtype): Arithmetic {
  const store = (x: number) => roundTo(dtype, x);
  return {
    name: dtype,
    input: (x) => fromDouble(dtype, x),
    store,
    inside: Math.fround,
    accumulate: dtype === 'float32' ? same : Math.fround,
  };
}

/** The names of the steps a kernel records, in the order they happen (each has a catalogue label). */
export type StepName =
  | 'input'
  | 'scaled'
  | 'shifted'
  | 'exp'
  | 'sum'
  | 'reciprocal'
  | 'probs'
  | 'logSum'
  | 'logProbs'
  | 'sigmoid'
  | 'logSigmoid'
  | 'oneMinus'
  | 'logOneMinus'
  | 'losses'
  | 'lossSum'
  | 'loss';

/** Where a step's values are held: stored in the format, or in float32 inside a fused kernel. */
export type Held = 'format' | 'float32';

/** One step of a run: its values, row by row (`cols` per row; a scalar is 1×1). */
export interface StepValues {
  readonly step: StepName;
  /** A second recording of the same step (the i→t and t→i halves of clip): which one. */
  readonly part?: string;
  readonly held: Held;
  readonly cols: number;
  readonly values: Float64Array;
}

/** Collects the steps of one run in order. */
export class Trace {
  readonly steps: StepValues[] = [];
  private part: string | undefined;

  /** Steps recorded inside `run` are tagged with `part`. */
  within<T>(part: string, run: () => T): T {
    const before = this.part;
    this.part = part;
    try {
      return run();
    } finally {
      this.part = before;
    }
  }

  record(step: StepName, held: Held, cols: number, values: ArrayLike<number>): void {
    this.steps.push({
      step,
      ...(this.part !== undefined ? { part: this.part } : {}),
      held,
      cols,
      values: Float64Array.from(values),
    });
  }
}

/** A step of the replay beside the same step in float64. */
export interface ReplayStep extends StepValues {
  readonly exact: Float64Array;
}

export interface Replay<Result> {
  readonly precision: Precision;
  /** The result in the format. */
  readonly result: Result;
  /** The same algorithm in float64. */
  readonly exact: Result;
  readonly steps: readonly ReplayStep[];
}

/**
 * Runs `kernel` in the format and in float64, and pairs their steps. The kernel must record
 * the same steps whatever the arithmetic (it does when its control flow reads no value).
 */
export function replay<Result>(precision: Precision, kernel: (a: Arithmetic, trace: Trace) => Result): Replay<Result> {
  const low = new Trace();
  const high = new Trace();
  const result = kernel(arithmeticOf(precision.dtype), low);
  const exact = kernel(FLOAT64, high);
  const steps = low.steps.map((s, k) => ({ ...s, exact: high.steps[k].values }));
  return { precision, result, exact, steps };
}

/**
 * A reduction's sum (torch.sum, torch.mean's numerator) before it is stored: PyTorch adds in
 * float32 over vector lanes and in a cascade, which comes closer to the exact sum rounded once
 * to float32 than to a float32 running sum; this is the exact sum rounded once.
 */
export function reducedSum(values: ArrayLike<number>, from: number, count: number, a: Arithmetic): number {
  let sum = 0;
  for (let k = from; k < from + count; k++) sum += values[k];
  return a.inside(sum);
}
