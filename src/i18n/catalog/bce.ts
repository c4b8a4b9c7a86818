// Messages of `xent bce`: its help, options, errors, labels and notes (en, zh).

export const bceEn = {
  // bce errors
  'err.bce.noTargets': 'xent bce needs --targets MATRIX: one label (0 or 1) or probability per logit',
  'err.bce.targetsShape':
    'option --targets is {gotRows}×{gotCols}, but the logits are {rows}×{cols}; give one target per logit',
  'err.bce.targetsRange': 'option --targets: the value {value} at row {row}, column {col} is outside [0, 1]',
  'err.bce.posWeightCount': 'option --pos-weight has {got} values, but there are {cols} columns; give one per column',
  'err.bce.weightShape':
    'option -w, --weight is {gotRows}×{gotCols}; it must be 1×{cols} (per column), {rows}×1 (per row) or {rows}×{cols} (per element)',
  // bce tables
  'bce.title.probs': 'Probability σ(z) of each label',
  'bce.title.probsGiven': 'Probability of each label (given)',
  'bce.title.losses': 'Binary cross-entropy of each element',
  'bce.title.grad': 'Gradient ∂loss/∂logit',
  'bce.title.gradSum': 'Gradient ∂(Σ losses)/∂logit',
  'bce.title.gradProbs': 'Gradient ∂loss/∂p (w.r.t. the given probabilities)',
  'bce.footnote.target': '* marks the labels whose target is > 0.5',
  'bce.note.grad':
    'the gradient is σ(z) − y (times the weights): descent raises the logits of positive labels and lowers the others',
  'bce.note.infProbs':
    'loss = inf in row(s) {rows}: a given probability is 0 where the target is > 0, or 1 where it is < 1, and −log 0 = inf',
  // help: bce
  'help.cmd.bce': 'binary / multi-label cross-entropy with logits, as PyTorch F.binary_cross_entropy_with_logits',
  'help.bce.formula':
    'Each element: l = w·[p_c·y·softplus(−z) + (1 − y)·softplus(z)] = −w·[p_c·y·log σ(z) + (1 − y)·log(1 − σ(z))], computed through softplus, so huge |z| never gives log(0). Reductions: mean over all N·C elements (default), sum, none. --grad: ∂l/∂z = w·[(1 − y)·σ(z) − p_c·y·σ(−z)] (σ(z) − y without pos_weight), ÷ N·C for mean.',
  'help.bce.probs':
    '--probs: the input is probabilities p (F.binary_cross_entropy): l = −w·[p_c·y·log p + (1 − y)·log(1 − p)], gradient w.r.t. p; p = 0 at a positive target gives inf (PyTorch clamps the log at −100).',
  'help.bce.output':
    'Output: tables of σ(z) and of the per-element losses, then the loss and the element accuracy at 0.5. tsv/csv print the per-element loss matrix (with --grad: the gradient matrix); -f value prints the reduced loss (for -r none, the loss matrix).',
  'help.opt.bce.targets': 'targets, same shape as the logits, values in [0, 1]: inline matrix or @FILE',
  'help.opt.bce.posWeight': 'weight of the positive term, one per column (PyTorch pos_weight=)',
  'help.opt.bce.weight':
    'weights broadcast like PyTorch: 1×C (per column, e.g. 1,2,1), N×1 (per row, e.g. "1;2") or N×C',
  'help.opt.bce.probs': 'the input holds probabilities in [0, 1], not logits',
  'teach.bce.title': 'Binary cross-entropy of row {index} of {count}',
  'teach.bce.step.probsGiven': 'The probabilities (given)',
  'teach.bce.probsGiven': 'With --probs each entry already is the probability p that its label is 1.',
  'teach.bce.step.sigmoid': 'The sigmoid of each logit',
  'teach.bce.sigmoid':
    'Each entry is its own yes/no question: σ(z) is the probability that its label is 1 (no softmax: the entries do not compete).',
  'teach.bce.step.loss': 'The loss of each element, then of the row',
  'teach.bce.loss':
    'Only the side the target is on counts: y = 1 costs −log p, y = 0 costs −log(1 − p); a soft target mixes the two.',
  'teach.bce.lossLogits':
    'Only the side the target is on counts: y = 1 costs −log p, y = 0 costs −log(1 − p); a soft target mixes the two. From logits it is computed with softplus(x) = log(1 + exp(x)): −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z), exact even for large |z|.',
  'teach.bce.weights': 'w⁺ⱼ (--pos-weight) weighs the positive term of column j; wⱼ (-w) weighs the whole element.',
  'teach.bce.rowLoss': "The row's loss is the sum of its elements' losses.",
  'teach.bce.step.grad': 'The gradient {formula}',
  'teach.bce.gradPlain':
    "softplus′ = σ, so each element's gradient is its probability minus its target; no other element takes part.",
  'teach.bce.gradWeighted': 'softplus′ = σ, with the weights carried along; without them it is σ(z) − y.',
  'teach.bce.after': "After the step the probabilities are {probs} and the row's loss {move}.",
  'teach.bce.why': 'the number of elements N·C = {rows}·{cols}, each its own binary problem',
  'teach.bce.mean': "The reported loss is the sum of every element's loss divided by {den}: {why}.",
} as const;

export type BceKey = keyof typeof bceEn;

