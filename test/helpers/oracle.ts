// Reads the PyTorch reference vectors in test/fixtures/oracle (see its README) and
// compares numbers with the tolerance they were made for.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export type Num = number | 'inf' | '-inf' | 'nan';

/** A case of cross_entropy.json (see the README beside the fixtures). */
export interface CeCase {
  id: string;
  logits?: number[][];
  probs_input?: number[][];
  target?: number[];
  target_probs?: number[][];
  weight?: number[];
  ignore_index?: number;
  label_smoothing?: number;
  reduction: 'mean' | 'sum' | 'none';
  expected: { loss: Num | Num[]; losses: Num[]; grad?: Num[][]; probs?: Num[][] };
}

export function loadOracle<T>(name: string): { generator: string; cases: T[] } {
  return JSON.parse(readFileSync(new URL(`../fixtures/oracle/${name}.json`, import.meta.url), 'utf8'));
}

export function toNumber(x: Num | null): number {
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  if (x === 'nan' || x === null) return NaN;
  return x;
}

export const REL = 1e-12;
export const ABS = 1e-12;

/** |a − e| ≤ max(ABS, REL·|e|), with inf and nan matched exactly; the message says where. */
export function expectClose(actual: unknown, expected: unknown, where = 'value'): void {
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const exp = Array.from(expected as ArrayLike<unknown>);
    const act = Array.from(actual as ArrayLike<unknown>);
    expect(act.length, `${where}: length`).toBe(exp.length);
    exp.forEach((e, i) => expectClose(act[i], e, `${where}[${i}]`));
    return;
  }
  const e = toNumber(expected as Num);
  const a = typeof actual === 'string' ? toNumber(actual as Num) : (actual as number);
  if (!Number.isFinite(e)) {
    expect(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `${where}: expected ${e}, got ${a}`).toBe(true);
    return;
  }
  const diff = Math.abs(a - e);
  const allowed = Math.max(ABS, REL * Math.abs(e));
  expect(diff <= allowed, `${where}: expected ${e}, got ${a}, difference ${diff} > ${allowed}`).toBe(true);
}
