// Where the Chinese texts come from. Here, the module itself; in the CLI bundle this module is
// replaced by one that reads dist/xent-zh.cjs on first use (scripts/build.mjs).
import type { MessageKey } from './keys.js';
import { zh } from './zh.js';

export function loadZh(): Record<MessageKey, string> {
  return zh;
}
