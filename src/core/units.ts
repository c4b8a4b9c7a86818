// The unit of an information quantity (a loss, an entropy, a divergence): nats, bits or
// bans, by the base of the logarithm. Everything is computed in nats; a result in base b
// is the result in nats divided by ln b, and so is its gradient (ln b is a constant).
// Dividing by ln b (one rounding) rather than multiplying by 1/ln b (two) keeps
// H(½, ¼, ¼) at exactly 1.5 bits.
import { type Matrix, type RowSource, mapMatrix, mapRows } from './matrix.js';

export type LogBase = 'e' | '2' | '10';

export interface InfoUnit {
  readonly base: LogBase;
  /** What a value in nats is divided by: ln(base). */
  readonly ln: number;
  /** The unit's name as JSON and scripts see it (not translated). */
  readonly name: 'nats' | 'bits' | 'bans';
  /** The logarithm as formulas write it. */
  readonly log: 'ln' | 'log₂' | 'log₁₀';
  /** The base as a number, for JSON. */
  readonly value: number;
}

export const UNITS: Readonly<Record<LogBase, InfoUnit>> = {
  e: { base: 'e', ln: 1, name: 'nats', log: 'ln', value: Math.E },
  '2': { base: '2', ln: Math.LN2, name: 'bits', log: 'log₂', value: 2 },
  '10': { base: '10', ln: Math.LN10, name: 'bans', log: 'log₁₀', value: 10 },
};

/** The default unit, as PyTorch computes: natural logarithms. */
export const NATS = UNITS.e;

/** Every spelling `--base` accepts, and the base it means. */
export const BASE_NAMES: Readonly<Record<string, LogBase>> = {
  e: 'e',
  nat: 'e',
  nats: 'e',
  '2': '2',
  bit: '2',
  bits: '2',
  '10': '10',
  ban: '10',
  bans: '10',
  hartley: '10',
  hartleys: '10',
  dit: '10',
  dits: '10',
};

/**
 * A value in nats expressed in `unit`.
 *
 * @example
 * inUnit(Math.LN2, UNITS['2']) // 1 (ln 2 nats is one bit)
 */
export function inUnit(nats: number, unit: InfoUnit): number {
  return unit.ln === 1 ? nats : nats / unit.ln;
}

/** Each value of a list in `unit`; `null` (no value) stays null. */
export function listInUnit<T extends number | null>(values: ArrayLike<T>, unit: InfoUnit): T[] {
  return Array.from(values, (v) => (v === null ? v : (inUnit(v, unit) as T)));
}

/** A matrix of values in nats (losses, gradients) expressed in `unit`. */
export function matrixInUnit(m: Matrix, unit: InfoUnit): Matrix {
  return unit.ln === 1 ? m : mapMatrix(m, (v) => v / unit.ln);
}

/** A matrix of values in nats given row by row, in `unit` (still row by row). */
export function rowsInUnit(m: RowSource, unit: InfoUnit): RowSource {
  return unit.ln === 1 ? m : mapRows(m, (v) => v / unit.ln);
}

/** JSON keys telling scripts the unit, present only when it is not the default (nats). */
export function unitJson(unit: InfoUnit): Record<string, unknown> {
  return unit.base === 'e' ? {} : { base: unit.value, unit: unit.name };
}
