// --expect: check numbers computed by hand against the report. The claims are read by
// expect-claims.ts, each value judged by expect-judge.ts, and a wrong one diagnosed with the
// command's common mistakes (expect-diagnose.ts). What the check prints: a table per entry
// (yours, correct, verdict), under it the interval each value was judged by and the mistake
// that reproduces a wrong one; the score in the summary.
import { XentError } from '../core/errors.js';
import { formatFixed } from '../format/number.js';
import { type MessageKey, type MessageParam, catalogue } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import { LazyList, type ReportTable, type SummaryLine, textCell } from '../report/report.js';
import type { Claim, ClaimedValue } from './expect-claims.js';
import type { Alternative, Diagnosis, ReportJson, ValueMistake } from './expect-diagnose.js';
import { type Float32Scale, type Judgement, type Tolerance, judge, reproduces } from './expect-judge.js';

export {
  type Claim,
  type ClaimedValue,
  claimedValue,
  parseClaims,
  readClaims,
  wantsGradient,
} from './expect-claims.js';

const ALIASES: Readonly<Record<string, string>> = {
  p: 'probs',
  prob: 'probs',
  probabilities: 'probs',
  probability: 'probs',
  logprobs: 'log_probs',
  log_p: 'log_probs',
  gradient: 'grad',
  ptarget: 'p_target',
  p_targets: 'p_target',
  loss_per_row: 'losses',
};

/** The JSON key a user's quantity name means in this report, or an error listing the choices. */
export function resolveQuantity(name: string, json: ReportJson): string {
  const key = name.trim().toLowerCase().replace(/-/g, '_');
  const wanted = ALIASES[key] ?? key;
  const choices = numericKeys(json);
  if (choices.includes(wanted)) return wanted;
  if (wanted === 'grad' && choices.includes('grad_logits')) return 'grad_logits';
  throw new XentError('err.expect.unknownQuantity', { name, choices: { list: choices } }, true);
}

/** Every JSON key holding a number or an array of numbers. */
function numericKeys(json: ReportJson): string[] {
  return Object.keys(json).filter((k) => numbersOf(json[k]) !== undefined);
}

function isList(v: unknown): v is Iterable<unknown> {
  return Array.isArray(v) || v instanceof LazyList || v instanceof Float64Array;
}

/** The numbers of a report's quantity, flat in row order (null as NaN); undefined if it holds none. */
export function numbersOf(v: unknown): number[] | undefined {
  const out: number[] = [];
  return flattenInto(v, out) ? out : undefined;
}

/**
 * Appends the numbers of `v` to `out` one by one (a spread of a long list overflows the
 * stack); false if it holds something else or an empty list. A LazyList (a matrix made row
 * by row) reads as the nested arrays it stands for; null (no value) as NaN.
 */
function flattenInto(v: unknown, out: number[]): boolean {
  if (typeof v === 'number') out.push(v);
  else if (v === null) out.push(NaN);
  else if (isList(v)) {
    const before = out.length;
    for (const e of v) if (!flattenInto(e, out)) return false;
    return out.length > before;
  } else return false;
  return true;
}

/** The lengths of a nested list along each dimension ([] for a number). */
function shapeOf(v: unknown): number[] {
  const dims: number[] = [];
  for (let x = v; isList(x); ) {
    const items = Array.from(x);
    dims.push(items.length);
    x = items[0];
  }
  return dims;
}

/** The values of one claim's entry: where they start in the quantity's flat list and how it is named. */
interface Located {
  readonly quantity: string;
  readonly label: string;
  readonly correct: readonly number[];
  readonly offset: number;
}

function locate(claim: Claim, headline: string, json: ReportJson): Located {
  const quantity = claim.quantity ? resolveQuantity(claim.quantity, json) : headline;
  const flat = numbersOf(json[quantity]);
  if (!flat) {
    throw new XentError('err.expect.unknownQuantity', { name: quantity, choices: { list: numericKeys(json) } }, true);
  }
  const shape = shapeOf(json[quantity]);
  let index = claim.index;
  // A single row is a vector too: probs[2] of one row of logits is its entry 2.
  if (index.length === 1 && shape.length === 2 && shape[0] === 1 && claim.values.length !== shape[1])
    index = [0, index[0]];
  if (index.length > shape.length) {
    throw new XentError('err.expect.indexRange', { entry: claim.text, shape: shapeText(shape) }, true);
  }
  let offset = 0;
  let size = flat.length;
  const normal = index.map((i, d) => {
    const k = i < 0 ? i + shape[d] : i;
    if (k < 0 || k >= shape[d])
      throw new XentError('err.expect.indexRange', { entry: claim.text, shape: shapeText(shape) }, true);
    size /= shape[d];
    offset += k * size;
    return k;
  });
  const label = `${quantity}${normal.map((k) => `[${k}]`).join('')}`;
  const correct = flat.slice(offset, offset + size);
  if (correct.length !== claim.values.length) {
    throw new XentError(
      'err.expect.count',
      { quantity: label, expected: correct.length, given: claim.values.length },
      true,
    );
  }
  return { quantity, label, correct, offset };
}

