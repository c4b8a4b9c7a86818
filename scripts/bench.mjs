// `npm run bench`: start-up time, throughput on a large similarity matrix against the
// NumPy + SciPy pipeline, peak memory of the streaming paths, and memory and time of the
// whole-matrix paths (contrastive losses on embeddings against NumPy, large JSON and TSV
// outputs, a long descent). Prints figures beside their goals; asserts nothing (speed is
// measured here, never in unit tests).
//
// Start-up is measured on every Node that `node scripts/nodes.mjs install` put in .nodes/ too.
// With valgrind on PATH, start-up is counted in instructions too (callgrind; BENCH_IR_RUNS runs each, 3).
// BENCH_SECTIONS=startup,throughput,binary,stream,tables,hostile,whole,retrieval picks sections (all by default); the sizes
// of the whole-matrix section are set by BENCH_WHOLE_N (5000: clip -f tsv/json on N²),
// BENCH_WHOLE_JSON_N (2000), BENCH_EMB_N and BENCH_EMB_D (5000×512 embeddings),
// BENCH_DESCEND_N and BENCH_DESCEND_STEPS (50, 10000); the retrieval section by BENCH_RETRIEVAL_IMAGES
// (5000 images × 5 captions: COCO's 5000×25000, ~0.75 GB of CSV). A quick run:
//   BENCH_SECTIONS=whole BENCH_WHOLE_N=800 BENCH_WHOLE_JSON_N=500 BENCH_EMB_N=800 BENCH_DESCEND_STEPS=500 npm run bench
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedNodes } from './nodes.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// XENT_BIN: another build's bin/xent.js, to measure it the same way (before/after a change).
const XENT = process.env.XENT_BIN ?? join(ROOT, 'bin', 'xent.js');
const WORK = join(tmpdir(), 'xent-bench');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 15);
const SECTIONS = new Set(
  (process.env.BENCH_SECTIONS ?? 'startup,throughput,binary,stream,tables,hostile,whole,retrieval').split(','),
);
mkdirSync(WORK, { recursive: true });

