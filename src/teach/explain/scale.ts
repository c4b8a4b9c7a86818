// The gradient with respect to the logit scale (and SigLIP's bias), where the logits are
// scale · similarity (+ bias): ∂L/∂scale = Σᵢⱼ ∂L/∂logitᵢⱼ · similarityᵢⱼ, and the step open_clip
// and Hugging Face take, who learn log scale: ∂L/∂log scale = scale · ∂L/∂scale.
import type { Translator } from '../../i18n/translator.js';
import { type ExplainLine, formula, text } from './explanation.js';
import { given, num, paren, sumOf } from './numbers.js';

/** A scale's gradient from the logits' one: `g` and `logits` in row order, the names the derivation uses. */
export interface ScaleGradient {
  /** ∂L/∂logitᵢⱼ, every entry (in the loss's unit). */
  readonly grad: ArrayLike<number>;
  /** The logits, every entry. */
  readonly logits: ArrayLike<number>;
  readonly scale: number;
  /** SigLIP's bias b (logits = scale · s + b): its gradient Σ ∂L/∂logit is said too. */
  readonly bias?: number;
  /** The logit's name in formulas: s (CLIP) or x (SigLIP). */
  readonly logit: string;
  /** The scale's name in formulas: scale (CLIP) or t (SigLIP). */
  readonly name: string;
}

/**
 * ∂L/∂scale = Σᵢⱼ ∂L/∂logitᵢⱼ · (logitᵢⱼ − b) / scale, with the row's numbers for a few
 * entries, then ∂L/∂log scale = scale · ∂L/∂scale, and ∂L/∂b = Σᵢⱼ ∂L/∂logitᵢⱼ with a bias.
 */
export function scaleGradientLines(t: Translator, g: ScaleGradient, d: number): ExplainLine[] {
  const { grad, logits, scale, bias, logit: x, name } = g;
  const b = bias ?? 0;
  const count = grad.length;
  const terms: string[] = [];
  let total = 0;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    total += grad[k] * (logits[k] - b);
    sum += grad[k];
    terms.push(`${paren(num(grad[k], d))} · ${paren(num(logits[k], d))}`);
  }
  const byScale = total / scale;
  const shifted = bias === undefined ? `${x}ᵢⱼ` : `(${x}ᵢⱼ − b)`;
  const lines: ExplainLine[] = [
    formula(`∂L/∂${name} = Σᵢⱼ ∂L/∂${x}ᵢⱼ · ${shifted} / ${name}`),
    text(t.t(bias === undefined ? 'teach.scale.grad' : 'teach.scale.gradBias', { name, logit: x })),
  ];
  if (bias === undefined) lines.push(formula(`Σᵢⱼ ∂L/∂${x}ᵢⱼ · ${x}ᵢⱼ = ${sumOf(terms, 4)} = ${num(total, d)}`));
  else lines.push(formula(`Σᵢⱼ ∂L/∂${x}ᵢⱼ · (${x}ᵢⱼ − b) = ${num(total, d)},  b = ${given(b)}`));
  lines.push(formula(`∂L/∂${name} = ${num(total, d)} / ${num(scale, d)} = ${num(byScale, d)}`));
  lines.push(
    formula(
      `∂L/∂log ${name} = ${name} · ∂L/∂${name} = ${num(scale, d)} · ${paren(num(byScale, d))} = ${num(total, d)}`,
    ),
  );
  lines.push(text(t.t('teach.scale.log', { name })));
  if (bias !== undefined) {
    lines.push(formula(`∂L/∂b = Σᵢⱼ ∂L/∂${x}ᵢⱼ = ${num(sum, d)}`));
    lines.push(text(t.t('teach.scale.bias')));
  }
  return lines;
}
