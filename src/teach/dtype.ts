// --explain with --dtype: the replayed computation step by step, each step's values in the
// format beside float64, what happened there (an overflow to inf, a NaN, an underflow to 0, or
// the ulps rounding cost), and the step where the result was lost.
import { FORMATS, type Dtype, largestFinite, smallestPositive, ulpsApart } from '../core/float-formats.js';
import type { Replay, ReplayStep } from '../core/replay.js';
import { formatExact } from '../format/number.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import { type Explanation, type ExplainStep, formula, text } from './explain/explanation.js';
import { type ExplainInput, pickRow } from './explain/explainer.js';

type Event = 'overflow' | 'nan' | 'underflow';

/** What became of one value in the format, against float64. */
function eventOf(value: number, exact: number, dtype: Dtype): Event | undefined {
  if (Number.isNaN(value) && !Number.isNaN(exact)) return 'nan';
  if (!Number.isFinite(value) && Number.isFinite(exact)) return 'overflow';
  if (!Number.isFinite(value) && Math.abs(exact) > largestFinite(FORMATS[dtype])) return 'overflow';
  // Below the smallest positive value, not a 0 carried from an inf before it (1 / inf).
  if (value === 0 && exact !== 0 && Math.abs(exact) < smallestPositive(FORMATS[dtype])) return 'underflow';
  return undefined;
}

/** The values of a step that belong to line `i` (a row, or a column of a column softmax). */
function slice(step: ReplayStep, i: number, lines: number): { value: number[]; exact: number[] } {
  const { values, exact, cols } = step;
  const take = (from: number, to: number) => ({
    value: Array.from(values.subarray(from, to)),
    exact: Array.from(exact.subarray(from, to)),
  });
  if (values.length === lines * cols) return take(i * cols, (i + 1) * cols);
  return take(0, values.length);
}

function listText(values: readonly number[], show: (x: number) => string): string {
  const shown =
    values.length > 8 ? [...values.slice(0, 6).map(show), '…', show(values[values.length - 1])] : values.map(show);
  return values.length === 1 ? shown[0] : `[${shown.join(', ')}]`;
}

/** A value of the format at the digits it holds; float64's at 9 significant digits. */
const inFormat = (x: number) => formatExact(Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
/** A format's largest or smallest value, to 5 digits: 65504, 3.4028e+38, 5.9605e-8. */
const limit = (x: number) => formatExact(Number(x.toPrecision(5)));
const inFloat64 = (x: number) => formatExact(Number.isFinite(x) ? Number(x.toPrecision(9)) : x);

export interface ReplayExplainOptions {
  /** The command's name, for the title. */
  readonly command: string;
  /** The lines are columns (a column softmax), not rows. */
  readonly columns?: boolean;
}

/**
 * The derivation of a replay: the format's limits, then each recorded step of the chosen row
 * (`--row K`) with its values in the format and in float64 and what happened to them, and a
 * verdict: the first step where a value overflowed, became NaN or vanished, else the step with
 * the largest relative difference.
 */
export function explainReplay(x: ExplainInput, replay: Replay<unknown>, options: ReplayExplainOptions): Explanation {
  const { t } = x;
  const { dtype, naive } = replay.precision;
  const format = FORMATS[dtype];
  const first = replay.steps[0];
  const lines = first.values.length / first.cols;
  const unit = { key: options.columns ? 'label.column' : 'label.row' } as const;
  const i = pickRow(x.row, lines, options.columns ? 'column' : 'row');
  const algorithm = { key: naive ? 'dtype.algorithm.naive' : 'dtype.algorithm.stable' } as const;
  const steps: ExplainStep[] = [
    {
      heading: t.label('dtype.explain.format', { dtype }),
      lines: [
        text(
          t.t('dtype.explain.limits', {
            dtype,
            bits: format.fractionBits,
            epsilon: formatExact(2 ** -format.fractionBits),
            max: limit(largestFinite(format)),
            min: limit(smallestPositive(format)),
          }),
        ),
      ],
    },
  ];
  let firstEvent: { event: Event; step: string } | undefined;
  let worst = { relative: 0, step: '' };
  for (const step of replay.steps) {
    const { value, exact } = slice(step, i, lines);
    const name = stepName(t, step);
    const held: MessageKey = step.held === 'format' ? 'dtype.explain.heldFormat' : 'dtype.explain.heldFloat32';
    const said: string[] = [];
    const events = new Set<Event>();
    value.forEach((v, k) => {
      const event = eventOf(v, exact[k], step.held === 'format' ? dtype : 'float32');
      if (event && !events.has(event)) {
        events.add(event);
        said.push(eventText(t, event, v, exact[k], step.held === 'format' ? dtype : 'float32'));
      }
      if (event && !firstEvent) firstEvent = { event, step: name };
      const relative = Math.abs(v - exact[k]) / Math.abs(exact[k]);
      if (!event && Number.isFinite(relative) && relative > worst.relative) worst = { relative, step: name };
    });
    if (said.length === 0) {
      const ulps = Math.max(...value.map((v, k) => ulpsApart(dtype, v, exact[k]))); // spread-ok: one row's values
      said.push(
        ulps === 0
          ? t.t('dtype.explain.exact')
          : t.t('dtype.explain.rounded', { ulps: formatExact(Number(ulps.toPrecision(2))), dtype }),
      );
    }
    steps.push({
      heading: t.label('dtype.explain.step', { step: name, held: { key: held, params: { dtype } } }),
      lines: [
        formula(`${step.held === 'format' ? dtype : 'float32'}: ${listText(value, inFormat)}`),
        formula(`float64: ${listText(exact, inFloat64)}`),
        ...said.map(text),
      ],
    });
  }
  const verdict = firstEvent
    ? t.t('dtype.explain.verdictFirst', {
        what: { key: `dtype.explain.what${capital(firstEvent.event)}` as MessageKey },
        step: firstEvent.step,
      })
    : t.t('dtype.explain.verdictWorst', {
        relative: formatExact(Number(worst.relative.toPrecision(2))),
        step: worst.step,
      });
  const rest = [text(verdict)];
  if (naive && firstEvent) rest.push(text(t.t('dtype.explain.stableAdvice')));
  return {
    title: t.label('dtype.explain.title', { command: options.command, dtype, algorithm, unit, index: i + 1 }),
    steps,
    rest: { heading: t.label('dtype.explain.verdict'), lines: rest },
  };
}

function capital(event: Event): string {
  return event === 'nan' ? 'Nan' : event[0].toUpperCase() + event.slice(1);
}

function stepName(t: Translator, step: ReplayStep): string {
  const name = t.label(`dtype.step.${step.step}` as MessageKey);
  if (!step.part) return name;
  return t.label('dtype.explain.part', {
    step: name,
    part: { key: step.part === 'i2t' ? 'dtype.part.i2t' : 'dtype.part.t2i' },
  });
}

function eventText(t: Translator, event: Event, value: number, exact: number, format: Dtype): string {
  const limits = FORMATS[format];
  if (event === 'nan') return t.t('dtype.explain.nan', { exact: inFloat64(exact) });
  if (event === 'overflow')
    return t.t('dtype.explain.overflow', {
      exact: inFloat64(exact),
      max: limit(largestFinite(limits)),
      format,
      value: formatExact(value),
    });
  return t.t('dtype.explain.underflow', { exact: inFloat64(exact), format, min: limit(smallestPositive(limits)) });
}
