// One token to one double. The grammar is stricter than Number() (which accepts "", "0x10",
// " 1 ") but every accepted token gets exactly Number(token)'s value.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const NAN = /^[+-]?nan$/i;

/** 'overflow': written as a finite decimal but beyond a double (1e309), which Number() makes inf. */
export type NumberToken = { kind: 'number'; value: number } | { kind: 'nan' } | { kind: 'overflow' } | { kind: 'other' };

export function readNumber(token: string): NumberToken {
  if (DECIMAL.test(token)) {
    const value = Number(token);
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'overflow' };
  }
  const inf = INFINITY.exec(token);
  if (inf) return { kind: 'number', value: inf[1] === '-' ? -Infinity : Infinity };
  if (NAN.test(token)) return { kind: 'nan' };
  return { kind: 'other' };
}

