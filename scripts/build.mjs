// Bundles the CLI into one ESM file so that start-up reads a single module
// instead of resolving hundreds of files in node_modules. Then builds the library:
// dist/index.js (src/index.ts and the maths it imports, no CLI) and its declaration files
// in dist/types.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/xent.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // cli-table3 and its dependencies are CommonJS and call require(); give the bundle one.
  banner: {
    js: "import { createRequire as __xentCreateRequire } from 'node:module'; const require = __xentCreateRequire(import.meta.url);",
  },
  define: { XENT_VERSION: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
});

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
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