/** mulberry32: a small seeded generator, so every run benchmarks the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An n×n similarity matrix as CSV with 6 decimals: scaled cosine-like values, a stronger diagonal. */
async function generate(n, seed) {
  const path = join(WORK, `sim-${n}-${seed}.csv`);
  if (existsSync(path)) return path;
  const next = random(seed);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const row = new Array(n);
    for (let j = 0; j < n; j++) row[j] = ((next() * 2 - 1) * 5 + (i === j ? 4 : 0)).toFixed(6);
    if (!out.write(row.join(',') + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return path;
}

/** Runs a command, returning wall seconds, CPU seconds (user + system), peak RSS (MB, via GNU time) and stdout. */
function run(command, args) {
  const useTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  const [rssKb, user, system] = useTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, cpu: user + system, rssMb: rssKb / 1024, stdout: r.stdout };
}

/** "median (min–max)" of seconds: the spread says how much the machine's load moved the figure. */
const spread = (xs) => `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

function runShell(line) {
  return run('bash', ['-c', line]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The peer's BLAS and OpenMP pools pinned to one thread: logsumexp uses none, and idle pool
// threads spinning on a loaded 2-core machine were a source of its spread.
process.env.OPENBLAS_NUM_THREADS ??= '1';
process.env.OMP_NUM_THREADS ??= '1';
process.env.MKL_NUM_THREADS ??= '1';

function hasPeer() {
  return spawnSync('python3', ['-c', 'import numpy, scipy'], { encoding: 'utf8' }).status === 0;
}

/** Embeddings as CSV (6 decimals): an image/text pair (text = image + noise), and 2N views (rows i and i + N of one example) with labels. */
async function generateEmbeddings(n, d, seed) {
  const names = {
    image: `image-${n}x${d}.csv`,
    text: `text-${n}x${d}.csv`,
    views: `views-${n}x${d}.csv`,
    labels: `labels-${n}.txt`,
  };
  const paths = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, join(WORK, v)]));
  if (Object.values(paths).every(existsSync)) return paths;
  const next = random(seed);
  const gauss = () => next() + next() + next() - 1.5;
  const base = Array.from({ length: n }, () => Float64Array.from({ length: d }, gauss));
  const write = async (path, line) => {
    const out = createWriteStream(path);
    for (let i = 0; i < n; i++) if (!out.write(line(i) + '\n')) await new Promise((r) => out.once('drain', r));
    await new Promise((r) => out.end(r));
  };
  const noisy = (v, amount) => Array.from(v, (x) => (x + amount * gauss()).toFixed(6)).join(',');
  await write(paths.image, (i) => noisy(base[i], 0.3));
  await write(paths.text, (i) => noisy(base[i], 0.3));
  const half = n >> 1;
  await write(paths.views, (i) => noisy(base[i % half], 0.3));
  // Ten views per class: rows i and i + N share a class, and so do five examples in a row.
  await write(paths.labels, (i) => String(Math.floor((i % half) / 5)));
  return paths;
}

/** Runs a shell line under GNU time: wall seconds, node's peak RSS (MB) and CPU seconds, stdout; a failure is returned, not thrown. */
function measure(line) {
  const rssFile = join(WORK, 'rss.txt');
  const timed = existsSync('/usr/bin/time')
    ? line.replace(/^(node|python3) /, `/usr/bin/time -f '%M %U %S' -o ${rssFile} $1 `)
    : line;
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', timed], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssMb = NaN;
  let cpu = NaN;
  try {
    const [rssKb, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMb = rssKb / 1024;
    cpu = user + system;
  } catch {
    // no GNU time
  }
  const error =
    r.status === 0
      ? ''
      : (
          r.stderr
            .trim()
            .split('\n')
            .filter((l) => !/^Command /.test(l))
            .pop() ?? `exit ${r.status}`
        ).slice(0, 120);
  return { ok: r.status === 0, seconds, rssMb, cpu, stdout: r.stdout, error: error || `exit ${r.status ?? r.signal}` };
}

function hasNumpy() {
  return spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
}

const rows = [];
const row = (what, value, note = '') => rows.push([what, value, note]);

// 1. Start-up on the machine's Node and on each one scripts/nodes.mjs installed: paired runs,
// alternating, medians. One run first, untimed: on a Node that has no code cache yet it makes one.
if (SECTIONS.has('startup')) {
  const nodes = [{ version: process.version, node: process.execPath }, ...installedNodes()].filter(
    (n, k, all) => all.findIndex((m) => m.version === n.version) === k,
  );
  for (const { version, node: nodeBinary } of nodes) {
    run(nodeBinary, [XENT, 'softmax', '1', '2', '3']);
    const node = [];
    const xent = [];
    for (let k = 0; k < PAIRS; k++) {
      node.push(run(nodeBinary, ['-e', '0']).seconds);
      xent.push(run(nodeBinary, [XENT, 'softmax', '1', '2', '3']).seconds);
    }
    const ratio = median(xent) / median(node);
    row(`start-up on ${version}: node -e 0`, `${(median(node) * 1000).toFixed(1)} ms`, `median of ${PAIRS}`);
    row(
      `start-up on ${version}: xent softmax 1 2 3`,
      `${(median(xent) * 1000).toFixed(1)} ms`,
      `${ratio.toFixed(2)}× node (target ≤ 1.15×)`,
    );
  }
  // The stable figure: instructions counted by valgrind's callgrind, which a loaded machine
  // does not move (the wall clock above it does). The total still varies by ±5 M from run to
  // run: V8 searches for a random prime for its hash seed at every start (HashSeed::
  // InitializeRoots → sprp), as long as that takes. So the figure is the median of
  // BENCH_IR_RUNS (3) runs, and beside it the same less that search (read from the profile by
  // callgrind_annotate), which varies by a tenth of a per cent.
  const IR_RUNS = Number(process.env.BENCH_IR_RUNS ?? 3);
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    row('start-up in instructions', 'skipped', 'valgrind is not on PATH');
  } else {
    const profile = join(tmpdir(), `xent-bench-callgrind-${process.pid}`);
    const instructions = (command, args) => {
      const counts = [];
      const steady = [];
      for (let k = 0; k < IR_RUNS; k++) {
        const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${profile}`, command, ...args], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        const count = /Collected : (\d+)/.exec(r.stderr)?.[1];
        if (r.status !== 0 || count === undefined)
          throw new Error(`callgrind of ${command} ${args.join(' ')} failed: ${r.stderr}`);
        counts.push(Number(count));
        const annotated = spawnSync('callgrind_annotate', [profile], { encoding: 'utf8', maxBuffer: 1 << 26 });
        const seed = /^\s*([\d,]+) .*sprp/m.exec(annotated.stdout ?? '')?.[1];
        if (seed !== undefined) steady.push(Number(count) - Number(seed.replace(/,/g, '')));
        rmSync(profile, { force: true });
      }
      return { total: median(counts), steady: steady.length === IR_RUNS ? median(steady) : undefined };
    };
    const steadyNote = (xent, node) =>
      xent.steady !== undefined && node.steady !== undefined
        ? `; less the hash-seed search ${(xent.steady / 1e6).toFixed(1)} M = ${(xent.steady / node.steady).toFixed(2)}×`
        : '';
    for (const { version, node: nodeBinary } of nodes) {
      const node = instructions(nodeBinary, ['-e', '0']);
      row(
        `start-up on ${version}: node -e 0`,
        `${(node.total / 1e6).toFixed(1)} M instr`,
        `callgrind, median of ${IR_RUNS}${node.steady === undefined ? '' : `; less the hash-seed search ${(node.steady / 1e6).toFixed(1)} M`}`,
      );
      for (const args of [
        ['softmax', '1', '2', '3'],
        ['softmax', '1', '2', '3', '--log'],
        ['ce', '2,0.5,-1', '-y', '0'],
        ['--version'],
      ]) {
        const xent = instructions(nodeBinary, [XENT, ...args]);
        // The goal (issue #18) is `xent softmax 1 2 3`'s, a quick calculation (src/cli/quick.ts);
        // the others show what a line costs that a command's own bundle runs (an option,
        // commander's parse, ce's whole-matrix report).
        const goal = args.join(' ') === 'softmax 1 2 3' ? 'target ≤ 1.15×' : 'for reference';
        row(
          `start-up on ${version}: xent ${args.join(' ')}`,
          `${(xent.total / 1e6).toFixed(1)} M instr`,
          `${(xent.total / node.total).toFixed(2)}× node (${goal})${steadyNote(xent, node)}`,
        );
      }
    }
  }
}

