// Re-export until ntxent.ts and supcon.ts (their homes) import from ops/softmax.
export { othersSoftmax } from '../ops/softmax/others.js';
