import type { CommandSpec } from './command.js';
import { demoCommand } from './demo.js';
import { softmaxCommand } from './softmax.js';

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly CommandSpec[] = [softmaxCommand, demoCommand];
