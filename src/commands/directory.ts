// The commands by name only: what the CLI needs to know of the commands that are not running
// (help's list, suggestions, the command a token names, the bundle that runs it). It imports
// nothing, so that a command's own bundle (scripts/build.mjs) holds no other command's code;
// test/command-directory.test.ts checks it against the command table (src/commands/index.ts).
import type { MessageKey } from '../i18n/messages.js';

export interface CommandEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly summary: MessageKey;
  /** It has an --explain. */
  readonly explains: boolean;
}

const entry = (name: string, explains = true, aliases: readonly string[] = []): CommandEntry => ({
  name,
  aliases,
  summary: `help.cmd.${name}` as MessageKey,
  explains,
});

/** Every command, in the order --help lists them (as COMMANDS). */
export const COMMAND_DIRECTORY: readonly CommandEntry[] = [
  entry('softmax'),
  entry('ce', true, ['cross-entropy']),
  entry('bce'),
  entry('focal'),
  entry('hinge'),
  entry('lm'),
  entry('clip'),
  entry('siglip'),
  entry('ntxent'),
  entry('supcon'),
  entry('infonce'),
  entry('retrieval'),
  entry('entropy'),
  entry('kl'),
  entry('distill'),
  entry('descend', false),
  entry('demo', false),
];
