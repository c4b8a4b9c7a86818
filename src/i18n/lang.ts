export type Lang = 'en' | 'zh' | 'both';
export const LANGS: readonly Lang[] = ['en', 'zh', 'both'];

/**
 * The language when no --lang is given: XENT_LANG, then the POSIX locale variables in
 * their order of precedence. Anything starting with "zh" means Chinese.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const xent = env.XENT_LANG?.trim().toLowerCase();
  if (xent === 'en' || xent === 'zh' || xent === 'both') return xent;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}
