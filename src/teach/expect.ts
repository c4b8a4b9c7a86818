// --expect: check numbers computed by hand against the report. Each claimed value is judged
// at the precision it was written with: 0.24 is right for anything in [0.235, 0.245]
// (half a unit of the last written digit either side, both ends included).
import { XentError } from '../core/errors.js';
import { formatFixed } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import { readNumber } from '../text/number.js';
import { normalizeText } from '../text/normalize.js';
import { LazyList, type ReportTable, type SummaryLine, textCell } from '../report/report.js';

export interface ClaimedValue {
  /** As the user wrote it (normalised), for the check table. */
  readonly text: string;
  readonly value: number;
  /** Half a unit of the last written digit; 0 for inf (exact). */
  readonly half: number;
  /** Digits after the decimal point as written (after the exponent is applied). */
  readonly decimals: number;
}

export interface Claim {
  /** The quantity named with `name=`, or undefined for the command's default. */
  readonly quantity?: string;
  readonly values: readonly ClaimedValue[];
}

const NAMED = /^\s*([A-Za-z_][\w-]*)\s*=(.*)$/s;
const DIGITS = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** One written number and how precisely it was written. */
export function readClaimedValue(token: string, option = '--expect'): ClaimedValue {
  const read = readNumber(token);
  if (read.kind === 'nan') return { text: token, value: NaN, half: 0, decimals: 0 };
  if (read.kind !== 'number') throw new XentError('err.notANumberOption', { option, value: token }, true);
  const m = DIGITS.exec(token);
  if (!m || !Number.isFinite(read.value)) return { text: token, value: read.value, half: 0, decimals: 0 };
  const decimals = (m[2] ?? '').length - Number(m[3] ?? 0);
  return { text: token, value: read.value, half: 0.5 * 10 ** -decimals, decimals };
}

/** `0.79,0.18,0.04`, `loss=0.24`, `probs=[0.79 0.18 0.04]`: any notation xent reads. */
export function parseClaim(text: string): Claim {
  const normal = normalizeText(text);
  const named = NAMED.exec(normal);
  const body = named ? named[2] : normal;
  const tokens = body.split(/[\s,;[\]()]+/).filter((s) => s !== '');
  if (tokens.length === 0) throw new XentError('err.expect.empty', { value: text }, true);
  const values = tokens.map((tok) => readClaimedValue(tok));
  return named ? { quantity: named[1], values } : { values };
}

/**
 * A claim as parseClaim reads it, whose values may be in a file: `--expect @FILE` or
 * `--expect probs=@FILE` (the file's text in any notation; `readFile` gives it).
 */
export async function readClaim(text: string, readFile: (path: string) => Promise<string>): Promise<Claim> {
  const named = NAMED.exec(text);
  const body = (named ? named[2] : text).trim();
  if (!body.startsWith('@')) return parseClaim(text);
  const values = await readFile(body.slice(1));
  return parseClaim(named ? `${named[1]}=${values}` : values);
}

/** True when `actual` is what the claimed value says, at the precision it was written. */
export function isRight(claim: ClaimedValue, actual: number): boolean {
  if (Number.isNaN(claim.value)) return Number.isNaN(actual);
  if (!Number.isFinite(claim.value) || claim.half === 0) return claim.value === actual;
  if (!Number.isFinite(actual)) return false;
  return Math.abs(actual - claim.value) <= claim.half * (1 + 1e-9);
}

const ALIASES: Readonly<Record<string, string>> = {
  p: 'probs',
  prob: 'probs',
  probabilities: 'probs',
  probability: 'probs',
  logprobs: 'log_probs',
  log_p: 'log_probs',
  gradient: 'grad',
};

/** The JSON key a user's quantity name means in this report, or an error listing the choices. */
export function resolveQuantity(name: string, json: Readonly<Record<string, unknown>>): string {
  const key = name.trim().toLowerCase().replace(/-/g, '_');
  const wanted = ALIASES[key] ?? key;
  const choices = numericKeys(json);
  if (choices.includes(wanted)) return wanted;
  if (wanted === 'grad' && choices.includes('grad_logits')) return 'grad_logits';
  throw new XentError('err.expect.unknownQuantity', { name, choices: choices.join(', ') }, true);
}

