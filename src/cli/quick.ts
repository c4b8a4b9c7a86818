// The quick calculations, `xent softmax 2 0.5 -1` and `xent --version` into a pipe or a file,
// without the command parser: dist/xent-quick.cjs (src/main-quick.ts) holds only this and what
// it calls, and starts in a fraction of what a command's bundle takes to read, set up and parse
// the line with commander. It takes a line only when it is sure of the answer, and gives back
// undefined for any other, which the full CLI then runs: any option, a word that is not a
// plain decimal (inf, 1/3, "2,0.5"), a number beyond a double, a terminal (tables, colour).
// What it prints is what the full CLI prints for the same line, byte for byte, through the
// same stream plan: test/quick.test.ts compares the two on random lines.
import { planSoftmaxStream } from '../commands/streams/softmax.js';
import { isDecimal } from '../text/decimal.js';
import { readTemperature } from '../text/option-values.js';
import { VERSION } from './version.js';

/**
 * The whole stdout of `argv` (the words after `xent`) when it is a quick calculation for a
 * pipe or a file: `softmax` and one or more decimals, nothing else, or `--version` (`-V`)
 * alone. Undefined otherwise. Such a line never warns, so stderr stays empty and the exit
 * code is 0. The lines begin with one of route.ts's QUICK_WORDS.
 */
export function quickStdout(argv: readonly string[]): string | undefined {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return `${VERSION}\n`;
  if (argv[0] !== 'softmax' || argv.length < 2) return undefined;
  const row = new Float64Array(argv.length - 1);
  for (let k = 1; k < argv.length; k++) {
    const value = isDecimal(argv[k]) ? Number(argv[k]) : Number.NaN;
    // A decimal beyond a double (1e999) is the full reader's error to word.
    if (!Number.isFinite(value)) return undefined;
    row[k - 1] = value;
  }
  let stdout = '';
  const plan = planSoftmaxStream(
    // The options at their defaults, read as the command reads them (src/commands/softmax.ts).
    { temperature: readTemperature(undefined), axis: 'row', log: false },
    { format: 'tsv', source: { key: 'source.args' }, out: { write: (text) => (stdout += text) } },
  );
  if (plan === undefined) return undefined;
  plan.onRow(row, 0, undefined);
  return stdout + plan.finish(1, row.length);
}
