// Messages of `xent ce`: its help, options, errors, labels and notes (en, zh).

export const ceEn = {
  // target errors
  'err.ce.noTarget':
    'xent ce needs targets: -y LIST (one class per row), -y diag (row i is class i) or --target-probs MATRIX',
  'err.ce.twoTargets': 'the targets were given twice: use -y or --target-probs, not both',
  'err.ce.targetCount':
    'option {option} gives {got} target(s), but the logits have {rows} row(s); give one target per row',
  'err.ce.targetRange':
    'the target {value} of row {row} is out of range: with {classes} classes a target is a whole number from {min} to {max}',
  'err.ce.targetInteger': "the target '{value}' of row {row} is not a whole number; a target is a class index",
  'err.ce.diag': '-y diag makes class i the target of row i, but there are {rows} rows and only {classes} classes',
  'err.ce.targetProbsShape':
    'option --target-probs is {gotRows}×{gotCols}, but the logits are {rows}×{cols}; give one distribution per row',
  'err.ce.targetProbsBad':
    'option --target-probs has the entry {value} at row {row}, column {col}; a target distribution has finite entries ≥ 0',
  'err.ce.weightCount': 'option {option} has {got} weights, but there are {classes} classes; give one weight per class',
  'err.ce.weightBad':
    'option {option}: the weight {value} at position {index} is not allowed; weights are finite numbers ≥ 0',
  'err.ce.smoothing': "the label smoothing ε must be a number from 0 to 1, got '{value}' (option --label-smoothing)",
  'err.ce.ignoreInteger': "option --ignore-index takes a whole number, got '{value}'",
  'err.ce.ignoreSoft': 'option --ignore-index applies to class targets (-y), not to --target-probs',
  'err.ce.targetOverflow':
    'the weighted target at row {row}, class {col} (class weight × target probability) is beyond the largest double (about 1.8e308); use smaller weights or targets',
  'err.ce.meanUndefined':
    "reduction 'mean' is 0/0 here: every row's target is ignored (--ignore-index) or has class weight 0, so there is nothing to average; use -r sum or -r none",
  'err.ce.probsRange':
    '--probs: the value {value} at row {row}, column {col} of {source} is not a probability (allowed: 0 to 1)',
  'err.ce.probsTemperature': 'option -t, --temperature divides logits; it cannot be used with --probs',
  'warn.ce.probsSum': 'row {row} of the probabilities sums to {sum}, not 1 (--probs expects one distribution per row)',
  'warn.ce.targetSum': 'row {row} of --target-probs sums to {sum}, not 1; the loss uses it as given',
  // ce tables and summary
  'ce.title.rows': 'Cross-entropy of each row',
  'ce.title.grad': 'Gradient ∂loss/∂logit',
  'ce.title.gradSum': 'Gradient ∂(Σ losses)/∂logit',
  'ce.title.gradProbs': 'Gradient ∂loss/∂p (w.r.t. the given probabilities)',
  'ce.label.target': 'target',
  'ce.label.predicted': 'arg-max',
  'ce.label.pTarget': 'p(target)',
  'ce.label.loss': 'loss',
  'ce.label.correct': 'correct',
  'ce.label.ignored': 'ignored',
  'ce.summary.loss': 'loss ({reduction})',
  'reduction.mean': 'mean',
  'reduction.sum': 'sum',
  'reduction.batchmean': 'batchmean',
  'ce.summary.meanLoss': 'mean loss',
  'ce.summary.accuracy': 'accuracy (arg-max = target)',
  'ce.summary.perplexity': 'perplexity exp(mean loss)',
  'ce.summary.elementAccuracy': 'accuracy (σ(z) > 0.5 ⇔ target > 0.5)',
  'ce.summary.elementAccuracyProbs': 'accuracy (p > 0.5 ⇔ target > 0.5)',
  'ce.note.grad': "the gradient is p − y: descent raises the target's logit and lowers the others",
  'ce.note.gradProbs':
    'with --probs the gradient is with respect to the given probabilities: −a/p at each class the target weighs (a = its weighted target), 0 elsewhere',
  'ce.note.gradTemperature': 'the gradient is with respect to the logits as given, so it includes the factor 1/T',
  'ce.note.ignored': '{count} row(s) ignored (target {index}): loss 0, left out of the mean and of the accuracy',
  'ce.note.soft': 'soft targets: the target column shows the most probable class of each target distribution',
  'ce.note.smoothing': 'label smoothing ε = {eps}: the target is (1 − ε)·y + ε/{classes}',
  'ce.note.infLogits':
    'loss = inf in row(s) {rows}: a class the target puts weight on has probability 0 (its logit is −inf, or so far below the largest that exp underflows to 0 in float64), and −log 0 = inf',
  'ce.note.infProbs':
    'loss = inf in row(s) {rows}: a class the target puts weight on has probability 0 in the input, and −log 0 = inf',
  'note.infOverflow':
    'loss = inf in row(s) {rows}: the weighted loss is larger than the largest float64 number (about 1.8e308)',
  'ce.note.perplexityInf':
    'perplexity = inf: exp of the mean loss {loss} (nats) is larger than the largest float64 number; only a mean loss below about 709.78 nats has a finite perplexity',
  'ce.footnote.correct': '✓: the most probable class is the target (a tie counts as ✗)',
  // help: ce
  'help.cmd.ce': 'cross-entropy of each row of logits against its target, as PyTorch F.cross_entropy; with gradients',
  'help.ce.formula':
    'Loss of row n: l_n = −Σ_c a_c·log p_c with p = softmax(z/T) and a the weighted target: class y, weights w, smoothing ε: a = (1 − ε)·w_y·onehot(y) + ε/C·w; soft targets q: a_c = w_c·((1 − ε)·q_c + ε/C). An ignored row (target = --ignore-index, default −100 as in PyTorch) has loss 0.',
  'help.ce.reduction':
    "Reductions (PyTorch's): sum = Σ l_n; mean = Σ l_n / Σ w_(y_n) over the rows not ignored (with weights this is not N); with --target-probs mean divides by N. A mean with every target ignored is 0/0 and is an error (PyTorch gives NaN).",
  'help.ce.grad':
    '--grad: ∂loss/∂z = (Σ_c a_c·p − a) / denominator / T, row by row (p − y without weights or smoothing); for -r none, the gradient of the sum. With --probs the loss is −Σ a·log p and the gradient is w.r.t. p: −a/p (−inf where p = 0 at a target).',
  'help.ce.output':
    'Output: the table shows each row\'s target, arg-max, p(target), loss and ✓/✗, then the loss, accuracy and perplexity exp(mean loss). tsv/csv print one line per row "target p_target loss correct" (correct 1/0; nan for an ignored row) under a header, ready for awk or a spreadsheet; with --grad they print the gradient matrix instead. -f value prints the reduced loss (for -r none, one loss per line), streaming the rows: a file of 8 MB or more given with -i is read by two threads (the same digits as from a pipe). With -r none, tsv, csv and value write each row\'s line as it is computed, without holding the matrix; -f json prints everything (with -r none, class targets and no -g, --hessian, smoothing or sample weights, from two readings of the input instead of the matrix held).',
  'help.opt.ce.target':
    'target class of each row: LIST of 0-based indices (e.g. 0,2,1, or @FILE with one per line), or diag (row i → class i)',
  'help.opt.ce.oneBased': 'targets are numbered from 1 (textbook style) instead of 0',
  'help.opt.ce.targetProbs': 'a target distribution per row (one-hot or soft): inline matrix or @FILE',
  'help.opt.ce.probs': 'the input rows are probabilities already (loss −log p); values must lie in [0, 1]',
  'help.opt.ce.weight': 'class weights, one per class (PyTorch weight=): LIST or @FILE',
  'help.opt.ce.ignoreIndex': 'rows with this target are ignored (default −100, as in PyTorch)',
  'help.opt.ce.labelSmoothing': 'label smoothing ε, 0 ≤ ε ≤ 1: target (1 − ε)·y + ε/C',
  'help.opt.ce.reduction': 'mean (default), sum or none',
  'help.opt.ce.temperature': 'divide the logits by T > 0 before the softmax (default 1)',
  'help.opt.ce.grad': 'also show the gradient of the loss w.r.t. each input value',
  // ce: entropy and divergence of the target
  'ce.label.entropy': 'H(q)',
  'ce.label.kl': 'KL(q‖p)',
  'ce.note.entropyIndex':
    "class targets are one-hot: H(q) = 0, so each row's cross-entropy −log p(target) is all divergence, KL(q‖p) = H(q, p)",
  'ce.note.entropySoft':
    "each row's cross-entropy H(q, p) = H(q) + KL(q‖p): the entropy of the target q, which no prediction removes, plus the divergence of p from it",
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
  // cross-entropy
  'teach.ce.title': 'Cross-entropy of row {index} of {count}',
  'teach.ce.ignoredHeading': 'An ignored row',
  'teach.ce.ignored':
    'This row has the ignored target (--ignore-index): its loss is 0 and it does not count in the mean.',
  'teach.ce.step.probsGiven': 'The probabilities (given)',
  'teach.ce.probsGiven': 'With --probs the row already holds probabilities, so there is no softmax.',
  'teach.ce.step.softmax': 'Softmax: the probability of the target class {target}',
  'teach.ce.allProbs': 'All the probabilities of this row: p = {probs}.',
  'teach.ce.step.loss': 'The loss',
  'teach.ce.smoothing':
    'Label smoothing ε = {eps} moves ε of the target to all {classes} classes evenly: the target q is no longer one-hot.',
  'teach.ce.lossMeaning': 'The surer the model is of the right class, the smaller the loss: p = 1 would give 0.',
  'teach.ce.weightedTerms': 'Each term carries its class weight: a_c = w_c·q_c.',
  'teach.ce.step.chain': 'Where the gradient comes from: the chain rule through the softmax',
  'teach.ce.chain.parts':
    "The loss −Σ a_c log p_c reaches the logits only through the probabilities: the log gives −a_c / p_c, and the softmax's Jacobian says how each p_c moves with zⱼ (δ_cj is 1 when c = j, else 0).",
  'teach.ce.chain.cancel':
    'The p_c of the Jacobian cancels the 1 / p_c of the log: the gradient needs no division by p, and stays exact where p is tiny.',
  'teach.ce.chain.oneTerm': 'Only the target has a_c ≠ 0, so each entry is one term, the Jacobian entry of {target}:',
  'teach.ce.chain.jacobian':
    "Every class has a_c ≠ 0 here, so each entry adds up a term per class; this row's Jacobian, ∂p_c/∂zⱼ for each c:",
  'teach.ce.step.grad': 'The gradient {formula}',
  'teach.ce.gradOnehot': 'y is the one-hot target: 1 at the target class, 0 elsewhere.',
  'teach.ce.gradGeneral':
    'a is the weighted target (class weights, label smoothing or a soft target folded in); with a one-hot target it is p − y.',
  'teach.ce.gradProbs': 'With --probs the gradient is taken with respect to the given probabilities.',
  'teach.ce.gradUnit': 'In {unit} the gradient is the one in nats divided by ln {base}, like the loss.',
  'teach.ce.step.descent': 'One step of gradient descent on this row',
  'teach.ce.after': 'After the step the target gets p = {p} (before {before}) and the loss {move}.',
  'teach.ce.why.counted': 'the {count} rows counted; an ignored row ({ignored} here) adds 0 and is not counted',
  'teach.ce.why.weights': "Σ w_y, the weights of the rows' target classes (a weighted mean)",
  'teach.ce.why.weightsCounted':
    'Σ w_y over the rows not ignored, the weights of their target classes (a weighted mean)',
  'teach.ce.why.soft': 'the number of rows (with soft targets the class weights do not change it)',
  'teach.ce.why.sampleWeight':
    "the {count} rows counted, as Keras's sum_over_batch_size divides: each row's loss already carries its sample weight, and the mean is not divided by their sum Σ sₙ = {total}",
  'teach.ce.smoothingOthers':
    'Label smoothing ε = {eps} in the ε/(C − 1) style: the target keeps 1 − ε = {target} and each of the {others} other classes gets ε/{others} = {each} (PyTorch would give every class ε/C).',
  'teach.ce.smoothingOthersSoft':
    'Label smoothing ε = {eps} in the ε/(C − 1) style: each class keeps (1 − ε) of its target and gets ε/{others} of the target the other {others} classes have (PyTorch would give every class ε/C).',
  'teach.ce.sampleWeight':
    "Row {row}'s sample weight s = {s} (Keras's sample_weight) multiplies its loss: the loss reported for the row is s times the cross-entropy.",
  'teach.ce.gradSample': 'a carries the sample weight s = {s} too: row {row}’s gradient is s times the unweighted one.',
} as const;

