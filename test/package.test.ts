// The package as a user gets it: `npm pack` → a tarball holding only what is needed,
// `npm install -g` of that tarball into an empty prefix, with no network (xent has no
// runtime dependencies: the CLI is one bundle), then `xent` and `import 'xent'` from there.
// Packs the dist/ that `npm test` has just built (--ignore-scripts: no rebuild under the
// other tests' feet).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { softmax } from '../src/index.js';
import { ROOT } from './helpers/binary.js';

const EXPECTED = softmax([1, 2, 3]); // [0.0900…, 0.2447…, 0.6652…]
/** The code cache bin/xent.js takes on this Node for `xent softmax` (`npm test` builds with the Node it tests). */
const CACHE = `xent-softmax.cjs.${process.version}-${process.arch}.cache`;
/** The quick calculation's (`xent softmax 1 2 3` into a pipe: src/cli/quick.ts). */
const QUICK_CACHE = `xent-quick.cjs.${process.version}-${process.arch}.cache`;

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const tmp = mkdtempSync(join(tmpdir(), 'xent-pack-'));
const prefix = join(tmp, 'prefix');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// npm's own settings from `npm test` (npm_config_*) would reach the child npm; start clean.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
let files: string[] = [];
let tarball = '';

function run(command: string, args: string[], cwd = tmp) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1', LANG: 'C.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const packed = run(npm, [
    'pack',
    ROOT,
    '--ignore-scripts',
    '--json',
    '--pack-destination',
    tmp,
    '--cache',
    join(tmp, 'cache'),
  ]);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  files = info.files.map((f) => f.path).sort();
  tarball = join(tmp, info.filename);
  const installed = run(npm, [
    'install',
    '-g',
    '--prefix',
    prefix,
    '--offline',
    '--no-audit',
    '--no-fund',
    '--cache',
    join(tmp, 'cache'),
    tarball,
  ]);
  expect(installed.code, installed.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  it('holds the CLI bundle, the library and its types, and nothing else', () => {
    expect(files).toContain('bin/xent.js');
    expect(files).toContain('dist/xent.cjs');
    expect(files).toContain(`dist/${CACHE}`); // V8's code cache for the Node that built it
    expect(files).toContain('dist/xent-quick.cjs'); // the quick calculation, without commander
    expect(files).toContain(`dist/${QUICK_CACHE}`);
    expect(files).toContain('dist/xent-zh.cjs'); // the Chinese messages, read on demand
    expect(files).toContain('dist/xent-part.cjs'); // the worker thread for large files
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/types/index.d.ts');
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(
      files.filter((f) => /^(src|test|scripts|node_modules)\/|fixtures|\.map$|\.tgz$|tsconfig|vitest/.test(f)),
    ).toEqual([]);
    expect(tarball.endsWith(`${pkg.name}-${pkg.version}.tgz`)).toBe(true);
  });
});

