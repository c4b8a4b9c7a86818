// The one message catalogue of xent. It is assembled from sections (one per area of the
// tool) so that each command's texts live beside each other; lookups and the key-parity
// test see a single catalogue.
import { contrastiveEn } from './catalog/contrastive.js';
import { ceEn } from './catalog/ce.js';
import { coreEn } from './catalog/core.js';
import { infoEn } from './catalog/info.js';
import { packageEn } from './catalog/package.js';
import { teachEn } from './catalog/teach.js';
import { loadZh } from './load-zh.js';

export const en = { ...coreEn, ...ceEn, ...contrastiveEn, ...packageEn, ...infoEn, ...teachEn } as const;
export type MessageKey = keyof typeof en;

/** A parameter is plain text, a number, or another message to be put in the same language. */
export type MessageParam = string | number | { readonly key: MessageKey; readonly params?: MessageParams };
export type MessageParams = Readonly<Record<string, MessageParam>>;
export const catalogue = {
  en: en as Record<MessageKey, string>,
  /** The Chinese texts (src/i18n/zh.ts), loaded on first use: most runs speak one language. */
  get zh(): Record<MessageKey, string> {
    return loadZh();
  },
};
