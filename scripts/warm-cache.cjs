// Writes V8's code cache of the CLI bundle after running it once, the way bin/xent.js runs
// it: the cache then holds the functions a run compiles, not only the bundle's top level,
// and a later start takes them from the cache instead of compiling them.
// node scripts/warm-cache.cjs dist/xent.cjs ARG… (the command to run; its output is dropped)
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, resolve } = require('node:path');
const { Script } = require('node:vm');

const filename = resolve(process.argv[2]);
const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), { filename });
process.on('exit', () => writeFileSync(`${filename}.cache`, script.createCachedData()));
process.argv = [process.argv[0], join(__dirname, '..', 'bin', 'xent.js'), ...process.argv.slice(3)];
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, Module.createRequire(filename), module_, filename, dirname(filename));
