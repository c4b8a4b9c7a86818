// A call with a spread argument, f(...values), passes every element as an argument on the
// stack: past ~125,000 of them V8 throws "Maximum call stack size exceeded" (Math.max of a
// big table, push of a long row). Such calls are refused in src/ unless the line says why
// the array is small: a comment `spread-ok: <reason>` on the line of the spread or the line
// above it. Array literals ([...a]) and object spreads ({...o}) build no call and are fine.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const ALLOW = /\/\/.*\bspread-ok:\s*\S/;

/** Calls in `text` that spread an array into arguments, or pass one through apply, without an allow comment: "line: text". */
function unboundedSpreadCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const allowed = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    return ALLOW.test(lines[line]) || (line > 0 && ALLOW.test(lines[line - 1]));
  };
  const found: string[] = [];
  const report = (node: ts.Node) => {
    if (allowed(node)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    found.push(`${line + 1}: ${lines[line].trim()}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      for (const arg of node.arguments ?? []) if (ts.isSpreadElement(arg)) report(arg);
      // f.apply(this, values) and Reflect.apply(f, this, values) spread just the same.
      const callee = node.expression;
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'apply' &&
        node.arguments.length >= (ts.isIdentifier(callee.expression) && callee.expression.text === 'Reflect' ? 3 : 2)
      ) {
        report(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no call spreads an array of unbounded size', () => {
  it('src/**/*.ts has no f(...array) without a spread-ok comment giving the reason', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).flatMap((path) =>
      unboundedSpreadCalls(path, readFileSync(path, 'utf8')).map((hit) => `${relative(ROOT, path)}:${hit}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each([
    ['Math.max(...xs);', 1],
    ['out.push(...rows.map(f));', 1],
    ['String.fromCharCode(...codes);', 1],
    ['new Set(...args);', 1],
    ['Math.max.apply(null, xs);', 1],
    ['Reflect.apply(Math.max, null, xs);', 1],
    ['f(a,\n  ...rest);', 1],
    ['const a = [...xs];', 0],
    ['const o = { ...p };', 0],
    ['new Set([...xs]);', 0],
    ['function f(...args: number[]) {}', 0],
    ['lines.push(...pair); // spread-ok: two lines', 0],
    ['// spread-ok: a chain of three lines\nout.push(...chain(a));', 0],
    ['out.push(...xs); // spread-ok:', 1],
    ['out.push(...xs); // spread is fine', 1],
  ])('finds the spread calls in %j: %i', (code, count) => {
    expect(unboundedSpreadCalls('example.ts', code)).toHaveLength(count);
  });
});
