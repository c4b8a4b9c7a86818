// Retrieval metrics (src/ops/retrieval/) against PyTorch (test/fixtures/oracle/retrieval.json:
// open_clip's get_clip_metrics with CLIP_benchmark's several captions, a stable sort), against
// a plain sort of every row and column, streamed (two readings of a file) and whole, in every
// format, and one bad input → one error key (CLI and library).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { retrievalMetrics } from '../../src/index.js';
import { xent } from '../helpers/cli.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';
import { type Num, expectClose, loadOracle } from '../helpers/oracle.js';

interface RetrievalCase {
  id: string;
  sim: number[][];
  text_image: number[];
  expected: Record<string, Num | number[]>;
}

const csv = (m: readonly (readonly number[])[]) => `${m.map((r) => r.join(',')).join('\n')}\n`;

/** The rank of `target` among `scores` sorted high to low, stably (ties: the earlier index first), 1-based. */
function plainRank(scores: number[], targets: number[]): number {
  const order = scores.map((s, j) => [s, j] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return order.findIndex(([, j]) => targets.includes(j)) + 1;
}

describe('retrieval against PyTorch (open_clip, CLIP_benchmark)', () => {
  it.each(loadOracle<RetrievalCase>('retrieval').cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const r = retrievalMetrics(c.sim, { textImage: c.text_image });
    const e = c.expected;
    expect(r.imageToText.ranks, `${id} i2t ranks`).toEqual(e.i2t_ranks);
    expect(r.textToImage.ranks, `${id} t2i ranks`).toEqual(e.t2i_ranks);
    for (const k of [1, 5, 10]) {
      expectClose(r.imageToText.recall[String(k)], e[`i2t_r${k}`], `${id} i2t R@${k}`);
      expectClose(r.textToImage.recall[String(k)], e[`t2i_r${k}`], `${id} t2i R@${k}`);
    }
    expectClose(r.imageToText.medianRank, e.i2t_median_rank, `${id} i2t median`);
    expectClose(r.textToImage.meanRank, e.t2i_mean_rank, `${id} t2i mean`);
    // The CLI, whole (a pipe) and streamed (a file read twice): the same JSON.
    const argv = ['retrieval', '--text-image', c.text_image.join(','), '-f', 'json'];
    const piped = JSON.parse((await xent(argv, { stdin: csv(c.sim) })).stdout);
    const streamed = JSON.parse((await xent([...argv, '-i', 'sim.csv'], { files: { 'sim.csv': csv(c.sim) } })).stdout);
    expect(streamed).toEqual(piped);
    for (const [key, value] of Object.entries(e)) expectClose(piped[key], value, `${id} CLI ${key}`);
  });
});

