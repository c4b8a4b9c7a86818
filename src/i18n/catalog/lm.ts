// Messages of `xent lm`: its help, options, errors, labels, notes and --explain (en, zh).

export const lmEn = {
  'err.lm.noTarget': 'xent lm needs -y LIST (or -y @FILE): one token id per row of logits',
  'err.lm.seqLen': 'option {option}: {value} is not a sequence length; give a whole number of rows ≥ 1',
  'err.lm.seqLenRows':
    'option {option}: {rows} rows of logits are not a whole number of sequences of {seqLen} rows; give (B·T)×V logits, B sequences of T positions each',
  'err.lm.breaksAndSeqLen':
    'the input separates sequences with blank lines and {option} is given too; use one of them (the blank lines, or {option} without them)',
  'err.lm.tokenCount': 'option {option}: {got} token ids for {rows} rows of logits; give one token id per row',
  'err.lm.tokenRange':
    'token {value} at position {position} is not a token id: ids are whole numbers 0 … {max} (the logits have a vocabulary of {vocab} columns), or {ignoreIndex} for a position that is not scored',
  'err.lm.noTokens':
    'no token is scored: every token equals the ignore index, so the mean loss is 0/0, with nothing to average; give at least one token id',
  'err.lm.noTokensShift':
    'no token is scored: with --shift each position predicts the next token of its sequence, and every such token is ignored (or every sequence is one row long), so the mean loss is 0/0, with nothing to average',
  'help.cmd.lm':
    'token-level language-model cross-entropy: per-token, per-sequence and corpus loss and perplexity; --shift as Hugging Face causal LMs',
  'help.lm.formula':
    "Input: (B·T)×V logits, one row per position, the sequences one after the other: every --seq-len T rows, or separated by blank lines (without either, one sequence). -y gives one token id per row. Row t's loss is l_t = −log softmax(z_t)[y_t] (F.cross_entropy); with --shift (Hugging Face's ForCausalLMLoss: labels padded with the ignore index and shifted) row t predicts token t + 1 of its own sequence and the last row of each sequence predicts nothing. A token equal to --ignore-index (default −100) is not scored.",
  'help.lm.means':
    "Means, each named: loss = Σ l_t / N over the N scored tokens (token-weighted: Hugging Face's loss, F.cross_entropy's mean) and perplexity = exp(loss); sequence loss = the mean over sequences of each one's mean loss (sequence-weighted) and exp of it; the mean of the sequences' perplexities (as Hugging Face evaluate's mean_perplexity). --base 2 gives bits per token (perplexity is the same in every base). Chance level: ln V, the loss of a model that knows nothing (uniform over V tokens).",
  'help.lm.output':
    'Output: a table of the tokens (sequence, position, token predicted, p, loss), one of the sequences (rows, tokens, mean loss, perplexity), then the corpus figures. tsv/csv print "sequence position target loss" per row (with --grad: the gradient matrix) and -f value the token-weighted loss, both streaming the rows (a long corpus is never held whole); -f json prints everything (sequence_loss, sequence_perplexity, mean_sequence_perplexity, chance, loss_over_chance).',
  'help.opt.lm.target': 'one token id per row (0-based), inline or @FILE: the labels (input ids with --shift)',
  'help.opt.lm.seqLen': 'T: every T rows are one sequence (B·T rows in all)',
  'help.opt.lm.shift': 'row t predicts token t + 1 of its sequence (Hugging Face causal LMs)',
  'help.opt.lm.ignoreIndex': 'a token id that is not scored (default −100, as PyTorch and Hugging Face)',
  'help.opt.lm.grad': 'print ∂loss/∂logits of the token-weighted loss: (softmax − onehot) / N per scored row',
  'lm.title.tokens': 'Loss of each token',
  'lm.title.tokensShift': 'Loss of each position, predicting the next token',
  'lm.title.sequences': 'Each sequence',
  'lm.title.grad': 'Gradient ∂loss/∂logit (token-weighted loss)',
  'lm.label.sequence': 'sequence',
  'lm.label.position': 'position',
  'lm.label.token': 'token',
  'lm.label.rows': 'rows',
  'lm.label.tokens': 'tokens scored',
  'lm.label.meanLoss': 'mean loss',
  'lm.label.perplexity': 'perplexity',
  'lm.footnote.plain': '—: the token is the ignore index (not scored)',
  'lm.footnote.shift': '—: the last position of its sequence (nothing follows it), or the next token is ignored',
  'lm.summary.tokens': 'tokens scored N',
  'lm.summary.loss': 'loss Σ l / N (token-weighted)',
  'lm.summary.perplexity': 'perplexity exp(loss) (token-weighted)',
  'lm.summary.sequenceLoss': 'loss, mean over sequences (sequence-weighted)',
  'lm.summary.sequencePerplexity': 'perplexity exp(sequence-weighted loss)',
  'lm.summary.meanSequencePerplexity': "mean of the sequences' perplexities",
  'lm.summary.chance': 'chance level ln {vocab} (uniform over the vocabulary)',
  'lm.note.plain': 'row t is scored against token t as given (labels already aligned)',
  'lm.note.shift':
    "--shift: row t predicts token t + 1 of its sequence, as Hugging Face's ForCausalLMLoss (labels padded with the ignore index, then shifted by one)",
  'lm.note.means':
    "the token-weighted loss is Hugging Face's (and F.cross_entropy's mean); the sequence-weighted one gives each sequence the same weight whatever its length",
  'lm.note.emptySequences': '{count} sequence(s) score no token; they are left out of the sequence-weighted means',
  'teach.lm.title': 'Language-model loss, worked through: row {index} of {count}',
  'teach.lm.step.row': 'The row and its token',
  'teach.lm.step.corpus': 'The corpus',
  'teach.lm.where': 'Row {row} is position {position} of sequence {sequence} ({rows} rows).',
  'teach.lm.predicts': 'It is scored against token {token}:',
  'teach.lm.predictsNext': 'With --shift it predicts the next token of its sequence, {token}:',
  'teach.lm.last': 'It is the last position of its sequence: nothing follows it, so it predicts nothing.',
  'teach.lm.ignored': 'Its token is the ignore index: it is not scored.',
  'teach.lm.tokenWeighted': 'Token-weighted: the sum over the N scored tokens, divided by N; its perplexity:',
  'teach.lm.sequenceWeighted': 'Sequence-weighted: the mean of the {count} sequences’ mean losses; its perplexity:',
} as const;

