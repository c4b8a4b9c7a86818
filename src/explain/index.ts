// --explain: the command's own explainer (its `abilities.explain`), or an error for a command
// that has none.
import type { CommandSpec } from '../commands/command.js';
import { XentError } from '../errors.js';
import type { Explanation } from './explanation.js';
import type { ExplainInput } from './explainer.js';

export async function explain(command: CommandSpec, x: ExplainInput<unknown>): Promise<Explanation> {
  const own = command.abilities.explain;
  if (!own) throw new XentError('err.teach.noExplain', { command: command.name }, true);
  return own(x);
}

export { renderExplanationMarkdown, renderExplanationText } from './render.js';
export type { Explanation } from './explanation.js';
