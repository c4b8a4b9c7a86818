// What `xent lm` computes, as its options read into typed values (lmCommand.readSpec).
import type { InfoUnit } from '../../core/units.js';

export interface LmSpec {
  /** One token id per row of logits (`-y`), in the input's order, not yet checked against it. */
  readonly tokens: readonly number[];
  /** T: every T rows are one sequence (`--seq-len`); undefined: blank lines separate them (or one sequence). */
  readonly seqLen?: number;
  /**
   * Position t predicts token t + 1 of its sequence, as Hugging Face causal LMs compute it
   * (labels padded with the ignore index, then shifted); the last position predicts nothing.
   */
  readonly shift: boolean;
  /** A token equal to this is not predicted (PyTorch's and Hugging Face's −100). */
  readonly ignoreIndex: number;
  readonly unit: InfoUnit;
  readonly grad: boolean;
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface LmOptionNames {
  readonly tokens: string;
  readonly seqLen: string;
}

export const LM_CLI_NAMES: LmOptionNames = { tokens: '-y, --target', seqLen: '--seq-len' };
