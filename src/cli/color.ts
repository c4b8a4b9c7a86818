import type { ChalkInstance } from 'chalk';
import { type Style, plainStyle } from '../format/style.js';

/**
 * Colour for a terminal. --color / --no-color decide first; then FORCE_COLOR, read as Node
 * and chalk read it: 1, 2, 3, true or empty force colour on (in a pipe too), 0 or false turn
 * it off (on a terminal too), and either way it overrides NO_COLOR and TERM=dumb; another
 * value is ignored. Then NO_COLOR (any value but empty) and TERM=dumb turn colour off.
 */
export function colorEnabled(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const forced = forcedColor(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

function forcedColor(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === '0' || v === 'false') return false;
  if (v === '' || v === '1' || v === '2' || v === '3' || v === 'true') return true;
  return undefined;
}

/**
 * The style for output. chalk is loaded only when colour is on: it reads the terminal's
 * capabilities as it loads, which costs start-up time that plain output does not need.
 */
export async function makeStyle(enabled: boolean): Promise<Style> {
  if (!enabled) return plainStyle;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  const c256 = new Chalk({ level: 2 });
  const heatColor = heatColors(c256);
  return {
    title: (s) => c.bold(s),
    header: (s) => c.bold(s),
    mark: (s) => c.green.bold(s),
    good: (s) => c.green(s),
    bad: (s) => c.red.bold(s),
    dim: (s) => c.dim(s),
    positive: (s) => c.red(s),
    negative: (s) => c.blue(s),
    heat: (s, level, signed) => heatColor(level, signed)(s),
    swatch: (level, signed) => heatColor(level, signed)('  '),
  };
}

// 256-colour backgrounds: a dark-to-bright ramp for values, blue/red ramps by sign for gradients.
const RAMP = [236, 238, 24, 31, 37, 71, 178, 220];
const BLUES = [17, 18, 19, 20, 27, 33];
const REDS = [52, 88, 124, 160, 196, 203];

function heatColors(c: ChalkInstance) {
  return (level: number, signed = false): ((s: string) => string) => {
    const pick = (ramp: readonly number[], x: number) =>
      ramp[Math.min(ramp.length - 1, Math.floor(Math.abs(x) * ramp.length))];
    if (signed) return (s) => c.bgAnsi256(pick(level < 0 ? BLUES : REDS, level)).white(s);
    const code = pick(RAMP, level);
    return (s) => (code === 178 || code === 220 ? c.bgAnsi256(code).black(s) : c.bgAnsi256(code).white(s));
  };
}
