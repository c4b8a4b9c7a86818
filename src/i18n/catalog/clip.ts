// Messages of `xent clip`: its help, options, errors, labels and notes (en, zh).

export const clipEn = {
  // help
  'help.cmd.clip': 'CLIP’s symmetric InfoNCE loss of an image–text similarity matrix or of embeddings',
  'help.clip.more':
    'Row i = image i, column j = text j; the diagonal holds the positive pairs. loss_i2t = mean over rows of −log softmax(row i)[i], loss_t2i = mean over columns of −log softmax(column j)[j], loss = (loss_i2t + loss_t2i) / 2. With --image and --text (one embedding per row, inline or @FILE), logits = s · normalize(image) · normalize(text)ᵀ.',
  'help.clip.scale':
    '-s multiplies the logits by s (CLIP’s exp(logit_scale): 1/0.07 ≈ 14.3 at initialisation, 100 when trained); -t T divides by T (s = 1/T). Default s = 1. -g gives ∂loss/∂logits and, with embeddings, the gradient w.r.t. each raw embedding and the scale.',
  'help.clip.data':
    'tsv/csv print the image→text probabilities (the row softmax); -f value prints the symmetric loss, streaming the rows: a file of 8 MB or more given with -i is read by two threads (the same digits as from a pipe). Recall@K: the share of images whose own text ranks in the top K (ties count against it), and likewise for texts.',
  // clip
  'teach.clip.title': 'CLIP loss, explained for pair {i} of {count}',
  'teach.clip.step.logits': 'The logits',
  'teach.clip.cosine': 'Each logit is the cosine similarity of image i and text j, times the scale.',
  'teach.clip.dot': 'Each logit is the dot product of image i and text j (not normalised), times the scale.',
  'teach.clip.temperature': 'A temperature T = {temperature} is the same as the scale 1/T = {scale}.',
  'teach.clip.step.i2t': 'Image → text: row {i}',
  'teach.clip.i2t':
    'Image {i} should pick text {i} among all the texts: a softmax along row {i}, target on the diagonal.',
  'teach.clip.step.t2i': 'Text → image: column {i}',
  'teach.clip.t2i': 'Text {i} should pick image {i} among all the images: a softmax down column {i}.',
  'teach.clip.step.average': 'Average the two directions',
  'teach.clip.average':
    'Each direction is the mean cross-entropy over the N pairs; the CLIP loss is the mean of the two directions.',
  'teach.clip.step.grad': 'The gradient of row {i}',
  'teach.clip.grad': 'Each logit takes part in one row softmax and one column softmax: p − y from each, divided by 2N.',
  'teach.clip.gradSign':
    'Negative on the diagonal: descent raises the positive pair. Positive elsewhere: descent pushes the negative pairs apart.',
  'teach.clip.step.descent': 'One step of gradient descent on all the logits',
  'teach.clip.after':
    'After one step of every logit the loss {move}; image {i} now picks text {i} with p = {p} (before {pBefore}).',
  'teach.clip.embeddingStep': 'With --image/--text a real model moves the embeddings instead; xent descend shows that.',
  'teach.clip.labelsI2t':
    'Image {i} (label {label}) matches every text of its label: its positives P({i}) are the texts of label {label}, here {texts}. Its loss is the mean of −log p over them, each p from the softmax along row {i}.',
  'teach.clip.labelsT2i':
    'Text {i} matches the same pairs: its positive images are the same, here {images}, and its loss is the mean of −log q over them, each q from the softmax down column {i}.',
  'teach.clip.averageLabels':
    'Each direction is the mean over the N pairs of these per-pair losses; the CLIP loss is the mean of the two directions.',
  'teach.clip.gradLabels':
    'Each logit takes part in one row softmax and one column softmax: p − y from each, divided by 2N, where the target y spreads 1 evenly over the positives.',
  'teach.clip.afterLabels':
    'After one step of every logit the loss {move}; the positives of image {i} now hold p = {p} of row {i} (before {pBefore}).',
} as const;

export type ClipKey = keyof typeof clipEn;

