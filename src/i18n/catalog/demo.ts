// Messages of `xent demo`: its help, options, errors, labels and notes (en, zh).

export const demoEn = {
  'help.cmd.demo': 'a short lesson on the built-in 3×3 CLIP example: softmaxes, losses, gradient, descent',
  // demo
  'demo.help.more':
    'A short lesson on the CLIP loss with the 3×3 example [[2.0, 0.5, -1.0], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]]: the similarity heatmap, both softmaxes, the losses, the gradient and three steps of gradient descent. It prints as text even in a pipe; -f json gives every number.',
  'demo.lead.intro':
    "A lesson on the CLIP loss. Three images and three texts; image i belongs with text i. A model scores every pair: row i holds image i's similarity to each text. The true pairs lie on the diagonal (*), and training should make them stand out.",
  'demo.title.similarity': 'Similarity (logits)',
  'demo.lead.i2t':
    'Step 1. Each image chooses among the texts: a softmax along its row. Image 1 gives its own text p = {p}; its loss is −log {p} = {loss}.',
  'demo.lead.t2i':
    'Step 2. Each text chooses among the images: a softmax down its column. Text 1 gives image 1 p = {p}, a loss of {loss}.',
  'demo.lead.loss':
    'Step 3. Each direction averages its losses over the three pairs; the CLIP loss is the mean of the two directions.',
  'demo.title.loss': 'The loss',
  'demo.label.pos': 'diagonal',
  'demo.label.neg': 'off-diagonal',
  'demo.footnote.descent':
    'p(diagonal): mean diagonal probability of both softmaxes; diagonal, off-diagonal: mean logits',
  'demo.title.i2t': 'Image → text (softmax along each row)',
  'demo.title.t2i': 'Text → image (softmax down each column)',
  'demo.title.grad': 'Gradient ∂L/∂logits',
  'demo.label.direction': 'direction',
  'demo.label.formula': 'formula',
  'demo.formula.i2t': 'mean −log p(i→t)ᵢᵢ',
  'demo.formula.t2i': 'mean −log p(t→i)ᵢᵢ',
  'demo.label.i2t': 'image → text',
  'demo.label.t2i': 'text → image',
  'demo.label.clip': 'CLIP',
  'demo.lead.grad':
    'Step 4. The gradient: (softmax − identity) of the rows plus that of the columns, divided by {n}. It is negative on the diagonal and positive elsewhere.',
  'demo.lead.descent':
    'Step 5. {steps} steps of gradient descent, logits ← logits − {lr} × gradient: the loss falls, the true pairs are pulled up and the false ones pushed down.',
  'demo.lead.check':
    "Step 6. Checking an answer. An article works this example out and claims that image 1 gives its text p = 0.71 (and 0.23, 0.06 to the others), for a loss of 0.34. xent checks answers with --expect: each value at the digits written (never coarser than two significant digits), and a wrong one is traced to the mistake that reproduces it, if a common one does:\n  $ xent clip --example --expect '{claim}'",
  'demo.next': 'Next:',
  'demo.next.explain': 'works every number of this lesson out',
  'demo.next.descend': 'goes on descending',
  'demo.next.ce': 'one row of a cross-entropy, step by step',
} as const;

export type DemoKey = keyof typeof demoEn;

export const demoZh: Record<DemoKey, string> = {
  'help.cmd.demo': '一堂小课，用内置的 3×3 CLIP 示例讲解 softmax、损失、梯度与梯度下降',
  'demo.help.more':
    '用 3×3 示例 [[2.0, 0.5, -1.0], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]] 讲解 CLIP 损失的小课：相似度热力图、两个方向的 softmax、损失、梯度和三步梯度下降。即使在管道中也输出文本；-f json 给出全部数值。',
  'demo.lead.intro':
    'CLIP 损失小课。三张图像和三段文本；图像 i 与文本 i 配对。模型为每一对打分：第 i 行是图像 i 与各文本的相似度。正确的配对在对角线上（*），训练应让它们突出。',
  'demo.title.similarity': '相似度（logit）',
  'demo.lead.i2t':
    '第 1 步。每张图像在文本中做选择：沿行做 softmax。图像 1 给自己的文本 p = {p}；损失为 −log {p} = {loss}。',
  'demo.lead.t2i': '第 2 步。每段文本在图像中做选择：沿列做 softmax。文本 1 给图像 1 的 p = {p}，损失为 {loss}。',
  'demo.lead.loss': '第 3 步。每个方向对三对样本的损失取平均；CLIP 损失是两个方向的平均值。',
  'demo.title.loss': '损失',
  'demo.label.pos': '对角线',
  'demo.label.neg': '非对角线',
  'demo.footnote.descent': 'p(对角线)：两个 softmax 对角线概率的平均；对角线、非对角线：logit 的平均值',
  'demo.title.i2t': '图像 → 文本（沿行 softmax）',
  'demo.title.t2i': '文本 → 图像（沿列 softmax）',
  'demo.title.grad': '梯度 ∂L/∂logit',
  'demo.label.direction': '方向',
  'demo.label.formula': '公式',
  'demo.formula.i2t': '−log p(i→t)ᵢᵢ 的平均',
  'demo.formula.t2i': '−log p(t→i)ᵢᵢ 的平均',
  'demo.label.i2t': '图像 → 文本',
  'demo.label.t2i': '文本 → 图像',
  'demo.label.clip': 'CLIP 损失',
  'demo.lead.grad': '第 4 步。梯度：各行的（softmax − 单位矩阵）加上各列的，再除以 {n}。对角线上为负，其余为正。',
  'demo.lead.descent':
    '第 5 步。{steps} 步梯度下降，logit ← logit − {lr} × 梯度：损失下降，正确的配对被拉高，错误的被压低。',
  'demo.lead.check':
    "第 6 步：核对答案。有篇文章算了这个例子，说图像 1 给自己的文本 p = 0.71（给其余两个 0.23 和 0.06），损失为 0.34。xent 用 --expect 核对答案：每个值按写出的位数判定（但不粗于两位有效数字）；答错的值若能由某个常见错误重现，就指出是哪个错误：\n  $ xent clip --example --expect '{claim}'",
  'demo.next': '接下来：',
  'demo.next.explain': '把这一课的每个数都算一遍',
  'demo.next.descend': '继续做梯度下降',
  'demo.next.ce': '逐步讲解交叉熵的一行',
};
