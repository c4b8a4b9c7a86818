// Re-export until ce's home imports from ops/entropy and ops/kl.
export { entropy } from '../ops/entropy/kernel.js';
export { crossEntropyOf, klDivergence, klFromLog } from '../ops/kl/kernel.js';
