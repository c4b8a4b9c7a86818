// Messages of `xent focal`: its help, options, errors, labels, notes and --explain (en, zh).

export const focalEn = {
  // errors
  'err.focal.noTargets':
    'xent focal needs targets: --targets MATRIX (one label in [0, 1] per logit: the sigmoid focal loss) or -y LIST (one class per row: the softmax focal loss)',
  'err.focal.twoTargets':
    'give either --targets (sigmoid focal loss, one label per logit) or -y (softmax focal loss, one class per row), not both',
  'err.focal.gamma':
    'option {option}: γ = {value} is not allowed; γ is a finite number ≥ 0 (0 gives the plain cross-entropy)',
  'err.focal.alphaList':
    'option {option}: the sigmoid focal loss takes one α (the weight of the positives), got {got} values; a list of α per class goes with -y',
  'err.focal.alphaRange':
    'option {option}: α = {value} is outside [0, 1]; the positives get α and the negatives 1 − α (give a negative α, e.g. -1, for no α)',
  'err.focal.alphaCount':
    'option {option} has {got} values, but there are {classes} classes; give one α for every class, or one per class',
  // tables and notes
  'focal.title.losses': 'Focal loss of each element',
  'focal.title.rows': 'Focal loss of each row',
  'focal.label.modulator': '(1 − p)^{gamma}',
  'focal.note.alphaBinary':
    'α = {alpha} on the positives (target 1) and 1 − α = {negative} on the negatives; γ = {gamma}: each element is α_t·ce·(1 − p_t)^γ',
  'focal.note.noAlphaBinary': 'no α (α < 0); γ = {gamma}: each element is ce·(1 − p_t)^γ',
  'focal.note.alphaClass':
    'α of the target class times (1 − p)^γ·(−log p), γ = {gamma}; the mean divides by N whatever α',
  'focal.note.noAlphaClass': 'no α: each row is (1 − p)^γ·(−log p) with γ = {gamma} (γ = 0 is the cross-entropy)',
  'focal.note.torchvisionReduction':
    "torchvision.ops.sigmoid_focal_loss's default reduction is 'none' (-r none here); RetinaNet sums and divides by the number of positive anchors",
  'focal.note.infLogit':
    'loss = inf in row(s) {rows}: a logit is ±inf on the wrong side of its target (σ is 0 or 1 there), and −log 0 = inf',
  // help
  'help.cmd.focal':
    'focal loss (Lin et al.): the sigmoid form of torchvision.ops.sigmoid_focal_loss (--targets), or the softmax form (-y)',
  'help.focal.sigmoid':
    "Sigmoid form (--targets, as torchvision.ops.sigmoid_focal_loss): each element l = α_t·ce·(1 − p_t)^γ, with p = σ(z), ce = the BCE with logits, p_t = p·t + (1 − p)·(1 − t), α_t = α·t + (1 − α)·(1 − t) (α = 0.25 by default; a negative α, e.g. --alpha -1, gives α_t = 1), γ = 2 by default. 1 − p_t is computed as p·(1 − t) + σ(−z)·t, ce through softplus. mean divides by all N·C elements (torchvision's default is none). --grad: ∂l/∂z = α_t·[(p − t)·(1 − p_t)^γ + γ·ce·(1 − p_t)^(γ−1)·p·(1 − p)·(1 − 2t)].",
  'help.focal.softmax':
    'Softmax form (-y, one class per row): l = −α_y·(1 − p_y)^γ·log p_y with p = softmax(z); --alpha is one number for every class or one per class (default: none, α = 1); γ = 0 without α is F.cross_entropy. mean divides by N. --grad: ∂l/∂z_k = α_y·(p_k − [k = y])·[(1 − p_y)^γ − γ·p_y·(1 − p_y)^(γ−1)·log p_y]. --probs: the rows are probabilities already.',
  'help.focal.output':
    'Output: sigmoid form: tables of σ(z) and of the per-element losses; softmax form: each row\'s target, arg-max, p(target), (1 − p)^γ and loss. Then the loss and the accuracy. tsv/csv print the per-element loss matrix (softmax form: "target p_target loss correct" per row; with --grad: the gradient); -f value prints the reduced loss (for -r none, the losses), streaming the rows (a large input is never held whole; the --targets matrix is); -f json prints form, alpha, gamma, probs, losses, loss, accuracy and grad.',
  'help.opt.focal.targets': 'sigmoid form: targets in [0, 1], same shape as the logits: inline matrix or @FILE',
  'help.opt.focal.target': 'softmax form: the target class of each row, 0-based (or diag)',
  'help.opt.focal.alpha':
    "α: sigmoid form, the positives' weight in [0, 1] (default 0.25; negative: none); softmax form, one for every class or one per class (default: none)",
  'help.opt.focal.gamma': 'the focusing exponent γ ≥ 0 of (1 − p_t)^γ (default 2)',
  'help.opt.focal.reduction': "mean (default), sum or none (torchvision's default is none)",
  'help.opt.focal.probs': 'the input holds probabilities (σ(z) per element, or softmax rows), not logits',
  // --explain
  'teach.focal.title': 'Focal loss, worked through: row {index} of {count}',
  'teach.focal.step.elements': 'Each element of the row',
  'teach.focal.step.probs': 'The probabilities',
  'teach.focal.step.row': "The row's loss",
  'teach.focal.step.reduce': 'The reduction',
  'teach.focal.sigmoidFormula': 'l = α_t · ce · (1 − p_t)^γ,  1 − p_t = p·(1 − t) + (1 − p)·t',
  'teach.focal.softmaxFormula': 'l = α_y · (1 − p_y)^γ · (−log p_y)',
  'teach.focal.noAlpha': 'α is disabled (negative): α_t = 1.',
  'teach.focal.element': 'Element {index}, target t = {target}:',
  'teach.focal.alphaClass': 'α_y is the α of the target class.',
  'teach.focal.noAlphaClass': 'No α was given: α_y = 1.',
  'teach.focal.mean': 'mean: the sum of the losses divided by their number.',
  'teach.focal.sum': 'sum: the losses added up.',
  'teach.focal.none': 'none: each loss is reported as it is.',
} as const;