export type LmKey = keyof typeof lmEn;

export const lmZh: Record<LmKey, string> = {
  'err.lm.noTarget': 'xent lm 需要 -y LIST（或 -y @FILE）：每行 logit 对应一个词元 id',
  'err.lm.seqLen': '选项 {option}：{value} 不是序列长度；请给出 ≥ 1 的整数行数',
  'err.lm.seqLenRows':
    '选项 {option}：{rows} 行 logit 不能分成整数个长度为 {seqLen} 行的序列；请给出 (B·T)×V 的 logit，即 B 个序列、每个 T 个位置',
  'err.lm.breaksAndSeqLen': '输入已用空行分隔序列，又给出了 {option}；请只用其中一种（空行，或不含空行时用 {option}）',
  'err.lm.tokenCount': '选项 {option}：给出了 {got} 个词元 id，但 logit 有 {rows} 行；请每行给一个词元 id',
  'err.lm.tokenRange':
    '第 {position} 个词元 {value} 不是词元 id：id 是 0 … {max} 的整数（logit 的词表有 {vocab} 列），或用 {ignoreIndex} 表示不计分的位置',
  'err.lm.noTokens':
    '没有任何词元计分：所有词元都等于忽略索引，平均损失是 0/0，没有可以平均的东西；请至少给出一个词元 id',
  'err.lm.noTokensShift':
    '没有任何词元计分：加 --shift 时每个位置预测本序列的下一个词元，而这些词元全被忽略（或每个序列只有一行），平均损失是 0/0，没有可以平均的东西',
  'help.cmd.lm':
    '词元级语言模型交叉熵：逐词元、逐序列和整个语料的损失与困惑度；--shift 与 Hugging Face 因果语言模型一致',
  'help.lm.formula':
    '输入：(B·T)×V 的 logit，每个位置一行，序列依次排列：每 --seq-len T 行一个序列，或以空行分隔（两者都没有时视为一个序列）。-y 为每行给出一个词元 id。第 t 行的损失 l_t = −log softmax(z_t)[y_t]（F.cross_entropy）；加 --shift（Hugging Face 的 ForCausalLMLoss：标签末尾补忽略索引再移一位）时第 t 行预测本序列的第 t + 1 个词元，每个序列的最后一行不预测任何词元。等于 --ignore-index（默认 −100）的词元不计分。',
  'help.lm.means':
    '各种平均，各有名称：loss = Σ l_t / N，N 为计分的词元数（按词元加权：Hugging Face 的 loss，即 F.cross_entropy 的 mean），perplexity = exp(loss)；序列损失 = 各序列平均损失的平均（按序列加权）及其 exp；各序列困惑度的平均（即 Hugging Face evaluate 的 mean_perplexity）。--base 2 给出每词元比特数（困惑度与底数无关）。随机水平：ln V，即一无所知的模型（在 V 个词元上均匀）的损失。',
  'help.lm.output':
    '输出：词元表（序列、位置、所预测的词元、p、损失）、序列表（行数、词元数、平均损失、困惑度），然后是整个语料的数值。tsv/csv 每行输出“sequence position target loss”（加 --grad 时输出梯度矩阵），-f value 输出按词元加权的损失，两者都逐行流式读取（长语料不会整个放进内存）；-f json 输出全部内容（sequence_loss、sequence_perplexity、mean_sequence_perplexity、chance、loss_over_chance）。',
  'help.opt.lm.target': '每行一个词元 id（从 0 开始），可直接给出或用 @FILE：即标签（加 --shift 时即输入 id）',
  'help.opt.lm.seqLen': 'T：每 T 行为一个序列（共 B·T 行）',
  'help.opt.lm.shift': '第 t 行预测本序列的第 t + 1 个词元（Hugging Face 因果语言模型）',
  'help.opt.lm.ignoreIndex': '不计分的词元 id（默认 −100，与 PyTorch 和 Hugging Face 一致）',
  'help.opt.lm.grad': '输出按词元加权损失对 logit 的梯度 ∂loss/∂logits：每个计分行为 (softmax − onehot) / N',
  'lm.title.tokens': '每个词元的损失',
  'lm.title.tokensShift': '每个位置预测下一个词元的损失',
  'lm.title.sequences': '各个序列',
  'lm.title.grad': '梯度 ∂loss/∂logit（按词元加权的损失）',
  'lm.label.sequence': '序列',
  'lm.label.position': '位置',
  'lm.label.token': '词元',
  'lm.label.rows': '行数',
  'lm.label.tokens': '计分词元数',
  'lm.label.meanLoss': '平均损失',
  'lm.label.perplexity': '困惑度',
  'lm.footnote.plain': '—：该词元是忽略索引（不计分）',
  'lm.footnote.shift': '—：序列的最后一个位置（后面没有词元），或下一个词元被忽略',
  'lm.summary.tokens': '计分词元数 N',
  'lm.summary.loss': '损失 Σ l / N（按词元加权）',
  'lm.summary.perplexity': '困惑度 exp(损失)（按词元加权）',
  'lm.summary.sequenceLoss': '损失，各序列的平均（按序列加权）',
  'lm.summary.sequencePerplexity': '困惑度 exp(按序列加权的损失)',
  'lm.summary.meanSequencePerplexity': '各序列困惑度的平均',
  'lm.summary.chance': '随机水平 ln {vocab}（在词表上均匀）',
  'lm.note.plain': '第 t 行按给出的第 t 个词元计分（标签已对齐）',
  'lm.note.shift':
    '--shift：第 t 行预测本序列的第 t + 1 个词元，与 Hugging Face 的 ForCausalLMLoss 一致（标签末尾补忽略索引后移一位）',
  'lm.note.means':
    '按词元加权的损失就是 Hugging Face 的损失（也是 F.cross_entropy 的 mean）；按序列加权则不论长短每个序列权重相同',
  'lm.note.emptySequences': '有 {count} 个序列没有计分的词元；按序列加权的平均不包括它们',
  'teach.lm.title': '语言模型损失的逐步计算：第 {index} 行（共 {count} 行）',
  'teach.lm.step.row': '这一行及其词元',
  'teach.lm.step.corpus': '整个语料',
  'teach.lm.where': '第 {row} 行是序列 {sequence}（共 {rows} 行）的第 {position} 个位置。',
  'teach.lm.predicts': '它按词元 {token} 计分：',
  'teach.lm.predictsNext': '加 --shift 时它预测本序列的下一个词元 {token}：',
  'teach.lm.last': '它是序列的最后一个位置：后面没有词元，所以不预测任何词元。',
  'teach.lm.ignored': '它的词元是忽略索引：不计分。',
  'teach.lm.tokenWeighted': '按词元加权：N 个计分词元的损失之和除以 N；其困惑度：',
  'teach.lm.sequenceWeighted': '按序列加权：{count} 个序列平均损失的平均；其困惑度：',
};
