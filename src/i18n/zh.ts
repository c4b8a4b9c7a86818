// The Chinese texts of the catalogue, assembled from its sections. Apart from messages.ts so
// that the CLI bundle can keep them in a file of their own, read only when Chinese is asked
// for (load-zh.ts, scripts/build.mjs): a run in English never parses them.
import { contrastiveZh } from './catalog/contrastive.js';
import { ceZh } from './catalog/ce.js';
import { coreZh } from './catalog/core.js';
import { infoZh } from './catalog/info.js';
import { packageZh } from './catalog/package.js';
import { teachZh } from './catalog/teach.js';
import type { MessageKey } from './keys.js';

export const zh: Record<MessageKey, string> = { ...coreZh, ...ceZh, ...contrastiveZh, ...packageZh, ...infoZh, ...teachZh };
