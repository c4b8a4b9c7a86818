// Messages of `xent distill`: its help, options, errors, labels, notes and --explain (en, zh).

export const distillEn = {
  'err.distill.input':
    'xent distill reads its logits from --student and --teacher only, not from arguments, -i or --example',
  'err.distill.missing':
    'xent distill needs --student S and --teacher T (one row of logits per sample); {option} is missing',
  'err.distill.targetWithoutAlpha':
    'option {target} mixes in the hard labels, and needs {alpha} A: the loss is A·CE + (1 − A)·T²·KL',
  'err.distill.alphaWithoutTarget':
    'option {alpha} weighs the cross-entropy with hard labels, and needs {target} (the class of each row)',
  'err.distill.alpha': 'option {option}: A = {value} is outside [0, 1]; the loss is A·CE + (1 − A)·T²·KL',
  'err.distill.noneWithTarget':
    "-r none with {target}: F.cross_entropy's none is one loss per row and F.kl_div's one per element, so the mix has none; use batchmean, mean or sum (JSON's losses give each row's share)",
  'err.distill.stdinTwice':
    '{first} and {second} both read standard input (@-), which can be read only once: save one of them to a file',
  'err.distill.shape':
    'option {student} is {sRows}×{sCols}, but option {teacher} is {tRows}×{tCols}; give both logits for the same samples and classes',
  'help.cmd.distill':
    'knowledge distillation (Hinton et al.): T²·KL(softmax(teacher/T) ‖ softmax(student/T)), with hard labels mixed in',
  'help.distill.formula':
    "loss = T²·KL(q‖p) with q = softmax(t/T) (the teacher's soft targets) and p = softmax(s/T), as T²·F.kl_div(F.log_softmax(s/T, 1), F.softmax(t/T, 1), reduction); with -y and --alpha A: A·F.cross_entropy(s, y) + (1 − A)·T²·KL (the cross-entropy at T = 1, its mean over N; its sum for -r sum). The T² keeps the soft targets' gradient, T·(p − q), as large as the hard labels' when T changes. --grad: w.r.t. the student's logits.",
  'help.distill.reduction':
    "-r as F.kl_div: batchmean (default) divides the summed KL by N, the number of rows: the KL per sample, as the maths defines it; mean divides by N·C, every element (PyTorch's default, C times smaller: the number F.kl_div warns about); sum adds everything; none gives each element T²·q·(log q − log p) (JSON elements), not with -y.",
  'help.distill.output':
    'Output: for each row KL(q‖p), T²·KL, the cross-entropy (with -y) and its share of the loss, then the softmax tables of the teacher and the student at T and the loss. tsv/csv print "kl soft_loss [ce] loss" per row (with --grad: the gradient); -f value prints the loss (for -r none, each row\'s share); without --grad these read the two files in step, row by row, never holding either (the tables, -g and JSON hold both); -f json prints temperature, alpha, teacher_probs, student_probs, kl, ce, losses, loss (elements for none) and grad.',
  'help.opt.distill.student': "the student's logits, one row per sample: inline matrix or @FILE",
  'help.opt.distill.teacher': "the teacher's logits, the same shape: inline matrix or @FILE",
  'help.opt.distill.temperature': 'the temperature T > 0 both are divided by (default 1; Hinton et al. use 1 to 20)',
  'help.opt.distill.target': 'hard labels: the class of each row, 0-based (or diag); needs --alpha',
  'help.opt.distill.alpha': "A in [0, 1]: the hard labels' cross-entropy weight, A·CE + (1 − A)·T²·KL; needs -y",
  'help.opt.distill.reduction': "batchmean (default: ÷ N), mean (÷ N·C, PyTorch's default), sum or none",
  'help.opt.distill.grad': "also show the gradient w.r.t. the student's logits",
  'distill.title.rows': 'Distillation loss of each row',
  'distill.title.teacher': "Teacher's soft targets q = softmax(t / {T})",
  'distill.title.student': "Student's p = softmax(s / {T})",
  'distill.title.grad': 'Gradient ∂loss/∂student logit',
  'distill.title.gradSum': 'Gradient ∂(Σ losses)/∂student logit',
  'distill.label.kl': 'KL(q‖p)',
  'distill.label.soft': '{t2}·KL',
  'distill.label.ce': 'CE(y)',
  'distill.summary.temperature': 'temperature T',
  'distill.summary.alpha': 'A (weight of the hard labels)',
  'distill.note.kl': 'loss = T²·KL(q‖p) with T = {T}, T² = {t2}; KL is in its own column, before the T²',
  'distill.note.mix':
    'loss = A·CE + (1 − A)·T²·KL with A = {alpha}, T = {T}, T² = {t2}; the cross-entropy uses the student at T = 1',
  'distill.note.batchmean': 'batchmean: the summed KL divided by N = {rows} rows (the KL per sample)',
  'distill.note.mean':
    "mean: the summed KL divided by N·C = {count} elements, {cols} times smaller than batchmean (PyTorch's default for F.kl_div; the cross-entropy's mean stays over N)",
  'distill.note.sum': 'sum: every element added up (the cross-entropy summed too)',
  'distill.note.none': "none: each element T²·q·(log q − log p) in JSON's elements, as F.kl_div(reduction='none')·T²",
  'distill.note.inf':
    "KL = inf: the student gives a class probability 0 (a logit of −inf) where the teacher's soft target is above 0",
  'distill.note.grad':
    "the gradient w.r.t. the student's logits: T·(p − q) for the T²·KL part (T = {T}), softmax(s) − onehot(y) for the cross-entropy, each times its weight and the reduction's divisor",
  'teach.distill.title': 'Distillation loss, worked through: row {index} of {count}',
  'teach.distill.step.row': "The row's loss",
  'teach.distill.hard': 'The hard label is class {index}:',
} as const;

