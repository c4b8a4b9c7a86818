// Messages of `xent hinge`: its help, options, errors, labels, notes and --explain (en, zh).

export const hingeEn = {
  'err.hinge.noTarget': 'xent hinge needs -y LIST: the target class of each row (0-based)',
  'err.hinge.p':
    'option {option}: p = {value} is not allowed; p is 1 (hinge) or 2 (squared hinge), as F.multi_margin_loss',
  'err.hinge.margin': 'option {option}: the margin {value} is not a finite number',
  'err.hinge.notFinite':
    'the score {value} at row {row}, column {col} of {source} is not finite; a margin loss compares finite scores (inf − inf has no margin)',
  'err.hinge.oneClass':
    'a margin loss compares the target with other classes, but {source} has one column; give two classes or more',
  'help.cmd.hinge':
    "multi-class margin (hinge) losses: CS231n's SVM (Weston–Watkins), F.multi_margin_loss, Crammer–Singer",
  'help.hinge.styles':
    "--style ww (default, CS231n's multiclass SVM, Weston–Watkins): lᵢ = Σ_{j≠y} max(0, s_j − s_y + Δ), summed over the other classes; --style torch (F.multi_margin_loss): the same sum divided by the number of classes C; --style cs (Crammer–Singer): lᵢ = max(0, Δ + max_{j≠y} s_j − s_y), the largest other class only. Δ = 1 by default (--margin).",
  'help.hinge.options':
    "--p 2: each term squared (max(0, ·)², the squared hinge / L2-SVM). -w: one weight per class; each row's loss is multiplied by its target's weight, as PyTorch's weight (the mean still divides by N). -r mean (default) divides by N (no regularisation term). --grad: each active term (> 0) adds p·h^(p−1) on s_j and takes it from s_y (÷ C for torch); at exactly 0 (the kink) the subgradient 0 is used, as PyTorch does.",
  'help.hinge.output':
    'Output: for each row its target, arg-max, target score, how many classes violate the margin, loss and ✓/✗; then the loss and the accuracy. tsv/csv print "target loss violations correct" per row (with --grad: the gradient matrix); -f value prints the reduced loss (for -r none, the losses), streaming the rows (a large input is never held whole); -f json prints style, p, margin, targets, losses, violations, loss, accuracy and grad.',
  'help.opt.hinge.target': 'the target class of each row, 0-based (or diag)',
  'help.opt.hinge.style': "ww (CS231n's SVM, default), torch (F.multi_margin_loss: ÷ C) or cs (Crammer–Singer)",
  'help.opt.hinge.p': '1 (default, hinge) or 2 (squared hinge)',
  'help.opt.hinge.margin': 'the margin Δ (default 1)',
  'help.opt.hinge.weight': "one weight per class; a row's loss is multiplied by its target's weight (PyTorch weight=)",
  'hinge.title.rows': 'Margin loss of each row ({style})',
  'hinge.title.grad': 'Gradient ∂loss/∂score',
  'hinge.title.gradSum': 'Gradient ∂(Σ losses)/∂score',
  'hinge.label.score': 's(target)',
  'hinge.label.violated': 'violations',
  'hinge.label.violatedCs': 'violated',
  'hinge.summary.accuracy': 'accuracy (highest score = target)',
  'hinge.footnote.correct': "✓: the highest score is the target's (a tie counts as ✗)",
  'hinge.note.ww':
    "CS231n's SVM (Weston–Watkins): lᵢ = Σ_{j≠y} max(0, s_j − s_y + Δ)^p with Δ = {margin}, p = {p}, summed over the other classes (C = {classes})",
  'hinge.note.torch':
    'F.multi_margin_loss: lᵢ = Σ_{j≠y} max(0, Δ − s_y + s_j)^p / C with Δ = {margin}, p = {p}, C = {classes}',
  'hinge.note.cs': 'Crammer–Singer: lᵢ = max(0, Δ + max_{j≠y} s_j − s_y)^p with Δ = {margin}, p = {p}',
  'hinge.note.kink': 'a term at exactly 0 (on the margin) has gradient 0, as in PyTorch',
  'hinge.note.weight': "each row's loss is multiplied by its target class's weight; the mean still divides by N",
  'teach.hinge.title': 'Margin loss ({style}), worked through: row {index} of {count}',
  'teach.hinge.step.margins': 'The margins of the row',
  'teach.hinge.targetScore': 'the target class',
  'teach.hinge.rival': 'The highest other class is {index}:',
} as const;

export type HingeKey = keyof typeof hingeEn;

