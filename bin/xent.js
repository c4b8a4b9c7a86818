#!/usr/bin/env node
// Runs the CLI bundle (dist/xent.cjs) through V8's code cache that `npm run build` made
// beside it: compiling the bundle from source was the largest part of start-up. A cache
// made by another Node version is rejected by V8, and the source is compiled as usual.
// (CommonJS, see bin/package.json.)
'use strict';
const { readFileSync, realpathSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// xent's own dist/, found from this file's real path. Node resolves a symlinked main script
// itself, but not under --preserve-symlinks-main; the bundle finds its worker beside it, and
// must never take one from the folder of a symlink (node_modules/.bin, a global bin).
const dist = join(dirname(realpathSync.native(__filename)), '..', 'dist');
const filename = join(dist, 'xent.cjs');
let cachedData;
try {
  cachedData = readFileSync(`${filename}.cache`);
} catch {
  // no cache: compile from source
}
const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), { filename, cachedData });
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, Module.createRequire(filename), module_, filename, dist);