export const clipZh: Record<ClipKey, string> = {
  'help.cmd.clip': 'CLIP 的对称 InfoNCE 损失：输入图文相似度矩阵或嵌入',
  'help.clip.more':
    '第 i 行是图像 i，第 j 列是文本 j，对角线是正样本对。loss_i2t = 各行 −log softmax(第 i 行)[i] 的平均，loss_t2i = 各列 −log softmax(第 j 列)[j] 的平均，loss = (loss_i2t + loss_t2i) / 2。给出 --image 和 --text（每行一个嵌入，可直接写或用 @FILE）时，logit = s · normalize(image) · normalize(text)ᵀ。',
  'help.clip.scale':
    '-s 把 logit 乘以 s（即 CLIP 的 exp(logit_scale)：初始为 1/0.07 ≈ 14.3，训练后为 100）；-t T 则除以 T（s = 1/T）。默认 s = 1。-g 给出 ∂loss/∂logits；给了嵌入时，还给出对每个原始嵌入和对缩放系数的梯度。',
  'help.clip.data':
    'tsv/csv 输出图像→文本的概率（按行 softmax）；-f value 输出对称损失，按行流式读取：用 -i 给出 8 MB 以上的文件时由两个线程读取（数字与管道输入完全相同）。Recall@K：自己的文本排进前 K 名的图像所占比例（并列时算作未命中），文本方向同理。',
  'teach.clip.title': 'CLIP 损失：讲解第 {i} 对（共 {count} 对）',
  'teach.clip.step.logits': 'logit',
  'teach.clip.cosine': '每个 logit 是图像 i 与文本 j 的余弦相似度乘以缩放系数。',
  'teach.clip.dot': '每个 logit 是图像 i 与文本 j 的点积（未归一化）乘以缩放系数。',
  'teach.clip.temperature': '温度 T = {temperature} 等同于缩放系数 1/T = {scale}。',
  'teach.clip.step.i2t': '图像 → 文本：第 {i} 行',
  'teach.clip.i2t': '图像 {i} 应在所有文本中选中文本 {i}：沿第 {i} 行做 softmax，目标在对角线上。',
  'teach.clip.step.t2i': '文本 → 图像：第 {i} 列',
  'teach.clip.t2i': '文本 {i} 应在所有图像中选中图像 {i}：沿第 {i} 列做 softmax。',
  'teach.clip.step.average': '两个方向取平均',
  'teach.clip.average': '每个方向是 N 对样本交叉熵的平均值；CLIP 损失是两个方向的平均值。',
  'teach.clip.step.grad': '第 {i} 行的梯度',
  'teach.clip.grad': '每个 logit 同时参与一行和一列的 softmax：两者各贡献 p − y，再除以 2N。',
  'teach.clip.gradSign': '对角线上为负：梯度下降拉近正样本对。其余位置为正：梯度下降推开负样本对。',
  'teach.clip.step.descent': '对全部 logit 做一步梯度下降',
  'teach.clip.after': '所有 logit 走一步之后，损失{move}；图像 {i} 选中文本 {i} 的概率为 p = {p}（之前为 {pBefore}）。',
  'teach.clip.embeddingStep': '使用 --image/--text 时，真实模型更新的是嵌入向量；xent descend 可以演示。',
  'teach.clip.labelsI2t':
    '图像 {i}（标签 {label}）与同标签的每个文本都匹配：它的正样本 P({i}) 是标签为 {label} 的文本，这里是 {texts}。它的损失是这些正样本 −log p 的平均值，p 来自沿第 {i} 行的 softmax。',
  'teach.clip.labelsT2i':
    '文本 {i} 匹配的是同样的样本对：它的正样本图像也是这些，这里是 {images}；损失是这些正样本 −log q 的平均值，q 来自沿第 {i} 列的 softmax。',
  'teach.clip.averageLabels': '每个方向是这些逐对损失在 N 对样本上的平均值；CLIP 损失是两个方向的平均值。',
  'teach.clip.gradLabels':
    '每个 logit 同时参与一行和一列的 softmax：两者各贡献 p − y，再除以 2N；目标 y 把 1 平均分给各个正样本。',
  'teach.clip.afterLabels':
    '所有 logit 走一步之后，损失{move}；图像 {i} 的正样本在第 {i} 行共占概率 p = {p}（之前为 {pBefore}）。',
};
