// Which command a command line runs, read as commander reads it (src/cli/argv.ts,
// separateData): the global options before it are skipped, with the value each of those
// that takes one, and the next word names the command. bin/xent.js reads the line the same
// way, from these tables (the build writes them to dist/xent-route.json), to load that
// command's own bundle, which holds no other command: a quick calculation starts without
// reading the rest of xent. test/command-directory.test.ts checks that the two agree.
import { COMMAND_DIRECTORY } from '../commands/directory.js';

export { COMMAND_DIRECTORY };

/** The global options that take a value (program.ts); test/command-directory.test.ts checks them. */
export const VALUED_GLOBAL_FLAGS: readonly string[] = [
  '-i',
  '--input',
  '--key',
  '-f',
  '--format',
  '-p',
  '--precision',
  '-L',
  '--lang',
  '--row',
  '--expect',
  '--tol',
  '--rtol',
  '--cols',
  '--drop-cols',
  '--index-col',
  '--header',
  '--plot',
];

/**
 * The first words of the lines src/cli/quick.ts may answer (dist/xent-quick.cjs): a line that
 * begins with one is offered to it first (bin/xent.js).
 */
export const QUICK_WORDS: readonly string[] = ['softmax', '--version', '-V'];

/**
 * The command `argv` runs (an alias as its command's name) and where its word is, or
 * undefined: none, `help`, `completion`, an unknown word.
 */
export function commandAt(argv: readonly string[]): { readonly name: string; readonly at: number } | undefined {
  let k = 0;
  while (k < argv.length && argv[k].startsWith('-') && argv[k] !== '--') {
    if (VALUED_GLOBAL_FLAGS.includes(argv[k++])) k++;
  }
  const name = commandNamed(argv[k]);
  return name === undefined ? undefined : { name, at: k };
}

/** The command a word names, by its name or an alias, or undefined. */
export function commandNamed(word: string | undefined): string | undefined {
  return COMMAND_DIRECTORY.find((c) => c.name === word || c.aliases.includes(word ?? ''))?.name;
}

/** The name of the command `argv` runs, or undefined (commandAt). */
export function commandOf(argv: readonly string[]): string | undefined {
  return commandAt(argv)?.name;
}

/**
 * `xent --version` (or -V) with no command, no help and no `--`: commander prints the version
 * while it reads the options, before any command's own options could matter, so the commands
 * are registered by name and summary only.
 */
export function versionOnly(argv: readonly string[]): boolean {
  const needsAll = new Set(['-h', '--help', 'help', 'completion', '--']);
  return argv.some((token) => token === '-V' || token === '--version') && !argv.some((token) => needsAll.has(token));
}
