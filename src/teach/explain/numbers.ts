// Numbers as a derivation writes them: a true minus sign, given inputs with at least one
// decimal (2.0, not 2), results at the table precision.
import { formatExact, formatFixed } from '../../format/number.js';
import { type InfoUnit, NATS } from '../../core/units.js';

const minus = (s: string) =>
  s
    .replace(/^-/, '−')
    .replace(/^inf$/, '∞')
    .replace(/^\u2212inf$/, '−∞');

/** A computed value at `decimals` decimals. */
export function num(x: number, decimals: number): string {
  return minus(formatFixed(x, decimals));
}

/** A value the user gave: exactly as read, with ".0" on whole numbers (a long one at `decimals`). */
export function given(x: number, decimals = 4): string {
  const exact = Number.isInteger(x) && Math.abs(x) < 1e15 ? x.toFixed(1) : formatExact(x);
  return exact.length > 10 ? num(x, decimals) : minus(exact);
}

/** A value in parentheses when negative, for products and differences: 2 · (−0.5). */
export function paren(s: string): string {
  return s.startsWith('−') ? `(${s})` : s;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** A subscript index: z₁₂. */
export function sub(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUB[Number(d)]);
}

/** A sum of terms, shortened in the middle when there are many: a + b + … + z. */
export function sumOf(terms: readonly string[], max = 6): string {
  if (terms.length <= max) return terms.join(' + ');
  return [...terms.slice(0, max - 2), '…', terms[terms.length - 1]].join(' + ');
}

/** A list in brackets, shortened the same way. */
export function listOf(terms: readonly string[], max = 8): string {
  if (terms.length <= max) return `[${terms.join(', ')}]`;
  return `[${[...terms.slice(0, max - 2), '…', terms[terms.length - 1]].join(', ')}]`;
}

/** The unit of `--base` (set by the loss commands): nats unless told, written `log` for nats. */
export interface ExplainUnit {
  readonly unit: InfoUnit;
  /** The log as the formulas write it: `log` for the default (natural) log, else ln/log₂/log₁₀. */
  readonly log: string;
  /** Shown after a loss: '' for nats by default, else ' bits'. */
  readonly suffix: string;
  /** The division that turns nats into the unit: '' for nats, else ' / ln 2'. */
  readonly divide: string;
}

/**
 * How formulas write a unit read by a spec. `named`: the unit was asked for (`--base e`
 * names nats); by default the loss is in nats, written with a plain `log`.
 */
export function explainUnit(unit: InfoUnit, named = unit !== NATS): ExplainUnit {
  if (!named) return { unit: NATS, log: 'log', suffix: '', divide: '' };
  return { unit, log: unit.log, suffix: ` ${unit.name}`, divide: unit.base === 'e' ? '' : ` / ln ${unit.value}` };
}
