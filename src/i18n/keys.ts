// The English catalogue and its keys, assembled from the sections in catalog/ (one per
// command, and the shared ones). Apart from messages.ts so that zh.ts can name the keys
// without importing what loads it.
import { softmaxEn } from './catalog/softmax.js';
import { ceEn } from './catalog/ce.js';
import { bceEn } from './catalog/bce.js';
import { clipEn } from './catalog/clip.js';
import { siglipEn } from './catalog/siglip.js';
import { ntxentEn } from './catalog/ntxent.js';
import { supconEn } from './catalog/supcon.js';
import { entropyEn } from './catalog/entropy.js';
import { klEn } from './catalog/kl.js';
import { focalEn } from './catalog/focal.js';
import { hingeEn } from './catalog/hinge.js';
import { distillEn } from './catalog/distill.js';
import { descendEn } from './catalog/descend.js';
import { demoEn } from './catalog/demo.js';
import { coreEn } from './catalog/core.js';
import { contrastiveEn } from './catalog/contrastive.js';
import { teachEn } from './catalog/teach.js';
import { expectEn } from './catalog/expect.js';
import { infoEn } from './catalog/info.js';
import { packageEn } from './catalog/package.js';
import { notationEn } from './catalog/notation.js';
import { chartEn } from './catalog/chart.js';

export const en = {
  ...softmaxEn,
  ...ceEn,
  ...bceEn,
  ...clipEn,
  ...siglipEn,
  ...ntxentEn,
  ...supconEn,
  ...entropyEn,
  ...klEn,
  ...focalEn,
  ...hingeEn,
  ...distillEn,
  ...descendEn,
  ...demoEn,
  ...coreEn,
  ...contrastiveEn,
  ...teachEn,
  ...expectEn,
  ...infoEn,
  ...packageEn,
  ...notationEn,
  ...chartEn,
} as const;
export type MessageKey = keyof typeof en;