// 2. Throughput on a 2048×2048 CSV.
if (SECTIONS.has('throughput')) {
  const file = await generate(2048, 20261129);
  const mb = statSync(file).size / 1e6;
  // Paired runs, alternating, medians: the machine's noise hits both sides alike.
  const THROUGHPUT_PAIRS = Number(process.env.BENCH_THROUGHPUT_PAIRS ?? 7);
  const peer = hasPeer();
  const clipRuns = [];
  const peerRuns = [];
  for (let k = 0; k < THROUGHPUT_PAIRS; k++) {
    clipRuns.push(run(process.execPath, [XENT, 'clip', '-i', file, '-f', 'value']));
    if (peer) peerRuns.push(run('python3', [join(ROOT, 'scripts', 'bench_peer.py'), file]));
  }
  const clip = {
    ...clipRuns[0],
    seconds: median(clipRuns.map((r) => r.seconds)),
    rssMb: Math.max(...clipRuns.map((r) => r.rssMb)),
  };
  const xentLoss = Number(clip.stdout.trim());
  row(
    'clip -f value, 2048² CSV',
    `${clip.seconds.toFixed(2)} s`,
    `${(mb / clip.seconds).toFixed(0)} MB/s, ${clip.rssMb.toFixed(0)} MB peak, median of ${THROUGHPUT_PAIRS}`,
  );
  if (peer) {
    const peerSeconds = median(peerRuns.map((r) => r.seconds));
    const peerLoss = Number(peerRuns[0].stdout.trim());
    const rel = Math.abs(xentLoss - peerLoss) / Math.abs(peerLoss);
    row(
      'NumPy + SciPy peer',
      `${peerSeconds.toFixed(2)} s`,
      `${Math.max(...peerRuns.map((r) => r.rssMb)).toFixed(0)} MB peak, median of ${THROUGHPUT_PAIRS}`,
    );
    row('clip / peer', `${(clip.seconds / peerSeconds).toFixed(2)}×`, 'target ≤ 0.25× (wall, medians)');
    // What varies: the peer's time far more than xent's (its start-up imports SciPy, its
    // loadtxt allocates per line); CPU time is what the machine's load moves least.
    row(
      'clip / peer, spread',
      `xent ${spread(clipRuns.map((r) => r.seconds))}, peer ${spread(peerRuns.map((r) => r.seconds))}`,
      `CPU: xent ${median(clipRuns.map((r) => r.cpu)).toFixed(2)} s, peer ${median(peerRuns.map((r) => r.cpu)).toFixed(2)} s = ${(median(clipRuns.map((r) => r.cpu)) / median(peerRuns.map((r) => r.cpu))).toFixed(2)}×`,
    );
    row('loss agreement', rel.toExponential(1), `xent ${xentLoss}, peer ${peerLoss} (target ≤ 1e-9)`);
  } else {
    row('NumPy + SciPy peer', 'skipped', 'python3 with numpy and scipy not found');
  }
  const ce = run(process.execPath, [XENT, 'ce', '-y', 'diag', '-i', file, '-f', 'value']);
  row('ce -y diag -f value', `${ce.seconds.toFixed(2)} s`, `${(mb / ce.seconds).toFixed(0)} MB/s`);
  const sm = runShell(`node ${XENT} softmax -i ${file} -f tsv > /dev/null`);
  row('softmax -f tsv > /dev/null', `${sm.seconds.toFixed(2)} s`, `${(mb / sm.seconds).toFixed(0)} MB/s`);
}

