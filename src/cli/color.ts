import { Chalk } from 'chalk';
import { type Style, plainStyle } from '../format/style.js';

/**
 * Colour only for a terminal, and never when NO_COLOR is set (any value but empty),
 * TERM is dumb, or --no-color is given. --color forces it on for pipes (`less -R`).
 */
export function colorEnabled(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return plainStyle;
  const c = new Chalk({ level: 1 });
  return {
    title: (s) => c.bold(s),
    header: (s) => c.bold(s),
    mark: (s) => c.green.bold(s),
    good: (s) => c.green(s),
    bad: (s) => c.red.bold(s),
    dim: (s) => c.dim(s),
    positive: (s) => c.red(s),
    negative: (s) => c.blue(s),
  };
}
