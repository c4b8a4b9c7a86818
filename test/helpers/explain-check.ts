// Reads an explanation's numbers back, to check them: every `a = b = c` of a formula line whose
// sides are arithmetic on printed numbers must hold at the precision the numbers were printed
// (interval arithmetic: a number printed with k decimals stands for ±0.5·10^-k), and named
// lines can be compared with the command's JSON.
import { expect } from 'vitest';

export interface ExplainJson {
  readonly title: string;
  readonly steps: readonly { heading: string; lines: readonly { kind: string; text: string }[] }[];
  readonly rest?: { heading: string; lines: readonly { kind: string; text: string }[] };
}

type Interval = readonly [number, number];
/** A value: one interval, or a list of them ([a, b, c]). */
type Value = Interval | Interval[];

class NotArithmetic extends Error {}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** z₁₂ → 12: an index written in subscript digits. */
export function fromSubscript(s: string): number {
  return Number([...s].map((ch) => String(SUBSCRIPT.indexOf(ch))).join(''));
}

/** A printed number as the interval it stands for. `exactBelow`: fewer decimals than this are exact (inputs). */
export function printedInterval(token: string, exactBelow: number): Interval {
  const text = token.replace(/^−/, '-');
  if (text === '∞' || text === 'inf') return [Infinity, Infinity];
  if (text === '-∞' || text === '-inf') return [-Infinity, -Infinity];
  const x = Number(text);
  if (Number.isNaN(x)) throw new NotArithmetic(token);
  const m = /^-?\d+(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(text);
  if (!m) throw new NotArithmetic(token);
  const decimals = m[1]?.length ?? 0;
  const exponent = m[2] === undefined ? 0 : Number(m[2]);
  if (m[2] === undefined && decimals < exactBelow) return [x, x];
  const half = 0.5 * 10 ** (exponent - decimals);
  return [x - half, x + half];
}

const FUNCTIONS: Record<string, (x: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  ln: Math.log,
  'log₂': Math.log2,
  'log₁₀': Math.log10,
  σ: (x) => 1 / (1 + Math.exp(-x)),
  softplus: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
};

const TOKEN = /\s*(∞|\d+(?:\.\d+)?(?:e[-+]?\d+)?|log₁₀|log₂|log|ln|exp|softplus|σ|[()[\],+·/−-])/y;

/** Interval arithmetic on one or a list of intervals (a list with a scalar: each entry). */
function lift(a: Value, b: Value, op: (x: Interval, y: Interval) => Interval): Value {
  const list = (v: Value): v is Interval[] => Array.isArray(v[0]);
  if (list(a) && list(b)) {
    if (a.length !== b.length) throw new NotArithmetic('lengths');
    return a.map((x, k) => op(x, b[k]));
  }
  if (list(a)) return a.map((x) => op(x, b as Interval));
  if (list(b)) return b.map((y) => op(a as Interval, y));
  return op(a as Interval, b as Interval);
}

function sorted(values: number[]): Interval {
  if (values.some(Number.isNaN)) throw new NotArithmetic('nan');
  return [Math.min(...values), Math.max(...values)];
}

const add = (x: Interval, y: Interval): Interval => sorted([x[0] + y[0], x[1] + y[1]]);
const subtract = (x: Interval, y: Interval): Interval => sorted([x[0] - y[1], x[1] - y[0]]);
const times = (x: Interval, y: Interval): Interval => {
  // 0 · ∞ does not occur in a working that holds; treat it as 0 (a term with coefficient 0).
  const m = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a * b);
  return sorted([m(x[0], y[0]), m(x[0], y[1]), m(x[1], y[0]), m(x[1], y[1])]);
};
const divide = (x: Interval, y: Interval): Interval => {
  if (y[0] <= 0 && y[1] >= 0) throw new NotArithmetic('division by an interval holding 0');
  return times(x, [1 / y[1], 1 / y[0]].sort((a, b) => a - b) as unknown as Interval);
};
const monotone =
  (f: (x: number) => number) =>
  (x: Interval): Interval =>
    sorted([f(x[0]), f(x[1])]);