// 2b. Binary input: an .npy similarity matrix against np.load + scipy.special.logsumexp on the
// same file (goal ≤ 0.7×), the read alone (goal ≥ 1 GB/s), and -f json against -f tsv.
if (SECTIONS.has('binary')) {
  /** An n×n similarity matrix as .npy of float32 or float64 (the values of `generate`, unrounded). */
  const npyFile = (n, seed, bytes) => {
    const path = join(WORK, `sim-${n}-${seed}-f${bytes * 8}.npy`);
    if (existsSync(path)) return path;
    const next = random(seed);
    const values = bytes === 4 ? new Float32Array(n * n) : new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) values[i * n + j] = (next() * 2 - 1) * 5 + (i === j ? 4 : 0);
    let dict = `{'descr': '<f${bytes}', 'fortran_order': False, 'shape': (${n}, ${n}), }`;
    dict += ' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64) + '\n';
    const header = Buffer.alloc(10 + dict.length);
    header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 0xff, dict.length >> 8]);
    header.write(dict, 10, 'latin1');
    writeFileSync(path, Buffer.concat([header, Buffer.from(values.buffer)]));
    return path;
  };
  const PAIRS_BINARY = Number(process.env.BENCH_BINARY_PAIRS ?? 5);
  const peer = hasPeer();
  for (const bytes of [4, 8]) {
    const file = npyFile(4096, 20261205, bytes);
    const mb = statSync(file).size / 1e6;
    const ours = [];
    const theirs = [];
    for (let k = 0; k < PAIRS_BINARY; k++) {
      ours.push(run(process.execPath, [XENT, 'clip', '-i', file, '-f', 'value']));
      if (peer) theirs.push(run('python3', [join(ROOT, 'scripts', 'bench_peer.py'), file]));
    }
    const what = `clip -f value, 4096² .npy float${bytes * 8} (${mb.toFixed(0)} MB)`;
    row(
      what,
      spread(ours.map((r) => r.seconds)),
      `CPU ${median(ours.map((r) => r.cpu)).toFixed(2)} s, ${Math.max(...ours.map((r) => r.rssMb)).toFixed(0)} MB peak, median of ${PAIRS_BINARY}`,
    );
    if (!peer) {
      row('  np.load + logsumexp', 'skipped', 'python3 with numpy and scipy not found');
      continue;
    }
    const ratio = median(ours.map((r) => r.seconds)) / median(theirs.map((r) => r.seconds));
    const cpuRatio = median(ours.map((r) => r.cpu)) / median(theirs.map((r) => r.cpu));
    const rel = Math.abs(Number(ours[0].stdout) - Number(theirs[0].stdout)) / Math.abs(Number(theirs[0].stdout));
    row(
      '  np.load + logsumexp',
      spread(theirs.map((r) => r.seconds)),
      `CPU ${median(theirs.map((r) => r.cpu)).toFixed(2)} s, ${Math.max(...theirs.map((r) => r.rssMb)).toFixed(0)} MB peak`,
    );
    row(
      '  xent / peer',
      `${ratio.toFixed(2)}×`,
      `goal ≤ 0.7×: ${ratio <= 0.7 ? 'met' : 'NOT met'} (CPU ${cpuRatio.toFixed(2)}×; loss agreement ${rel.toExponential(1)}${bytes === 4 ? ', NumPy sums float32 in float32' : ''})`,
    );
  }
  // The read alone: parseInput over the file with an empty sink, from the sources (bundled here).
  const { build } = await import('esbuild');
  const entry = join(WORK, 'read-entry.ts');
  writeFileSync(
    entry,
    `export { parseInput } from ${JSON.stringify(join(ROOT, 'src/rows/input.ts'))};\nexport { fileChunks } from ${JSON.stringify(join(ROOT, 'src/rows/file-chunks.ts'))};\n`,
  );
  const bundle = join(WORK, 'read-bundle.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
  });
  // Each read in a process of its own, as a run of xent reads (V8 compiles the reader's hot functions
  // meanwhile, on another thread, and CPU time counts it: since a regular file's chunks are pulled
  // without an await per chunk, a few tens of ms instead of ~0.15 s); then
  // the warm read, reads 4 to 8 of one process (the per-byte speed of the reader once compiled).
  const once = join(WORK, 'read-once.mjs');
  writeFileSync(
    once,
    `import { statSync } from 'node:fs';
const { parseInput, fileChunks } = await import(${JSON.stringify(bundle)});
const [file, reads] = [process.argv[2], Number(process.argv[3])];
const mb = statSync(file).size / 1e6;
for (let k = 0; k < reads; k++) {
  let seen = 0;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await parseInput({ source: 'bench', chunks: fileChunks(file) }, (r) => {
    seen += r.length;
  });
  const used = process.cpuUsage(cpu);
  if (seen !== 4096 * 4096) throw new Error('the read gave ' + seen + ' values, not 4096²');
  console.log(mb / (Number(process.hrtime.bigint() - start) / 1e9), mb / ((used.user + used.system) / 1e6));
}
`,
  );
  /** [wall MB/s, CPU MB/s] of each read of a process reading `file` `reads` times. */
  const reads = (file, count) =>
    spawnSync(process.execPath, [once, file, String(count)], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
  for (const bytes of [4, 8]) {
    const file = npyFile(4096, 20261205, bytes);
    const first = Array.from({ length: 5 }, () => reads(file, 1)[0]);
    const warm = reads(file, 8).slice(3);
    for (const [what, speeds, how] of [
      ['first read', first, 'median of 5 processes'],
      ['warm read', warm, 'reads 4–8 of one process'],
    ]) {
      const wall = median(speeds.map((s) => s[0]));
      const cpu = median(speeds.map((s) => s[1]));
      const verdict = wall >= 1000 ? 'met' : cpu >= 1000 ? 'met in CPU time only' : 'NOT met';
      row(
        `read .npy float${bytes * 8}, 4096², ${what}`,
        `${wall.toFixed(0)} MB/s`,
        `${cpu.toFixed(0)} MB/s of CPU time, ${how}, one thread; goal ≥ 1000 MB/s: ${verdict}`,
      );
    }
  }
  // -f json against -f tsv of the same 2048² result (softmax: JSON has probs and log_probs, twice the numbers),
  // from the .npy and from a CSV (6 decimals, as `generate` writes), in alternation so that both meet the same load.
  const mid = npyFile(2048, 20261206, 8);
  const midCsv = await generate(2048, 20261206);
  for (const [what, file] of [
    ['.npy', mid],
    ['CSV', midCsv],
  ]) {
    const runs = { tsv: [], json: [] };
    for (let k = 0; k < 3; k++)
      for (const format of ['tsv', 'json'])
        runs[format].push(measure(`node ${XENT} softmax -i ${file} -f ${format} > /dev/null`));
    const [tsv, json] = [runs.tsv, runs.json].map((rs) => ({
      seconds: median(rs.map((r) => r.seconds)),
      cpu: median(rs.map((r) => r.cpu)),
      rssMb: Math.max(...rs.map((r) => r.rssMb)),
    }));
    const jsonRatio = json.seconds / tsv.seconds;
    const cpuRatio = json.cpu / tsv.cpu;
    const jsonGoal = (3 * statSync(file).size) / 1e6 + 100;
    const size = `${(statSync(file).size / 1e6).toFixed(0)} MB`;
    row(
      `softmax 2048² ${what} (${size}) -f tsv`,
      `${tsv.seconds.toFixed(2)} s`,
      `CPU ${tsv.cpu.toFixed(2)} s, ${tsv.rssMb.toFixed(0)} MB peak (streamed), median of 3`,
    );
    row(
      `softmax 2048² ${what} -f json`,
      `${json.seconds.toFixed(2)} s`,
      `${jsonRatio.toFixed(2)}× tsv (CPU ${cpuRatio.toFixed(2)}×), ${(jsonRatio / 2).toFixed(2)}× per number (it writes probs and log_probs); goal ≤ 1.5×: ${jsonRatio <= 1.5 ? 'met' : cpuRatio <= 1.5 ? 'met in CPU time only' : 'NOT met'}; CPU ${json.cpu.toFixed(2)} s, ${json.rssMb.toFixed(0)} MB peak (the file read once, its rows kept in a temporary file; goal ≤ ${jsonGoal.toFixed(0)} MB: ${json.rssMb <= jsonGoal ? 'met' : 'NOT met'})`,
    );
  }
  const jsonGoal = (3 * statSync(mid).size) / 1e6 + 100;
  // From a pipe: read once, as a file is, its rows kept in a temporary file.
  const rssFile = join(WORK, 'rss.txt');
  const piped = runShell(`cat ${mid} | /usr/bin/time -f %M -o ${rssFile} node ${XENT} softmax -f json > /dev/null`);
  const pipedMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
  row(
    'softmax 2048² -f json from a pipe',
    `${piped.seconds.toFixed(2)} s`,
    `${pipedMb.toFixed(0)} MB peak (its rows kept in a temporary file; goal ≤ ${jsonGoal.toFixed(0)} MB: ${pipedMb <= jsonGoal ? 'met' : 'NOT met'})`,
  );
}