function shapeText(shape: readonly number[]): string {
  return shape.length === 0 ? '1' : shape.join('×');
}

/**
 * What bounds float32's error here (expect-judge.ts): the widest row of the input or of the
 * report's matrices (at least 8 classes), and the largest |number| of the input or of the
 * logits, at least 1.
 */
export function float32ScaleOf(
  json: ReportJson,
  input?: { readonly cols: number; readonly data: ArrayLike<number> },
): Float32Scale {
  let classes = Math.max(8, input?.cols ?? 0);
  for (const key of Object.keys(json)) {
    const shape = shapeOf(json[key]);
    if (shape.length === 2) classes = Math.max(classes, shape[1]);
  }
  let magnitude = 1;
  const widen = (x: number) => {
    if (Number.isFinite(x)) magnitude = Math.max(magnitude, Math.abs(x));
  };
  if (input) for (let k = 0; k < input.data.length; k++) widen(input.data[k]);
  for (const x of numbersOf(json.logits) ?? []) widen(x);
  return { classes, magnitude };
}

/** Mistakes whose values are known, as the check tries them. */
export function valueAlternatives(values: readonly ValueMistake[]): Alternative[] {
  return values.map(({ key, params, values: json }) => ({
    key,
    ...(params ? { params } : {}),
    json: async () => json,
  }));
}

/** One value checked. */
export interface CheckedValue {
  readonly claimed: ClaimedValue;
  /** As the user wrote it. */
  readonly given: string;
  readonly correct: number;
  readonly judgement: Judgement;
  readonly right: boolean;
  /** The mistakes that reproduce a wrong value, as sentences; their keys for JSON. */
  readonly diagnosis: readonly { readonly mistake: string; readonly text: string; readonly value: number }[];
}

export interface CheckInput {
  readonly claims: readonly Claim[];
  /** The JSON key a claim that names no quantity is checked against (the command's headline). */
  readonly headline: string;
  readonly json: ReportJson;
  readonly t: Translator;
  readonly decimals: number;
  readonly scale: Float32Scale;
  readonly tolerance?: Tolerance;
  /** The mistakes a wrong value is tried against, made when a value is first found wrong. */
  readonly mistakes?: () => Diagnosis;
}

export interface CheckResult {
  readonly tables: ReportTable[];
  readonly summary: SummaryLine[];
  /** One per value: as written, the correct value, right or not (tsv and csv). */
  readonly values: readonly CheckedValue[];
  readonly json: Record<string, unknown>;
  readonly allRight: boolean;
}

/** The claimed values by (quantity, flat index): the user's own numbers a wrong one may follow from. */
type ClaimedAt = Map<string, ClaimedValue>;