/** Evaluates a segment of arithmetic on printed numbers; throws NotArithmetic for anything else. */
export function evaluate(segment: string, exactBelow: number): Value {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  const s = segment.trim();
  while (at < s.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(s);
    if (!m) throw new NotArithmetic(s.slice(at));
    tokens.push(m[1]);
    at = TOKEN.lastIndex;
    while (s[at] === ' ') at++;
  }
  let k = 0;
  const peek = () => tokens[k];
  const next = () => tokens[k++];
  const expectToken = (t: string) => {
    if (next() !== t) throw new NotArithmetic(`expected ${t}`);
  };
  const expr = (): Value => {
    let v = term();
    while (peek() === '+' || peek() === '−' || peek() === '-') {
      const op = next();
      const w = term();
      v = lift(v, w, op === '+' ? add : subtract);
    }
    return v;
  };
  const term = (): Value => {
    let v = factor();
    while (peek() === '·' || peek() === '/') {
      const op = next();
      const w = factor();
      v = lift(v, w, op === '·' ? times : divide);
    }
    return v;
  };
  const factor = (): Value => {
    if (peek() === '−' || peek() === '-') {
      next();
      return lift([-1, -1], factor(), times);
    }
    return primary();
  };
  const primary = (): Value => {
    const tok = next();
    if (tok === undefined) throw new NotArithmetic('end');
    if (tok === '(') {
      const v = expr();
      expectToken(')');
      return v;
    }
    if (tok === '[') {
      const items: Interval[] = [];
      for (;;) {
        const v = expr();
        if (Array.isArray(v[0])) throw new NotArithmetic('nested list');
        items.push(v as Interval);
        const sep = next();
        if (sep === ']') break;
        if (sep !== ',') throw new NotArithmetic('list');
      }
      return items;
    }
    if (tok in FUNCTIONS) {
      const f = monotone(FUNCTIONS[tok]);
      const arg = peek() === '(' ? primary() : factor();
      return Array.isArray(arg[0]) ? (arg as Interval[]).map(f) : f(arg as Interval);
    }
    return printedInterval(tok, exactBelow);
  };
  const v = expr();
  if (k !== tokens.length) throw new NotArithmetic('trailing');
  return v;
}

function overlaps(a: Value, b: Value): boolean {
  const one = (x: Interval, y: Interval) => {
    const slack = 1e-9 * Math.max(1, Math.abs(x[0]), Math.abs(y[0]));
    if (x[0] === y[0] && x[1] === y[1]) return true; // ±∞ on both sides
    return Math.max(x[0], y[0]) <= Math.min(x[1], y[1]) + slack;
  };
  const la = Array.isArray(a[0]);
  const lb = Array.isArray(b[0]);
  if (la !== lb) return false;
  if (!la) return one(a as Interval, b as Interval);
  const A = a as Interval[];
  const B = b as Interval[];
  return A.length === B.length && A.every((x, k) => one(x, B[k]));
}

/** Each formula of an explanation, chains joined (`  = …` lines continue the line before). */
export function formulas(e: ExplainJson): { step: number; text: string }[] {
  const out: { step: number; text: string }[] = [];
  const parts = [...e.steps, ...(e.rest ? [e.rest] : [])];
  parts.forEach((s, step) => {
    for (const line of s.lines) {
      if (line.kind !== 'formula') continue;
      if (/^\s+= /.test(line.text) && out.length > 0 && out[out.length - 1].step === step)
        out[out.length - 1].text += ` ${line.text.trim()}`;
      else out.push({ step, text: line.text.trim() });
    }
  });
  return out;
}

/** The sides of a formula line, its definitions (`,  η = 1`), label (`z₀: `), notes and units taken off. */
export function sides(text: string): string[] {
  const body = text
    .split(/,\s{2}/)[0]
    .replace(/\s+←$/, '')
    .replace(/\s{3}\([^()]*\)$/, '')
    .replace(/^[^=:]*:\s/, '');
  return body.split(' = ').map((s) => s.replace(/ (bits|bans|nats)$/, ''));
}

/**
 * Checks every equality between arithmetic sides of every formula; returns how many held
 * (a caller asserts there were some). Fails with the line when one does not.
 */
export function checkArithmetic(e: ExplainJson, exactBelow: number): number {
  let checked = 0;
  for (const { text } of formulas(e)) {
    let previous: Value | undefined;
    let previousText = '';
    for (const side of sides(text)) {
      let v: Value | undefined;
      try {
        v = evaluate(side, exactBelow);
      } catch (error) {
        if (!(error instanceof NotArithmetic)) throw error;
        v = undefined;
      }
      if (v && previous) {
        expect(overlaps(previous, v), `${previousText} = ${side}   in   ${text}`).toBe(true);
        checked++;
      }
      previous = v;
      previousText = side;
    }
  }
  return checked;
}

/** The last side of a formula as a number (−, ∞ and exponents read). */
export function lastNumber(text: string): number {
  const last = sides(text).pop()!.trim();
  return readPrinted(last);
}

