// Messages of the information-theory view: units (--base), `xent entropy`, `xent kl`,
// ce's entropy / divergence columns and its top-k accuracy.

export const infoEn = {
  // units
  'unit.nats': 'nats',
  'unit.bits': 'bits',
  'unit.bans': 'bans',
  'info.inUnit': '{label} [{unit}]',
  'info.note.unit': 'losses and gradients are in {unit} ({log}): the values in nats divided by ln {base}',
  'help.opt.base':
    'unit of losses and gradients: e (nats, the default, as PyTorch), 2 (bits) or 10 (bans); also spelt nats, bits, bans, hartleys',
  'help.opt.baseInfo': 'unit of the results: e (nats, the default), 2 (bits) or 10 (bans); also spelt nats, bits, bans, hartleys',

  // distribution checks (entropy, kl)
  'err.dist.negative':
    'the entry {value} at row {row}, column {col} of {source} is negative; a probability distribution has entries ≥ 0',
  'err.dist.sum':
    'row {row} of {source} sums to {sum}, off by {off}; each row must be a probability distribution summing to 1 (within {tolerance})',

  // entropy
  'help.cmd.entropy': 'entropy H(p) = −Σ p log p of each row of a probability distribution, in nats, bits or bans',
  'help.entropy.more':
    'Each row must be a distribution: entries ≥ 0 that sum to 1 within 0.001 (so rows pasted with 4 decimals pass); a row is used as given, not renormalised. 0·log 0 = 0. The perplexity e^H (2^H in bits) is the effective number of equally likely classes, the same number in every unit; the largest entropy over C classes is log C, that of the uniform distribution.',
  'help.entropy.output':
    'Output: a table of each row\'s entropy and perplexity, then the mean entropy. tsv/csv print "entropy perplexity" per row; -f value prints one entropy per line; -f json prints entropy and perplexity (one per row) and mean_entropy.',
  'info.title.entropy': 'Entropy of each row',
  'info.label.entropy': 'H(p)',
  'info.label.perplexity': 'perplexity',
  'info.sum.meanEntropy': 'mean entropy',
  'info.note.maxEntropy': 'the largest entropy over {classes} classes is {log} {classes} = {max} {unit}, that of the uniform distribution',
  'info.note.perplexity': 'perplexity = e^H (nats) = 2^H (bits): the effective number of equally likely classes, the same in every unit',

  // kl
  'help.cmd.kl': 'Kullback–Leibler divergence KL(P‖Q) = Σ P log(P/Q) between the rows of two distributions',
  'help.kl.more':
    'KL(P‖Q) = Σ_i P_i·log(P_i/Q_i) = H(P, Q) − H(P): what describing P with Q costs beyond P\'s own entropy; ≥ 0, 0 only when P = Q, and not symmetric (KL(Q‖P): swap --p and --q). Terms with P_i = 0 are 0; KL(P‖Q) is inf in a row where P has mass and Q has none. In ce\'s notation, a loss against the target q is H(q, p) = H(q) + KL(q‖p): that KL is xent kl --p TARGET --q PREDICTED. Both rows must be distributions (entries ≥ 0, sum 1 within 0.001).',
  'help.kl.output':
    'Output: a table of H(P), H(P, Q) and KL(P‖Q) for each row, then the mean KL. tsv/csv print "kl entropy_p cross_entropy" per row; -f value prints one KL per line; -f json prints kl, entropy (of P) and cross_entropy (one per row) and mean_kl.',
  'help.opt.kl.p': 'the distribution P, one per row (the data, or the target): inline matrix or @FILE',
  'help.opt.kl.q': 'the distribution Q, one per row (the model, or the prediction): inline matrix or @FILE',
  'err.kl.missing': 'xent kl needs two distributions: --p P and --q Q (it computes KL(P‖Q)); {option} is missing',
  'err.kl.input': 'xent kl reads its distributions from --p and --q only, not from arguments, -i or --example',
  'err.kl.shape':
    'option --p is {pRows}×{pCols}, but option --q is {qRows}×{qCols}; give two matrices of the same shape, one pair of distributions per row',
  'info.title.kl': 'Divergence of each row',
  'info.label.klEntropy': 'H(P)',
  'info.label.klCross': 'H(P, Q)',
  'info.label.kl': 'KL(P‖Q)',
  'info.sum.meanKl': 'mean KL(P‖Q)',
  'info.note.kl': 'KL(P‖Q) = H(P, Q) − H(P) ≥ 0: the extra cost of coding P with Q; KL(Q‖P) is another number (swap --p and --q)',
  'info.note.klInf': 'KL(P‖Q) = inf in row(s) {rows}: P has mass where Q has none',

  // ce: entropy and divergence of the target
  'ce.label.entropy': 'H(q)',
  'ce.label.kl': 'KL(q‖p)',
  'ce.note.entropyIndex':
    'class targets are one-hot: H(q) = 0, so each row\'s cross-entropy −log p(target) is all divergence, KL(q‖p) = H(q, p)',
  'ce.note.entropySoft':
    'each row\'s cross-entropy H(q, p) = H(q) + KL(q‖p): the entropy of the target q, which no prediction removes, plus the divergence of p from it',
  'ce.note.entropyWeighted':
    'with class weights the loss is not H(q, p): H(q) and KL(q‖p) are those of the unweighted target and do not add up to the weighted loss',
  'ce.summary.perplexityBase': 'perplexity {base}^(mean loss)',

  'help.ce.info':
    'Units and parts: --base 2 gives losses and gradients in bits (the values in nats ÷ ln 2), --base 10 in bans; the perplexity exp(mean loss in nats) is the same number in every unit. With --target-probs or --label-smoothing each row also shows the entropy of its target H(q) and the divergence KL(q‖p) (JSON entropy and kl, per row), and H(q) + KL(q‖p) is the unweighted loss; with class targets H(q) = 0 and KL(q‖p) is the loss. --top-k 1,5: the share of rows whose target is among the k most probable classes (ties count against it; JSON topk); k may not exceed the number of classes.',
  // ce: top-k accuracy
  'help.opt.ce.topK':
    'top-k accuracy for each k in LIST (e.g. 1,5): the share of rows whose target is among the k most probable classes (default 1)',
  'err.ce.topK': "option --top-k takes whole numbers ≥ 1, got '{value}'",
  'err.ce.topKClasses':
    'option --top-k: top-{k} accuracy needs at least {k} classes, but there are {classes} (every row would count as a hit)',
  'ce.summary.topK': 'top-{k} accuracy (target among the {k} most probable)',
} as const;

