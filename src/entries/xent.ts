// The CLI with every command (dist/xent.cjs): what runs help, completion, an unknown word, a
// line with no command. A line that names a command runs that command's own bundle instead,
// made by scripts/build.mjs from the same call with that command alone (bin/xent.js).
import { COMMANDS } from '../commands/index.js';
import { startCli } from '../main.js';

startCli(COMMANDS);