export function readPrinted(token: string): number {
  const s = token.replace(/^−/, '-');
  if (s === '∞') return Infinity;
  if (s === '-∞') return -Infinity;
  return Number(s);
}

/** A JSON number (inf written "inf"). */
export function jsonNumber(v: unknown): number {
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return Number(v);
}

/** `printed` is `value` at `decimals` decimals (or both infinite the same way). */
export function expectPrinted(printed: number, value: number, decimals: number, what: string): void {
  if (!Number.isFinite(value) || !Number.isFinite(printed)) {
    expect(printed, what).toBe(value);
    return;
  }
  // formatFixed writes tiny values with 4 significant digits.
  const tol = Math.max(0.5 * 10 ** -decimals, Math.abs(value) * 5e-4) * (1 + 1e-9) + 1e-15;
  expect(Math.abs(printed - value), `${what}: printed ${printed}, computed ${value}`).toBeLessThanOrEqual(tol);
}

/** The English sign sentence's groups: which names it says descent raises, lowers, leaves, and lowers most. */
export function signClaims(e: ExplainJson): { raises: string[]; lowers: string[]; stays: string[]; most?: string }[] {
  const out: { raises: string[]; lowers: string[]; stays: string[]; most?: string }[] = [];
  const names = (s: string | undefined) => (s ? s.split(', ').filter((n) => n !== '…') : []);
  for (const s of [...e.steps, ...(e.rest ? [e.rest] : [])]) {
    for (const line of s.lines) {
      if (!line.text.startsWith('Descent moves each against its gradient:')) continue;
      const raises = /it raises (.+?), where the entry is negative/.exec(line.text)?.[1];
      const lowers = /it lowers (.+?), where the entry is positive(?:, (\S+) the most)?/.exec(line.text);
      const stays = /it leaves (.+?) as they are/.exec(line.text)?.[1];
      out.push({
        raises: names(raises),
        lowers: names(lowers?.[1]),
        stays: names(stays),
        ...(lowers?.[2] ? { most: lowers[2] } : {}),
      });
    }
  }
  return out;
}

/** "(up 0.2144)" / "(down …)" of a descent line: the direction and the amount. */
export function descentClaim(text: string): { name: string; up: boolean; by: number } | undefined {
  const m = /^(\S+): .* \((up|down) (\S+)\)$/.exec(text);
  return m ? { name: m[1], up: m[2] === 'up', by: readPrinted(m[3]) } : undefined;
}

/**
 * Every descent line's direction and step against the gradient entry `gradOf(name)` (times
 * `share`, the row's gradient being `share` times the reported loss's), and the sign sentence.
 */
export function checkDirections(e: ExplainJson, gradOf: (name: string) => number, share: number, d: number) {
  for (const { text } of formulas(e)) {
    const step = descentClaim(text);
    if (!step) continue;
    const g = gradOf(step.name);
    expect(step.up, text).toBe(g <= 0);
    expectPrinted(step.by, Math.abs(g * share), d, text);
  }
  for (const claim of signClaims(e)) {
    for (const n of claim.raises) expect(gradOf(n), `raises ${n}`).toBeLessThan(0);
    for (const n of claim.lowers) expect(gradOf(n), `lowers ${n}`).toBeGreaterThan(0);
    for (const n of claim.stays) expect(gradOf(n), `leaves ${n}`).toBe(0);
    if (claim.most) expect(gradOf(claim.most)).toBe(Math.max(...claim.lowers.map(gradOf)));
  }
}

/** `Name = … = value` lines of the rest: each row's value, and the reported one with what it divides by. */
export function checkRest(
  e: ExplainJson,
  rowName: string,
  values: number[],
  total: number | undefined,
  den: number | undefined,
  d: number,
) {
  const all = formulas(e);
  const rest = all.filter((f) => f.step === e.steps.length);
  let seen = 0;
  for (const { text } of rest) {
    const each = new RegExp(`^${rowName}([₀-₉]+) = (\\S+)`).exec(text);
    if (each) {
      expectPrinted(readPrinted(each[2]), values[fromSubscript(each[1]) - 1], d, text);
      seen++;
    }
    const mean = /^[^=]+ = \(.*\) \/ (\S+) = (\S+?)(?: bits| bans| nats)?$/.exec(text);
    if (mean && total !== undefined) {
      expect(Number(mean[1]), text).toBeCloseTo(den!, 6);
      expectPrinted(readPrinted(mean[2]), total, d, text);
      seen++;
    }
  }
  if (values.length > 1) expect(seen).toBeGreaterThan(1);
}
