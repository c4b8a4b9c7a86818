// The catalogue key behind a CLI error: the CLI prints only the text, so the key is found by
// matching its English text against every error template (placeholders match any text).
import { expect } from 'vitest';
import type { CliResult } from '../../src/cli/run.js';
import { XentError } from '../../src/errors.js';
import { catalogue, type MessageKey } from '../../src/i18n/messages.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The err.* templates of the English catalogue, the most literal first. */
const TEMPLATES = (Object.entries(catalogue.en) as [MessageKey, string][])
  .filter(([key]) => key.startsWith('err.'))
  .map(([key, text]) => ({ key, literal: text.replace(/\{\w+\}/g, '').length, pattern: new RegExp(`^${text.split(/\{\w+\}/).map(escape).join('[\\s\\S]*?')}$`) }))
  .sort((a, b) => b.literal - a.literal);

/** The key of a CLI error (exit 2, nothing on stdout), from the first line of its English stderr. */
export function cliKey(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const line = /^xent: error: (.*)$/m.exec(r.stderr)?.[1] ?? '';
  return TEMPLATES.find((t) => t.pattern.test(line))?.key ?? `no key for: ${r.stderr}`;
}

/** The key of the XentError that `call` throws (or rejects with); 'no error' if none. */
export async function keyOf(call: () => unknown): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (error instanceof XentError) return error.key;
    throw error;
  }
  return 'no error';
}
