// The catalogue key behind an error, whichever path raised it: a thrown XentError carries
// it; the CLI prints only the English text, so the key is found by matching that text
// against every error template of the catalogue (placeholders match any text).
import { expect } from 'vitest';
import { XentError } from '../../src/core/errors.js';
import { catalogue, type MessageKey } from '../../src/i18n/messages.js';
import type { CliResult } from '../../src/cli/run.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each err.* key with a pattern of its English text, the most specific (most literal text) first. */
const TEMPLATES = (Object.entries(catalogue.en) as [MessageKey, string][])
  .filter(([key]) => key.startsWith('err.'))
  .map(([key, text]) => ({
    key,
    literal: text.replace(/\{\w+\}/g, '').length,
    pattern: new RegExp(
      `^${text
        .split(/\{\w+\}/)
        .map(escapeRegExp)
        .join('[\\s\\S]*?')}$`,
    ),
  }))
  .sort((a, b) => b.literal - a.literal);

/** The key of the first error line of an English stderr, after `xent: error: `. */
export function keyOfCliError(result: CliResult): MessageKey {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const line = /^xent: error: (.*)$/m.exec(result.stderr)?.[1];
  expect(line, result.stderr).toBeDefined();
  const found = TEMPLATES.find((t) => t.pattern.test(line!));
  expect(found, `no catalogue text matches: ${line}`).toBeDefined();
  return found!.key;
}

/** The key and parameters of the XentError that `call` throws. */
export function thrown(call: () => unknown): Pick<XentError, 'key' | 'params'> {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(XentError);
    return { key: (error as XentError).key, params: (error as XentError).params };
  }
  throw new Error('expected an XentError, but nothing was thrown');
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