// 3. Memory on a 4096×4096 CSV (~160 MB of text).
if (SECTIONS.has('stream') && process.env.BENCH_SKIP_MEMORY !== '1') {
  const file = await generate(4096, 20261130);
  const mb = statSync(file).size / 1e6;
  // lm: one token per row, the diagonal's class (a vocabulary of 4096).
  const tokens = join(WORK, 'tokens-4096.txt');
  if (!existsSync(tokens)) writeFileSync(tokens, Array.from({ length: 4096 }, (_, i) => i).join('\n') + '\n');
  const input = `-i ${file}`;
  for (const [name, args, goal = 'target < 150 MB'] of [
    ['ce -y diag', ['ce', '-y', 'diag', '-f', 'value', input]],
    ['ce -y diag -r none -f tsv (per row)', ['ce', '-y', 'diag', '-r', 'none', '-f', 'tsv', input]],
    ['focal -y diag', ['focal', '-y', 'diag', '-f', 'value', input]],
    ['focal -y diag -r none', ['focal', '-y', 'diag', '-r', 'none', '-f', 'value', input]],
    ['hinge -y diag', ['hinge', '-y', 'diag', '-f', 'value', input]],
    ['lm -f tsv (per token)', ['lm', '-y', `@${tokens}`, '-f', 'tsv', input]],
    ['clip', ['clip', '-f', 'value', input]],
    ['softmax to a pipe', ['softmax', '-f', 'tsv', input]],
    // Its two option files, read in step row by row (README: Large inputs): neither is held.
    ['distill, in step', ['distill', '--student', `@${file}`, '--teacher', `@${file}`, '-t', '4', '-f', 'value']],
  ]) {
    // GNU time measures node alone (not the shell or cat) and writes to a file, not stderr.
    const rssFile = join(WORK, 'rss.txt');
    const r = runShell(`/usr/bin/time -f %M -o ${rssFile} node ${XENT} ${args.join(' ')} | cat > /dev/null`);
    r.rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    row(
      `peak RSS, ${name}, 4096² (${mb.toFixed(0)} MB)`,
      `${r.rssMb.toFixed(0)} MB`,
      `${r.seconds.toFixed(2)} s (${goal})`,
    );
  }
}

