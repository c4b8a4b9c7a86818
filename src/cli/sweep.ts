// `-t` with several temperatures: the command run once per temperature, and the runs laid
// out as one sweep (src/report/sweep.ts). The command says how (its `sweep` ability); this
// file keeps no list of commands.
import type { CommandContext, CommandSpec, OptionValues } from '../commands/command.js';
import { XentError } from '../core/errors.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import type { Report, Warning } from '../report/report.js';
import { type SweepPoint, sweepReport } from '../report/sweep.js';
import { isSweep, readTemperatures } from '../text/temperatures.js';

/**
 * The temperatures of a sweep, or undefined when -t gives one (or none). A command without
 * sweeps, and --explain or --expect (about one computation), refuse a sweep.
 */
export function sweepTemperatures(command: CommandSpec, options: OptionValues): number[] | undefined {
  const text = options.temperature;
  if (typeof text !== 'string' || !isSweep(text)) return undefined;
  if (!command.abilities.sweep) throw new XentError('err.sweep.notHere', { command: command.name }, true);
  if (options.explain === true) throw new XentError('err.sweep.teach', { option: '--explain' }, true);
  if (options.expect !== undefined) throw new XentError('err.sweep.teach', { option: '--expect' }, true);
  return readTemperatures(text);
}

/** The options as readSpec reads them in a sweep: -t is its first temperature (the others are the ability's `at`). */
export function firstTemperature(options: OptionValues, temperatures: readonly number[] | undefined): OptionValues {
  return temperatures ? { ...options, temperature: String(temperatures[0]) } : options;
}

/** The sweep's report: the command's run at each temperature, read through its sweep ability. */
export async function runSweep(
  command: CommandSpec,
  input: ParsedMatrix | undefined,
  spec: unknown,
  temperatures: readonly number[],
  context: CommandContext,
): Promise<Report> {
  const ability = command.abilities.sweep!;
  // The runs print no tables of their own: only their JSON is read.
  const quiet: CommandContext = { ...context, printsTables: false, room: undefined };
  const points: SweepPoint[] = [];
  let classes: string[] = [];
  let unit = { ln: 1, name: 'nats' };
  let warnings: readonly Warning[] = [];
  for (const temperature of temperatures) {
    const at = ability.at(spec, temperature);
    const report = await command.run(input as ParsedMatrix, at, quiet);
    const json = report.json;
    const { distributions, losses } = ability.read(json);
    points.push({
      temperature,
      distributions: Array.from(distributions, (d) => Float64Array.from(d)),
      ...(losses ? { losses: Array.from(losses) } : {}),
      ...(typeof json.loss === 'number' ? { loss: json.loss } : {}),
    });
    if (points.length === 1) {
      classes = ability.classes(input, at, json);
      // The unit of the losses: the JSON says it when it is not nats (src/core/units.ts).
      if (typeof json.base === 'number') unit = { ln: Math.log(json.base), name: String(json.unit) };
      warnings = report.warnings ?? [];
    }
  }
  const t = context.t;
  const report = sweepReport(t, {
    command: command.name,
    classes,
    points,
    unit,
    notes: ability.note ? [t.t(ability.note)] : [],
  });
  return { ...report, warnings };
}