export type FocalKey = keyof typeof focalEn;

export const focalZh: Record<FocalKey, string> = {
  'err.focal.noTargets':
    'xent focal 需要目标：--targets MATRIX（每个 logit 一个 [0, 1] 内的标签：sigmoid 焦点损失）或 -y LIST（每行一个类别：softmax 焦点损失）',
  'err.focal.twoTargets':
    '请只给出 --targets（sigmoid 焦点损失，每个 logit 一个标签）或 -y（softmax 焦点损失，每行一个类别）中的一个，不要同时给出',
  'err.focal.gamma': '选项 {option}：γ = {value} 不合法；γ 必须是 ≥ 0 的有限数（0 即普通交叉熵）',
  'err.focal.alphaList':
    '选项 {option}：sigmoid 焦点损失只接受一个 α（正样本的权重），却给了 {got} 个值；每个类别一个 α 的列表要与 -y 一起用',
  'err.focal.alphaRange':
    '选项 {option}：α = {value} 不在 [0, 1] 内；正样本的权重是 α，负样本是 1 − α（不要 α 时请给负数，如 -1）',
  'err.focal.alphaCount':
    '选项 {option} 有 {got} 个值，但共有 {classes} 个类别；请给出一个 α（所有类别共用），或每个类别一个',
  'focal.title.losses': '每个元素的焦点损失',
  'focal.title.rows': '每一行的焦点损失',
  'focal.label.modulator': '(1 − p)^{gamma}',
  'focal.note.alphaBinary':
    '正样本（目标 1）的权重 α = {alpha}，负样本为 1 − α = {negative}；γ = {gamma}：每个元素为 α_t·ce·(1 − p_t)^γ',
  'focal.note.noAlphaBinary': '不使用 α（α < 0）；γ = {gamma}：每个元素为 ce·(1 − p_t)^γ',
  'focal.note.alphaClass': '目标类别的 α 乘以 (1 − p)^γ·(−log p)，γ = {gamma}；取平均时无论 α 为何都除以 N',
  'focal.note.noAlphaClass': '不使用 α：每行为 (1 − p)^γ·(−log p)，γ = {gamma}（γ = 0 即交叉熵）',
  'focal.note.torchvisionReduction':
    'torchvision.ops.sigmoid_focal_loss 的默认归约是 none（这里用 -r none）；RetinaNet 先求和，再除以正样本锚框的个数',
  'focal.note.infLogit':
    '第 {rows} 行的损失 = inf：某个 logit 为 ±inf 且落在目标的反面（那里 σ 为 0 或 1），而 −log 0 = inf',
  'help.cmd.focal':
    '焦点损失（Lin 等）：torchvision.ops.sigmoid_focal_loss 的 sigmoid 形式（--targets），或 softmax 形式（-y）',
  'help.focal.sigmoid':
    'sigmoid 形式（--targets，与 torchvision.ops.sigmoid_focal_loss 一致）：每个元素 l = α_t·ce·(1 − p_t)^γ，其中 p = σ(z)，ce 是带 logit 的 BCE，p_t = p·t + (1 − p)·(1 − t)，α_t = α·t + (1 − α)·(1 − t)（默认 α = 0.25；给负的 α，如 --alpha -1，则 α_t = 1），默认 γ = 2。1 − p_t 按 p·(1 − t) + σ(−z)·t 计算，ce 通过 softplus 计算。mean 除以全部 N·C 个元素（torchvision 的默认是 none）。--grad：∂l/∂z = α_t·[(p − t)·(1 − p_t)^γ + γ·ce·(1 − p_t)^(γ−1)·p·(1 − p)·(1 − 2t)]。',
  'help.focal.softmax':
    'softmax 形式（-y，每行一个类别）：l = −α_y·(1 − p_y)^γ·log p_y，p = softmax(z)；--alpha 是所有类别共用的一个数，或每个类别一个（默认不用，α = 1）；γ = 0 且不用 α 时即 F.cross_entropy。mean 除以 N。--grad：∂l/∂z_k = α_y·(p_k − [k = y])·[(1 − p_y)^γ − γ·p_y·(1 − p_y)^(γ−1)·log p_y]。--probs：各行已经是概率。',
  'help.focal.output':
    '输出：sigmoid 形式为 σ(z) 表和每个元素的损失表；softmax 形式为每行的目标、预测类别、p(目标)、(1 − p)^γ 和损失。下面是损失和准确率。tsv/csv 输出每个元素的损失矩阵（softmax 形式每行输出“target p_target loss correct”；加 --grad 时输出梯度）；-f value 输出归约后的损失（-r none 时输出各损失），并逐行流式读取（大输入不会整个放进内存；--targets 矩阵会）；-f json 输出 form、alpha、gamma、probs、losses、loss、accuracy 和 grad。',
  'help.opt.focal.targets': 'sigmoid 形式：[0, 1] 内的目标，形状与 logit 相同：直接写矩阵，或 @FILE',
  'help.opt.focal.target': 'softmax 形式：每行的目标类别，从 0 开始（或 diag）',
  'help.opt.focal.alpha':
    'α：sigmoid 形式为正样本的权重，在 [0, 1] 内（默认 0.25；负数表示不用）；softmax 形式为所有类别共用一个或每个类别一个（默认不用）',
  'help.opt.focal.gamma': '(1 − p_t)^γ 中的聚焦指数 γ ≥ 0（默认 2）',
  'help.opt.focal.reduction': 'mean（默认）、sum 或 none（torchvision 的默认是 none）',
  'help.opt.focal.probs': '输入是概率（每个元素的 σ(z)，或 softmax 后的行），而不是 logit',
  'teach.focal.title': '焦点损失的逐步计算：第 {index} 行（共 {count} 行）',
  'teach.focal.step.elements': '这一行的每个元素',
  'teach.focal.step.probs': '概率',
  'teach.focal.step.row': '这一行的损失',
  'teach.focal.step.reduce': '归约',
  'teach.focal.sigmoidFormula': 'l = α_t · ce · (1 − p_t)^γ,  1 − p_t = p·(1 − t) + (1 − p)·t',
  'teach.focal.softmaxFormula': 'l = α_y · (1 − p_y)^γ · (−log p_y)',
  'teach.focal.noAlpha': 'α 已停用（为负数）：α_t = 1。',
  'teach.focal.element': '第 {index} 个元素，目标 t = {target}：',
  'teach.focal.alphaClass': 'α_y 是目标类别的 α。',
  'teach.focal.noAlphaClass': '没有给出 α：α_y = 1。',
  'teach.focal.mean': '平均（mean）：各损失之和除以损失的个数。',
  'teach.focal.sum': '求和（sum）：各损失相加。',
  'teach.focal.none': '不归约（none）：每个损失原样给出。',
};