// 4. Tables and Markdown: linear in their size, within a small multiple of TSV of the same input.
if (SECTIONS.has('tables') && process.env.BENCH_SKIP_TABLES !== '1') {
  /** An rows×cols matrix of logits as CSV, 3 decimals. */
  const logits = (rowsCount, cols, seed) => {
    const path = join(WORK, `logits-${rowsCount}x${cols}-${seed}.csv`);
    if (!existsSync(path)) {
      const next = random(seed);
      const lines = [];
      for (let i = 0; i < rowsCount; i++)
        lines.push(Array.from({ length: cols }, () => (next() * 8 - 4).toFixed(3)).join(','));
      writeFileSync(path, lines.join('\n') + '\n');
    }
    return path;
  };
  const TABLE_RUNS = Number(process.env.BENCH_TABLE_RUNS ?? 3);
  const timed = (file, format) =>
    median(
      Array.from(
        { length: TABLE_RUNS },
        () => runShell(`node ${XENT} softmax -i ${file} -f ${format} > /dev/null`).seconds,
      ),
    );
  // [name, file, { format: what it took before xent drew its own tables }]
  const cases = [
    ['softmax 20000×3', logits(20000, 3, 7), { table: '16.6 s' }],
    ['softmax 400×400', logits(400, 400, 8), { table: '61 s', markdown: '0.35 s' }],
  ];
  for (const [name, file, formats] of cases) {
    const tsv = timed(file, 'tsv');
    row(`${name} -f tsv`, `${tsv.toFixed(2)} s`, `median of ${TABLE_RUNS}`);
    for (const [format, before] of Object.entries(formats)) {
      const seconds = timed(file, format);
      row(
        `${name} -f ${format}`,
        `${seconds.toFixed(2)} s`,
        `${(seconds / tsv).toFixed(1)}× -f tsv (target ≤ 4×; was ${before})`,
      );
    }
  }
  // Four times the rows, about four times the time: linear (a quadratic layout would take 16×).
  const small = timed(logits(20000, 3, 7), 'table');
  const large = timed(logits(80000, 3, 9), 'table');
  row(
    'softmax 80000×3 / 20000×3 -f table',
    `${(large / small).toFixed(1)}×`,
    `${large.toFixed(2)} s / ${small.toFixed(2)} s (target ≤ 5×: linear, start-up included)`,
  );
}

// 5. Hostile input: each is refused (exit 2) in time linear in its size and flat memory.
if (SECTIONS.has('hostile') && process.env.BENCH_SKIP_HOSTILE !== '1') {
  /** xent ARGS, fed by the shell command `feed` if given, must fail with exit 2: wall seconds and its peak RSS (MB). */
  const refused = (args, feed) => {
    const rssFile = join(WORK, 'rss.txt');
    const line = `${feed ? `${feed} | ` : ''}/usr/bin/time -f %M -o ${rssFile} node ${XENT} ${args}`;
    const start = process.hrtime.bigint();
    const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 2) throw new Error(`${line} should exit 2, got ${r.status}: ${r.stderr.slice(0, 300)}`);
    if (r.stderr.length > 600) throw new Error(`${line}: an error of ${r.stderr.length} characters`);
    return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 };
  };
  const digits = join(WORK, 'digits-1mb.txt');
  writeFileSync(digits, `${'1'.repeat(1 << 20)}x\n`);
  const run1 = refused(`softmax -i ${digits}`);
  row(
    '1 MB run of digits + a letter (-i)',
    `${run1.seconds.toFixed(2)} s`,
    'target ≤ 0.5 s (it was quadratic: ~15 min)',
  );
  // One argument can hold at most 128 KiB (MAX_ARG_STRLEN): -y gets 100 000 digits.
  const run2 = refused(`ce 1,2 -y ${'1'.repeat(100000)}a`);
  row('-y of 100 000 digits + a letter', `${run2.seconds.toFixed(2)} s`, 'target ≤ 0.5 s (it was 4.2 s)');
  const brackets = refused('softmax', "head -c 100000000 /dev/zero | tr '\\0' '['");
  row(
    "100 MB of '[' on stdin",
    `${brackets.rssMb.toFixed(0)} MB peak`,
    `${brackets.seconds.toFixed(2)} s (target < 150 MB; it was 6.3 GB and an abort)`,
  );
  const token = refused('softmax', "(echo 1; head -c 100000000 /dev/zero | tr '\\0' 1; echo x)");
  row(
    'a token of 100 MB on stdin',
    `${token.rssMb.toFixed(0)} MB peak`,
    `${token.seconds.toFixed(2)} s (target < 150 MB)`,
  );
  const zero = refused('ce 1,2 --target-probs @/dev/zero');
  row(
    '--target-probs @/dev/zero',
    `${zero.rssMb.toFixed(0)} MB peak`,
    `${zero.seconds.toFixed(2)} s (target < 150 MB; it grew past 6.6 GB)`,
  );
}

