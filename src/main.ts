// The entry point: the only file that touches the process.
import { fstatSync, readFileSync, statSync } from 'node:fs';
import { errorLine, runCli } from './cli/run.js';
import { fileChunks } from './stream/file-chunks.js';
import { join } from 'node:path';
import { writeAllSync, writtenUnchecked } from './write-out.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function write(stream: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text.length === 0) return resolve();
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Stdout to a file or a device: written by xent itself and checked to the last byte (src/write-out.ts). */
const stdoutUnchecked = writtenUnchecked(1, process.stdout.isTTY === true);

async function writeStdout(text: string | Uint8Array): Promise<void> {
  if (!stdoutUnchecked) return write(process.stdout, text);
  if (text.length > 0) writeAllSync(1, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
}

const context = { argv: process.argv.slice(2), env: process.env };

/** "ENOSPC: no space left on device, write" → "no space left on device". */
function reason(error: NodeJS.ErrnoException): string {
  return error.message.replace(/^[A-Z]+: /, '').replace(/, \w+$/, '');
}

// A reader that goes away early (`xent … | head -1`) is not an error: end quietly. Any other
// failure to write (a full disk) is reported, and the exit code says the output is incomplete.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(errorLine(context, 'err.writeFailed', reason(error)));
  process.exit(74);
});

/**
 * True when stdout was closed (`xent … >&-`): Node then opens /dev/null as fd 1 itself, so
 * writes succeed and vanish. On Linux that descriptor is read-write, while a user's
 * `> /dev/null` is write-only. Elsewhere this cannot be told and is not checked.
 */
function stdoutWasClosed(): boolean {
  try {
    const flags = /flags:\s*(\d+)/.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    const O_ACCMODE = 3;
    const O_RDWR = 2;
    return (
      flags !== undefined &&
      (parseInt(flags, 8) & O_ACCMODE) === O_RDWR &&
      fstatSync(1).rdev === statSync('/dev/null').rdev
    );
  } catch {
    return false;
  }
}

// Ctrl-C during a long read: the conventional 128 + SIGINT, no stack trace.
process.on('SIGINT', () => {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  process.exit(130);
});

/** The first failed write of a streamed output: it ends the run as a failed write (74), whatever runCli made of it. */
let streamedWriteFailure: unknown;

async function writeStreamed(bytes: Uint8Array): Promise<void> {
  try {
    await writeStdout(bytes);
  } catch (error) {
    streamedWriteFailure ??= error;
    throw error;
  }
}

async function main(): Promise<void> {
  if (stdoutWasClosed()) {
    process.stderr.write(errorLine(context, 'err.stdoutClosed'));
    process.exitCode = 74;
    return;
  }
  const result = await runCli({
    ...context,
    // A getter: creating process.stdin costs start-up time, and most runs never read it.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    rows: process.stdout.rows,
    readStdin,
    readFile: async (path) => (await import('node:fs/promises')).readFile(path),
    openInput: (path) => (path === '-' ? process.stdin : fileChunks(path)),
    // The worker's bundle is built beside this one. bin/xent.js hands this bundle the real
    // path of dist/ as its __dirname (symlinks resolved), never the folder of the command
    // that was typed: through node_modules/.bin or a global bin, that folder is another
    // package's, and a file planted there would run as xent's worker.
    workerScript: join(__dirname, 'xent-part.cjs'),
    write: writeStreamed,
    progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\u001b[K${line}`) : undefined,
  });
  if (streamedWriteFailure !== undefined) throw streamedWriteFailure;
  await writeStdout(result.stdout);
  await write(process.stderr, result.stderr);
  process.exitCode = result.code;
}

// runCli turns every error into a message; this catches only a failed write of the result.
main().catch((error: unknown) => {
  const text = error instanceof Error ? reason(error as NodeJS.ErrnoException) : String(error);
  process.stderr.write(errorLine(context, 'err.writeFailed', text));
  process.exitCode = 74;
});
