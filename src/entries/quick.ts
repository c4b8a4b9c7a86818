// The quick calculation's bundle (dist/xent-quick.cjs): no command parser, no command's own
// bundle. bin/xent.js calls runQuick, and runs the command's bundle when it answers false.
export { runQuick } from '../main-quick.js';
