import type { MessageKey, MessageParams } from './i18n/messages.js';

/** Exit codes: 0 success, 1 a checked answer was wrong (later), 2 bad input or usage. */
export const EXIT_USAGE = 2;

/**
 * The one error type of xent. It carries a catalogue key and its parameters instead of
 * text, so that the entry point can print it in the user's language. Only the entry point
 * catches it.
 */
export class XentError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    /** Usage errors end with "Try 'xent COMMAND --help'". */
    readonly usage = false,
    readonly exitCode = EXIT_USAGE,
  ) {
    super(key);
    this.name = 'XentError';
  }
}
