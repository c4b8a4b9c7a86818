// The one message catalogue of xent. It is assembled from sections (one per area of the
// tool) so that each command's texts live beside each other; lookups and the key-parity
// test see a single catalogue.
import { contrastiveEn, contrastiveZh } from './catalog/contrastive.js';
import { ceEn, ceZh } from './catalog/ce.js';
import { coreEn, coreZh } from './catalog/core.js';
import { infoEn, infoZh } from './catalog/info.js';
import { packageEn, packageZh } from './catalog/package.js';
import { teachEn, teachZh } from './catalog/teach.js';

export const en = { ...coreEn, ...ceEn, ...contrastiveEn, ...packageEn, ...infoEn, ...teachEn } as const;
export type MessageKey = keyof typeof en;
export const zh: Record<MessageKey, string> = { ...coreZh, ...ceZh, ...contrastiveZh, ...packageZh, ...infoZh, ...teachZh };

/** A parameter is plain text, a number, or another message to be put in the same language. */
export type MessageParam = string | number | { readonly key: MessageKey; readonly params?: MessageParams };
export type MessageParams = Readonly<Record<string, MessageParam>>;
export const catalogue = { en: en as Record<MessageKey, string>, zh } as const;
