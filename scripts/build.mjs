// Bundles the CLI so that start-up reads a single module instead of resolving hundreds of
// files in node_modules: dist/xent.cjs with every command, dist/xent-NAME.cjs with command NAME
// alone, each with its code cache for this Node, and dist/xent-route.json, which tells bin/xent.js
// which one a command line runs; beside them the Chinese messages, dist/xent-zh.cjs, and the
// worker thread for large files, dist/xent-part.cjs.
// Then builds the library: dist/index.js (src/index.ts and the maths it imports, no CLI) and
// its declaration files in dist/types.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

/** An esbuild plugin that builds `contents` in place of every module whose path matches `filter`. */
function replaceModule(name, filter, contents) {
  return {
    name,
    setup(builder) {
      builder.onResolve({ filter }, (args) => ({ path: args.path, namespace: name }));
      builder.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: 'js' }));
    },
  };
}

// commander requires node:child_process at load time, for executable subcommands that xent
// does not have; loading that module is ~13 ms of every start. This stands in for it and
// loads the real one only if something is ever taken from it.
const lazyChildProcess = replaceModule(
  'lazy-child-process',
  /^(node:)?child_process$/,
  "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
);

// The Chinese messages live in dist/xent-zh.cjs, read by the CLI only when Chinese is asked
// for (src/i18n/load-zh.ts): a run in English neither reads nor deserializes them.
const zhOnDemand = replaceModule(
  'zh-on-demand',
  /(^|\/)load-zh\.js$/,
  "let zh; export function loadZh() { return (zh ??= require('./xent-zh.cjs').zh); }",
);

// The worker thread's errors cross to the main thread as a key and parameters, which the main
// thread words: its bundle leaves the message catalogue out (XentError's English text is its key).
const keysOnly = replaceModule(
  'keys-only-translator',
  /\/i18n\/translator\.js$/,
  'export function makeTranslator(lang) { const t = (key) => key; return { lang, t, label: t }; }',
);

/** The exports of a source module, bundled and run here (the build reads tables the source defines). */
async function evaluate(entry) {
  const built = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
}

// The English messages as JSON text in the CLI's bundles, parsed when a message is first
// needed (src/i18n/load-en.ts): the object that src/i18n/keys.ts assembles from the sections,
// made here once by running that module.
const { en } = await evaluate('src/i18n/keys.ts');
const enAsJson = replaceModule(
  'en-as-json',
  /(^|\/)load-en\.js$/,
  `let en; export function loadEn() { return (en ??= JSON.parse(${JSON.stringify(JSON.stringify(en))})); }`,
);

/** What the CLI's three files share: one minified CommonJS file each, for Node 20. */
const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Which bundle a command line runs: bin/xent.js reads dist/xent-route.json, the tables of
// src/cli/route.ts (each command's words, the global options that take a value), and reads the
// line as route.ts does (test/command-directory.test.ts checks both agree). JSON, not a module:
// requiring one more file cost ~2 M instructions of every start.
const { COMMAND_DIRECTORY, QUICK_WORDS, VALUED_GLOBAL_FLAGS } = await evaluate('src/cli/route.ts');
mkdirSync(new URL('../dist', import.meta.url), { recursive: true });
rmSync(new URL('../dist/xent-route.cjs', import.meta.url), { force: true }); // the earlier route module
writeFileSync(
  new URL('../dist/xent-route.json', import.meta.url),
  `${JSON.stringify({
    commands: Object.fromEntries(
      COMMAND_DIRECTORY.flatMap((c) => [c.name, ...c.aliases].map((word) => [word, c.name])),
    ),
    valued: VALUED_GLOBAL_FLAGS,
    quick: QUICK_WORDS,
  })}\n`,
);