export async function checkClaims(x: CheckInput): Promise<CheckResult> {
  const { t } = x;
  const located = x.claims.map((claim) => locate(claim, x.headline, x.json));
  const claimedAt: ClaimedAt = new Map();
  located.forEach((where, c) => {
    for (const [k, v] of x.claims[c].values.entries()) claimedAt.set(`${where.quantity}#${where.offset + k}`, v);
  });
  let diagnosis: Diagnosis | undefined;
  const mistakes = () => (diagnosis ??= x.mistakes?.() ?? { alternatives: [], carried: [] });
  const tables: ReportTable[] = [];
  const checks: Record<string, unknown>[] = [];
  const all: CheckedValue[] = [];
  for (const [c, claim] of x.claims.entries()) {
    const where = located[c];
    const items: CheckedValue[] = [];
    for (const [k, value] of claim.values.entries()) {
      const correct = where.correct[k];
      const judgement = judge(value, correct, x.scale, x.tolerance);
      const right = judgement.verdict !== 'wrong';
      const diagnosis = right
        ? []
        : await diagnose(value, correct, where.quantity, where.offset + k, x, mistakes(), claimedAt);
      items.push({ claimed: value, given: value.text, correct, judgement, right, diagnosis });
    }
    for (const item of items) all.push(item);
    tables.push(checkTable(quantityName(where.quantity, where.label), claim, items, x));
    checks.push({
      quantity: where.label,
      items: items.map((item) => ({
        given: item.given,
        correct: item.correct,
        right: item.right,
        verdict: item.judgement.verdict,
        interval: interval(item.claimed.value, item.judgement.half),
        diagnosis: item.diagnosis.map(({ mistake, value }) => ({ mistake, value })),
      })),
    });
  }
  const right = all.filter((v) => v.right).length;
  return {
    tables,
    summary: [{ label: t.label('expect.summary'), value: t.label('expect.score', { right, total: all.length }) }],
    values: all,
    json: { all_right: right === all.length, right, total: all.length, checks },
    allRight: right === all.length,
  };
}

function interval(value: number, half: number): [number, number] {
  return [value - half, value + half];
}

const VERDICT: Readonly<Record<Judgement['verdict'], MessageKey>> = {
  right: 'expect.right',
  float32: 'expect.rightFloat32',
  tolerance: 'expect.rightTolerance',
  wrong: 'expect.wrong',
};

/** A checked quantity as its title names it: the JSON name with its entry, and in Chinese what it is. */
function quantityName(quantity: string, label: string): MessageParam {
  const key = `expect.quantity.${quantity}`;
  return key in catalogue.en ? { key: key as MessageKey, params: { label } } : label;
}

function checkTable(label: MessageParam, claim: Claim, items: readonly CheckedValue[], x: CheckInput): ReportTable {
  const { t, decimals } = x;
  const lines: string[] = [];
  items.forEach((item, k) => {
    lines.push(...wrapNote(`${k + 1}. `, intervalNote(item, t))); // spread-ok: a few lines
    for (const d of item.diagnosis) lines.push(...wrapNote('   ', d.text)); // spread-ok: a few lines
  });
  return {
    title: t.label('expect.title', { quantity: label }),
    corner: '#',
    colLabels: [t.label('expect.label.given'), t.label('expect.label.correct'), t.label('expect.label.verdict')],
    droppable: [], // yours, correct and the verdict are all the answer: never cut
    rows: items.map((item, k) => ({
      label: String(k + 1),
      cells: [
        textCell(item.given),
        // Two digits more than the claim was written with, at most 17 significant (a double has no more).
        textCell(
          formatFixed(
            item.correct,
            Math.min(doubleDecimals(item.correct), Math.max(decimals, claim.values[k].decimals + 2)),
          ),
        ),
        item.right
          ? textCell(`✓ ${t.label(VERDICT[item.judgement.verdict])}`, 'good')
          : textCell(`✗ ${t.label('expect.wrong')}`, 'bad'),
      ],
    })),
    footnote: lines.join('\n'),
  };
}

/** "0.24: 0.235 to 0.245, the digits you wrote": the interval a value was judged by, and why that one. */
function intervalNote(item: CheckedValue, t: Translator): string {
  const value = item.claimed;
  const { rule, half } = item.judgement;
  if (rule === 'exact') return t.t('expect.note.exact', { given: value.text });
  const [lo, hi] = interval(value.value, half);
  // Enough decimals to tell the ends apart from the value: one more than the half-width's first digit.
  const places = Math.min(
    17,
    Math.max(0, Math.ceil(-Math.log10(half)) + (rule === 'written' || rule === 'twoDigits' ? 0 : 1)),
  );
  const params = {
    given: value.text,
    lo: formatFixed(lo, places),
    hi: formatFixed(hi, places),
    bound: half < 1e-3 ? half.toExponential(1) : String(Number(half.toPrecision(2))),
    correct: formatFixed(item.correct, twoDigitPlaces(item.correct)),
  };
  return t.t(NOTE[rule], params);
}

/** Width of the notes under a check table: an 80-column terminal. */
/**
 * A note as lines, the first after `prefix`, the rest (the other language of `both`)
 * indented under it: the table's formatter wraps them to the terminal, hung under the prefix.
 */
function wrapNote(prefix: string, text: string): string[] {
  const indent = ' '.repeat(prefix.length);
  return text.split('\n').map((sentence, k) => `${k === 0 ? prefix : indent}${sentence}`);
}

