import type { CommandSpec } from './command.js';
import { EXAMPLE_MATRIX } from './example.js';
import { softmaxCommand } from './softmax.js';

/** `xent demo` (and `npm start`): xent's main job on the built-in example. */
export const demoCommand: CommandSpec = {
  name: 'demo',
  summary: 'help.cmd.demo',
  input: 'none',
  options: [],
  examples: ['xent demo', 'xent demo --lang zh'],
  run(_input, _options, context) {
    return softmaxCommand.run(EXAMPLE_MATRIX, {}, context);
  },
};
