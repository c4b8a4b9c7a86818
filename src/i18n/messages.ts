// The one message catalogue of xent: the English texts (keys.ts, from one section per
// command in catalog/) and the Chinese ones, loaded on first use. Lookups and the key-parity
// test see a single catalogue.
import type { MessageKey } from './keys.js';
import { loadEn } from './load-en.js';
import { loadZh } from './load-zh.js';

export type { MessageKey };

/**
 * A parameter is plain text, a number, another message to be put in the same language, or a
 * list, joined as that language writes a list (`a, b, c`; `a、b、c`).
 */
export type MessageParam =
  | string
  | number
  | { readonly key: MessageKey; readonly params?: MessageParams }
  | { readonly list: readonly MessageParam[] };
export type MessageParams = Readonly<Record<string, MessageParam>>;
export const catalogue = {
  /** The English texts (src/i18n/keys.ts; in the CLI, JSON parsed on first use: load-en.ts). */
  get en(): Record<MessageKey, string> {
    return loadEn() as Record<MessageKey, string>;
  },
  /** The Chinese texts (src/i18n/zh.ts), loaded on first use: most runs speak one language. */
  get zh(): Record<MessageKey, string> {
    return loadZh();
  },
};

/** Whether `text` is a key of the catalogue. */
export function isMessageKey(text: string): text is MessageKey {
  return text in catalogue.en;
}