const NOTE: Readonly<Record<Exclude<Judgement['rule'], 'exact'>, MessageKey>> = {
  written: 'expect.note.written',
  twoDigits: 'expect.note.twoDigits',
  float32: 'expect.note.float32',
  tolerance: 'expect.note.tolerance',
};

/** The most decimals of x that a double holds: 17 significant digits in all. */
function doubleDecimals(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 17;
  return Math.min(17, Math.max(0, 16 - Math.floor(Math.log10(Math.abs(x)))));
}

/** Decimals that show two significant digits of x (0.79 for 0.7856, 1.7 for 1.741). */
function twoDigitPlaces(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Math.min(17, Math.max(0, 1 - Math.floor(Math.log10(Math.abs(x)))));
}

/** A value's own digits, at least two significant ones and at most 17: how a number in a diagnosis is shown. */
function shown(x: number, like: ClaimedValue): string {
  return formatFixed(x, Math.min(17, Math.max(like.decimals + 1, twoDigitPlaces(x) + 2)));
}

/** The mistakes that reproduce a wrong claimed value, as sentences. */
async function diagnose(
  value: ClaimedValue,
  correct: number,
  quantity: string,
  index: number,
  x: CheckInput,
  { alternatives, carried }: Diagnosis,
  claimedAt: ClaimedAt,
): Promise<CheckedValue['diagnosis']> {
  const { t, scale, tolerance } = x;
  const found: { mistake: string; text: string; value: number }[] = [];
  const named = (key: MessageKey, params: Record<string, unknown> | undefined, alt: number) =>
    found.push({
      mistake: key.replace(/^expect\.(mistake\.)?/, ''),
      text: t.t('expect.diagnosis', {
        given: value.text,
        mistake: { key, ...(params ? { params: params as never } : {}) },
        alt: shown(alt, value),
      }),
      value: alt,
    });
  for (const alternative of alternatives) {
    let json: ReportJson | undefined;
    try {
      json = await alternative.json();
    } catch (error) {
      // A mistake that cannot be computed here (another class out of range) reproduces nothing.
      if (error instanceof XentError) continue;
      throw error;
    }
    const alt = json && numbersOf(json[quantity])?.[index];
    if (alt !== undefined && !Number.isNaN(alt) && !Object.is(alt, correct) && reproduces(value, alt, scale, tolerance))
      named(alternative.key, alternative.params, alt);
  }
  if (correct !== 0 && Number.isFinite(correct) && reproduces(value, -correct, scale, tolerance))
    named('expect.mistake.sign', undefined, -correct);
  for (const link of carried) {
    if (link.quantity !== quantity || link.index !== index) continue;
    const entry = numbersOf(x.json[link.from])?.[link.fromIndex];
    if (entry === undefined) continue;
    const what = { key: link.what };
    const yours = claimedAt.get(`${link.from}#${link.fromIndex}`);
    // The user's own (wrong) entry, carried on.
    const fromYours = yours && link.of(yours.value);
    if (
      yours &&
      fromYours !== undefined &&
      !reproduces(yours, entry, scale, tolerance) &&
      reproduces(value, fromYours, scale, tolerance)
    ) {
      const params = {
        given: value.text,
        formula: link.formula(yours.text),
        alt: shown(fromYours, value),
        what,
        yours: yours.text,
      };
      found.push({
        mistake: 'carried',
        text: t.t('expect.carried', { ...params, correct: formatFixed(entry, Math.max(4, yours.decimals + 1)) }),
        value: fromYours,
      });
      continue;
    }
    // The correct entry rounded (to 1, 2 or 3 decimals), carried on.
    for (const places of [1, 2, 3]) {
      const near: number = Number(entry.toFixed(places));
      const alt = link.of(near);
      if (near === entry || !reproduces(value, alt, scale, tolerance)) continue;
      const written = near.toFixed(places);
      found.push({
        mistake: 'rounded',
        text: t.t('expect.rounded', {
          given: value.text,
          formula: link.formula(written),
          alt: shown(alt, value),
          what,
          rounded: written,
          correct: formatFixed(entry, places + 3),
        }),
        value: alt,
      });
      break;
    }
  }
  // Two links to one entry (probs[0][0] and p_target[0]) name the same mistake once.
  return found.filter((d, k) => found.findIndex((e) => e.text === d.text) === k);
}