export type InfoKey = keyof typeof infoEn;

export const infoZh: Record<InfoKey, string> = {
  'unit.nats': '奈特',
  'unit.bits': '比特',
  'unit.bans': '哈特莱',
  'info.inUnit': '{label} [{unit}]',
  'info.note.unit': '损失和梯度以{unit}为单位（{log}）：即以奈特计的值除以 ln {base}',
  'help.opt.base': '损失和梯度的单位：e（奈特，默认，与 PyTorch 相同）、2（比特）或 10（哈特莱）；也可写作 nats、bits、bans、hartleys',
  'help.opt.baseInfo': '结果的单位：e（奈特，默认）、2（比特）或 10（哈特莱）；也可写作 nats、bits、bans、hartleys',

  'err.dist.negative': '{source}第 {row} 行第 {col} 列的 {value} 是负数；概率分布的各项必须 ≥ 0',
  'err.dist.sum': '{source}第 {row} 行之和为 {sum}，与 1 相差 {off}；每行必须是和为 1 的概率分布（允许误差 {tolerance}）',

  'help.cmd.entropy': '计算概率分布每一行的熵 H(p) = −Σ p log p，单位可为奈特、比特或哈特莱',
  'help.entropy.more':
    '每行必须是一个概率分布：各项 ≥ 0，且和与 1 相差不超过 0.001（因此保留 4 位小数粘贴的行也能通过）；按给定的值计算，不重新归一化。0·log 0 = 0。困惑度 e^H（以比特计时为 2^H）是“等效的等可能类别数”，在任何单位下都是同一个数；C 个类别上熵的最大值是 log C，即均匀分布的熵。',
  'help.entropy.output':
    '输出：表格列出每行的熵和困惑度，下面是平均熵。tsv/csv 每行输出“entropy perplexity”；-f value 每行输出一个熵；-f json 输出 entropy 和 perplexity（每行一个）以及 mean_entropy。',
  'info.title.entropy': '每一行的熵',
  'info.label.entropy': 'H(p)',
  'info.label.perplexity': '困惑度',
  'info.sum.meanEntropy': '平均熵',
  'info.note.maxEntropy': '{classes} 个类别上熵的最大值是 {log} {classes} = {max} {unit}，即均匀分布的熵',
  'info.note.perplexity': '困惑度 = e^H（奈特）= 2^H（比特）：等效的等可能类别数，在任何单位下都相同',

  'help.cmd.kl': '计算两个概率分布各行之间的 KL 散度 KL(P‖Q) = Σ P log(P/Q)',
  'help.kl.more':
    'KL(P‖Q) = Σ_i P_i·log(P_i/Q_i) = H(P, Q) − H(P)：用 Q 来描述 P 时，在 P 自身的熵之外多付出的代价；≥ 0，仅当 P = Q 时为 0，且不对称（要算 KL(Q‖P)，交换 --p 和 --q）。P_i = 0 的项为 0；某行中 P 有概率而 Q 为 0 的位置使 KL(P‖Q) = inf。用 ce 的记号，对目标 q 的损失是 H(q, p) = H(q) + KL(q‖p)：其中的 KL 就是 xent kl --p 目标 --q 预测。两边的每行都必须是概率分布（各项 ≥ 0，和为 1，允许误差 0.001）。',
  'help.kl.output':
    '输出：表格列出每行的 H(P)、H(P, Q) 和 KL(P‖Q)，下面是平均 KL。tsv/csv 每行输出“kl entropy_p cross_entropy”；-f value 每行输出一个 KL；-f json 输出 kl、entropy（P 的熵）和 cross_entropy（每行一个）以及 mean_kl。',
  'help.opt.kl.p': '分布 P，每行一个（数据或目标）：直接写矩阵，或 @FILE',
  'help.opt.kl.q': '分布 Q，每行一个（模型或预测）：直接写矩阵，或 @FILE',
  'err.kl.missing': 'xent kl 需要两个分布：--p P 和 --q Q（计算 KL(P‖Q)）；缺少 {option}',
  'err.kl.input': 'xent kl 只从 --p 和 --q 读取分布，不从参数、-i 或 --example 读取',
  'err.kl.shape': '选项 --p 的形状是 {pRows}×{pCols}，但选项 --q 是 {qRows}×{qCols}；请给出形状相同的两个矩阵，每行一对分布',
  'info.title.kl': '每一行的散度',
  'info.label.klEntropy': 'H(P)',
  'info.label.klCross': 'H(P, Q)',
  'info.label.kl': 'KL(P‖Q)',
  'info.sum.meanKl': '平均 KL(P‖Q)',
  'info.note.kl': 'KL(P‖Q) = H(P, Q) − H(P) ≥ 0：用 Q 编码 P 的额外代价；KL(Q‖P) 是另一个数（交换 --p 和 --q）',
  'info.note.klInf': '第 {rows} 行的 KL(P‖Q) = inf：P 有概率的位置 Q 为 0',

  'ce.label.entropy': 'H(q)',
  'ce.label.kl': 'KL(q‖p)',
  'ce.note.entropyIndex': '类别目标是 one-hot 的：H(q) = 0，所以每行的交叉熵 −log p(目标) 全部是散度，KL(q‖p) = H(q, p)',
  'ce.note.entropySoft': '每行的交叉熵 H(q, p) = H(q) + KL(q‖p)：目标 q 自身的熵（任何预测都无法消除）加上 p 偏离它的散度',
  'ce.note.entropyWeighted': '有类别权重时，损失不是 H(q, p)：H(q) 和 KL(q‖p) 是未加权目标的值，两者之和不等于加权后的损失',
  'ce.summary.perplexityBase': '困惑度 {base}^(平均损失)',

  'help.ce.info':
    '单位与分解：--base 2 让损失和梯度以比特计（以奈特计的值 ÷ ln 2），--base 10 以哈特莱计；困惑度 exp(以奈特计的平均损失) 在任何单位下都是同一个数。使用 --target-probs 或 --label-smoothing 时，每行还给出目标的熵 H(q) 和散度 KL(q‖p)（JSON 中为 entropy 和 kl，每行一个），H(q) + KL(q‖p) 等于未加权的损失；类别目标时 H(q) = 0，KL(q‖p) 就是损失。--top-k 1,5：目标位于概率最大的 k 个类别之中的行所占比例（并列算作不命中；JSON 中为 topk）；k 不能超过类别数。',
  'help.opt.ce.topK': '对 LIST 中的每个 k 给出 top-k 准确率（如 1,5）：目标位于概率最大的 k 个类别之中的行所占比例（默认 1）',
  'err.ce.topK': '选项 --top-k 需要 ≥ 1 的整数，收到的是“{value}”',
  'err.ce.topKClasses': '选项 --top-k：top-{k} 准确率至少需要 {k} 个类别，但只有 {classes} 个（每一行都会算作命中）',
  'ce.summary.topK': 'top-{k} 准确率（目标位于概率最大的 {k} 个类别之中）',
};
