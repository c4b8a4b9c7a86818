// commander reads "-1", "-inf" and "-1,2; 3,-4" as unknown options. Before it sees the
// arguments, this moves every piece of matrix data behind a "--", keeping options (and
// the values of options that take one) where they were. Each value is then attached to its
// option (`--p=-inf,1`): a value standing alone that starts with "-" would be read again by
// commander, as an option of the program's (`-inf,1` as `-i nf,1`) or of the command's.
import type { Command, Option } from 'commander';
import { XentError } from '../core/errors.js';
import { normalizeText } from '../text/normalize.js';
import { readNumber } from '../text/number.js';

/** A token that starts as a number does (-1, -.5, -inf, -Infinity, "-1,2; 3,-4"): data, whatever option its letters spell. */
function startsAsNumber(token: string): boolean {
  return /^[-+]?(\d|\.\d|inf)/i.test(token);
}

/**
 * A token that is numbers, not an option: one that starts as a number does, or holds a
 * separator ("[1, 2]", "-e,1") and names no option of the command (`--weight=1,1,3` and
 * `-y0,2` are options with their values attached).
 */
function isData(token: string, option: Option | undefined): boolean {
  if (!token.startsWith('-') || token === '-' || startsAsNumber(token)) return true;
  return option === undefined && /[,;\s[\]]/.test(token);
}

function findOption(commands: readonly Command[], flag: string): Option | undefined {
  for (const command of commands) {
    const found = command.options.find((o) => o.short === flag || o.long === flag);
    if (found) return found;
  }
  return undefined;
}

/** Splits `--name=value` / `-tVALUE` into the flag and whether a value is attached. */
function flagOf(token: string, commands: readonly Command[]): { option?: Option; attached: boolean } {
  if (token.startsWith('--')) {
    const eq = token.indexOf('=');
    return { option: findOption(commands, eq < 0 ? token : token.slice(0, eq)), attached: eq >= 0 };
  }
  const whole = findOption(commands, token);
  if (whole) return { option: whole, attached: false };
  return { option: findOption(commands, token.slice(0, 2)), attached: token.length > 2 };
}

/**
 * What a value means, for telling a repeat from a conflict: the same numbers however written
 * (`2`, `2.0`, `2e0`; `0,1` and `0, 1`), else the text without surrounding space.
 */
function meaning(value: string): string {
  const text = normalizeText(value).trim();
  const tokens = text.split(/[\s,;]+/).filter((token) => token !== '');
  const numbers = tokens.map(readNumber);
  if (tokens.length === 0 || numbers.some((n) => n.kind !== 'number')) return text;
  return numbers.map((n) => String((n as { value: number }).value)).join(',');
}

/**
 * Remembers each valued option's value and refuses a second one that means something else:
 * commander would silently keep the last (`-t 2 -t 3` computing with T = 3). The same value
 * twice (`-t 2 -t 2.0`, a default in an alias repeated) is harmless. Options with their own
 * collecting parser (--expect) are meant to repeat.
 */
function duplicateGuard() {
  const seen = new Map<string, string>();
  return (option: Option, token: string, value: string) => {
    if (option.parseArg) return;
    const name = option.attributeName();
    const first = seen.get(name);
    if (first !== undefined && meaning(first) !== meaning(value)) {
      throw new XentError('err.optionTwice', { option: option.long ?? token, first, second: value }, true);
    }
    seen.set(name, value);
  };
}

/** The value written in the option token itself: `--temperature=2`, `-t2`. */
function attachedValue(token: string): string {
  return token.startsWith('--') ? token.slice(token.indexOf('=') + 1) : token.slice(2);
}

/** An option and its value as one token, which commander reads only as that option's value. */
function attach(option: Option, value: string): string {
  return option.long ? `${option.long}=${value}` : `${option.short}${value}`;
}

export function separateData(argv: readonly string[], program: Command): string[] {
  const remember = duplicateGuard();
  const before: string[] = [];
  let k = 0;
  // Global options before the command name.
  while (k < argv.length && argv[k].startsWith('-') && argv[k] !== '--') {
    const token = argv[k++];
    const { option, attached } = flagOf(token, [program]);
    if (option?.required && !attached && k < argv.length) {
      remember(option, token, argv[k]);
      before.push(attach(option, argv[k++]));
      continue;
    }
    before.push(token);
    if (option && (option.required || option.optional)) {
      if (attached) remember(option, token, attachedValue(token));
      else if (k < argv.length) {
        remember(option, token, argv[k]);
        before.push(argv[k++]);
      }
    }
  }
  if (k >= argv.length || argv[k] === '--') return [...argv];
  const name = argv[k];
  const command = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (!command) return [...argv];
  const scopes = [command, program];
  const options: string[] = [];
  const data: string[] = [];
  for (k += 1; k < argv.length; k++) {
    const token = argv[k];
    if (token === '--') {
      for (const rest of argv.slice(k + 1)) data.push(rest);
      break;
    }
    const { option, attached } = token.startsWith('-') ? flagOf(token, scopes) : { attached: false };
    if (isData(token, option)) {
      data.push(token);
      continue;
    }
    if (!option?.required) {
      options.push(token);
      continue;
    }
    if (attached) {
      remember(option, token, attachedValue(token));
      options.push(token);
      continue;
    }
    // Reported here: once the data moves behind "--", commander would take "--" as the value.
    if (k + 1 >= argv.length) throw new XentError('err.optionNeedsValue', { option: token }, true);
    remember(option, token, argv[k + 1]);
    options.push(attach(option, argv[++k]));
  }
  return data.length > 0 ? [...before, name, ...options, '--', ...data] : [...before, name, ...options];
}
