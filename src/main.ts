// The entry point: the only file that touches the process.
import { existsSync } from 'node:fs';
import { errorLine, internalErrorText } from './cli/error-text.js';
import { runCli } from './cli/run.js';
import type { CommandSpec } from './commands/command.js';
import { EXIT } from './core/exit-codes.js';
import { fileByPosition, fileChunks, isRegularFile } from './rows/file-chunks.js';
import { openSpill } from './rows/spill.js';
import { join } from 'node:path';
import { isTerminal, stdoutWasClosed, writeAllSync, writeFailureReason } from './write-out.js';

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

// Node's process.stdout and process.stderr are created when first touched, and creating them
// (with the stream modules they load) was a fifth of xent's start-up: a quick calculation
// into a file or a pipe touches neither.
const stdoutIsTTY = isTerminal(1);

/** Stdout but a terminal: written by xent itself and checked to the last byte (src/write-out.ts). */
async function writeStdout(text: string | Uint8Array): Promise<void> {
  if (stdoutIsTTY) return write(stdout(), text);
  if (text.length === 0) return;
  try {
    writeAllSync(1, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(); // as stdout's 'error' listener
    throw error;
  }
}

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

const context = { argv: process.argv.slice(2), env: process.env };

// A reader that goes away early (`xent … | head -1`) is not an error: end quietly, with the
// run's own code (1 stays 1 for a wrong --expect value; 0 while streaming). Any other
// failure to write (a full disk) is reported, and the exit code says the output is incomplete.
let stdoutListened = false;
function stdout(): NodeJS.WriteStream {
  if (!stdoutListened) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit();
      stderr().write(errorLine(context, 'err.writeFailed', writeFailureReason(error)));
      process.exit(EXIT.output);
    });
    stdoutListened = true;
  }
  return process.stdout;
}

// Ctrl-C and kill: left to the kernel, which ends the process at once, whatever it is
// computing (the shell sees 130, 143). A JS handler would wait for the event loop, which a
// long computation never reaches. Only while a progress line is on the terminal is one
// installed, to clear the line and then die of the same signal. (Removing the last listener
// puts back the default disposition: Node closes its signal watcher, libuv restores SIG_DFL.)
const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;
function clearLineAndDie(signal: NodeJS.Signals): void {
  stderr().write('\r\u001b[K');
  for (const name of INTERRUPTS) process.removeListener(name, clearLineAndDie);
  process.kill(process.pid, signal);
  process.exit(128 + (require('node:os') as typeof import('node:os')).constants.signals[signal]); // where a signal cannot end it (Windows)
}
let progressShown = false;
function showProgress(line: string): void {
  const shown = line !== '';
  if (shown !== progressShown) {
    for (const name of INTERRUPTS)
      shown ? process.on(name, clearLineAndDie) : process.removeListener(name, clearLineAndDie);
    progressShown = shown;
  }
  stderr().write(`\r\u001b[K${line}`);
}

// A failed write to stderr cannot be reported: stderr is where it would go. It never turns
// into Node's exit code 1 (an --expect value is wrong): the run's own code stands. A reader
// that left (EPIPE) is as quiet as on stdout; any other failure on a run that succeeded
// means its warnings were lost: 74, the output could not be written.
let stderrListened = false;
function stderr(): NodeJS.WriteStream {
  if (!stderrListened) {
    process.stderr.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && !process.exitCode) process.exitCode = EXIT.output;
    });
    stderrListened = true;
  }
  return process.stderr;
}

// A bug that escapes runCli (a stream's error, a worker's) is an internal error, not exit 1.
process.on('uncaughtException', (error) => {
  try {
    stderr().write(internalErrorText(context, error));
  } finally {
    process.exit(EXIT.internal);
  }
});

async function main(commands: readonly CommandSpec[]): Promise<void> {
  if (stdoutWasClosed()) {
    stderr().write(errorLine(context, 'err.stdoutClosed'));
    process.exitCode = EXIT.output;
    return;
  }
  const result = await runCli(
    {
      ...context,
      // A getter: creating process.stdin costs start-up time, and most runs never read it.
      get stdinIsTTY() {
        return process.stdin.isTTY === true;
      },
      stdoutIsTTY,
      columns: stdoutIsTTY ? process.stdout.columns : undefined,
      rows: stdoutIsTTY ? process.stdout.rows : undefined,
      readStdin,
      readFile: async (path) => (await import('node:fs/promises')).readFile(path),
      writeFile: async (path, text) => (await import('node:fs/promises')).writeFile(path, text),
      openInput: (path) => (path === '-' ? process.stdin : fileChunks(path)),
      exists: existsSync,
      openRange: fileByPosition,
      isRegularFile,
      openSpill: () => openSpill(),
      // The worker's bundle is built beside this one. bin/xent.js hands this bundle the real
      // path of dist/ as its __dirname (symlinks resolved), never the folder of the command
      // that was typed: through node_modules/.bin or a global bin, that folder is another
      // package's, and a file planted there would run as xent's worker.
      workerScript: join(__dirname, 'xent-part.cjs'),
      // Required here, when a product first needs it: loading worker_threads at every start
      // cost about 2 ms of a ~90 ms start-up.
      startWorker: (script, options) =>
        new (require('node:worker_threads') as typeof import('node:worker_threads')).Worker(script, options),
      write: writeStreamed,
      progress: isTerminal(2) ? showProgress : undefined,
    },
    commands,
  );
  if (streamedWriteFailure !== undefined) throw streamedWriteFailure;
  process.exitCode = result.code; // first: a failed write below changes it only as EXIT says
  await writeStdout(result.stdoutBytes ?? result.stdout);
  if (result.stderr !== '') await write(stderr(), result.stderr).catch(() => {}); // handled by stderr's 'error' listener
}

/**
 * Runs the command line with the commands this bundle holds (src/entries/: every one, or the
 * one that the line runs). runCli turns every error into a message; this catches only a failed
 * write of the result.
 */
export function startCli(commands: readonly CommandSpec[]): void {
  main(commands).catch((error: unknown) => {
    stderr().write(errorLine(context, 'err.writeFailed', writeFailureReason(error)));
    process.exitCode = EXIT.output;
  });
}
