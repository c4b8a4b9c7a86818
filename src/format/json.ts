import { formatExact } from './number.js';

// An array that holds no array or object: printed on one line, so a matrix reads as rows.
const FLAT_ARRAY = /\[\n\s+([^[\]{}]*?)\n\s*\]/g;

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
  return text.replace(FLAT_ARRAY, (_whole, items: string) => `[${items.replace(/,\n\s+/g, ', ')}]`) + '\n';
}
