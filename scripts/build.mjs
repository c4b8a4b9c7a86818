// Bundles the CLI into one ESM file so that start-up reads a single module
// instead of resolving hundreds of files in node_modules.
import { readFileSync } from 'node:fs';
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
