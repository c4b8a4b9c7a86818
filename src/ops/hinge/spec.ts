// What `xent hinge` computes, as its options read into typed values (hingeCommand.readSpec).
import type { Reduction } from '../cross-entropy/kernel.js';

/**
 * The multi-class margin losses: 'ww' CS231n's SVM (Weston–Watkins, summed over the other
 * classes), 'torch' F.multi_margin_loss (the same sum divided by C), 'cs' Crammer–Singer (the
 * largest other class only).
 */
export type HingeStyle = 'ww' | 'torch' | 'cs';
export const HINGE_STYLES: readonly HingeStyle[] = ['ww', 'torch', 'cs'];

/** The catalogue's sentence saying what each style computes (its params: margin, p, classes). */
export const HINGE_STYLE_NOTES = { ww: 'hinge.note.ww', torch: 'hinge.note.torch', cs: 'hinge.note.cs' } as const;

export interface HingeSpec {
  /** The class of each row as given (0-based, or 'diag'), checked against the input later. */
  readonly target: 'diag' | readonly number[];
  readonly style: HingeStyle;
  /** 1: the hinge max(0, ·); 2: the squared hinge max(0, ·)². */
  readonly p: 1 | 2;
  /** Δ: the margin the target's score must beat the others by (default 1). */
  readonly margin: number;
  /** w_y, one per class: the row's loss is multiplied by its target's weight (PyTorch's weight). */
  readonly weight?: readonly number[];
  readonly reduction: Reduction;
  readonly grad: boolean;
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface HingeOptionNames {
  readonly target: string;
  readonly weight: string;
  readonly p: string;
  readonly margin: string;
}

export const HINGE_CLI_NAMES: HingeOptionNames = {
  target: '-y, --target',
  weight: '-w, --weight',
  p: '--p',
  margin: '--margin',
};
