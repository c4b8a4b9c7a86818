// The English texts. In the CLI's bundles this module is replaced (scripts/build.mjs) by one
// that holds them as JSON text, parsed on first use: building the object from the sections'
// literals cost ~9 million instructions of every start, parsing the same JSON about a tenth.
import { en } from './keys.js';

export function loadEn(): Readonly<Record<string, string>> {
  return en;
}
