// Which explainer explains which command. Commands need no change to be explained: the
// registry is keyed by command name.
import type { CommandSpec } from '../commands/command.js';
import { XentError } from '../errors.js';
import { explainClip } from './clip.js';
import { explainCrossEntropy } from './cross-entropy.js';
import type { Explanation } from './explanation.js';
import type { Explainer, ExplainInput } from './explainer.js';
import { explainByFormula } from './others.js';
import { explainSoftmax } from './softmax.js';

const EXPLAINERS: Readonly<Record<string, Explainer>> = {
  softmax: explainSoftmax,
  ce: explainCrossEntropy,
  clip: explainClip,
};

/** Commands explained by their formula and results only. */
const BY_FORMULA = new Set(['bce', 'siglip', 'ntxent', 'supcon']);

export async function explain(spec: CommandSpec, x: ExplainInput): Promise<Explanation> {
  const own = EXPLAINERS[spec.name];
  if (own) return own(x);
  if (BY_FORMULA.has(spec.name)) return explainByFormula(spec, x);
  throw new XentError('err.teach.noExplain', { command: spec.name }, true);
}

export { renderExplanationMarkdown, renderExplanationText } from './render.js';
export type { Explanation } from './explanation.js';
