// The parts every loss's explanation is made of, so that a new loss plugs in by computing its
// numbers and calling these: the lines of a gradient with the sentence saying which way descent
// moves each entry (by the sign of that entry, never by its role), one step of descent, and how
// the rows' losses combine into the reported loss (with what the mean divides by, and the row's
// share of the whole gradient).
//
// A new loss plugs in by: computing the explained row's numbers with its own kernel (the
// values printed are the ones computed, never typed in), writing its steps with formula()
// and text() (formulas as arithmetic on printed numbers, so a reader can redo each one),
// these parts for the gradient, descent and reduction, and `explain` in its command's
// abilities; then a case in test/teach-explain-numbers.test.ts reads every number back.
import type { MessageKey, MessageParam } from '../../i18n/messages.js';
import type { Translator } from '../../i18n/translator.js';
import { type ExplainLine, formula, text } from './explanation.js';
import { listOf, num, paren, sub, sumOf } from './numbers.js';

/** One entry of a gradient (or of anything a derivation names): how it is written, its value. */
export interface Entry {
  readonly name: string;
  readonly value: number;
}

/**
 * Many entries: the first `head`, any in `keep` and the last, with … between. The lines of
 * `line(k)` for the entries shown, added to `lines` (a new list unless given).
 */
export function elided(
  count: number,
  line: (k: number) => ExplainLine,
  options: { head?: number; keep?: readonly number[] } = {},
  lines: ExplainLine[] = [],
): ExplainLine[] {
  const head = options.head ?? 6;
  const all = count <= head + 2;
  const shown = (k: number) => all || k < head || k === count - 1 || (options.keep ?? []).includes(k);
  for (let k = 0; k < count; k++) {
    if (!shown(k)) {
      if (k === 0 || shown(k - 1)) lines.push(formula('…'));
      continue;
    }
    lines.push(line(k));
  }
  return lines;
}

/** Names in a list as the language writes one: "z₀, z₁" or "z₀、z₁". */
function nameList(names: readonly string[]): MessageParam {
  const max = 6;
  const shown = names.length <= max ? names : [...names.slice(0, max - 1), '…', names[names.length - 1]]; // spread-ok: a few names
  let list: MessageParam = shown[shown.length - 1];
  for (let k = shown.length - 2; k >= 0; k--) list = { key: 'teach.list.pair', params: { a: shown[k], b: list } };
  return list;
}

/**
 * Which way one step of descent moves each entry, by the sign of its gradient entry: it raises
 * those whose entry is negative, lowers those whose entry is positive, leaves those at 0. With
 * `most`, the largest positive entry is named as the one lowered the most.
 */
export function signSentence(t: Translator, entries: readonly Entry[], options: { most?: boolean } = {}): ExplainLine {
  const up = entries.filter((e) => e.value < 0);
  const down = entries.filter((e) => e.value > 0);
  const still = entries.filter((e) => e.value === 0);
  const parts: MessageParam[] = [];
  if (up.length > 0) parts.push({ key: 'teach.sign.raises', params: { names: nameList(up.map((e) => e.name)) } });
  if (down.length > 0) {
    const top = down.reduce((best, e) => (e.value > best.value ? e : best), down[0]);
    const names = nameList(down.map((e) => e.name));
    parts.push(
      options.most && down.length > 1
        ? { key: 'teach.sign.lowersMost', params: { names, most: top.name } }
        : { key: 'teach.sign.lowers', params: { names } },
    );
  }
  if (still.length > 0) parts.push({ key: 'teach.sign.stays', params: { names: nameList(still.map((e) => e.name)) } });
  // NaN is neither side of 0: said as such, never left out of the sentence.
  const nan = entries.filter((e) => Number.isNaN(e.value));
  if (nan.length > 0) parts.push({ key: 'teach.sign.undefined', params: { names: nameList(nan.map((e) => e.name)) } });
  const joined: MessageParam =
    parts.length === 1
      ? parts[0]
      : parts.length === 2
        ? { key: 'teach.sign.two', params: { a: parts[0], b: parts[1] } }
        : {
            key: 'teach.sign.three',
            params: {
              a: parts[0],
              b: parts[1],
              c: parts.slice(2).length > 1 ? { key: 'teach.sign.two', params: { a: parts[2], b: parts[3] } } : parts[2],
            },
          };
  return text(t.t('teach.sign.sentence', { parts: joined }));
}

export interface DescentEntry extends Entry {
  /** The value before the step, as the derivation writes it (the user's own number, or computed). */
  readonly before: string;
  /** The value before the step. */
  readonly at: number;
}