// 6. The whole-matrix paths: each command holds what it needs (a matrix, an N×N similarity)
// and writes large outputs as it goes. Goals: a matrix input within 3× its size + 100 MB;
// 5000×512 embeddings under 1 GB and within 3× the NumPy time (scripts/bench_contrastive_peer.py).
if (SECTIONS.has('whole')) {
  const N = Number(process.env.BENCH_WHOLE_N ?? 5000);
  const JSON_N = Number(process.env.BENCH_WHOLE_JSON_N ?? 2000);
  const EMB_N = Number(process.env.BENCH_EMB_N ?? 5000);
  const EMB_D = Number(process.env.BENCH_EMB_D ?? 512);
  const DESCEND_N = Number(process.env.BENCH_DESCEND_N ?? 50);
  const DESCEND_STEPS = Number(process.env.BENCH_DESCEND_STEPS ?? 10000);
  const peer = hasNumpy();
  const mb = (path) => statSync(path).size / 1e6;
  const memoryGoal = (inputMb) => 3 * inputMb + 100;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');

  /** A matrix input: peak RSS against 3× its size + 100 MB. */
  const matrixRun = (what, args, file) => {
    const r = measure(`node ${XENT} ${args} | cat > /dev/null`);
    const goal = memoryGoal(mb(file));
    if (!r.ok)
      return row(
        `${what} (${mb(file).toFixed(0)} MB)`,
        'failed',
        `${r.rssMb.toFixed(0)} MB peak, ${r.seconds.toFixed(1)} s: ${r.error}`,
      );
    row(
      `${what} (${mb(file).toFixed(0)} MB)`,
      `${r.rssMb.toFixed(0)} MB`,
      `${r.seconds.toFixed(1)} s; goal ≤ ${goal.toFixed(0)} MB (3× input + 100 MB): ${verdict(r.rssMb <= goal)}`,
    );
  };

  const big = await generate(N, 20261201);
  matrixRun(`clip -f tsv, ${N}²`, `clip -i ${big} -f tsv`, big);
  matrixRun(`clip -f json, ${N}²`, `clip -i ${big} -f json`, big);
  const mid = await generate(JSON_N, 20261202);
  matrixRun(`clip -f json, ${JSON_N}²`, `clip -i ${mid} -f json`, mid);

  const { image, text, views, labels } = await generateEmbeddings(EMB_N, EMB_D, 20261203);
  const size = `${EMB_N}×${EMB_D}`;
  /** Embeddings: peak RSS under 1 GB; -f value (and json) timed against the NumPy peer. */
  const embeddingRun = (what, args, peerArgs) => {
    const r = measure(`node ${XENT} ${args}${/-f value/.test(args) ? '' : ' | cat > /dev/null'}`);
    if (!r.ok)
      return row(`${what}, ${size}`, 'failed', `${r.rssMb.toFixed(0)} MB peak, ${r.seconds.toFixed(1)} s: ${r.error}`);
    let time = `${r.seconds.toFixed(1)} s`;
    if (peerArgs && peer) {
      const p = measure(`python3 ${join(ROOT, 'scripts', 'bench_contrastive_peer.py')} ${peerArgs}`);
      if (p.ok) {
        const ratio = r.seconds / p.seconds;
        time += `, NumPy ${p.seconds.toFixed(1)} s = ${ratio.toFixed(2)}× (goal ≤ 3×: ${verdict(ratio <= 3)})`;
        const ours = Number(r.stdout.trim());
        const theirs = Number(p.stdout.trim().split('\n')[0]);
        if (/-f value/.test(args))
          time += `, loss agreement ${(Math.abs(ours - theirs) / Math.abs(theirs)).toExponential(1)}`;
      } else time += `, NumPy failed: ${p.error}`;
    } else if (peerArgs) time += ', NumPy peer skipped (python3 with numpy not found)';
    row(`${what}, ${size}`, `${r.rssMb.toFixed(0)} MB`, `goal < 1024 MB: ${verdict(r.rssMb < 1024)}; ${time}`);
  };
  embeddingRun(
    'clip --image --text -f value',
    `clip --image @${image} --text @${text} -f value`,
    `clip ${image} ${text}`,
  );
  embeddingRun('clip --image --text -f tsv', `clip --image @${image} --text @${text} -f tsv`);
  embeddingRun(
    'siglip --image --text -f value',
    `siglip --image @${image} --text @${text} -f value`,
    `siglip ${image} ${text}`,
  );
  embeddingRun('siglip --image --text -f tsv', `siglip --image @${image} --text @${text} -f tsv`);
  embeddingRun('ntxent -f value', `ntxent -i ${views} -f value`, `ntxent ${views}`);
  embeddingRun('ntxent -f json (with the gradient)', `ntxent -i ${views} -f json`, `ntxent ${views} --grad`);
  embeddingRun('supcon -f value', `supcon -i ${views} -y @${labels} -f value`, `supcon ${views} ${labels}`);
  embeddingRun(
    'supcon -f json (with the gradient)',
    `supcon -i ${views} -y @${labels} -f json`,
    `supcon ${views} ${labels} --grad`,
  );

  const small = await generate(DESCEND_N, 20261204);
  for (const format of ['json', 'csv']) {
    const r = measure(`node ${XENT} descend -i ${small} --steps ${DESCEND_STEPS} -f ${format} | cat > /dev/null`);
    const what = `descend -f ${format} --steps ${DESCEND_STEPS}, ${DESCEND_N}²`;
    const goal = memoryGoal(mb(small));
    if (!r.ok) row(what, 'failed', `${r.rssMb.toFixed(0)} MB peak, ${r.seconds.toFixed(1)} s: ${r.error}`);
    else
      row(
        what,
        `${r.rssMb.toFixed(0)} MB`,
        `${r.seconds.toFixed(1)} s; goal ≤ ${goal.toFixed(0)} MB (3× input + 100 MB): ${verdict(r.rssMb <= goal)}`,
      );
  }
}

