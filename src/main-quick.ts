// The entry point of a quick calculation (dist/xent-quick.cjs, src/cli/quick.ts): bin/xent.js
// calls runQuick first for a line that begins with a quick command, and runs the command's
// own bundle when it answers false. Like src/main.ts, the only other file that touches the
// process.
import { errorLine, internalErrorText } from './cli/error-text.js';
import { quickStdout } from './cli/quick.js';
import { EXIT } from './core/exit-codes.js';
import { isTerminal, stdoutWasClosed, writeAllSync, writeFailureReason } from './write-out.js';

/**
 * Runs the command line if it is a quick calculation into a pipe or a file, and says whether
 * it did. A terminal (tables, colour) or a closed stdout is src/main.ts's, and so is any line
 * quickStdout declines. Nothing is written before the answer is known, so a line declined
 * here runs in full as if this had not been tried.
 */
export function runQuick(): boolean {
  const argv = process.argv.slice(2);
  let stdout: string | undefined;
  try {
    stdout = quickStdout(argv);
  } catch {
    return false; // nothing written yet: the full CLI runs the line and says what is wrong
  }
  // Asked only of a line it answers: a declined line leaves the descriptor to main.ts, which asks too.
  if (stdout === undefined || isTerminal(1) || stdoutWasClosed()) return false;
  const context = { argv, env: process.env };
  // As src/main.ts: an error that escapes (a preloaded module's, a stream's) is an internal
  // error, not Node's exit 1. Installed only once the line is this bundle's, or main.ts would
  // find a second handler beside its own.
  process.on('uncaughtException', (error) => {
    try {
      process.stderr.write(internalErrorText(context, error));
    } finally {
      process.exit(EXIT.internal);
    }
  });
  try {
    writeAllSync(1, Buffer.from(stdout, 'utf8'));
  } catch (error) {
    // As src/main.ts: a reader that left is not an error; any other failure (a full disk) is.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit();
    try {
      process.stderr.write(errorLine(context, 'err.writeFailed', writeFailureReason(error)));
    } catch {
      // stderr is gone too: the exit code still says the output is incomplete
    }
    process.exitCode = EXIT.output;
  }
  return true;
}