/** Every JSON key holding a number or an array of numbers. */
function numericKeys(json: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(json).filter((k) => flatten(json[k]) !== undefined);
}

function flatten(v: unknown): number[] | undefined {
  const out: number[] = [];
  return flattenInto(v, out) ? out : undefined;
}

/**
 * Appends the numbers of `v` to `out` one by one (a spread of a long list overflows the
 * stack); false if it holds something else or an empty list. A LazyList (a matrix made row
 * by row) reads as the nested arrays it stands for.
 */
function flattenInto(v: unknown, out: number[]): boolean {
  if (typeof v === 'number') out.push(v);
  else if (v === null) out.push(NaN);
  else if (Array.isArray(v) || v instanceof LazyList || v instanceof Float64Array) {
    const before = out.length;
    for (const e of v as Iterable<unknown>) if (!flattenInto(e, out)) return false;
    return out.length > before;
  } else return false;
  return true;
}

/** Does the claim ask for a gradient (which some commands compute only with --grad)? */
export function wantsGradient(claims: readonly Claim[]): boolean {
  return claims.some((c) => c.quantity !== undefined && /^grad/i.test(c.quantity.trim()));
}

export interface CheckResult {
  readonly tables: ReportTable[];
  readonly summary: SummaryLine[];
  readonly rows: number[][];
  readonly json: Record<string, unknown>;
  readonly allRight: boolean;
}

export function checkClaims(
  claims: readonly Claim[],
  /** The JSON key a claim that names no quantity is checked against (the command's headline). */
  headline: string,
  json: Readonly<Record<string, unknown>>,
  t: Translator,
  decimals: number,
): CheckResult {
  const tables: ReportTable[] = [];
  const rows: number[][] = [];
  const checks: Record<string, unknown>[] = [];
  let right = 0;
  let total = 0;
  for (const claim of claims) {
    const quantity = claim.quantity ? resolveQuantity(claim.quantity, json) : headline;
    const actual = flatten(json[quantity]);
    if (!actual)
      throw new XentError(
        'err.expect.unknownQuantity',
        { name: quantity, choices: numericKeys(json).join(', ') },
        true,
      );
    if (actual.length !== claim.values.length) {
      throw new XentError('err.expect.count', { quantity, expected: actual.length, given: claim.values.length }, true);
    }
    const items = claim.values.map((c, k) => {
      const ok = isRight(c, actual[k]);
      total++;
      if (ok) right++;
      rows.push([c.value, actual[k], ok ? 1 : 0]);
      return { given: c.text, correct: actual[k], right: ok, index: k };
    });
    tables.push({
      title: t.label('expect.title', { quantity }),
      corner: '#',
      colLabels: [t.label('expect.label.given'), t.label('expect.label.correct'), t.label('expect.label.verdict')],
      rows: items.map((item, k) => ({
        label: String(k + 1),
        cells: [
          textCell(item.given),
          // Two digits more than the claim was written with, at most 17 (a double has no more).
          textCell(formatFixed(item.correct, Math.min(17, Math.max(decimals, claim.values[k].decimals + 2)))),
          item.right
            ? textCell(`✓ ${t.label('expect.right')}`, 'good')
            : textCell(`✗ ${t.label('expect.wrong')}`, 'bad'),
        ],
      })),
      footnote: t.t('expect.footnote'),
    });
    checks.push({ quantity, items: items.map(({ given, correct, right: ok }) => ({ given, correct, right: ok })) });
  }
  // The rule of precision is said once, under the last check table.
  for (let k = 0; k < tables.length - 1; k++) {
    const { footnote: _said, ...rest } = tables[k];
    tables[k] = rest;
  }
  return {
    tables,
    summary: [{ label: t.label('expect.summary'), value: t.label('expect.score', { right, total }) }],
    rows,
    json: { all_right: right === total, right, total, checks },
    allRight: right === total,
  };
}
