// Messages of `xent kl`: its help, options, errors, labels and notes (en, zh).

export const klEn = {
  // kl
  'help.cmd.kl': 'Kullback–Leibler divergence KL(P‖Q) = Σ P log(P/Q) between the rows of two distributions',
  'help.kl.more':
    "KL(P‖Q) = Σ_i P_i·log(P_i/Q_i) = H(P, Q) − H(P): what describing P with Q costs beyond P's own entropy; ≥ 0, 0 only when P = Q, and not symmetric (KL(Q‖P): swap --p and --q). Terms with P_i = 0 are 0; KL(P‖Q) is inf in a row where P has mass and Q has none. In ce's notation, a loss against the target q is H(q, p) = H(q) + KL(q‖p): that KL is xent kl --p TARGET --q PREDICTED. Both rows must be distributions (entries ≥ 0, sum 1 within 0.001).",
  'help.kl.output':
    'Output: a table of H(P), H(P, Q) and KL(P‖Q) for each row, then the mean KL. tsv/csv print "kl entropy_p cross_entropy" per row; -f value prints one KL per line; -f json prints kl, entropy (of P) and cross_entropy (one per row) and mean_kl.',
  'help.opt.kl.p': 'the distribution P, one per row (the data, or the target): inline matrix or @FILE',
  'help.opt.kl.q': 'the distribution Q, one per row (the model, or the prediction): inline matrix or @FILE',
  'err.kl.missing': 'xent kl needs two distributions: --p P and --q Q (it computes KL(P‖Q)); {option} is missing',
  'err.kl.input': 'xent kl reads its distributions from --p and --q only, not from arguments, -i or --example',
  'err.kl.shape':
    'option --p is {pRows}×{pCols}, but option --q is {qRows}×{qCols}; give two matrices of the same shape, one pair of distributions per row',
  'info.title.kl': 'Divergence of each row',
  'info.label.kl': 'KL(P‖Q)',
  'info.note.kl':
    'KL(P‖Q) = H(P, Q) − H(P) ≥ 0: the extra cost of coding P with Q; KL(Q‖P) is another number (swap --p and --q)',
  'teach.kl.title': 'KL divergence of row {index} of {count}',
  'teach.kl.formula':
    'Each class where P has mass adds P·log(P/Q): how much more surprising the class is under Q than under P, weighted by P. A class with P = 0 adds 0; Q = 0 where P > 0 makes KL infinite.',
  'teach.kl.step.terms': "Each class's term, then the sum",
  'teach.kl.negative':
    "A term is negative where Q gives a class more than P does; the sum never is (Gibbs' inequality), and it is 0 only when Q = P.",
  'teach.kl.sum': "The sum is never negative (Gibbs' inequality), and it is 0 only when Q = P.",
  'teach.kl.infinite': 'Q gives 0 to a class where P has mass, so that term and KL are infinite.',
  'teach.kl.step.split': 'Cross-entropy = entropy + KL',
  'teach.kl.split':
    "KL is what describing P with Q costs beyond P's own entropy: with P the target and Q the prediction, H(P, Q) is the cross-entropy loss.",
  'teach.kl.mean': "The mean KL adds up the rows' divergences and divides by {den}: {why}.",
  'teach.kl.meanName': 'mean KL',
  'teach.kl.step.logits': 'P and Q from the logits',
  'teach.kl.logits':
    'With --logits, a and b are row {row} of --p and --q as logits: P and Q are their softmax at temperature T, each exp divided by the sum.',
  'teach.kl.step.logTarget': 'P from log P',
  'teach.kl.logTarget':
    "With --log-target, row {row} of --p holds log P (F.kl_div's log_target=True): P is its exp, and the terms take log P as given.",
  'teach.kl.step.reduction': "The reduction '{reduction}' (F.kl_div's)",
  'teach.kl.why.batchmean': 'the N = {rows} rows: batchmean gives the KL per row, what KL means',
  'teach.kl.why.mean':
    "the N·C = {rows}·{cols} elements, not the rows: reduction 'mean' (PyTorch's default) is C = {cols} times smaller than the KL per row",
  'teach.kl.reduced': "F.kl_div adds up every element P·log(P/Q), the rows' KLs, and divides by {den}: {why}.",
  'teach.kl.reducedSum':
    "F.kl_div with reduction 'sum' adds up every element P·log(P/Q): the rows' KLs, divided by nothing.",
  'teach.kl.none':
    "With reduction 'none' F.kl_div returns every element P·log(P/Q) as it is, {count} in all: row {row}'s are its terms above, and each row's KL is their sum.",
} as const;

export type KlKey = keyof typeof klEn;

