// `xent completion bash|zsh|fish`: a completion script generated from commander's view of
// xent (built from the command table), so a new command or option completes without an
// edit here. Values are completed where the set is known (formats, languages, reductions…).
import type { Command, Option } from 'commander';
import { REDUCTIONS } from '../commands/loss-options.js';
import { DTYPES } from '../core/float-formats.js';
import { SMOOTHING_STYLES } from '../ops/cross-entropy/kernel.js';
import { HINGE_STYLES } from '../ops/hinge/spec.js';
import { CONTRAST_MODES } from '../ops/ntxent/kernel.js';
import { SINGLETONS } from '../ops/supcon/kernel.js';
import { XentError } from '../core/errors.js';
import { FORMATS } from '../format/index.js';
import { LANGS } from '../i18n/lang.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The values an option takes, by its long flag: a list of words, or files. */
const VALUES: Readonly<Record<string, readonly string[] | 'files'>> = {
  '--input': 'files',
  '--format': FORMATS,
  '--lang': LANGS,
  '--axis': ['row', 'col'],
  '--reduction': REDUCTIONS,
  '--pairs': ['half', 'adjacent'],
  '--contrast-mode': CONTRAST_MODES,
  '--singletons': SINGLETONS,
  '--smoothing-style': SMOOTHING_STYLES,
  '--style': HINGE_STYLES,
  '--dtype': DTYPES,
  '--header': ['auto', 'yes', 'no'],
};

export interface Flag {
  readonly short?: string;
  readonly long?: string;
  readonly description: string;
  /** Takes no value, a word from a list, a file name, or anything (a number, a matrix). */
  readonly value: 'none' | 'files' | 'any' | readonly string[];
}

export interface CompletionCommand {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly flags: readonly Flag[];
  /** Words its positional argument takes (completion: the shells; help: the commands). */
  readonly words?: readonly string[];
}

export interface CompletionSpec {
  /** Options of xent itself (before a command), -V and -h included. */
  readonly top: readonly Flag[];
  /** Options every command takes (the global ones and -h). */
  readonly global: readonly Flag[];
  readonly commands: readonly CompletionCommand[];
}

/** What the scripts are made from, read off the commander program; `describe` words its descriptions (program.ts). */
export function completionSpec(
  program: Command,
  helpText: string,
  describe: (text: string) => string = (text) => text,
): CompletionSpec {
  const flagOf = (option: Option): Flag => {
    const known = option.long ? VALUES[option.long] : undefined;
    const value = option.required || option.optional ? (known ?? 'any') : 'none';
    return { short: option.short, long: option.long, description: describe(option.description), value };
  };
  const help: Flag = { short: '-h', long: '--help', description: helpText, value: 'none' };
  const top = [...program.options.map(flagOf), help];
  const global = top.filter((f) => f.long !== '--version');
  const commands: CompletionCommand[] = program.commands.map((c) => ({
    name: c.name(),
    aliases: c.aliases(),
    summary: describe(c.summary() || c.description()),
    flags: c.options.map(flagOf),
    words: c.name() === 'completion' ? SHELLS : undefined,
  }));
  commands.push({ name: 'help', aliases: [], summary: helpText, flags: [], words: commands.map((c) => c.name) });
  return { top, global, commands };
}

/** The script for `shell`; an unknown shell is a usage error naming it. */
export function completionScript(spec: CompletionSpec, shell: string): string {
  const name = shell.trim().toLowerCase();
  if (name === 'bash') return bashScript(spec);
  if (name === 'zsh') return zshScript(spec);
  if (name === 'fish') return fishScript(spec);
  throw new XentError('err.badShell', { shell }, true);
}

const forms = (f: Flag) => [f.short, f.long].filter((x): x is string => x !== undefined);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---- bash ------------------------------------------------------------------------------

function bashScript(spec: CompletionSpec): string {
  const all = [...spec.top, ...spec.commands.flatMap((c) => c.flags)];
  const valueCases = new Map<string, string>();
  for (const f of all) {
    if (f.value === 'none') continue;
    const reply =
      f.value === 'files'
        ? 'COMPREPLY=($(compgen -f -- "$cur"))'
        : f.value === 'any'
          ? 'COMPREPLY=()'
          : `COMPREPLY=($(compgen -W "${f.value.join(' ')}" -- "$cur"))`;
    for (const form of forms(f)) if (!valueCases.has(form)) valueCases.set(form, reply);
  }
  const byReply = new Map<string, string[]>();
  for (const [form, reply] of valueCases) byReply.set(reply, [...(byReply.get(reply) ?? []), form]);
  const globalWords = spec.global.flatMap(forms).join(' ');
  const commandNames = spec.commands.flatMap((c) => [c.name, ...c.aliases]);
  const lines = [
    '# bash completion for xent. Load it in this shell:  source <(xent completion bash)',
    '# or install it:  xent completion bash > ~/.local/share/bash-completion/completions/xent',
    '_xent() {',
    '  local cur prev cmd i words',
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  case "$prev" in',
    ...[...byReply].map(([reply, flags]) => `    ${flags.join('|')}) ${reply}; return ;;`),
    '  esac',
    '  cmd=""',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    `      ${commandNames.join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;`,
    '    esac',
    '  done',
    '  case "$cmd" in',
    `    "") words="${commandNames.join(' ')}"; [[ "$cur" == -* ]] && words="${spec.top.flatMap(forms).join(' ')}" ;;`,
    ...spec.commands.map((c) => {
      const positional = c.words ? ` [[ "$cur" != -* ]] && words="${c.words.join(' ')}";` : '';
      return `    ${[c.name, ...c.aliases].join('|')}) words="${[...c.flags.flatMap(forms), globalWords].join(' ')}";${positional} ;;`;
    }),
    '  esac',
    '  # Matrix data is typed, not completed: offer the words only for an option or a word argument.',
    '  if [[ -n "$cmd" && "$cur" != -* && "$words" == -* ]]; then COMPREPLY=(); return; fi',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '}',
    'complete -o default -F _xent xent',
  ];
  return lines.join('\n') + '\n';
}