// The CLI: minified CommonJS files, each with V8's code cache (see bin/xent.js): most of
// xent's start-up was spent compiling its own source. dist/xent.cjs holds every command (help,
// completion, a line with no command); dist/xent-NAME.cjs holds command NAME alone, so that
// running it reads, deserializes and sets up none of the other commands' code.
const CLI_BUILD = {
  ...NODE_BUNDLE,
  // import() of node: modules becomes require(): the bundle runs in a vm.Script (bin/xent.js),
  // which has no loader for dynamic imports.
  supported: { 'dynamic-import': false },
  define: { XENT_VERSION: JSON.stringify(version) },
  plugins: [lazyChildProcess, zhOnDemand, enAsJson],
  external: ['./xent-zh.cjs'],
};
const cli = fileURLToPath(new URL('../dist/xent.cjs', import.meta.url));
rmSync(new URL('../dist/xent.js', import.meta.url), { force: true }); // the earlier ESM bundle
const cliBundles = [cli];
await build({ ...CLI_BUILD, entryPoints: ['src/entries/xent.ts'], outfile: cli });
// The quick calculation (src/cli/quick.ts), tried first for a line that begins with one of
// QUICK_WORDS: softmax of plain numbers, or the version, into a pipe, without commander or a command's bundle.
const quick = fileURLToPath(new URL('../dist/xent-quick.cjs', import.meta.url));
cliBundles.push(quick);
await build({ ...CLI_BUILD, entryPoints: ['src/entries/quick.ts'], outfile: quick });
await Promise.all(
  COMMAND_DIRECTORY.map(({ name }) => {
    const outfile = fileURLToPath(new URL(`../dist/xent-${name}.cjs`, import.meta.url));
    cliBundles.push(outfile);
    return build({
      ...CLI_BUILD,
      // src/entries/xent.ts with one command: the same start, nothing else.
      stdin: {
        contents: `import { ${name}Command } from '../commands/${name}.js';\nimport { startCli } from '../main.js';\nstartCli([${name}Command]);\n`,
        resolveDir: fileURLToPath(new URL('../src/entries', import.meta.url)),
        sourcefile: `src/entries/${name}.ts`,
        loader: 'ts',
      },
      outfile,
    });
  }),
);
// bin/xent.js reads a bundle as Latin-1, a copy of its bytes: UTF-8 would be decoded to a
// string of two bytes a character (esbuild escapes strings but not regular expressions).
for (const file of cliBundles) {
  const nonAscii = /[^\x00-\x7f]/.exec(readFileSync(file, 'latin1'));
  if (nonAscii) throw new Error(`${file} is not ASCII at byte ${nonAscii.index}: write that character as \\u…`);
}
await build({ ...NODE_BUNDLE, entryPoints: ['src/i18n/zh.ts'], outfile: 'dist/xent-zh.cjs' });
// The worker thread that reads pieces of a large file (src/rows/parallel.ts): its own small
// bundle, so that it starts without the CLI's commands, help and messages.
await build({
  ...NODE_BUNDLE,
  entryPoints: ['src/rows/part-worker.ts'],
  outfile: 'dist/xent-part.cjs',
  plugins: [keysOnly],
});

// V8's code caches of the CLI bundles for the Node that builds it, made by bin/xent.js itself
// at the end of a first run of each quick calculation below: a cache then holds the functions
// such a run compiles, not just the top level, which took a third off xent's start-up cost
// over Node's own here. The other commands' caches are made by their first run. Caches of the
// bundles just replaced are removed first: V8 checks a cache against the length of its source
// only, not its text.
for (const name of readdirSync(dirname(cli)))
  if (/^xent(-[a-z]+)?\.cjs\..*cache/.test(name)) rmSync(join(dirname(cli), name));
const { NODE_OPTIONS: _, ...plainEnv } = process.env; // Node flags would make the run skip the cache
// (softmax's own bundle warms up on a line the quick bundle declines: an option.)
const WARM_UPS = [
  ['xent-quick.cjs', ['softmax', '1', '2', '3']],
  ['xent-softmax.cjs', ['softmax', '1', '2', '3', '--log']],
  ['xent-ce.cjs', ['ce', '2,0.5,-1', '-y', '0']],
  ['xent.cjs', ['--help']],
];
for (const [bundle, args] of WARM_UPS) {
  const warm = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/xent.js', import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...plainEnv, XENT_LANG: 'en' },
  });
  const cache = join(dirname(cli), `${bundle}.${process.version}-${process.arch}.cache`);
  if (warm.status !== 0 || !existsSync(cache))
    throw new Error(`the warm-up run of ${bundle} (xent ${args.join(' ')}) failed (exit ${warm.status})`);
}

// The library: one ESM file with only what src/index.ts reaches (the maths, the parser, the
// message catalogue for XentError's English text). It imports nothing, not even node: modules.
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});

rmSync(new URL('../dist/types', import.meta.url), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url),
});