export const klZh: Record<KlKey, string> = {
  'help.cmd.kl': '计算两个概率分布各行之间的 KL 散度 KL(P‖Q) = Σ P log(P/Q)',
  'help.kl.more':
    'KL(P‖Q) = Σ_i P_i·log(P_i/Q_i) = H(P, Q) − H(P)：用 Q 来描述 P 时，在 P 自身的熵之外多付出的代价；≥ 0，仅当 P = Q 时为 0，且不对称（要算 KL(Q‖P)，交换 --p 和 --q）。P_i = 0 的项为 0；某行中 P 有概率而 Q 为 0 的位置使 KL(P‖Q) = inf。用 ce 的记号，对目标 q 的损失是 H(q, p) = H(q) + KL(q‖p)：其中的 KL 就是 xent kl --p 目标 --q 预测。两边的每行都必须是概率分布（各项 ≥ 0，和为 1，允许误差 0.001）。',
  'help.kl.output':
    '输出：表格列出每行的 H(P)、H(P, Q) 和 KL(P‖Q)，下面是平均 KL。tsv/csv 每行输出“kl entropy_p cross_entropy”；-f value 每行输出一个 KL；-f json 输出 kl、entropy（P 的熵）和 cross_entropy（每行一个）以及 mean_kl。',
  'help.opt.kl.p': '分布 P，每行一个（数据或目标）：直接写矩阵，或 @FILE',
  'help.opt.kl.q': '分布 Q，每行一个（模型或预测）：直接写矩阵，或 @FILE',
  'err.kl.missing': 'xent kl 需要两个分布：--p P 和 --q Q（计算 KL(P‖Q)）；缺少 {option}',
  'err.kl.input': 'xent kl 只从 --p 和 --q 读取分布，不从参数、-i 或 --example 读取',
  'err.kl.shape':
    '选项 --p 的形状是 {pRows}×{pCols}，但选项 --q 的形状是 {qRows}×{qCols}；请给出形状相同的两个矩阵，每行一对分布',
  'info.title.kl': '每一行的散度',
  'info.label.kl': 'KL(P‖Q)',
  'info.note.kl': 'KL(P‖Q) = H(P, Q) − H(P) ≥ 0：用 Q 编码 P 的额外代价；KL(Q‖P) 是另一个数（交换 --p 和 --q）',
  'teach.kl.title': '第 {index} 行（共 {count} 行）的 KL 散度',
  'teach.kl.formula':
    'P 有概率的每个类别贡献 P·log(P/Q)：该类别在 Q 下比在 P 下多出的意外程度，按 P 加权。P = 0 的类别贡献 0；P > 0 而 Q = 0 时 KL 为无穷大。',
  'teach.kl.step.terms': '逐个类别的项，再求和',
  'teach.kl.negative': 'Q 给某个类别的概率多于 P 时，这一项为负；但总和从不为负（吉布斯不等式），仅当 Q = P 时为 0。',
  'teach.kl.sum': '总和从不为负（吉布斯不等式），仅当 Q = P 时为 0。',
  'teach.kl.infinite': 'P 有概率的某个类别在 Q 中概率为 0，所以这一项和 KL 都是无穷大。',
  'teach.kl.step.split': '交叉熵 = 熵 + KL',
  'teach.kl.split':
    'KL 是用 Q 描述 P 时、在 P 自身的熵之外多付出的代价：P 为目标、Q 为预测时，H(P, Q) 就是交叉熵损失。',
  'teach.kl.mean': '平均 KL 是各行散度之和除以 {den}：{why}。',
  'teach.kl.meanName': '平均 KL',
  'teach.kl.step.logits': '由 logit 得到 P 与 Q',
  'teach.kl.logits':
    '使用 --logits 时，a 与 b 是 --p 与 --q 的第 {row} 行 logit：P 与 Q 是它们在温度 T 下的 softmax，即每个 exp 除以其总和。',
  'teach.kl.step.logTarget': '由 log P 得到 P',
  'teach.kl.logTarget':
    '使用 --log-target 时，--p 的第 {row} 行给出的是 log P（F.kl_div 的 log_target=True）：P 是它的 exp，各项直接使用给出的 log P。',
  'teach.kl.step.reduction': '归约“{reduction}”（F.kl_div 的）',
  'teach.kl.why.batchmean': '即 N = {rows} 行：batchmean 给出每行的 KL，也就是 KL 的本义',
  'teach.kl.why.mean':
    "即 N·C = {rows}·{cols} 个元素，而不是行数：归约 'mean'（PyTorch 的默认值）比每行的 KL 小 C = {cols} 倍",
  'teach.kl.reduced': 'F.kl_div 把所有元素 P·log(P/Q)（即各行的 KL）相加，再除以 {den}：{why}。',
  'teach.kl.reducedSum': "F.kl_div 在归约 'sum' 下把所有元素 P·log(P/Q) 相加：即各行 KL 之和，不做除法。",
  'teach.kl.none':
    "归约 'none' 时 F.kl_div 原样返回每个元素 P·log(P/Q)，共 {count} 个：第 {row} 行的元素就是上面的各项，每行的 KL 是它们之和。",
};