export const bceZh: Record<BceKey, string> = {
  'err.bce.noTargets': 'xent bce 需要 --targets MATRIX：每个 logit 对应一个标签（0 或 1）或概率',
  'err.bce.targetsShape':
    '选项 --targets 的形状是 {gotRows}×{gotCols}，但 logit 是 {rows}×{cols}；每个 logit 需要一个目标',
  'err.bce.targetsRange': '选项 --targets：第 {row} 行第 {col} 列的值 {value} 不在 [0, 1] 内',
  'err.bce.posWeightCount': '选项 --pos-weight 有 {got} 个值，但共有 {cols} 列；每列需要一个',
  'err.bce.weightShape':
    '选项 -w, --weight 的形状是 {gotRows}×{gotCols}；它必须是 1×{cols}（每列）、{rows}×1（每行）或 {rows}×{cols}（每个元素）',
  'bce.title.probs': '每个标签的概率 σ(z)',
  'bce.title.probsGiven': '每个标签的概率（输入给定）',
  'bce.title.losses': '每个元素的二元交叉熵',
  'bce.title.grad': '梯度 ∂L/∂logit',
  'bce.title.gradSum': '梯度 ∂(Σ 损失)/∂logit',
  'bce.title.gradProbs': '梯度 ∂L/∂p（对给定的概率）',
  'bce.footnote.target': '* 标出目标 > 0.5 的标签',
  'bce.note.grad': '梯度为 σ(z) − y（再乘以权重）：梯度下降会提高正标签的 logit，降低其他标签的 logit',
  'bce.note.infProbs': '第 {rows} 行的损失 = inf：某个给定概率在目标 > 0 处为 0，或在目标 < 1 处为 1，而 −log 0 = inf',
  'help.cmd.bce': '带 logit 的二元 / 多标签交叉熵，与 PyTorch 的 F.binary_cross_entropy_with_logits 一致',
  'help.bce.formula':
    '每个元素：l = w·[p_c·y·softplus(−z) + (1 − y)·softplus(z)] = −w·[p_c·y·log σ(z) + (1 − y)·log(1 − σ(z))]，通过 softplus 计算，因此 |z| 很大时也不会出现 log(0)。归约：对全部 N·C 个元素取平均（mean，默认）、sum、none。--grad：∂l/∂z = w·[(1 − y)·σ(z) − p_c·y·σ(−z)]（无 pos_weight 时即 σ(z) − y），mean 时再除以 N·C。',
  'help.bce.probs':
    '--probs：输入是概率 p（即 F.binary_cross_entropy）：l = −w·[p_c·y·log p + (1 − y)·log(1 − p)]，梯度对 p 求；正目标处 p = 0 时损失为 inf（PyTorch 会把 log 截断在 −100）。',
  'help.bce.output':
    '输出：σ(z) 表和每个元素的损失表，下面是损失和以 0.5 为阈值的逐元素准确率。tsv/csv 输出每个元素的损失矩阵（加 --grad 时输出梯度矩阵）；-f value 输出归约后的损失（-r none 时输出损失矩阵）。',
  'help.opt.bce.targets': '目标，形状与 logit 相同，取值在 [0, 1] 内：直接写矩阵，或 @FILE',
  'help.opt.bce.posWeight': '正项的权重，每列一个（即 PyTorch 的 pos_weight=）',
  'help.opt.bce.weight': '权重，按 PyTorch 的方式广播：1×C（每列，如 1,2,1）、N×1（每行，如 "1;2"）或 N×C',
  'help.opt.bce.probs': '输入是 [0, 1] 内的概率，而不是 logit',
  'teach.bce.title': '第 {index} 行（共 {count} 行）的二元交叉熵',
  'teach.bce.step.probsGiven': '概率（已给出）',
  'teach.bce.probsGiven': '使用 --probs 时，每一项本身就是该标签为 1 的概率 p。',
  'teach.bce.step.sigmoid': '每个 logit 的 sigmoid',
  'teach.bce.sigmoid': '每一项都是一个独立的是非问题：σ(z) 是该标签为 1 的概率（没有 softmax：各项之间互不竞争）。',
  'teach.bce.step.loss': '每个元素的损失，再到这一行',
  'teach.bce.loss':
    '只有目标所在的一侧起作用：y = 1 的代价是 −log p，y = 0 的代价是 −log(1 − p)；软目标按比例混合两者。',
  'teach.bce.lossLogits':
    '只有目标所在的一侧起作用：y = 1 的代价是 −log p，y = 0 的代价是 −log(1 − p)；软目标按比例混合两者。从 logit 出发时用 softplus(x) = log(1 + exp(x)) 计算：−log σ(z) = softplus(−z)，−log(1 − σ(z)) = softplus(z)，|z| 很大时也是精确的。',
  'teach.bce.weights': 'w⁺ⱼ（--pos-weight）给第 j 列的正类项加权；wⱼ（-w）给整个元素加权。',
  'teach.bce.rowLoss': '这一行的损失是它各元素损失之和。',
  'teach.bce.step.grad': '梯度 {formula}',
  'teach.bce.gradPlain': 'softplus 的导数是 σ，所以每个元素的梯度就是它的概率减去目标；与其他元素无关。',
  'teach.bce.gradWeighted': 'softplus 的导数是 σ，权重随之保留；没有权重时就是 σ(z) − y。',
  'teach.bce.after': '这一步之后，概率为 {probs}，这一行的损失{move}。',
  'teach.bce.why': '即元素个数 N·C = {rows}·{cols}，每个元素都是一个独立的二分类问题',
  'teach.bce.mean': '报告的损失是所有元素损失之和除以 {den}：{why}。',
};