// 7. Retrieval on COCO's shape: images × 5·images similarities, a file read twice row by row in
// O(images + texts) memory, whatever its size (the matrix alone would be 8 bytes a value).
if (SECTIONS.has('retrieval')) {
  const images = Number(process.env.BENCH_RETRIEVAL_IMAGES ?? 5000);
  const texts = 5 * images;
  const path = join(WORK, `retrieval-${images}x${texts}.csv`);
  if (!existsSync(path)) {
    const next = random(20261205);
    const out = createWriteStream(path);
    const row = new Array(texts);
    for (let i = 0; i < images; i++) {
      // Cosine-like scores, 3 decimals, each image's own 5 captions a little higher.
      for (let j = 0; j < texts; j++) row[j] = (next() * 2 - 1 + (Math.floor(j / 5) === i ? 0.5 : 0)).toFixed(3);
      if (!out.write(row.join(',') + '\n')) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
  }
  const size = statSync(path).size / 1e6;
  const r = measure(`node ${XENT} retrieval -i ${path} --captions-per-image 5 -f json > /dev/null`);
  const whole = (images * texts * 8) / 1e6;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  if (!r.ok)
    row(
      `retrieval ${images}×${texts}`,
      'failed',
      `${r.rssMb.toFixed(0)} MB peak, ${r.seconds.toFixed(1)} s: ${r.error}`,
    );
  else
    row(
      `retrieval ${images}×${texts} -f json (${size.toFixed(0)} MB, read twice)`,
      `${r.rssMb.toFixed(0)} MB`,
      `${r.seconds.toFixed(1)} s; goal < 150 MB (the matrix held would be ${whole.toFixed(0)} MB): ${verdict(r.rssMb < 150)}`,
    );
  // From a pipe (bash's <(…) is one): copied to a temporary file as the first reading goes,
  // then read back from it; the same bounded memory, and the disk holds the copy.
  const piped = measure(`node ${XENT} retrieval --captions-per-image 5 -f json < <(cat ${path}) > /dev/null`);
  if (!piped.ok)
    row(
      'retrieval from a pipe',
      'failed',
      `${piped.rssMb.toFixed(0)} MB peak, ${piped.seconds.toFixed(1)} s: ${piped.error}`,
    );
  else
    row(
      `retrieval ${images}×${texts} -f json from a pipe`,
      `${piped.rssMb.toFixed(0)} MB`,
      `${piped.seconds.toFixed(1)} s; goal < 150 MB (copied to a temporary file, ${size.toFixed(0)} MB of disk): ${verdict(piped.rssMb < 150)}`,
    );
}

const width = [0, 1, 2].map((k) => Math.max(...rows.map((r) => String(r[k]).length)));
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (const r of rows)
  console.log(
    r
      .map((c, k) => String(c).padEnd(width[k]))
      .join('  ')
      .trimEnd(),
  );