describe('the ranks are those of a plain stable sort', () => {
  it('any matrix (ties included), any layout; the stream agrees', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((images) =>
            fc.tuple(
              fc.constant(images),
              fc.integer({ min: 1, max: 3 }),
              fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 12 * images, maxLength: 12 * images }),
            ),
          ),
        async ([images, k, values]) => {
          const texts = images * k;
          const sim = Array.from({ length: images }, (_, i) =>
            values.slice(i * texts, (i + 1) * texts).map((v) => v / 2),
          );
          const owner = Array.from({ length: texts }, (_, j) => Math.floor(j / k));
          const r = retrievalMetrics(sim, { captionsPerImage: k });
          const i2t = sim.map((row, i) =>
            plainRank(
              row,
              owner.flatMap((o, j) => (o === i ? [j] : [])),
            ),
          );
          const t2i = owner.map((o, j) =>
            plainRank(
              sim.map((row) => row[j]),
              [o],
            ),
          );
          expect(r.imageToText.ranks).toEqual(i2t);
          expect(r.textToImage.ranks).toEqual(t2i);
          // --header no: a first row of 0 and 1 would be read as pandas's integer column names.
          const argv = ['retrieval', '-i', 's.csv', '--captions-per-image', String(k), '--header', 'no', '-f', 'json'];
          const streamed = JSON.parse((await xent(argv, { files: { 's.csv': csv(sim) } })).stdout);
          expect(streamed.i2t_ranks).toEqual(i2t);
          expect(streamed.t2i_ranks).toEqual(t2i);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('retrieval: known numbers and every format', () => {
  const S = '0.9,0.8,0.1,0.2; 0.8,0.4,0.7,0.6; 0.5,0.1,0.7,0.6';
  const argv = ['retrieval', S, '--text-image', '0,0,1,2', '-k', '1,2'];

  it("open_clip's median: floor of the 0-based median, + 1", () => {
    // Ranks 1, 2, 3, 4: 0-based median 1.5 → floor 1 → 2.
    const sim = [
      [4, 3, 2, 1],
      [4, 3, 2, 1],
      [4, 3, 2, 1],
      [4, 3, 2, 1],
    ];
    const r = retrievalMetrics(sim);
    expect(r.imageToText.ranks).toEqual([1, 2, 3, 4]);
    expect(r.imageToText.medianRank).toBe(2);
    expect(r.imageToText.meanRank).toBe(2.5);
    // Text → image: every column's scores tie; the earlier image comes first.
    expect(r.textToImage.ranks).toEqual([1, 2, 3, 4]);
  });

  it('value, tsv, csv, json, table, markdown, zh, --expect, --explain', async () => {
    const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
    expect(json.i2t_ranks).toEqual([1, 2, 2]);
    expect((await xent([...argv, '-f', 'value'])).stdout).toBe(
      `${json.i2t_r1}\t${json.i2t_r2}\n${json.t2i_r1}\t${json.t2i_r2}\n`,
    );
    expect((await xent([...argv, '-f', 'tsv'])).stdout).toBe(
      `k\ti2t_recall\tt2i_recall\n1\t${json.i2t_r1}\t${json.t2i_r1}\n2\t1\t1\n`,
    );
    expect((await xent([...argv, '-f', 'csv'])).stdout.split('\n')[0]).toBe('k,i2t_recall,t2i_recall');
    for (const format of ['table', 'markdown']) {
      const r = await xent([...argv, '-f', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(json.i2t_r1.toFixed(4));
    }
    const zh = await xent([...argv, '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('图像 → 文本');
    expect((await xent([...argv, '--expect', json.i2t_r1.toFixed(3)])).code).toBe(0);
    expect((await xent([...argv, '--expect', `t2i_mean_rank=${json.t2i_mean_rank}`])).code).toBe(0);
    expect((await xent([...argv, '--expect', '0.9'])).code).toBe(1);
    const explained = await xent([...argv, '--explain', '--row', '2']);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain('image 2 of 3');
    expect(explained.stdout).toContain('its rank is 2');
  });

  it('ties are said, and how they were broken', async () => {
    const r = await xent(['retrieval', '1,1; 0,1', '-f', 'table']);
    expect(r.stdout).toContain('1 image(s) and 1 text(s)');
  });
});

describe('retrieval: one bad input, one error key', () => {
  const S = '0.9,0.8,0.1,0.2; 0.3,0.4,0.7,0.6';
  const cases: [string, string, string[], (() => unknown) | undefined][] = [
    [
      'both layouts',
      'err.retrieval.twoLayouts',
      [S, '--captions-per-image', '2', '--text-image', '0,0,1,1'],
      () => retrievalMetrics([[1]], { captionsPerImage: 1, textImage: [0] }),
    ],
    [
      'k = 0',
      'err.retrieval.captions',
      [S, '--captions-per-image', '0'],
      () => retrievalMetrics([[1]], { captionsPerImage: 1.5 }),
    ],
    ['not square', 'err.retrieval.notSquare', [S], () => retrievalMetrics([[1, 2]])],
    [
      'k that does not fit',
      'err.retrieval.captionShape',
      [S, '--captions-per-image', '3'],
      () => retrievalMetrics([[1, 2]], { captionsPerImage: 3 }),
    ],
    [
      'a list of another length',
      'err.retrieval.listCount',
      [S, '--text-image', '0,1'],
      () => retrievalMetrics([[1, 2]], { textImage: [0] }),
    ],
    [
      'an image out of range',
      'err.retrieval.listRange',
      [S, '--text-image', '0,0,1,2'],
      () => retrievalMetrics([[1, 2]], { textImage: [0, 1] }),
    ],
    [
      'an image with no text',
      'err.retrieval.noCaption',
      [S, '--text-image', '0,0,0,0'],
      () => retrievalMetrics([[1], [2]], { textImage: [0] }),
    ],
    ['K = 0', 'err.ce.topK', [S, '--captions-per-image', '2', '-k', '0'], () => retrievalMetrics([[1]], { ks: [0] })],
  ];
  it.each(cases)('%s', async (_what, key, argv, library) => {
    if (library) expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['retrieval', ...argv, '-f', format])), format).toBe(key);
    // The same error from a file read twice (the stream).
    const [matrix, ...options] = argv;
    const file = await xent(['retrieval', '-i', 's.csv', ...options, '-f', 'json'], {
      files: { 's.csv': matrix.replace(/; /g, '\n') },
    });
    expect(keyOfCliError(file)).toBe(key);
  });
});

describe('retrieval from a pipe: copied to a temporary file, read twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xent-spill-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 40 images × 120 texts (3 each), ~40 KB: many chunks of 1000 bytes, a chunk ending inside a number.
  const sim = Array.from({ length: 40 }, (_, i) =>
    Array.from({ length: 120 }, (_, j) =>
      Number((Math.sin(i * 7.3 + j * 1.1) * 3 + (Math.floor(j / 3) === i ? 1.5 : 0)).toFixed(6)),
    ),
  );
  const text = csv(sim);

  it.each(['json', 'tsv', 'csv', 'value'])(
    '-f %s: the bytes of the file read twice and of the whole matrix',
    async (format) => {
      const argv = ['retrieval', '--captions-per-image', '3', '-f', format];
      const fromFile = await xent([...argv, '-i', 's.csv'], { files: { 's.csv': text }, chunkBytes: 1000 });
      const piped = await xent(argv, { stdin: text, chunkBytes: 1000, spillDir: dir });
      const whole = await xent(argv, { stdin: text });
      expect(fromFile.stderr).toBe('');
      expect(piped).toEqual(fromFile);
      expect(piped).toEqual(whole);
      // Unlinked as soon as it was made: nothing is left, whatever ends the run.
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it("LaTeX and npy are not data lines: from a file too they are the whole path's (they were TSV text)", async () => {
    for (const format of ['latex', 'npy', 'markdown']) {
      const argv = ['retrieval', '--captions-per-image', '3', '-f', format];
      const fromFile = await xent([...argv, '-i', 's.csv'], { files: { 's.csv': text } });
      expect(fromFile, format).toEqual(await xent(argv, { stdin: text }));
      expect(fromFile.stdout.startsWith('k\t'), format).toBe(false);
    }
  });

  it('a bad shape is the error the whole matrix gives, and leaves nothing behind', async () => {
    const argv = ['retrieval', '--captions-per-image', '4', '-f', 'json'];
    const piped = await xent(argv, { stdin: text, chunkBytes: 1000, spillDir: dir });
    const whole = await xent(argv, { stdin: text });
    expect(piped.code).toBe(2);
    expect(piped).toEqual(whole);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a temporary file that cannot be written: exit 74, what and where, nothing on stdout', async () => {
    const missing = join(dir, 'missing');
    const r = await xent(['retrieval', '--captions-per-image', '3', '-f', 'json'], { stdin: text, spillDir: missing });
    expect(r).toEqual({
      code: 74,
      stdout: '',
      stderr: `xent: error: cannot write a temporary file in '${missing}': no such file or directory (a piped input read twice is copied there, and the rows of softmax -f json past a megabyte are kept there; set TMPDIR to a disk with room, or give a piped input read twice as a file with -i FILE)\n`,
    });
    const zh = await xent(['retrieval', '--captions-per-image', '3', '-f', 'json', '-L', 'zh'], {
      stdin: text,
      spillDir: missing,
    });
    expect(zh.stderr).toContain(`无法在“${missing}”中写入临时文件`);
  });
});
