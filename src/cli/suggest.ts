import type { MessageKey } from '../i18n/messages.js';

/** Optimal string alignment distance (edits, with transpositions counted as one). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The closest candidate, if it is close enough to be what was meant. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const allowed = Math.max(1, Math.floor(word.replace(/^-+/, '').length / 3));
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a long word (a 1 MB typo) is
    // never near a flag, and its table of |word| × |candidate| cells is not built.
    if (Math.abs(word.length - candidate.length) > allowed) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/**
 * What a name from another library usually means in xent: the command (and options) that
 * computes it, with a key saying why. A meaning is offered only when its command exists.
 */
interface UsualMeaning {
  /** Spellings, compared after {@link plainName}: nll matches NLLLoss, nll_loss, nll-loss. */
  readonly names: readonly string[];
  /** The commands it points to, the first that exists is named. */
  readonly commands: readonly string[];
  /** What xent calls it: `ce --probs`. */
  readonly usage: string;
  readonly why: MessageKey;
}

const USUAL_MEANINGS: readonly UsualMeaning[] = [
  {
    names: ['nll', 'negativeloglikelihood', 'loglikelihood'],
    commands: ['ce'],
    usage: 'ce --probs',
    why: 'suggest.why.nll',
  },
  {
    names: ['crossentropy', 'categoricalcrossentropy', 'sparsecategoricalcrossentropy', 'softmaxcrossentropy', 'xent'],
    commands: ['ce'],
    usage: 'ce',
    why: 'suggest.why.ce',
  },
  {
    names: ['sigmoid', 'logistic', 'logloss', 'bcewithlogits', 'binarycrossentropy', 'multilabelsoftmargin'],
    commands: ['bce'],
    usage: 'bce',
    why: 'suggest.why.bce',
  },
  {
    names: ['svm', 'multimargin', 'margin', 'multiclasshinge', 'crammersinger', 'westonwatkins'],
    commands: ['hinge'],
    usage: 'hinge',
    why: 'suggest.why.hinge',
  },
  {
    names: ['kd', 'distillation', 'knowledgedistillation', 'hinton'],
    commands: ['distill'],
    usage: 'distill',
    why: 'suggest.why.distill',
  },
  {
    names: ['kldiv', 'kullbackleibler', 'kullback', 'relativeentropy'],
    commands: ['kl'],
    usage: 'kl',
    why: 'suggest.why.kl',
  },
  { names: ['infonce', 'nce', 'moco', 'cpc'], commands: ['infonce', 'clip'], usage: '', why: 'suggest.why.infonce' },
  { names: ['contrastive', 'clip', 'openclip', 'itc'], commands: ['clip'], usage: 'clip', why: 'suggest.why.clip' },
  { names: ['simclr'], commands: ['ntxent'], usage: 'ntxent', why: 'suggest.why.ntxent' },
  { names: ['supervisedcontrastive', 'supcontrast'], commands: ['supcon'], usage: 'supcon', why: 'suggest.why.supcon' },
  { names: ['sigmoidcontrastive', 'sigliploss'], commands: ['siglip'], usage: 'siglip', why: 'suggest.why.siglip' },
  {
    names: ['perplexity', 'ppl', 'languagemodel', 'causallm', 'tokencrossentropy'],
    commands: ['lm', 'ce'],
    usage: '',
    why: 'suggest.why.lm',
  },
  {
    names: ['recall', 'recallatk', 'retrievalmetrics', 'rank'],
    commands: ['retrieval', 'clip'],
    usage: '',
    why: 'suggest.why.retrieval',
  },
  {
    names: ['logsoftmax', 'argmax', 'probabilities', 'normalize'],
    commands: ['softmax'],
    usage: '',
    why: 'suggest.why.softmax',
  },
  { names: ['sigmoidfocal', 'focalloss', 'retinanet'], commands: ['focal'], usage: 'focal', why: 'suggest.why.focal' },
];

/** A name as compared with the table: lower case, without -, _, spaces, dots and a final "loss". */
export function plainName(word: string): string {
  const plain = word.toLowerCase().replace(/[-_ .]/g, '');
  return plain.length > 4 && plain.endsWith('loss') ? plain.slice(0, -4) : plain;
}

/** What `word` usually means among `commands` (the names that exist): the command line to try and why. */
export function usualMeaning(
  word: string,
  commands: readonly string[],
): { readonly usage: string; readonly why: MessageKey } | undefined {
  const plain = plainName(word);
  for (const meaning of USUAL_MEANINGS) {
    if (!meaning.names.includes(plain)) continue;
    const command = meaning.commands.find((c) => commands.includes(c));
    if (command === undefined) continue;
    // A fixed usage names the first command; otherwise the command that exists is the usage.
    const usage = meaning.usage !== '' && command === meaning.commands[0] ? meaning.usage : command;
    return { usage: `xent ${usage}`, why: meaning.why };
  }
  // A command spelled as another library spells it (NTXentLoss, Cross_Entropy, SIGLIP).
  const named = commands.find((c) => plainName(c) === plain);
  return named !== undefined && named !== word ? { usage: `xent ${named}`, why: 'suggest.why.spelling' } : undefined;
}