export type CeKey = keyof typeof ceEn;

export const ceZh: Record<CeKey, string> = {
  'err.ce.noTarget':
    'xent ce 需要目标：-y LIST（每行一个类别）、-y diag（第 i 行的目标是类别 i）或 --target-probs MATRIX',
  'err.ce.twoTargets': '目标给了两次：请只用 -y 或 --target-probs 其中之一',
  'err.ce.targetCount': '选项 {option} 给出了 {got} 个目标，但 logit 有 {rows} 行；每行需要一个目标',
  'err.ce.targetRange': '第 {row} 行的目标 {value} 超出范围：共有 {classes} 个类别，目标应是 {min} 到 {max} 之间的整数',
  'err.ce.targetInteger': '第 {row} 行的目标“{value}”不是整数；目标是类别的编号',
  'err.ce.diag': '-y diag 让第 i 行的目标为类别 i，但共有 {rows} 行，却只有 {classes} 个类别',
  'err.ce.targetProbsShape':
    '选项 --target-probs 的形状是 {gotRows}×{gotCols}，但 logit 是 {rows}×{cols}；每行需要一个目标分布',
  'err.ce.targetProbsBad':
    '选项 --target-probs 第 {row} 行第 {col} 列的 {value} 不合法；目标分布的各项必须是 ≥ 0 的有限数',
  'err.ce.weightCount': '选项 {option} 有 {got} 个权重，但共有 {classes} 个类别；每个类别需要一个权重',
  'err.ce.weightBad': '选项 {option}：第 {index} 个权重 {value} 不合法；权重必须是 ≥ 0 的有限数',
  'err.ce.smoothing': '标签平滑系数 ε 必须是 0 到 1 之间的数，收到的是“{value}”（选项 --label-smoothing）',
  'err.ce.ignoreInteger': '选项 --ignore-index 需要一个整数，收到的是“{value}”',
  'err.ce.ignoreSoft': '选项 --ignore-index 只适用于类别目标（-y），不适用于 --target-probs',
  'err.ce.targetOverflow':
    '第 {row} 行类别 {col} 的加权目标（类别权重 × 目标概率）超出了双精度浮点数的最大值（约 1.8e308）；请使用更小的权重或目标',
  'err.ce.meanUndefined':
    '这里 mean 归约是 0/0：每一行的目标都被忽略（--ignore-index）或类别权重为 0，没有可以平均的东西；请改用 -r sum 或 -r none',
  'err.ce.probsRange': '--probs：{source}第 {row} 行第 {col} 列的值 {value} 不是概率（允许 0 到 1）',
  'err.ce.probsTemperature': '选项 -t, --temperature 把 logit 除以温度，不能与 --probs 一起使用',
  'warn.ce.probsSum': '概率矩阵第 {row} 行之和为 {sum}，不是 1（--probs 要求每行是一个概率分布）',
  'warn.ce.targetSum': '--target-probs 第 {row} 行之和为 {sum}，不是 1；损失按给定的值计算',
  'ce.title.rows': '每一行的交叉熵',
  'ce.title.grad': '梯度 ∂L/∂logit',
  'ce.title.gradSum': '梯度 ∂(Σ 损失)/∂logit',
  'ce.title.gradProbs': '梯度 ∂L/∂p（对给定的概率）',
  'ce.label.target': '目标',
  'ce.label.predicted': '预测类别',
  'ce.label.pTarget': 'p(目标)',
  'ce.label.loss': '损失',
  'ce.label.correct': '正确',
  'ce.label.ignored': '已忽略',
  'ce.summary.loss': '损失（{reduction}）',
  'reduction.mean': '平均',
  'reduction.sum': '求和',
  'reduction.batchmean': '按样本平均',
  'ce.summary.meanLoss': '平均损失',
  'ce.summary.accuracy': '准确率（预测类别 = 目标）',
  'ce.summary.perplexity': '困惑度 exp(平均损失)',
  'ce.summary.elementAccuracy': '准确率（σ(z) > 0.5 ⇔ 目标 > 0.5）',
  'ce.summary.elementAccuracyProbs': '准确率（p > 0.5 ⇔ 目标 > 0.5）',
  'ce.note.grad': '梯度为 p − y：梯度下降会提高目标类别的 logit，降低其他类别的 logit',
  'ce.note.gradProbs': '使用 --probs 时，梯度是对给定概率求的：目标有权重的类别为 −a/p（a 为加权后的目标），其余为 0',
  'ce.note.gradTemperature': '梯度是对原始 logit 求的，因此包含因子 1/T',
  'ce.note.ignored': '忽略了 {count} 行（目标为 {index}）：损失为 0，不计入平均值和准确率',
  'ce.note.soft': '软目标：目标一列显示每个目标分布中概率最大的类别',
  'ce.note.smoothing': '标签平滑 ε = {eps}：目标为 (1 − ε)·y + ε/{classes}',
  'ce.note.infLogits':
    '第 {rows} 行的损失 = inf：目标有权重的某个类别概率为 0（其 logit 为 −inf，或比最大的 logit 小得太多，exp 在 float64 中下溢为 0），而 −log 0 = inf',
  'ce.note.infProbs': '第 {rows} 行的损失 = inf：输入中目标有权重的某个类别概率为 0，而 −log 0 = inf',
  'note.infOverflow': '第 {rows} 行的损失 = inf：加权后的损失超过了 float64 能表示的最大数（约 1.8e308）',
  'ce.note.perplexityInf':
    '困惑度 = inf：平均损失 {loss}（奈特）的指数超过了 float64 能表示的最大数；只有平均损失低于约 709.78 奈特时困惑度才是有限数',
  'ce.footnote.correct': '✓：概率最大的类别就是目标（并列算作 ✗）',
  'help.cmd.ce': '计算每行 logit 相对其目标的交叉熵，与 PyTorch 的 F.cross_entropy 一致；可输出梯度',
  'help.ce.formula':
    '第 n 行的损失：l_n = −Σ_c a_c·log p_c，其中 p = softmax(z/T)，a 为加权后的目标：类别 y、权重 w、平滑系数 ε 时 a = (1 − ε)·w_y·onehot(y) + ε/C·w；软目标 q 时 a_c = w_c·((1 − ε)·q_c + ε/C)。被忽略的行（目标等于 --ignore-index，默认与 PyTorch 相同为 −100）损失为 0。',
  'help.ce.reduction':
    '归约方式（与 PyTorch 相同）：sum = Σ l_n；mean = Σ l_n / 未被忽略各行的 Σ w_(y_n)（有权重时不是除以 N）；使用 --target-probs 时 mean 除以 N。所有目标都被忽略时 mean 是 0/0，会报错（PyTorch 给出 NaN）。',
  'help.ce.grad':
    '--grad：∂loss/∂z = (Σ_c a_c·p − a) / 分母 / T，逐行计算（无权重、无平滑时即 p − y）；-r none 时给出总和的梯度。使用 --probs 时损失为 −Σ a·log p，梯度对 p 求：−a/p（目标处 p = 0 时为 −inf）。',
  'help.ce.output':
    '输出：表格列出每行的目标、预测类别、p(目标)、损失和 ✓/✗，下面是损失、准确率和困惑度 exp(平均损失)。tsv/csv 在表头下每行输出“target p_target loss correct”（correct 为 1/0；被忽略的行为 nan），便于 awk 或电子表格处理；加 --grad 时改为输出梯度矩阵。-f value 输出归约后的损失（-r none 时每行一个损失），按行流式读取：用 -i 给出 8 MB 以上的文件时由两个线程读取（数字与管道输入完全相同）。-r none 时 tsv、csv 和 value 每算完一行就写出一行，不保存整个矩阵；-f json 输出全部结果（-r none、类别目标且不带 -g、--hessian、平滑或样本权重时，把输入读两遍，而不保存整个矩阵）。',
  'help.opt.ce.target':
    '每行的目标类别：从 0 开始的编号列表（如 0,2,1，或每行一个编号的 @FILE），或 diag（第 i 行 → 类别 i）',
  'help.opt.ce.oneBased': '目标从 1 开始编号（教科书写法），而不是从 0 开始',
  'help.opt.ce.targetProbs': '每行一个目标分布（独热或软目标）：直接写矩阵，或 @FILE',
  'help.opt.ce.probs': '输入的每行已经是概率（损失为 −log p）；值必须在 [0, 1] 内',
  'help.opt.ce.weight': '类别权重，每个类别一个（即 PyTorch 的 weight=）：列表或 @FILE',
  'help.opt.ce.ignoreIndex': '目标等于此值的行被忽略（默认与 PyTorch 相同为 −100）',
  'help.opt.ce.labelSmoothing': '标签平滑系数 ε，0 ≤ ε ≤ 1：目标变为 (1 − ε)·y + ε/C',
  'help.opt.ce.reduction': 'mean（默认）、sum 或 none',
  'help.opt.ce.temperature': '做 softmax 之前把 logit 除以 T > 0（默认 1）',
  'help.opt.ce.grad': '同时给出损失对每个输入值的梯度',
  'ce.label.entropy': 'H(q)',
  'ce.label.kl': 'KL(q‖p)',
  'ce.note.entropyIndex': '类别目标是独热的：H(q) = 0，所以每行的交叉熵 −log p(目标) 完全是 KL 散度，KL(q‖p) = H(q, p)',
  'ce.note.entropySoft':
    '每行的交叉熵 H(q, p) = H(q) + KL(q‖p)：目标 q 自身的熵（任何预测都无法消除）加上 p 偏离它的散度',
  'ce.note.entropyWeighted':
    '有类别权重时，损失不是 H(q, p)：H(q) 和 KL(q‖p) 是未加权目标的值，两者之和不等于加权后的损失',
  'ce.summary.perplexityBase': '困惑度 {base}^(平均损失)',
  'help.ce.info':
    '单位与分解：--base 2 让损失和梯度以比特计（以奈特计的值 ÷ ln 2），--base 10 以哈特莱计；困惑度 exp(以奈特计的平均损失) 在任何单位下都是同一个数。使用 --target-probs 或 --label-smoothing 时，每行还给出目标的熵 H(q) 和散度 KL(q‖p)（JSON 中为 entropy 和 kl，每行一个），H(q) + KL(q‖p) 等于未加权的损失；类别目标时 H(q) = 0，KL(q‖p) 就是损失。--top-k 1,5：目标位于概率最大的 k 个类别之中的行所占比例（并列算作不命中；JSON 中为 topk）；k 不能超过类别数。',
  'help.opt.ce.topK':
    '对 LIST 中的每个 k 给出 top-k 准确率（如 1,5）：目标位于概率最大的 k 个类别之中的行所占比例（默认 1）',
  'err.ce.topK': '选项 --top-k 需要 ≥ 1 的整数，收到的是“{value}”',
  'err.ce.topKClasses': '选项 --top-k：top-{k} 准确率至少需要 {k} 个类别，但只有 {classes} 个（每一行都会算作命中）',
  'ce.summary.topK': 'top-{k} 准确率（目标位于概率最大的 {k} 个类别之中）',
  'teach.ce.title': '第 {index} 行（共 {count} 行）的交叉熵',
  'teach.ce.ignoredHeading': '被忽略的行',
  'teach.ce.ignored': '这一行的目标是被忽略的类别（--ignore-index）：损失为 0，也不计入平均。',
  'teach.ce.step.probsGiven': '概率（已给出）',
  'teach.ce.probsGiven': '使用 --probs 时这一行本身就是概率，不需要 softmax。',
  'teach.ce.step.softmax': 'Softmax：目标类别 {target} 的概率',
  'teach.ce.allProbs': '这一行的全部概率：p = {probs}。',
  'teach.ce.step.loss': '损失',
  'teach.ce.smoothing': '标签平滑 ε = {eps} 把目标的 ε 平均分给全部 {classes} 个类别：目标 q 不再是独热的。',
  'teach.ce.lossMeaning': '模型对正确类别越有把握，损失越小：p = 1 时损失为 0。',
  'teach.ce.weightedTerms': '每一项都带上所属类别的权重：a_c = w_c·q_c。',
  'teach.ce.step.chain': '梯度从何而来：经过 softmax 的链式法则',
  'teach.ce.chain.parts':
    '损失 −Σ a_c log p_c 只通过概率依赖 logit：对数给出 −a_c / p_c，softmax 的雅可比矩阵说明每个 p_c 如何随 zⱼ 变化（c = j 时 δ_cj 为 1，否则为 0）。',
  'teach.ce.chain.cancel': '雅可比矩阵中的 p_c 与对数求导得到的 1 / p_c 相消：梯度无需除以 p，p 很小时也是精确的。',
  'teach.ce.chain.oneTerm': '只有目标类别的 a_c ≠ 0，所以每一项只有一个乘积，用的是 {target} 那一行的雅可比矩阵元素：',
  'teach.ce.chain.jacobian':
    '这里每个类别都有 a_c ≠ 0，所以每一项要对所有类别求和；这一行的雅可比矩阵（每个 c 的 ∂p_c/∂zⱼ）：',
  'teach.ce.step.grad': '梯度 {formula}',
  'teach.ce.gradOnehot': 'y 是独热目标：目标类别为 1，其余为 0。',
  'teach.ce.gradGeneral': 'a 是加权后的目标（已计入类别权重、标签平滑或软目标）；独热目标时即 p − y。',
  'teach.ce.gradProbs': '使用 --probs 时，梯度是对给出的概率求的。',
  'teach.ce.gradUnit': '以{unit}为单位时，梯度与损失一样，是以奈特计的值除以 ln {base}。',
  'teach.ce.step.descent': '对这一行做一步梯度下降',
  'teach.ce.after': '这一步之后，目标的概率为 p = {p}（之前为 {before}），损失{move}。',
  'teach.ce.why.counted': '即计入的 {count} 行；被忽略的行（这里有 {ignored} 行）损失为 0，也不计数',
  'teach.ce.why.weights': '即 Σ w_y，各行目标类别的权重之和（加权平均）',
  'teach.ce.why.weightsCounted': '即未被忽略的各行目标类别的权重之和 Σ w_y（加权平均）',
  'teach.ce.why.soft': '即行数（使用软目标时类别权重不改变它）',
  'teach.ce.why.sampleWeight':
    '即计入的 {count} 行，与 Keras 的 sum_over_batch_size 一样：各行的损失已乘上其样本权重，均值并不除以权重之和 Σ sₙ = {total}',
  'teach.ce.smoothingOthers':
    '标签平滑 ε = {eps}，ε/(C − 1) 方式：目标类保留 1 − ε = {target}，其余 {others} 个类别各得 ε/{others} = {each}（PyTorch 则给每个类别 ε/C）。',
  'teach.ce.smoothingOthersSoft':
    '标签平滑 ε = {eps}，ε/(C − 1) 方式：每个类别保留其目标的 (1 − ε)，并得到其余 {others} 个类别目标之和的 ε/{others}（PyTorch 则给每个类别 ε/C）。',
  'teach.ce.sampleWeight':
    '第 {row} 行的样本权重 s = {s}（Keras 的 sample_weight）乘在它的损失上：这一行报告的损失是交叉熵的 s 倍。',
  'teach.ce.gradSample': 'a 也带着样本权重 s = {s}：第 {row} 行的梯度是不加权时的 s 倍。',
};