describe('npm install -g ./xent-*.tgz', () => {
  const xent = join(prefix, 'bin', 'xent');

  it('installs no dependencies', () => {
    const dir = join(prefix, 'lib', 'node_modules', 'xent');
    expect(readdirSync(dir)).not.toContain('node_modules');
  });

  it('gives a working xent', () => {
    const result = run(xent, ['softmax', '1', '2', '3']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${EXPECTED.join('\t')}\n`);
  });

  it('speaks Chinese (its messages are a file of their own)', () => {
    const result = run(xent, ['softmax', '1', 'x', '-L', 'zh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^xent: 错误：命令行参数第 1 行第 2 列的“x”不是数字/);
  });

  it('reports the version in package.json', () => {
    const result = run(xent, ['--version']);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  // The code cache of a Node that has none yet is made by its first run, in xent's own dist/.
  describe("V8's code cache", () => {
    const dist = () => join(prefix, 'lib', 'node_modules', 'xent', 'dist');
    const caches = () => readdirSync(dist()).filter((name) => name.startsWith(CACHE)); // and partial files
    // "1,2,3", one word that is not a plain number: the quick bundle declines it, softmax's own runs it.
    const softmaxRun = (args: string[] = []) => {
      const result = run(process.execPath, [...args, join(prefix, 'bin', 'xent'), 'softmax', '1,2,3']);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`${EXPECTED.join('\t')}\n`);
    };

    it('is made by a first run on a Node that has none, and then read, not rewritten', () => {
      rmSync(join(dist(), CACHE));
      softmaxRun();
      expect(caches()).toEqual([CACHE]); // no partial file left beside it
      const made = statSync(join(dist(), CACHE));
      expect(made.size).toBeGreaterThan(1000);
      softmaxRun();
      expect(statSync(join(dist(), CACHE)).mtimeMs).toBe(made.mtimeMs);
    });

    it('is replaced when V8 rejects it (another build of the same version, a damaged file)', () => {
      writeFileSync(join(dist(), CACHE), Buffer.alloc(4096, 7));
      softmaxRun();
      expect(readFileSync(join(dist(), CACHE)).equals(Buffer.alloc(4096, 7))).toBe(false);
      softmaxRun();
    });

    it('is not made by a run that only shows help or the version, or stops at a usage error', () => {
      rmSync(join(dist(), CACHE));
      for (const [args, code] of [
        [['softmax', '--help'], 0],
        [['softmax', '-V'], 0],
        [['softmax', '1', 'x'], 2],
      ] as const)
        expect(run(process.execPath, [join(prefix, 'bin', 'xent'), ...args]).code).toBe(code);
      expect(caches()).toEqual([]);
      softmaxRun();
      expect(caches()).toEqual([CACHE]);
    });

    it('is made for the quick calculation by a line it answered, not by one it declined', () => {
      const quickCaches = () => readdirSync(dist()).filter((name) => name.startsWith(QUICK_CACHE));
      rmSync(join(dist(), QUICK_CACHE));
      softmaxRun(); // declined: softmax's own bundle runs it
      expect(quickCaches()).toEqual([]);
      const result = run(xent, ['softmax', '1', '2', '3']);
      expect(result.stdout).toBe(`${EXPECTED.join('\t')}\n`);
      expect(quickCaches()).toEqual([QUICK_CACHE]);
      expect(statSync(join(dist(), QUICK_CACHE)).size).toBeGreaterThan(1000);
    });

    it('is neither made nor replaced by a run with Node flags', () => {
      rmSync(join(dist(), CACHE));
      softmaxRun(['--stack-size=2000']);
      expect(caches()).toEqual([]);
      softmaxRun();
      expect(caches()).toEqual([CACHE]);
    });
  });

  it('can be imported by a project that has it in node_modules', () => {
    const project = join(tmp, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(join(prefix, 'lib', 'node_modules', 'xent'), join(project, 'node_modules', 'xent'));
    const script = "import { softmax } from 'xent'; console.log(JSON.stringify(softmax([1, 2, 3])));";
    const result = run(process.execPath, ['--input-type=module', '-e', script], project);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(EXPECTED);
  });
});

// xent's worker thread (dist/xent-part.cjs) is found from xent's real location. Every install
// runs xent through a symlink (the global bin, node_modules/.bin), whose folder's `../dist` is
// another package's: a worker planted there must never run, and xent's own must.
describe('the worker thread through a symlinked install', () => {
  let real = '';
  const marker = join(tmp, 'planted-worker-ran');
  // A square matrix over the 8 MB at which clip -f value reads with two threads.
  const big = join(tmp, 'sim.csv');
  const project = join(tmp, 'app');

  beforeAll(() => {
    real = realpathSync(join(prefix, 'lib', 'node_modules', 'xent'));
    const row = (i: number) =>
      Array.from({ length: 1100 }, (_, j) => (((i * 31 + j * 17) % 101) / 10 - 5).toFixed(6)).join(',');
    writeFileSync(big, Array.from({ length: 1100 }, (_, i) => row(i)).join('\n') + '\n');
    const planted = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
    // Beside the global bin (prefix/bin/xent → prefix/dist) and beside a project's .bin.
    mkdirSync(join(prefix, 'dist'), { recursive: true });
    writeFileSync(join(prefix, 'dist', 'xent-part.cjs'), planted);
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    mkdirSync(join(project, 'node_modules', 'dist'), { recursive: true });
    symlinkSync(real, join(project, 'node_modules', 'xent'));
    symlinkSync(join('..', 'xent', 'bin', 'xent.js'), join(project, 'node_modules', '.bin', 'xent'));
    writeFileSync(join(project, 'node_modules', 'dist', 'xent-part.cjs'), planted);
  });

  const single = () => run(process.execPath, [join(ROOT, 'bin', 'xent.js'), 'clip', '-f', 'value', '-i', big]).stdout;
  const ways: [string, () => string[]][] = [
    ['the global bin', () => [join(prefix, 'bin', 'xent')]],
    ["a project's node_modules/.bin", () => [join(project, 'node_modules', '.bin', 'xent')]],
    [
      'node --preserve-symlinks-main',
      () => [process.execPath, '--preserve-symlinks-main', join(prefix, 'bin', 'xent')],
    ],
  ];
  it.each(ways)('%s: runs its own worker, never the planted one, with the same result', (_, command) => {
    const [exe, ...args] = command();
    const result = spawnSync(exe, [...args, 'clip', '-f', 'value', '-i', big], {
      encoding: 'utf8',
      env: { ...env, NODE_DEBUG: 'worker', LANG: 'C.UTF-8' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    // Node's own debug log names the script each worker was started on, and that it booted.
    expect(result.stderr).toContain(`create new worker ${join(real, 'dist', 'xent-part.cjs')}`);
    expect(result.stderr).toMatch(/\[1\] is setting up worker child environment/);
    expect(result.stdout).toBe(single());
  });
});
