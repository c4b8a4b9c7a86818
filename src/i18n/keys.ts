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
import { lmEn } from './catalog/lm.js';
import { infonceEn } from './catalog/infonce.js';
import { retrievalEn } from './catalog/retrieval.js';
import { descendEn } from './catalog/descend.js';
import { demoEn } from './catalog/demo.js';
import { coreEn } from './catalog/core.js';
import { contrastiveEn } from './catalog/contrastive.js';
import { teachEn } from './catalog/teach.js';
import { expectEn } from './catalog/expect.js';
import { infoEn } from './catalog/info.js';
import { packageEn } from './catalog/package.js';
import { notationEn } from './catalog/notation.js';
import { columnsEn } from './catalog/columns.js';
import { tensorsEn } from './catalog/tensors.js';
import { dtypeEn } from './catalog/dtype.js';
import { chartEn } from './catalog/chart.js';
import { conventionsEn } from './catalog/conventions.js';
import { libraryEn } from './catalog/library.js';

const sections = [
  softmaxEn,
  ceEn,
  bceEn,
  clipEn,
  siglipEn,
  ntxentEn,
  supconEn,
  entropyEn,
  klEn,
  focalEn,
  hingeEn,
  distillEn,
  lmEn,
  infonceEn,
  retrievalEn,
  descendEn,
  demoEn,
  coreEn,
  contrastiveEn,
  teachEn,
  expectEn,
  infoEn,
  packageEn,
  notationEn,
  columnsEn,
  tensorsEn,
  dtypeEn,
  chartEn,
  conventionsEn,
  libraryEn,
] as const;
/** Every key of every section (a key of one section is a key of the union's member it comes from). */
type KeysOf<T> = T extends unknown ? keyof T : never;
export type MessageKey = KeysOf<(typeof sections)[number]>;

// One object with every section's texts, a later section's text winning as in a spread. It is
// built in a null-prototype object, which V8 keeps as a hash table: spreading the sections
// into a literal gave it a hidden class per key, ~4 million instructions of every start.
export const en: Readonly<Record<MessageKey, string>> = Object.create(null);
for (const section of sections) Object.assign(en, section);
