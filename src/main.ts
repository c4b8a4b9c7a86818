// The entry point: the only file that touches the process.
import { readFile } from 'node:fs/promises';
import { runCli } from './cli/run.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === '') return resolve();
    stream.write(text, () => resolve());
  });
}

// A reader that goes away early (`xent … | head -1`) is not an error: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`xent: ${error.message}\n`);
  process.exit(74);
});

const result = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdinIsTTY: process.stdin.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  readStdin,
  readFile: (path) => readFile(path),
});
await write(process.stdout, result.stdout);
await write(process.stderr, result.stderr);
process.exitCode = result.code;
