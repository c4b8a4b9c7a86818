// The layer rule of src/ (README, Development): a file imports only from its own layer or the
// layers below it, and no chain of imports between files comes back to where it started.
//
//   entries → main → cli → commands → teach → {rows, format → report, text, ops} → core → i18n
//
// Layers are folders of src/ (LAYER_OF below); the order is the rank: a file may import from
// a folder of the same or a lower rank, and within one rank only from its own folder or a
// folder that the rank's ORDER puts below it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/binary.js';

const SRC = join(ROOT, 'src');

/** Each folder (or top-level file) of src/ and its layer, highest first. */
const LAYERS: readonly (readonly string[])[] = [
  ['entries'],
  ['main.ts', 'main-quick.ts', 'write-out.ts', 'rows/part-worker.ts'],
  ['cli'],
  ['commands'],
  ['teach'],
  ['rows'],
  ['format'],
  ['report'],
  ['text', 'ops', 'index.ts'],
  ['core'],
  ['i18n'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The layer's rank of a file: the most specific entry of LAYERS that holds it. */
function rankOf(file: string): { rank: number; home: string } {
  const rel = relative(SRC, file);
  let best: { rank: number; home: string } | undefined;
  LAYERS.forEach((homes, rank) => {
    for (const home of homes) {
      if ((rel === home || rel.startsWith(`${home}/`)) && (!best || home.length > best.home.length))
        best = { rank, home };
    }
  });
  if (!best) throw new Error(`src/${rel} is in no layer: add its folder to LAYERS`);
  return best;
}

/** Relative imports of a file: static, re-exports, type-only and dynamic alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  const patterns = [/\bfrom\s+'(\.[^']+)'/g, /\bimport\s+'(\.[^']+)'/g, /\bimport\(\s*'(\.[^']+)'\s*\)/g];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
  return [...found].map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, importsOf(f)]));

describe('layers', () => {
  it('every import resolves to a file of src/', () => {
    const missing = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => !graph.has(d)).map((d) => `${relative(SRC, f)} → ${relative(SRC, d)}`),
    );
    expect(missing).toEqual([]);
  });

  it('no file imports from a layer above its own', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = rankOf(file);
      for (const dep of deps) {
        if (!graph.has(dep)) continue;
        const to = rankOf(dep);
        if (to.rank < from.rank)
          wrong.push(`${relative(SRC, file)} (${from.home}) → ${relative(SRC, dep)} (${to.home})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no import cycle between files', () => {
    // Tarjan's strongly connected components: any component of more than one file is a cycle.
    let index = 0;
    const stack: string[] = [];
    const on = new Set<string>();
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          component.push(relative(SRC, w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!idx.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });
});
