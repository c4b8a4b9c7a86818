// Re-export until ce's streaming sums (stream/ce-sums.ts) import from ops/softmax.
export { checkSoftmaxRow } from '../ops/softmax/validate.js';
