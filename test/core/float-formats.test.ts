// Rounding to float16 and bfloat16, written by hand, checked over every one of the 65536 bit
// patterns of each format, each midpoint between neighbours (a tie, rounded to even) and the
// doubles just either side of it: against NumPy's float16 and PyTorch's bfloat16 where
// /usr/bin/python3 has them, and against Math.fround for the same code at float32's widths.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  bfloat16Bits,
  bfloat16FromBits,
  float16Bits,
  float16FromBits,
  fromDouble,
  largestFinite,
  roundTo,
  roundToFormat,
  smallestPositive,
  ulp,
  ulpsApart,
} from '../../src/core/float-formats.js';

const PYTHON = '/usr/bin/python3';
const canImport = (module: string) => spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;
const hasNumpy = canImport('numpy');
const hasTorch = canImport('torch');

/** Runs a Python program that reads float64 values on stdin (`input`) and writes float64 values; returns them. */
function python(program: string, input: readonly number[] = []): Float64Array {
  const run = spawnSync(PYTHON, ['-c', program], {
    input: Buffer.from(Float64Array.from(input).buffer),
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(run.stderr.toString());
  const bytes = run.stdout;
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/** Every finite value of a format from its bits, sorted, with the midpoints and their neighbours. */
function probes(values: readonly number[]): number[] {
  const finite = [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
  const out: number[] = [];
  for (let k = 0; k < finite.length; k++) {
    out.push(finite[k]);
    if (k + 1 < finite.length) {
      const mid = (finite[k] + finite[k + 1]) / 2;
      out.push(mid, nextDouble(mid, -1), nextDouble(mid, 1));
    }
  }
  return out;
}

function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const up = x > 0 === direction > 0;
  view.setBigUint64(0, x === 0 ? 1n : up ? bits + 1n : bits - 1n);
  const y = view.getFloat64(0);
  return x === 0 && direction < 0 ? -y : y;
}

const ALL_BITS = Array.from({ length: 65536 }, (_, k) => k);

describe('float16', () => {
  it('reads every bit pattern and writes it back', () => {
    const wrong = ALL_BITS.filter((bits) => {
      const x = float16FromBits(bits);
      return !Number.isNaN(x) && (float16Bits(x) !== bits || !Object.is(roundTo('float16', x), x));
    });
    expect(wrong).toEqual([]);
  });

  it('has the limits of IEEE binary16', () => {
    expect(largestFinite(FORMATS.float16)).toBe(65504);
    expect(smallestPositive(FORMATS.float16)).toBe(2 ** -24);
    expect(roundTo('float16', 65519.99)).toBe(65504);
    expect(roundTo('float16', 65520)).toBe(Infinity);
    expect(roundTo('float16', -1e6)).toBe(-Infinity);
    expect(roundTo('float16', 2 ** -25)).toBe(0); // a tie between 0 and the smallest subnormal: to 0
    expect(roundTo('float16', 2 ** -25 * 1.0001)).toBe(2 ** -24);
    expect(Object.is(roundTo('float16', -1e-30), -0)).toBe(true);
    expect(roundTo('float16', Math.exp(12))).toBe(Infinity);
  });

  it.skipIf(!hasNumpy)('rounds like NumPy over all 65536 patterns, their midpoints and next doubles', () => {
    const values = probes(ALL_BITS.map(float16FromBits));
    // NumPy's float16(double) rounds a double directly (npy_double_to_half), ties to even.
    const program = [
      'import sys, numpy as np',
      'x = np.frombuffer(sys.stdin.buffer.read(), dtype=np.float64)',
      'sys.stdout.buffer.write(x.astype(np.float16).astype(np.float64).tobytes())',
    ].join('\n');
    const want = python(program, values);
    const wrong = values.filter((x, k) => !Object.is(roundTo('float16', x), want[k]));
    expect(wrong.slice(0, 5)).toEqual([]);
    // And the bits: NumPy's view of every pattern.
    const numpyValues = python(
      'import sys, numpy as np\nsys.stdout.buffer.write(np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float64).tobytes())',
    );
    expect(ALL_BITS.filter((bits) => !Object.is(float16FromBits(bits), numpyValues[bits]))).toEqual([]);
  });
});

describe('bfloat16', () => {
  it('reads every bit pattern and writes it back', () => {
    const wrong = ALL_BITS.filter((bits) => {
      const x = bfloat16FromBits(bits);
      return !Number.isNaN(x) && (bfloat16Bits(x) !== bits || !Object.is(roundTo('bfloat16', x), x));
    });
    expect(wrong).toEqual([]);
  });

  it('rounds from the float32 bits as PyTorch does (ties to even), for random float32', () => {
    // c10::BFloat16's round_to_nearest_even: bits + 0x7fff + (bit 16), then the upper half.
    const fromBits = (x: number) => {
      const view = new DataView(new ArrayBuffer(4));
      view.setFloat32(0, x);
      const bits = view.getUint32(0);
      return bfloat16FromBits(((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff);
    };
    fc.assert(
      fc.property(fc.float({ noNaN: true }), (x) => Object.is(roundTo('bfloat16', x), fromBits(x))),
      { numRuns: 20000 },
    );
  });

  it.skipIf(!hasTorch)('rounds like PyTorch over all 65536 patterns, their midpoints and next float32s', () => {
    const values = probes(ALL_BITS.map(bfloat16FromBits)).map(Math.fround);
    const program = [
      'import sys, torch',
      'x = torch.frombuffer(bytearray(sys.stdin.buffer.read()), dtype=torch.float64)',
      'sys.stdout.buffer.write(x.to(torch.float32).to(torch.bfloat16).to(torch.float64).numpy().tobytes())',
    ].join('\n');
    const want = python(program, values);
    const wrong = values.filter((x, k) => !Object.is(fromDouble('bfloat16', x), want[k]));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('float32 by the same code', () => {
  it('agrees with Math.fround for random doubles, tiny and huge ones included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => Object.is(roundToFormat(x, FORMATS.float32), Math.fround(x))),
      { numRuns: 20000 },
    );
    for (const x of [3.4028235677973366e38, 3.4028235677973366e38 * (1 + 2 ** -25), 2 ** -149, 2 ** -150, 1e-46])
      expect(roundToFormat(x, FORMATS.float32)).toBe(Math.fround(x));
  });
});

describe('ulps', () => {
  it('measures the distance in units of the format at the float64 value', () => {
    expect(ulp('float16', 1)).toBe(2 ** -10);
    expect(ulp('float16', 0.999)).toBe(2 ** -11);
    expect(ulp('float16', 0)).toBe(2 ** -24);
    expect(ulp('bfloat16', 1)).toBe(2 ** -7);
    expect(ulp('float32', 1)).toBe(2 ** -23);
    expect(ulpsApart('float16', 1, 1 + 2 ** -11)).toBeCloseTo(0.5, 12);
    expect(ulpsApart('float16', Infinity, Infinity)).toBe(0);
    expect(ulpsApart('float16', Infinity, 162754.79)).toBeNaN();
  });

  it('is at most half a unit for a value rounded once', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60000, max: 60000, noNaN: true }),
        (x) => ulpsApart('float16', roundTo('float16', x), x) <= 0.5,
      ),
    );
  });
});
