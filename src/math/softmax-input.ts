// Re-export until library/losses.ts and library/contrastive.ts import from ops/softmax.
export { checkSoftmaxInput } from '../ops/softmax/validate.js';
