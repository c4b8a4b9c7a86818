// `-t` given several temperatures: a list (`0.5,1,2,5,10`) or a range (`0.1:10:log:9`,
// `0.5:2:lin:4`). One temperature is not a sweep: readTemperature reads it as before.
import { XentError } from '../core/errors.js';
import { checkTemperature } from '../ops/softmax/validate.js';
import { normalizeText } from './normalize.js';
import { readNumber } from './number.js';

/** A sweep has at least two temperatures and at most this many (a row of output each, per input row). */
export const MAX_TEMPERATURES = 50;

/** True when `-t`'s text asks for a sweep (it holds a comma or a colon). */
export function isSweep(text: string | undefined): text is string {
  return text !== undefined && /[,:]/.test(normalizeText(text));
}

function temperatureOf(token: string, whole: string): number {
  const read = readNumber(token.trim());
  return checkTemperature(read.kind === 'number' ? read.value : NaN, token.trim() === '' ? whole : token.trim());
}

/** Six significant digits, the temperature computed with being the one printed: 0.1·10^(1/4) is 0.177828. */
function tidy(v: number): number {
  return Number(v.toPrecision(6));
}

/**
 * The temperatures of a sweep, in the order written: a comma-separated list, or
 * START:END:log:N (N values evenly spaced in log T, START and END included) or
 * START:END:lin:N (evenly spaced in T). Each is finite and > 0, none twice, 2 to 50 of them.
 *
 * @example
 * readTemperatures('0.1:10:log:3') // [0.1, 1, 10]
 * readTemperatures('0.5:2:lin:4')  // [0.5, 1, 1.5, 2]
 */
export function readTemperatures(text: string): number[] {
  const whole = normalizeText(text).trim();
  let values: number[];
  if (whole.includes(':')) {
    const parts = whole.split(':').map((p) => p.trim());
    const spacing = parts[2]?.toLowerCase();
    const count = Number(parts[3]);
    if (parts.length !== 4 || (spacing !== 'log' && spacing !== 'lin') || !/^\d+$/.test(parts[3] ?? '')) {
      throw new XentError('err.sweep.range', { value: text }, true);
    }
    const start = temperatureOf(parts[0], text);
    const end = temperatureOf(parts[1], text);
    if (!(start < end)) throw new XentError('err.sweep.order', { value: text }, true);
    if (count < 2 || count > MAX_TEMPERATURES)
      throw new XentError('err.sweep.count', { value: text, max: MAX_TEMPERATURES }, true);
    values = Array.from({ length: count }, (_, k) => {
      if (k === 0) return start;
      if (k === count - 1) return end;
      const share = k / (count - 1);
      return tidy(
        spacing === 'log' ? Math.exp(Math.log(start) + share * Math.log(end / start)) : start + share * (end - start),
      );
    });
  } else {
    values = whole.split(',').map((token) => temperatureOf(token, text));
    if (values.length > MAX_TEMPERATURES)
      throw new XentError('err.sweep.count', { value: text, max: MAX_TEMPERATURES }, true);
  }
  const seen = new Set<number>();
  for (const v of values) {
    if (seen.has(v)) throw new XentError('err.sweep.twice', { value: text, temperature: v }, true);
    seen.add(v);
  }
  return values;
}
