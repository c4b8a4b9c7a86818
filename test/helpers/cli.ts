// Runs the CLI in-process, the way the entry point does, with everything passed in.
import { COMMANDS } from '../../src/commands/index.js';
import { existsSync } from 'node:fs';
import { runCli, type CliResult } from '../../src/cli/run.js';
import { openSpill } from '../../src/rows/spill.js';

export interface RunOptions {
  stdin?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  /** stdout is a terminal (default: false, as in a pipe). */
  tty?: boolean;
  /** stdin is a terminal (default: true when no stdin text is given). */
  stdinTTY?: boolean;
  files?: Record<string, string | Uint8Array>;
  /** Files the run writes (--plot) land here, by name, instead of on disk. */
  written?: Record<string, string>;
  /** The terminal's width (default 100). */
  columns?: number;
  /** stdin and the files are handed out in chunks of this many bytes, as a pipe gives them (default: whole). */
  chunkBytes?: number;
  /** A piped input may be copied to a temporary file under this folder, as the CLI does (src/rows/spill.ts). */
  spillDir?: string;
}

function* inChunks(bytes: Uint8Array, size: number): Iterable<Uint8Array> {
  for (let k = 0; k < bytes.length; k += size) yield bytes.subarray(k, k + size);
}

export async function xent(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdin = options.stdin;
  const bytesOf = (content: string | Uint8Array) =>
    typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const { chunkBytes, spillDir } = options;
  return runCli(
    {
      ...(chunkBytes !== undefined
        ? {
            openInput: (path: string) => {
              const content = path === '-' ? (stdin ?? '') : options.files?.[path];
              return (async function* () {
                if (content === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
                yield* inChunks(bytesOf(content), chunkBytes);
              })();
            },
          }
        : {}),
      ...(spillDir !== undefined ? { openSpill: () => openSpill(spillDir) } : {}),
      argv,
      env: options.env ?? { LANG: 'C' },
      stdoutIsTTY: options.tty ?? false,
      stdinIsTTY: options.stdinTTY ?? stdin === undefined,
      columns: options.columns ?? 100,
      ...(options.written
        ? {
            writeFile: async (path: string, text: string) => {
              options.written![path] = text;
            },
          }
        : {}),
      readStdin: async () =>
        typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array()),
      readFile: async (path) => {
        const files = options.files ?? {};
        if (path in files) {
          const content = files[path];
          return typeof content === 'string' ? new TextEncoder().encode(content) : content;
        }
        const { readFile } = await import('node:fs/promises');
        return readFile(path);
      },
      exists: (path) => path in (options.files ?? {}) || existsSync(path),
    },
    COMMANDS,
  );
}

/** Parses TSV output back into numbers. */
export function tsvRows(text: string): number[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split('\t').map((x) => (x === 'inf' ? Infinity : x === '-inf' ? -Infinity : Number(x))));
}

/** A bad command line: exit 2, nothing on stdout, exactly `en` / `zh` (one line each, newline added) on stderr. */
export async function expectErrorInBothLanguages(argv: string[], en: string, zh: string): Promise<void> {
  const { expect } = await import('vitest');
  for (const [lang, text] of [
    ['en_US.UTF-8', en],
    ['zh_CN.UTF-8', zh],
  ] as const) {
    const r = await xent(argv, { env: { LANG: lang } });
    expect(r, lang).toEqual({ code: 2, stdout: '', stderr: text + '\n' });
  }
}

/** What must never reach a user: a stack frame, a JS `undefined`, an unfilled {placeholder}, [object Object]. */
export function leaks(text: string): string[] {
  // "undefined" as English ("softmax is undefined for row 2", "inf/inf, undefined") is fine.
  // A quoted token is the user's own text ('{A}', “undefined”), quotes of its own included
  // (''{A}'): from the first quote of a line to its last.
  const prose = text.replace(/\b(is|inf\/inf,) undefined\b/g, '').replace(/'[^\n]*'|“[^\n]*”/g, '');
  // LaTeX's groups (\mathrm{logsumexp}, z_{pos}, W^{T} in --explain's formulas) are not placeholders.
  const placeholder = /(?<!\\[a-zA-Z]+|[_^])\{[a-zA-Z]+\}/;
  return [/\n\s+at .*:\d+/, /\bundefined\b/, placeholder, /\[object /].filter((re) => re.test(prose)).map(String);
}
