// Re-export until ce's home (commands/ce.ts, stream/ce-sums.ts) imports from ops/softmax.
export { type Axis, type SoftmaxResult, argmaxRows, softmax, softmaxInto } from '../ops/softmax/kernel.js';
export type { SoftmaxSpec } from '../ops/softmax/spec.js';
