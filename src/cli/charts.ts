// The charts of a run beyond the command's own: --hist (a histogram of the per-row losses)
// and --plot FILE.svg (every chart of the run written as SVG), and how the terminal's are
// drawn (Braille on a terminal, plain ASCII for TERM=dumb and pipes).
import { XentError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import type { ChartLook } from '../format/chart.js';
import { chartsSvg } from '../format/chart-svg.js';
import type { Translator } from '../i18n/translator.js';
import { type Chart, histogramBins } from '../report/chart.js';
import type { Report } from '../report/report.js';
import type { OptionValues } from '../commands/command.js';

/** --plot's file name, checked before anything is computed. */
export function readPlotFile(options: OptionValues): string | undefined {
  const file = options.plot;
  if (typeof file !== 'string') return undefined;
  if (!/\.svg$/i.test(file.trim())) throw new XentError('err.plot.svg', { file }, true);
  return file;
}

/** --hist and --plot need the whole report: the input is then read whole, not streamed. */
export function needsCharts(options: OptionValues): boolean {
  return options.hist === true || options.plot !== undefined;
}

/** How charts are drawn here: Braille on a terminal that is not TERM=dumb, ASCII elsewhere; the terminal's width up to 100. */
export function chartLook(
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
  columns?: number,
): ChartLook {
  return { width: Math.max(40, Math.min(columns || 80, 100)), ascii: !stdoutIsTTY || env.TERM === 'dumb' };
}

/** The report with a histogram of its per-row losses (its JSON's `losses`; ignored rows, null, left out). */
export function withHistogram(report: Report, command: string, t: Translator): Report {
  const losses = report.json.losses;
  if (!Array.isArray(losses)) throw new XentError('err.hist.noLosses', { command }, true);
  const values = (losses as (number | null)[]).filter((v): v is number => typeof v === 'number');
  const { bins, nonFinite } = histogramBins(values);
  const chart: Chart = {
    kind: 'histogram',
    title: t.label('hist.title', { count: values.length }),
    xLabel: t.label('hist.x'),
    yLabel: t.label('hist.y'),
    bins,
    ...(nonFinite > 0 ? { outside: t.t('hist.outside', { count: nonFinite }) } : {}),
  };
  return { ...report, charts: [...(report.charts ?? []), chart] }; // spread-ok: a few charts
}

/** Writes the charts to `file` as SVG; a run without a chart, or a failed write, is an error. */
export async function writePlot(
  file: string,
  charts: readonly Chart[],
  writeFile: ((path: string, text: string) => Promise<void>) | undefined,
): Promise<void> {
  if (charts.length === 0) throw new XentError('err.plot.noChart', {}, true);
  try {
    if (!writeFile) throw new Error('no file system');
    await writeFile(file, chartsSvg(charts));
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '') : String(error);
    throw new XentError('err.plot.write', { file, reason }, false, EXIT.output);
  }
}