// ---- zsh -------------------------------------------------------------------------------

/** Text inside a single-quoted zsh word, and inside the [description] of an _arguments spec. */
function zshQuote(text: string): string {
  return oneLine(text)
    .replace(/'/g, `'\\''`)
    .replace(/([[\]:\\])/g, '\\$1');
}

function zshFlag(f: Flag): string[] {
  const action =
    f.value === 'none'
      ? ''
      : f.value === 'files'
        ? ':file:_files'
        : f.value === 'any'
          ? ':value: '
          : `:value:(${f.value.join(' ')})`;
  return forms(f).map((form) => `'${form}[${zshQuote(f.description)}]${action}'`);
}

function zshScript(spec: CompletionSpec): string {
  const fn = (name: string) => `_xent_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const lines = [
    '#compdef xent',
    '# zsh completion for xent. Load it in this shell:  source <(xent completion zsh)',
    '# or install it:  xent completion zsh > "${fpath[1]}/_xent"  (then start a new shell)',
    '',
    '_xent() {',
    '  local curcontext="$curcontext" state line',
    '  typeset -A opt_args',
    '  _arguments -C \\',
    ...spec.top.flatMap(zshFlag).map((s) => `    ${s} \\`),
    "    '1: :->command' \\",
    "    '*:: :->args'",
    '  case $state in',
    '    command)',
    '      local -a commands',
    '      commands=(',
    ...spec.commands.flatMap((c) =>
      [c.name, ...c.aliases].map(
        (n) => `        '${n}:${oneLine(c.summary).replace(/'/g, `'\\''`).replace(/:/g, '\\:')}'`,
      ),
    ),
    '      )',
    "      _describe -t commands 'xent command' commands",
    '      ;;',
    '    args)',
    '      case $line[1] in',
    ...spec.commands.map((c) => `        ${[c.name, ...c.aliases].join('|')}) ${fn(c.name)} ;;`),
    '      esac',
    '      ;;',
    '  esac',
    '}',
    '',
    ...spec.commands.flatMap((c) => {
      const positional = c.words ? `'1:word:(${c.words.join(' ')})'` : `'*:matrix: '`;
      return [
        `${fn(c.name)}() {`,
        '  _arguments \\',
        ...[...c.flags, ...spec.global].flatMap(zshFlag).map((s) => `    ${s} \\`),
        `    ${positional}`,
        '}',
        '',
      ];
    }),
    'if [ "$funcstack[1]" = "_xent" ]; then',
    '  _xent "$@"',
    'else',
    '  compdef _xent xent',
    'fi',
  ];
  return lines.join('\n') + '\n';
}

// ---- fish ------------------------------------------------------------------------------

function fishQuote(text: string): string {
  return `'${oneLine(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishFlag(f: Flag, condition: string): string {
  const parts = ['complete -c xent', `-n ${fishQuote(condition)}`];
  if (f.short) parts.push(`-s ${f.short.slice(1)}`);
  if (f.long) parts.push(`-l ${f.long.slice(2)}`);
  if (f.value === 'files') parts.push('-r -F');
  else if (f.value === 'any') parts.push('-x');
  else if (f.value !== 'none') parts.push(`-x -a ${fishQuote(f.value.join(' '))}`);
  parts.push(`-d ${fishQuote(f.description)}`);
  return parts.join(' ');
}

function fishScript(spec: CompletionSpec): string {
  const seen = (c: CompletionCommand) => `__fish_seen_subcommand_from ${[c.name, ...c.aliases].join(' ')}`;
  const lines = [
    '# fish completion for xent. Load it in this shell:  xent completion fish | source',
    '# or install it:  xent completion fish > ~/.config/fish/completions/xent.fish',
    'complete -c xent -f',
    ...spec.commands.flatMap((c) =>
      [c.name, ...c.aliases].map((n) => `complete -c xent -n __fish_use_subcommand -a ${n} -d ${fishQuote(c.summary)}`),
    ),
    ...spec.top.map((f) => fishFlag(f, '__fish_use_subcommand')),
    ...spec.commands.flatMap((c) => [
      ...[...c.flags, ...spec.global].map((f) => fishFlag(f, seen(c))),
      ...(c.words ? [`complete -c xent -n ${fishQuote(seen(c))} -a ${fishQuote(c.words.join(' '))}`] : []),
    ]),
  ];
  return lines.join('\n') + '\n';
}