export const hingeZh: Record<HingeKey, string> = {
  'err.hinge.noTarget': 'xent hinge 需要 -y LIST：每行的目标类别（从 0 开始）',
  'err.hinge.p': '选项 {option}：p = {value} 不合法；p 为 1（hinge）或 2（平方 hinge），与 F.multi_margin_loss 一致',
  'err.hinge.margin': '选项 {option}：间隔 {value} 不是有限数',
  'err.hinge.notFinite':
    '{source}第 {row} 行第 {col} 列的分数 {value} 不是有限数；间隔损失比较的是有限的分数（inf − inf 没有间隔可言）',
  'err.hinge.oneClass': '间隔损失要把目标类别与其他类别比较，但{source}只有一列；请至少给出两个类别',
  'help.cmd.hinge': '多类间隔（hinge）损失：CS231n 的 SVM（Weston–Watkins）、F.multi_margin_loss、Crammer–Singer',
  'help.hinge.styles':
    '--style ww（默认，CS231n 的多类 SVM，Weston–Watkins）：lᵢ = Σ_{j≠y} max(0, s_j − s_y + Δ)，对其他类别求和；--style torch（F.multi_margin_loss）：同样的和再除以类别数 C；--style cs（Crammer–Singer）：lᵢ = max(0, Δ + max_{j≠y} s_j − s_y)，只看最大的其他类别。默认 Δ = 1（--margin）。',
  'help.hinge.options':
    '--p 2：每一项取平方（max(0, ·)²，即平方 hinge / L2-SVM）。-w：每个类别一个权重；每行的损失乘以其目标类别的权重，与 PyTorch 的 weight 一致（mean 仍除以 N）。-r mean（默认）除以 N（不含正则项）。--grad：每个起作用的项（> 0）在 s_j 上加 p·h^(p−1)，在 s_y 上减去同样的量（torch 再除以 C）；恰好为 0（折点）时取次梯度 0，与 PyTorch 一致。',
  'help.hinge.output':
    '输出：每行的目标、预测类别、目标分数、违反间隔的类别数、损失和 ✓/✗；下面是损失和准确率。tsv/csv 每行输出“target loss violations correct”（加 --grad 时输出梯度矩阵）；-f value 输出归约后的损失（-r none 时输出各损失），并逐行流式读取（大输入不会整个放进内存）；-f json 输出 style、p、margin、targets、losses、violations、loss、accuracy 和 grad。',
  'help.opt.hinge.target': '每行的目标类别，从 0 开始（或 diag）',
  'help.opt.hinge.style': 'ww（CS231n 的 SVM，默认）、torch（F.multi_margin_loss：除以 C）或 cs（Crammer–Singer）',
  'help.opt.hinge.p': '1（默认，hinge）或 2（平方 hinge）',
  'help.opt.hinge.margin': '间隔 Δ（默认 1）',
  'help.opt.hinge.weight': '每个类别一个权重；每行的损失乘以其目标类别的权重（即 PyTorch 的 weight=）',
  'hinge.title.rows': '每一行的间隔损失（{style}）',
  'hinge.title.grad': '梯度 ∂L/∂分数',
  'hinge.title.gradSum': '梯度 ∂(Σ 损失)/∂分数',
  'hinge.label.score': 's(目标)',
  'hinge.label.violated': '违反数',
  'hinge.label.violatedCs': '违反',
  'hinge.summary.accuracy': '准确率（最高分 = 目标）',
  'hinge.footnote.correct': '✓：最高分就是目标类别的分数（并列算作 ✗）',
  'hinge.note.ww':
    'CS231n 的 SVM（Weston–Watkins）：lᵢ = Σ_{j≠y} max(0, s_j − s_y + Δ)^p，Δ = {margin}，p = {p}，对其余类别求和（C = {classes}）',
  'hinge.note.torch':
    'F.multi_margin_loss：lᵢ = Σ_{j≠y} max(0, Δ − s_y + s_j)^p / C，Δ = {margin}，p = {p}，C = {classes}',
  'hinge.note.cs': 'Crammer–Singer：lᵢ = max(0, Δ + max_{j≠y} s_j − s_y)^p，Δ = {margin}，p = {p}',
  'hinge.note.kink': '恰好为 0 的项（正好在间隔上）梯度为 0，与 PyTorch 一致',
  'hinge.note.weight': '每行的损失乘以其目标类别的权重；取平均时仍除以 N',
  'teach.hinge.title': '间隔损失（{style}）的逐步计算：第 {index} 行（共 {count} 行）',
  'teach.hinge.step.margins': '这一行的各个间隔',
  'teach.hinge.targetScore': '目标类别',
  'teach.hinge.rival': '分数最高的其他类别是 {index}：',
};
