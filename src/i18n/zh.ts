// The Chinese texts of the catalogue, assembled from its sections. Apart from messages.ts so
// that the CLI bundle can keep them in a file of their own, read only when Chinese is asked
// for (load-zh.ts, scripts/build.mjs): a run in English never parses them.
import { softmaxZh } from './catalog/softmax.js';
import { ceZh } from './catalog/ce.js';
import { bceZh } from './catalog/bce.js';
import { clipZh } from './catalog/clip.js';
import { siglipZh } from './catalog/siglip.js';
import { ntxentZh } from './catalog/ntxent.js';
import { supconZh } from './catalog/supcon.js';
import { entropyZh } from './catalog/entropy.js';
import { klZh } from './catalog/kl.js';
import { focalZh } from './catalog/focal.js';
import { hingeZh } from './catalog/hinge.js';
import { distillZh } from './catalog/distill.js';
import { lmZh } from './catalog/lm.js';
import { infonceZh } from './catalog/infonce.js';
import { retrievalZh } from './catalog/retrieval.js';
import { descendZh } from './catalog/descend.js';
import { demoZh } from './catalog/demo.js';
import { coreZh } from './catalog/core.js';
import { contrastiveZh } from './catalog/contrastive.js';
import { teachZh } from './catalog/teach.js';
import { expectZh } from './catalog/expect.js';
import { infoZh } from './catalog/info.js';
import { packageZh } from './catalog/package.js';
import { notationZh } from './catalog/notation.js';
import { columnsZh } from './catalog/columns.js';
import { tensorsZh } from './catalog/tensors.js';
import { dtypeZh } from './catalog/dtype.js';
import { chartZh } from './catalog/chart.js';
import { conventionsZh } from './catalog/conventions.js';
import { libraryZh } from './catalog/library.js';
import type { MessageKey } from './keys.js';

// Built as the English one is (keys.ts): a null-prototype object, a hash table to V8.
export const zh: Record<MessageKey, string> = Object.create(null);
for (const section of [
  softmaxZh,
  ceZh,
  bceZh,
  clipZh,
  siglipZh,
  ntxentZh,
  supconZh,
  entropyZh,
  klZh,
  focalZh,
  hingeZh,
  distillZh,
  lmZh,
  infonceZh,
  retrievalZh,
  descendZh,
  demoZh,
  coreZh,
  contrastiveZh,
  teachZh,
  expectZh,
  infoZh,
  packageZh,
  notationZh,
  columnsZh,
  tensorsZh,
  dtypeZh,
  chartZh,
  conventionsZh,
  libraryZh,
])
  Object.assign(zh, section);
