import { checkClaims, float32ScaleOf, parseClaims, valueAlternatives } from '../teach/expect.js';
import { clipLessonMistakes } from '../teach/expect-mistakes.js';
import { NATS } from '../core/units.js';
import { type CommandSpec, defineCommand } from './command.js';
import { formatFixed } from '../format/number.js';
import { type Matrix, at, toRows } from '../core/matrix.js';
import { clipLoss } from '../ops/clip/kernel.js';
import { descendClipMatrix } from '../ops/descend/kernel.js';
import { type Report, type ReportTable, numberCell, textCell } from '../report/report.js';
import { matrixTable, numbered } from './contrastive-tables.js';
import { EXAMPLE_MATRIX } from './example.js';

/**
 * What `xent demo` shows: the lesson has no options, so its spec is fixed. The built-in 3×3
 * example, and a descent of a few steps at a rate that visibly moves it.
 */
export interface DemoSpec {
  readonly logits: Matrix;
  readonly steps: number;
  readonly lr: number;
}

const DEMO: DemoSpec = { logits: EXAMPLE_MATRIX, steps: 3, lr: 1 };

/** What the article the example comes from claims for image 1: its softmax row and its loss (−log 0.71). */
const ARTICLE_CLAIM = 'probs_i2t[0]=0.71,0.23,0.06; losses_i2t[0]=0.34';

/**
 * `xent demo` (and `npm start`): a short lesson on the built-in 3×3 CLIP example. The
 * similarity heatmap, both softmaxes, the losses, the gradient and three descent steps,
 * each table introduced by a sentence, in the user's language. It prints as text in a
 * pipe too (a lesson is read, not parsed); -f json gives every number.
 */
export const demoCommand: CommandSpec = defineCommand<DemoSpec>({
  name: 'demo',
  summary: 'help.cmd.demo',
  details: ['demo.help.more'],
  input: 'none',
  options: [],
  examples: ['xent demo', 'xent demo --lang zh', 'xent demo -f json'],
  readSpec: () => DEMO,
  abilities: { textInPipes: true, headline: () => 'loss', mistakes: (_spec, json) => clipLessonMistakes(json, NATS) },
  async run(_input, { logits: s, steps, lr }, { t }): Promise<Report> {
    const n = s.rows;
    const r = clipLoss(s);
    const labels = numbered(n);
    const corner = t.label('label.imageText');
    const f = (x: number) => formatFixed(x, 4);
    const diagonal = (_v: number, i: number, j: number) => ({ bar: true, mark: i === j });
    const trajectory = descendClipMatrix(s, 1, lr, steps);
    const last = trajectory[trajectory.length - 1];

    const tables: ReportTable[] = [
      {
        ...matrixTable(s, {
          title: t.label('demo.title.similarity'),
          corner,
          rowLabels: labels,
          colLabels: labels,
          cell: (_v, i, j) => ({ mark: i === j }),
          footnote: t.t('note.markDiagonal'),
        }),
        lead: t.t('demo.lead.intro'),
        heatmap: { legend: t.label('heat.legend') },
      },
      {
        ...matrixTable(r.probsI2t, {
          title: t.label('demo.title.i2t'),
          corner,
          rowLabels: labels,
          colLabels: labels,
          cell: diagonal,
          lastColumn: { label: t.label('label.loss'), values: r.lossesI2t },
        }),
        lead: t.t('demo.lead.i2t', { p: f(at(r.probsI2t, 0, 0)), loss: f(r.lossesI2t[0]) }),
      },
      {
        ...matrixTable(r.probsT2i, {
          title: t.label('demo.title.t2i'),
          corner,
          rowLabels: labels,
          colLabels: labels,
          cell: diagonal,
          lastRow: { label: t.label('label.loss'), values: r.lossesT2i },
        }),
        lead: t.t('demo.lead.t2i', { p: f(at(r.probsT2i, 0, 0)), loss: f(r.lossesT2i[0]) }),
      },
      {
        lead: t.t('demo.lead.loss'),
        title: t.label('demo.title.loss'),
        corner: t.label('demo.label.direction'),
        colLabels: [t.label('demo.label.formula'), t.label('label.loss')],
        droppable: [0],
        rows: [
          { label: t.label('demo.label.i2t'), cells: [textCell(t.label('demo.formula.i2t')), numberCell(r.lossI2t)] },
          { label: t.label('demo.label.t2i'), cells: [textCell(t.label('demo.formula.t2i')), numberCell(r.lossT2i)] },
          { label: t.label('demo.label.clip'), cells: [textCell('(i→t + t→i) / 2'), numberCell(r.loss)] },
        ],
      },
      {
        ...matrixTable(r.gradLogits, {
          title: t.label('demo.title.grad'),
          corner,
          rowLabels: labels,
          colLabels: labels,
          cell: (_v, i, j) => ({ signed: true, mark: i === j }),
        }),
        lead: t.t('demo.lead.grad', { n: 2 * n }),
      },
      {
        lead: t.t('demo.lead.descent', { steps, lr }),
        title: t.label('descend.title.clip', { lr, steps }),
        corner: t.label('descend.label.step'),
        colLabels: [
          t.label('label.loss'),
          t.label('descend.label.pDiagonal'),
          t.label('demo.label.pos'),
          t.label('demo.label.neg'),
        ],
        droppable: [3, 2],
        rows: trajectory.map((p) => ({
          label: String(p.step),
          cells: [
            numberCell(p.loss),
            numberCell(p.pPositive, { bar: true }),
            numberCell(p.positive),
            numberCell(p.negative),
          ],
        })),
        footnote: t.t('demo.footnote.descent'),
      },
    ];
    const json = {
      command: 'demo',
      logits: toRows(s),
      probs_i2t: toRows(r.probsI2t),
      probs_t2i: toRows(r.probsT2i),
      losses_i2t: Array.from(r.lossesI2t),
      losses_t2i: Array.from(r.lossesT2i),
      loss_i2t: r.lossI2t,
      loss_t2i: r.lossT2i,
      loss: r.loss,
      grad_logits: toRows(r.gradLogits),
      descent: {
        lr,
        trajectory: trajectory.map((p) => ({
          step: p.step,
          loss: p.loss,
          p_positive: p.pPositive,
          positive: p.positive,
          negative: p.negative,
          logits: toRows(p.matrix),
        })),
      },
      final_loss: last.loss,
    };
    // The article's worked answer, checked and diagnosed as --expect would (xent clip --example --expect …).
    const lesson = clipLessonMistakes(json, NATS);
    const check = await checkClaims({
      claims: parseClaims(ARTICLE_CLAIM),
      headline: 'loss',
      json,
      t,
      decimals: 4,
      scale: float32ScaleOf(json, s),
      mistakes: () => ({ alternatives: valueAlternatives(lesson.values ?? []), carried: lesson.carried ?? [] }),
    });
    check.tables.forEach((table, k) => {
      tables.push(k === 0 ? { ...table, lead: t.t('demo.lead.check', { claim: ARTICLE_CLAIM }) } : table);
    });
    return {
      tables,
      summary: check.summary,
      notes: [
        t.label('demo.next'),
        `  xent clip --example --explain       ${t.label('demo.next.explain')}`,
        `  xent descend --example --steps 20   ${t.label('demo.next.descend')}`,
        `  xent ce 2,0.5,-1 -y 0 --explain     ${t.label('demo.next.ce')}`,
      ],
      data: { rows: toRows(r.probsI2t) },
      values: [[r.loss]],
      json,
    };
  },
});
