// The entry point: the only file that touches the process.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { runCli } from './cli/run.js';

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

// A reader that goes away early (`xent … | head -1`) is not an error: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`xent: ${error.message}\n`);
  process.exit(74);
});
// Ctrl-C during a long read: the conventional 128 + SIGINT, no stack trace.
process.on('SIGINT', () => {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  process.exit(130);
});

async function main(): Promise<void> {
  const result = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    rows: process.stdout.rows,
    readStdin,
    readFile: (path) => readFile(path),
    openInput: (path) => (path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 })),
    write: (bytes) => write(process.stdout, bytes),
    progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\u001b[K${line}`) : undefined,
  });
  await write(process.stdout, result.stdout);
  await write(process.stderr, result.stderr);
  process.exitCode = result.code;
}

// runCli turns every error into a message; this catches only a failed write of the result.
main().catch((error: unknown) => {
  process.stderr.write(`xent: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 74;
});
