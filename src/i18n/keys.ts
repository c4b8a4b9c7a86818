// The English catalogue and its keys, assembled from the sections in catalog/ (one per
// command, and the shared ones). Apart from messages.ts so that zh.ts can name the keys
// without importing what loads it.
import { contrastiveEn } from './catalog/contrastive.js';
import { ceEn } from './catalog/ce.js';
import { coreEn } from './catalog/core.js';
import { infoEn } from './catalog/info.js';
import { packageEn } from './catalog/package.js';
import { teachEn } from './catalog/teach.js';

export const en = { ...coreEn, ...ceEn, ...contrastiveEn, ...packageEn, ...infoEn, ...teachEn } as const;
export type MessageKey = keyof typeof en;
