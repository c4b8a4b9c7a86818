// Re-export until ntxent.ts and supcon.ts (their homes) import from ops/softmax.
export { othersSoftmax, othersSoftmaxProbs, othersSoftmaxRows } from '../ops/softmax/others.js';
