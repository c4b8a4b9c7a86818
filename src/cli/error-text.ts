// How xent words an error line, in the language the line asks for: the CLI's own errors
// (src/cli/run.ts) and the entry points' (a failed write of the output). Apart from run.ts,
// so that an entry that needs no command parser (src/main-quick.ts) can word its errors too.
import { XentError, boundedParams } from '../core/errors.js';
import { displaySafe } from '../format/display-safe.js';
import { LANGS, type Lang, langFromEnv } from '../i18n/lang.js';
import { type Translator, makeTranslator } from '../i18n/translator.js';
import type { MessageParam, MessageParams } from '../i18n/messages.js';
import { commandNamed, commandOf } from './route.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The language of everything a run prints, decided once, before commander runs (its errors
 * are translated too): --lang, else the environment. A bad --lang is itself reported, in the
 * environment's language.
 */
export function decideLanguage(argv: readonly string[], env: Env): { lang: Lang; badLang?: XentError } {
  for (let k = 0; k < argv.length; k++) {
    const token = argv[k];
    if (token === '--') break;
    let value: string | undefined;
    if (token === '-L' || token === '--lang') value = argv[k + 1];
    else if (token.startsWith('--lang=')) value = token.slice('--lang='.length);
    else if (token.startsWith('-L') && token.length > 2) value = token.slice(2);
    if (value !== undefined) {
      const lang = value.trim().toLowerCase();
      if ((LANGS as readonly string[]).includes(lang)) return { lang: lang as Lang };
      return {
        lang: langFromEnv(env),
        badLang: new XentError('err.badChoice', { option: '--lang', choices: { list: LANGS }, value }, true),
      };
    }
  }
  return { lang: langFromEnv(env) };
}

/**
 * What the user wrote (a token, a file name) with control, C1 and bidi characters as escapes
 * (src/format/display-safe.ts): a quoted token stays on its line and cannot drive the terminal.
 * A long text is cut (quotedText) first: no message is longer than its template and a few
 * short quotes, whatever the user gave.
 */
export function printable(params: MessageParams): MessageParams {
  const out: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(boundedParams(params))) {
    out[name] =
      typeof value === 'string'
        ? displaySafe(value)
        : typeof value !== 'object'
          ? value
          : 'list' in value
            ? { list: value.list.map((item) => printable({ item }).item) }
            : { key: value.key, params: printable(value.params ?? {}) };
  }
  return out;
}

/** The first word of `argv` that names a command, wherever it stands (`xent help softmax extra` → softmax): whose help to suggest. */
function namedCommand(argv: readonly string[]): string | undefined {
  for (const token of argv) {
    const name = commandNamed(token);
    if (name !== undefined) return name;
  }
  return undefined;
}

export function errorText(error: XentError, t: Translator, argv: readonly string[]): string {
  const prefix = (line: string, label: string) => `xent: ${label}${line}`;
  const message = t.t(error.key, printable(error.params)).split('\n');
  const labels = t.t('err.prefix').split('\n');
  const lines = message.map((line, k) => prefix(line, labels[k] ?? labels[0]));
  if (error.usage) {
    const name = commandOf(argv) ?? namedCommand(argv);
    lines.push(...t.t('err.tryHelp', { command: name ? `xent ${name}` : 'xent' }).split('\n')); // spread-ok: one line per language
  }
  return lines.join('\n') + '\n';
}

/**
 * An error line for the entry point (a failed write of the output), in the user's language:
 * the entry point has no translator of its own.
 */
export function errorLine(
  io: { readonly argv: readonly string[]; readonly env: Env },
  key: 'err.writeFailed' | 'err.stdoutClosed',
  reason = '',
): string {
  const { lang } = decideLanguage(io.argv, io.env);
  return errorText(new XentError(key, { reason }), makeTranslator(lang), io.argv);
}

/**
 * The error line of an error that is not a XentError (a bug, a broken stream): its message,
 * and with XENT_DEBUG its stack. `t`: the run's translator, or one for the language the
 * line asks for.
 */
export function internalErrorText(
  io: { readonly argv: readonly string[]; readonly env: Env },
  error: unknown,
  t: Translator = makeTranslator(decideLanguage(io.argv, io.env).lang),
): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = io.env.XENT_DEBUG && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return errorText(new XentError('err.internal', { message }), t, io.argv) + stack;
}
