#!/usr/bin/env node
// Runs a CLI bundle through V8's code cache: compiling the bundle from source was the largest
// part of start-up. The bundle is the command's own, dist/xent-NAME.cjs, when the command line
// names one (as dist/xent-route.json tells), else dist/xent.cjs with every command. Before it,
// a line that begins with softmax or --version is offered to dist/xent-quick.cjs, which
// answers a calculation on plain numbers or the version without the command parser, or
// declines the line (src/cli/quick.ts). V8 takes a cache only from the Node build that made
// it, so each bundle has one per Node version, dist/xent-NAME.cjs.<node version>-<arch>.cache:
// `npm run build` makes the builder's for a few bundles, and the first run of a bundle on a
// Node without its cache makes it, after the run (so that it holds the functions a run
// compiles, not only the top level), when xent's own dist/ can be written; nothing is ever
// written elsewhere. (CommonJS, see bin/package.json.)
'use strict';
const { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// xent's own dist/, found from this file's real path. Node resolves a symlinked main script
// itself, but not under --preserve-symlinks-main; the bundle finds its worker beside it, and
// must never take one from the folder of a symlink (node_modules/.bin, a global bin).
const dist = join(dirname(realpathSync.native(__filename)), '..', 'dist');

/**
 * The command `argv` runs, read as commander reads it (src/cli/route.ts, whose tables the build
 * writes to dist/xent-route.json): past the global options before it, with the value of each
 * that takes one, the next word; undefined for none, help, completion or an unknown word.
 */
function commandOf(argv, route) {
  let k = 0;
  while (k < argv.length && argv[k].startsWith('-') && argv[k] !== '--') if (route.valued.includes(argv[k++])) k++;
  return k < argv.length && Object.hasOwn(route.commands, argv[k]) ? route.commands[argv[k]] : undefined;
}
const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);

// Required by a test, not run: the test compares commandOf with route.ts's.
if (require.main === module) run();
else module.exports = { commandOf };

function run() {
  const argv = process.argv.slice(2);
  const route = JSON.parse(readFileSync(join(dist, 'xent-route.json'), 'latin1'));
  const command = commandOf(argv, route);
  // A line that begins with a quick word (softmax, --version) is offered first to
  // dist/xent-quick.cjs (src/cli/quick.ts), which answers a calculation on plain numbers or the
  // version into a pipe without a command's bundle, and declines any other line before it
  // writes anything.
  if (route.quick.includes(argv[0])) {
    let handled = false;
    handled = runBundle('xent-quick.cjs', () => handled).runQuick();
    if (handled) return;
  }
  // A command's cache is kept once made, so it must come from a run that calculated: one
  // that only showed help or the version, or stopped at a usage error (2 and up), compiles
  // little of what the next calculation needs. The full bundle's runs are mostly help.
  runBundle(
    command === undefined ? 'xent.cjs' : `xent-${command}.cjs`,
    (code) => command === undefined || (code <= 1 && !argv.some((a) => HELP_OR_VERSION.has(a))),
  );
}

/**
 * Runs dist/NAME through its code cache for this Node, and returns its exports. Without a
 * cache (or with one V8 rejects), one is made at exit when `worthCaching(exit code)` says
 * this run compiled what the next ones need.
 */
function runBundle(name, worthCaching) {
  const filename = join(dist, name);
  const cacheFile = `${filename}.${process.version}-${process.arch}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet for this Node: compile from source, and make one at exit
  }
  const built = statSync(filename).mtimeMs;
  // ASCII (scripts/build.mjs checks), so Latin-1 reads it as it is, without decoding UTF-8.
  const script = new Script(Module.wrap(readFileSync(filename, 'latin1')), { filename, cachedData });
  // Node flags (in the command or NODE_OPTIONS) can make V8 reject a cache: runs with flags never
  // write one, so that a one-off flag cannot replace the cache of the plain runs.
  if (
    (cachedData === undefined || script.cachedDataRejected) &&
    process.execArgv.length === 0 &&
    !process.env.NODE_OPTIONS
  )
    process.on('exit', (code) => {
      if (!worthCaching(code)) return;
      const partial = `${cacheFile}.${process.pid}`;
      try {
        // A bundle rebuilt meanwhile (npm run build during a run) must not get this one's cache.
        if (statSync(filename).mtimeMs !== built) return;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile); // whole or not at all, whatever other runs do meanwhile
      } catch {
        // dist/ is read-only (a system-wide install): run without a cache, as before
        try {
          unlinkSync(partial);
        } catch {}
      }
    });
  const module_ = { exports: {} };
  script.runInThisContext()(module_.exports, Module.createRequire(filename), module_, filename, dist);
  return module_.exports;
}