/** `x ← x − η · ∂L/∂x` for each entry, with the new value and "up/down by": the step itself. */
export function descentLines(
  t: Translator,
  entries: readonly DescentEntry[],
  eta: number,
  d: number,
  options: { keep?: readonly number[]; head?: number } = {},
  lines: ExplainLine[] = [],
): ExplainLine[] {
  return elided(
    entries.length,
    (k) => {
      const e = entries[k];
      const change = -eta * e.value; // the step itself: next − current is NaN at −∞
      const how = t.label(change >= 0 ? 'teach.word.up' : 'teach.word.down', { by: num(Math.abs(change), d) });
      return formula(
        `${e.name}: ${e.before} − ${eta} · ${paren(num(e.value, d))} = ${num(e.at + change, d)}   (${how})`,
      );
    },
    options,
    lines,
  );
}

/** How the per-row losses make the reported one. */
export type Combination =
  | {
      readonly kind: 'mean';
      /** What the mean divides by, and why (a message). */
      readonly den: number;
      readonly why: MessageParam;
    }
  | { readonly kind: 'sum' }
  | { readonly kind: 'none' };

/** A denominator as the working writes it: a whole number plainly, else at 6 significant digits. */
export function denText(den: number): string {
  return Number.isInteger(den) ? String(den) : String(Number(den.toPrecision(6)));
}

/**
 * The other rows' losses in one line each (the explained one marked ←), and the reported loss
 * from them: `L = (L₁ + … + L_N) / D = L` for a mean, `L = L₁ + … = L` for a sum, with a sentence
 * saying what D is. `null` losses (no term: a row with nothing to average) show "—".
 */
export function combineLines(
  t: Translator,
  losses: readonly (number | null)[],
  current: number,
  combination: Combination,
  loss: number | undefined,
  d: number,
  options: {
    /** Row i's value as the formulas name it (L₁ unless told). */
    name?: (i: number) => string;
    /** The reported value's name (L unless told). */
    total?: string;
    /** What the mean (a message with {den} and {why}) or the sum is, in words; 'teach.combine.…' unless told. */
    sentence?: MessageKey;
    suffix?: string;
  } = {},
): ExplainLine[] {
  const name = options.name ?? ((i: number) => `L${sub(i + 1)}`);
  const total = options.total ?? 'L';
  const suffix = options.suffix ?? '';
  const lines = elided(
    losses.length,
    (i) => {
      const l = losses[i];
      return formula(`${name(i)} = ${l === null ? '—' : num(l, d)}${i === current ? '  ←' : ''}`);
    },
    { head: 8, keep: [current] },
  );
  if (combination.kind === 'none' || loss === undefined) {
    lines.push(text(t.t('teach.combine.none')));
    return lines;
  }
  const terms = sumOf(
    losses.filter((l): l is number => l !== null).map((l) => num(l, d)),
    5,
  );
  if (combination.kind === 'mean') {
    lines.push(formula(`${total} = (${terms}) / ${denText(combination.den)} = ${num(loss, d)}${suffix}`));
    const sentence = options.sentence ?? 'teach.combine.mean';
    lines.push(text(t.t(sentence, { den: denText(combination.den), why: combination.why })));
  } else {
    lines.push(formula(`${total} = ${terms} = ${num(loss, d)}${suffix}`));
    lines.push(text(t.t(options.sentence ?? 'teach.combine.sum')));
  }
  return lines;
}

/**
 * The row's share of the whole gradient: the reported loss divides the rows' sum by `den`, so
 * each entry of this row's gradient is divided by it too; the values are those --grad prints.
 */
export function shareLines(
  t: Translator,
  rowGradient: string,
  values: readonly number[],
  den: number,
  d: number,
): ExplainLine[] {
  return [
    text(t.t('teach.share', { den: denText(den) })),
    formula(`${rowGradient} / ${denText(den)} = ${listOf(values.map((v) => num(v / den, d)))}`),
  ];
}

/** How a loss moved in one step, by the numbers themselves: "falls to …", "rises to …" or "stays at …". */
export function lossMove(before: number, after: number, text: (v: number) => string, eta: number): MessageParam {
  const params = { before: text(before), after: text(after), eta };
  if (after < before) return { key: 'teach.move.falls', params };
  if (after > before) return { key: 'teach.move.rises', params };
  return { key: 'teach.move.stays', params };
}

/** A sum of printed values, a negative one subtracted: 0.1079 − 0.0811 + 0.0000 (shortened as sumOf). */
export function signedSum(values: readonly number[], d: number, max = 6): string {
  const shown = values.length <= max ? values.map((v, k) => ({ v, k })) : undefined;
  const term = (v: number, first: boolean) => (first ? num(v, d) : v < 0 ? `− ${num(-v, d)}` : `+ ${num(v, d)}`);
  if (shown) return shown.map(({ v, k }) => term(v, k === 0)).join(' ');
  const head = values.slice(0, max - 2).map((v, k) => term(v, k === 0));
  return [...head, '+ …', term(values[values.length - 1], false)].join(' '); // spread-ok: a few terms
}
