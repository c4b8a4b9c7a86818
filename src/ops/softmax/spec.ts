import type { Precision } from '../../core/replay.js';
import type { Axis } from './kernel.js';

/** What `xent softmax` computes, its options read: p = softmax(z / T) along `axis`, or log p. */
export interface SoftmaxSpec {
  readonly temperature: number;
  readonly axis: Axis;
  readonly log: boolean;
  /** --dtype (and --naive): also replayed in that format. */
  readonly precision?: Precision;
}
