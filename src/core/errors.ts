import type { MessageKey, MessageParam, MessageParams } from '../i18n/messages.js';
import { makeTranslator } from '../i18n/translator.js';
import { EXIT, type ExitCode } from './exit-codes.js';

/** A text longer than this is not quoted whole in a message (a 10 MB token is not a 10 MB line). */
export const QUOTED_WHOLE = 100;
/** How much of a longer text is quoted, before '…' and its length. */
export const QUOTED_HEAD = 40;

/**
 * A user's text as a message parameter: itself when short, else its first QUOTED_HEAD
 * characters, '…' and its length ("11111…" (200001 characters)). `length` is the text's
 * whole length when `text` is only its start (a token read in bounded memory).
 */
export function quotedText(text: string, length = text.length): MessageParam {
  if (length <= QUOTED_WHOLE && text.length === length) return text;
  let end = Math.min(QUOTED_HEAD, text.length);
  // Not between the two halves of a surrogate pair (it would print as U+FFFD).
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { key: 'token.cut', params: { head: text.slice(0, end), length } };
}

/** Every text parameter, nested ones included, as quotedText gives it. */
export function boundedParams(params: MessageParams): MessageParams {
  let out: Record<string, MessageParam> | undefined;
  for (const [name, value] of Object.entries(params)) {
    let bounded = value;
    if (typeof value === 'string') bounded = quotedText(value);
    else if (typeof value === 'object' && 'list' in value) {
      const items = value.list.map((item) => boundedParams({ item }).item);
      if (items.some((item, k) => item !== value.list[k])) bounded = { list: items };
    } else if (typeof value === 'object' && value.params) {
      const inner = boundedParams(value.params);
      if (inner !== value.params) bounded = { key: value.key, params: inner };
    }
    if (bounded !== value) (out ??= { ...params })[name] = bounded;
  }
  return out ?? params;
}

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
  readonly params: MessageParams;

  constructor(
    readonly key: MessageKey,
    params: MessageParams = {},
    /** Usage errors end with "Try 'xent COMMAND --help'". */
    readonly usage = false,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    // Bounded where it is made, so that no error, printed or not, holds a whole long token.
    const bounded = boundedParams(params);
    super(english(key, bounded));
    this.params = bounded;
    this.name = 'XentError';
  }
}
