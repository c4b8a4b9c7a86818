// commander reads "-1", "-inf" and "-1,2; 3,-4" as unknown options. Before it sees the
// arguments, this moves every piece of matrix data behind a "--", keeping options (and
// the values of options that take one) where they were.
import type { Command, Option } from 'commander';
import { XentError } from '../errors.js';

/** A token that is numbers, not an option: -1, -.5, -inf, -Infinity, "-1,2; 3,-4", "[...]". */
export function looksLikeData(token: string): boolean {
  return /^[-+]?(\d|\.\d|inf)/i.test(token) || /[,;\s[\]]/.test(token);
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

export function separateData(argv: readonly string[], program: Command): string[] {
  const before: string[] = [];
  let k = 0;
  // Global options before the command name.
  while (k < argv.length && argv[k].startsWith('-') && argv[k] !== '--') {
    const { option, attached } = flagOf(argv[k], [program]);
    before.push(argv[k++]);
    if (option && (option.required || option.optional) && !attached && k < argv.length) before.push(argv[k++]);
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
      data.push(...argv.slice(k + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-' || looksLikeData(token)) {
      data.push(token);
      continue;
    }
    options.push(token);
    const { option, attached } = flagOf(token, scopes);
    if (option && option.required && !attached) {
      // Reported here: once the data moves behind "--", commander would take "--" as the value.
      if (k + 1 >= argv.length) throw new XentError('err.optionNeedsValue', { option: token }, true);
      options.push(argv[++k]);
    }
  }
  return data.length > 0 ? [...before, name, ...options, '--', ...data] : [...before, name, ...options];
}
