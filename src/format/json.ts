import { formatExact } from './number.js';

// An array that holds no array or object: printed on one line, so a matrix reads as rows.
const FLAT_ARRAY = /\[\n\s+([^[\]{}]*?)\n\s*\]/g;
// What JSON.stringify leaves raw that a terminal would act on (src/format/display-safe.ts): DEL,
// C1 controls, bidi controls and marks, and U+2028/U+2029. They can only be inside strings,
// where \uXXXX reads back as the same character.
const RAW_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON with every number at full precision (JavaScript's shortest round-trip form) and
 * non-finite numbers as the strings "inf", "-inf", "nan". Typed arrays become lists.
 */
export function formatJson(value: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) return formatExact(v);
      if (v instanceof Float64Array) return Array.from(v);
      return v;
    },
    2,
  );
  return text.replace(FLAT_ARRAY, (_whole, items: string) => `[${items.replace(/,\n\s+/g, ', ')}]`).replace(RAW_UNSAFE, unicodeEscape) + '\n';
}
