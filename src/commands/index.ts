import { bceCommand } from './bce.js';
import { ceCommand } from './ce.js';
import { clipCommand } from './clip.js';
import type { CommandSpec } from './command.js';
import { demoCommand } from './demo.js';
import { descendCommand } from './descend.js';
import { distillCommand } from './distill.js';
import { entropyCommand } from './entropy.js';
import { focalCommand } from './focal.js';
import { hingeCommand } from './hinge.js';
import { infonceCommand } from './infonce.js';
import { klCommand } from './kl.js';
import { lmCommand } from './lm.js';
import { ntxentCommand } from './ntxent.js';
import { retrievalCommand } from './retrieval.js';
import { siglipCommand } from './siglip.js';
import { softmaxCommand } from './softmax.js';
import { supconCommand } from './supcon.js';

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  softmaxCommand,
  ceCommand,
  bceCommand,
  focalCommand,
  hingeCommand,
  lmCommand,
  clipCommand,
  siglipCommand,
  ntxentCommand,
  supconCommand,
  infonceCommand,
  retrievalCommand,
  entropyCommand,
  klCommand,
  distillCommand,
  descendCommand,
  demoCommand,
];