export type DistillKey = keyof typeof distillEn;

export const distillZh: Record<DistillKey, string> = {
  'err.distill.input': 'xent distill 只从 --student 和 --teacher 读取 logit，不从参数、-i 或 --example 读取',
  'err.distill.missing': 'xent distill 需要 --student S 和 --teacher T（每个样本一行 logit）；缺少 {option}',
  'err.distill.targetWithoutAlpha': '选项 {target} 会混入硬标签，需要同时给出 {alpha} A：损失为 A·CE + (1 − A)·T²·KL',
  'err.distill.alphaWithoutTarget': '选项 {alpha} 是硬标签交叉熵的权重，需要同时给出 {target}（每行的类别）',
  'err.distill.alpha': '选项 {option}：A = {value} 不在 [0, 1] 内；损失为 A·CE + (1 − A)·T²·KL',
  'err.distill.noneWithTarget':
    '-r none 与 {target} 不能同时使用：F.cross_entropy 的 none 是每行一个损失，F.kl_div 的 none 是每个元素一个，两者混合后没有 none；请用 batchmean、mean 或 sum（JSON 的 losses 给出每行的份额）',
  'err.distill.stdinTwice': '{first} 和 {second} 都从标准输入（@-）读取，但标准输入只能读一次：请把其中一个存成文件',
  'err.distill.shape':
    '选项 {student} 的形状是 {sRows}×{sCols}，但选项 {teacher} 的形状是 {tRows}×{tCols}；请对相同的样本和类别给出两组 logit',
  'help.cmd.distill': '知识蒸馏（Hinton 等）：T²·KL(softmax(teacher/T) ‖ softmax(student/T))，可混入硬标签',
  'help.distill.formula':
    'loss = T²·KL(q‖p)，其中 q = softmax(t/T)（教师的软目标），p = softmax(s/T)，即 T²·F.kl_div(F.log_softmax(s/T, 1), F.softmax(t/T, 1), reduction)；给出 -y 和 --alpha A 时：A·F.cross_entropy(s, y) + (1 − A)·T²·KL（交叉熵在 T = 1 下计算，对 N 取平均；-r sum 时求和）。乘以 T² 是为了在 T 改变时，软目标的梯度 T·(p − q) 与硬标签的梯度保持同一量级。--grad：对学生的 logit 求梯度。',
  'help.distill.reduction':
    '-r 与 F.kl_div 一致：batchmean（默认）把 KL 之和除以 N（行数）：即每个样本的 KL，与数学定义一致；mean 除以 N·C，即全部元素个数（PyTorch 的默认值，小 C 倍，F.kl_div 会对此发出警告）；sum 全部相加；none 给出每个元素的 T²·q·(log q − log p)（JSON 的 elements），不能与 -y 同用。',
  'help.distill.output':
    '输出：每行的 KL(q‖p)、T²·KL、交叉熵（给出 -y 时）及其在损失中的份额，然后是教师和学生在温度 T 下的 softmax 表，以及损失。tsv/csv 每行输出“kl soft_loss [ce] loss”（加 --grad 时输出梯度）；-f value 输出损失（-r none 时输出每行的份额）；不加 --grad 时两个文件逐行同步读取，都不整个读入内存（表格、-g 和 JSON 会整个读入两者）；-f json 输出 temperature、alpha、teacher_probs、student_probs、kl、ce、losses、loss（none 时为 elements）和 grad。',
  'help.opt.distill.student': '学生的 logit，每个样本一行：直接写矩阵，或 @FILE',
  'help.opt.distill.teacher': '教师的 logit，形状相同：直接写矩阵，或 @FILE',
  'help.opt.distill.temperature': '两者都除以的温度 T > 0（默认 1；Hinton 等用 1 到 20）',
  'help.opt.distill.target': '硬标签：每行的类别，从 0 开始（或 diag）；需要 --alpha',
  'help.opt.distill.alpha': 'A 在 [0, 1] 内：硬标签交叉熵的权重，A·CE + (1 − A)·T²·KL；需要 -y',
  'help.opt.distill.reduction': 'batchmean（默认：除以 N）、mean（除以 N·C，PyTorch 的默认值）、sum 或 none',
  'help.opt.distill.grad': '同时给出对学生 logit 的梯度',
  'distill.title.rows': '每一行的蒸馏损失',
  'distill.title.teacher': '教师的软目标 q = softmax(t / {T})',
  'distill.title.student': '学生的 p = softmax(s / {T})',
  'distill.title.grad': '梯度 ∂L/∂学生 logit',
  'distill.title.gradSum': '梯度 ∂(Σ 损失)/∂学生 logit',
  'distill.label.kl': 'KL(q‖p)',
  'distill.label.soft': '{t2}·KL',
  'distill.label.ce': 'CE(y)',
  'distill.summary.temperature': '温度 T',
  'distill.summary.alpha': 'A（硬标签的权重）',
  'distill.note.kl': 'loss = T²·KL(q‖p)，T = {T}，T² = {t2}；KL 单独一列，尚未乘以 T²',
  'distill.note.mix': 'loss = A·CE + (1 − A)·T²·KL，A = {alpha}，T = {T}，T² = {t2}；交叉熵用的是 T = 1 时的学生',
  'distill.note.batchmean': '按样本平均（batchmean）：KL 之和除以 N = {rows} 行（即每个样本的 KL）',
  'distill.note.mean':
    '平均（mean）：KL 之和除以 N·C = {count} 个元素，比 batchmean 小 {cols} 倍（PyTorch 中 F.kl_div 的默认值；交叉熵仍对 N 取平均）',
  'distill.note.sum': '求和（sum）：全部元素相加（交叉熵也求和）',
  'distill.note.none':
    "不归约（none）：每个元素的 T²·q·(log q − log p) 见 JSON 的 elements，即 F.kl_div(reduction='none')·T²",
  'distill.note.inf': 'KL = inf：教师的软目标大于 0 的某个类别，学生给出的概率为 0（logit 为 −inf）',
  'distill.note.grad':
    '对学生 logit 的梯度：T²·KL 部分为 T·(p − q)（T = {T}），交叉熵部分为 softmax(s) − onehot(y)，各自再乘以权重和归约的除数',
  'teach.distill.title': '蒸馏损失的逐步计算：第 {index} 行（共 {count} 行）',
  'teach.distill.step.row': '这一行的损失',
  'teach.distill.hard': '硬标签是类别 {index}：',
};
