// Option values arrive as text; these read them and reject bad ones with translated errors.
import { XentError } from '../core/errors.js';
import { readNumber } from './number.js';
import { normalizeText } from './normalize.js';
import { checkTemperature } from '../ops/softmax/validate.js';

export function readNumberOption(value: string, option: string): number {
  const read = readNumber(normalizeText(value).trim());
  if (read.kind !== 'number') throw new XentError('err.notANumberOption', { option, value }, true);
  return read.value;
}

/** A temperature: finite and > 0 (dividing by it must make sense), checked as the library checks it. */
export function readTemperature(value: string | undefined): number {
  if (value === undefined) return 1;
  const read = readNumber(normalizeText(value).trim());
  return checkTemperature(read.kind === 'number' ? read.value : NaN, value);
}

export function readChoice<T extends string>(
  value: string | undefined,
  option: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const found = choices.find((c) => c === value.trim().toLowerCase());
  if (!found) throw new XentError('err.badChoice', { option, choices: { list: choices }, value }, true);
  return found;
}

export function readPrecision(value: string | undefined): number {
  if (value === undefined) return 4;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 17) throw new XentError('err.precision', { value }, true);
  return n;
}

/** A number that must be finite and > 0 (a scale, a learning rate). */
export function readPositive(value: string, option: string): number {
  const n = readNumberOption(value, option);
  if (!(n > 0) || !Number.isFinite(n)) throw new XentError('err.positive', { option, value }, true);
  return n;
}
