import type { MessageKey, MessageParams } from './i18n/messages.js';
import { makeTranslator } from './i18n/translator.js';
import { EXIT, type ExitCode } from './exit-codes.js';

/** The English text of a message; the key itself if it cannot be rendered. */
function english(key: MessageKey, params: MessageParams): string {
  try {
    return makeTranslator('en').t(key, params);
  } catch {
    return key;
  }
}

/**
 * The one error type of xent. It carries a catalogue key and its parameters, so that the
 * CLI (runCli in src/cli/run.ts) prints it in the user's language and exits with its
 * `exitCode`. Its `message` is the English text (what a library caller or a stack trace
 * shows), e.g. "clip needs a square matrix (…), got 2×3"; `key` stays the stable code to
 * test against.
 */
export class XentError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    /** Usage errors end with "Try 'xent COMMAND --help'". */
    readonly usage = false,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(english(key, params));
    this.name = 'XentError';
  }
}
