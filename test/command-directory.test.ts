// The commands known by name (src/commands/directory.ts) are the command table's, and the
// route (src/cli/route.ts) picks the command commander runs: bin/xent.js loads that command's
// own bundle by it, which holds no other command.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { commandAt, commandOf, VALUED_GLOBAL_FLAGS } from '../src/cli/route.js';
import { COMMAND_DIRECTORY } from '../src/commands/directory.js';
import { COMMANDS } from '../src/commands/index.js';
import { makeTranslator } from '../src/i18n/translator.js';
import { ROOT, shell } from './helpers/binary.js';

const program = () =>
  buildProgram(COMMANDS, makeTranslator('en'), '0', { out: () => {}, width: 80 }, () => {}, undefined);

describe('the command directory', () => {
  it('lists every command of the table, in its order, with its aliases, summary and --explain', () => {
    expect(
      COMMAND_DIRECTORY.map((c) => ({ name: c.name, aliases: c.aliases, summary: c.summary, explains: c.explains })),
    ).toEqual(
      COMMANDS.map((c) => ({
        name: c.name,
        aliases: c.aliases ?? [],
        summary: c.summary,
        explains: c.abilities.explain !== undefined,
      })),
    );
  });

  it('names every global option that takes a value, as the program declares them', () => {
    const valued = program()
      .options.filter((o) => o.required || o.optional)
      .flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));
    expect([...VALUED_GLOBAL_FLAGS].sort()).toEqual(valued.sort());
  });

  it('has a bundle for each command, and bin/xent.js picks it', () => {
    for (const { name } of COMMAND_DIRECTORY) expect(existsSync(join(ROOT, 'dist', `xent-${name}.cjs`))).toBe(true);
    const bin = readFileSync(join(ROOT, 'bin', 'xent.js'), 'utf8');
    expect(bin).toContain('const command = commandOf(argv, route);');
    expect(bin).toContain("command === undefined ? 'xent.cjs' : `xent-${command}.cjs`");
    expect(existsSync(join(ROOT, 'dist', 'xent-quick.cjs'))).toBe(true); // tried first for route.quick's commands
  });
});

describe('the route', () => {
  it('skips the global options before the command, with their values', () => {
    expect(commandOf(['softmax', '1', '2'])).toBe('softmax');
    expect(commandOf(['-i', 'ce', 'softmax'])).toBe('softmax');
    expect(commandOf(['--lang', 'zh', '--explain', 'cross-entropy', '1,2', '-y', '0'])).toBe('ce');
    expect(commandOf(['-Lzh', '--format=json', 'clip'])).toBe('clip');
    expect(commandAt(['--full', 'kl', 'softmax'])).toEqual({ name: 'kl', at: 1 });
  });

  it('names none for help, completion, an unknown word, no command, or a command after --', () => {
    for (const argv of [
      [],
      ['help', 'softmax'],
      ['completion', 'bash'],
      ['nll'],
      ['--version'],
      ['--', 'softmax'],
      ['-i'],
    ])
      expect(commandOf(argv)).toBeUndefined();
  });

  it("is read by bin/xent.js from the build's tables as route.ts reads it, whatever the words", () => {
    const bin = createRequire(import.meta.url)(join(ROOT, 'bin', 'xent.js')) as {
      commandOf: (argv: readonly string[], route: unknown) => string | undefined;
    };
    const tables = JSON.parse(readFileSync(join(ROOT, 'dist', 'xent-route.json'), 'utf8'));
    expect(tables.valued).toEqual(VALUED_GLOBAL_FLAGS);
    const word = fc.oneof(
      fc.constantFrom(...VALUED_GLOBAL_FLAGS, ...COMMAND_DIRECTORY.flatMap((c) => [c.name, ...c.aliases])),
      fc.constantFrom('--', '-', '--full', 'help', 'completion', 'constructor', '__proto__', 'toString', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (argv) => {
        expect(bin.commandOf(argv, tables)).toBe(commandOf(argv));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the command commander runs, for any order of global options', () => {
    const flag = fc.oneof(
      fc.constantFrom('--full', '--explain', '--no-color', '--heatmap', '-Lzh'),
      fc
        .tuple(fc.constantFrom(...VALUED_GLOBAL_FLAGS), fc.constantFrom('softmax', 'ce', 'x', '3'))
        .map(([f, v]) => `${f}\u0000${v}`),
    );
    fc.assert(
      fc.property(
        fc.array(flag, { maxLength: 4 }),
        fc.constantFrom(...COMMAND_DIRECTORY.map((c) => c.name)),
        (flags, name) => {
          const argv = [...flags.flatMap((f) => f.split('\u0000')), name];
          let ran: string | undefined;
          const p = buildProgram(COMMANDS, makeTranslator('en'), '0', { out: () => {}, width: 80 }, (s) => {
            ran = s.command.name;
          });
          p.parse(argv, { from: 'user' });
          expect(commandOf(argv)).toBe(ran);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs a command through its own bundle, and help through the one with every command', () => {
    const own = shell('xent -L en softmax 1 2 3');
    expect(own.code).toBe(0);
    expect(own.stdout).toBe('0.09003057317038046\t0.24472847105479764\t0.6652409557748218\n');
    const all = shell('xent --help');
    expect(all.code).toBe(0);
    for (const { name } of COMMAND_DIRECTORY) expect(all.stdout).toContain(`  ${name}`);
  });
});
