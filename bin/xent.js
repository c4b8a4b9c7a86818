#!/usr/bin/env node
// Runs the CLI bundle (dist/xent.cjs) through V8's code cache that `npm run build` made
// beside it: compiling the bundle from source was the largest part of start-up. A cache
// made by another Node version is rejected by V8, and the source is compiled as usual.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const filename = fileURLToPath(new URL('../dist/xent.cjs', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(`${filename}.cache`);
} catch {
  // no cache: compile from source
}
const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), { filename, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
