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
  // clip --world-size / --text-logits: one rank's local_loss
  'teach.clipLocal.title': 'open_clip’s local_loss, explained for local row {i} of {n} (pair {g} of {N})',
  'teach.clipLocal.step.rank': 'This rank’s rows of the batch',
  'teach.clipLocal.rankWorld':
    'The batch holds N = {N} pairs gathered from W = {W} ranks, rank by rank; rank {rank} holds n = N / W = {n} of them, pairs {first} to {last}. It scores their n rows of the N × N logits in each direction: logits_per_image is rows {first} to {last} of the batch’s image → text logits (its images against all N texts), logits_per_text the same rows of the text → image ones (its texts against all N images).',
  'teach.clipLocal.positiveWorld':
    'Local row i is pair offset + i of the batch, with offset = rank · n: its positive is column offset + i in both matrices (open_clip’s get_ground_truth: labels = arange(n) + n · rank).',
  'teach.clipLocal.rankGiven':
    'The two matrices given are one rank’s n × N logits: the input is logits_per_image (its n = {n} images against all N = {N} texts), --text-logits is logits_per_text (its n texts against all N images).',
  'teach.clipLocal.positiveGiven':
    'Local row i’s positive is column offset + i in both matrices, offset = --label-offset = {offset} (n · rank in open_clip’s get_ground_truth: labels = arange(n) + n · rank).',
  'teach.clipLocal.localRow': 'local row {i}',
  'teach.clipLocal.cosine':
    'Each logit is a cosine similarity times the scale: aᵢⱼ of this rank’s image k = offset + i and the batch’s text j, bᵢⱼ of its text k and the batch’s image j.',
  'teach.clipLocal.dot':
    'Each logit is a dot product (not normalised) times the scale: aᵢⱼ of this rank’s image k = offset + i and the batch’s text j, bᵢⱼ of its text k and the batch’s image j.',
  'teach.clipLocal.scaled': 'xᵢⱼ is the input (logits_per_image) and x′ᵢⱼ the --text-logits matrix (logits_per_text).',
  'teach.clipLocal.step.i2t': 'Image → text: local row {i} of logits_per_image',
  'teach.clipLocal.i2t':
    'Image {g} of the batch (local row {i}) should pick text {g} among all N = {N} texts: a softmax along row {i} of logits_per_image, the positive in column offset + i = {g}.',
  'teach.clipLocal.step.t2i': 'Text → image: local row {i} of logits_per_text',
  'teach.clipLocal.t2i':
    'Text {g} of the batch (local row {i}) should pick image {g} among all N = {N} images: a softmax along row {i} of logits_per_text, the positive in the same column {g}.',
  'teach.clipLocal.t2iColumn':
    'That row is column {g} of the batch’s image → text logits, which open_clip computes again as text_features @ all_image_features.T.',
  'teach.clipLocal.average':
    'Each direction is F.cross_entropy’s mean over this rank’s n = {n} local rows, not over the batch’s N = {N}; the loss is the mean of the two directions (open_clip’s total_loss).',
  'teach.clipLocal.ranks':
    'Each pair of the batch is a local row on exactly one rank, so the mean of the W = {W} ranks’ losses is the whole batch’s CLIP loss.',
  'teach.clipLocal.step.chance': 'Chance level',
  'teach.clipLocal.chance':
    'Each softmax chooses among N = {N} candidates, all the batch’s texts or images, not the n local ones: equal logits (a model that knows nothing) give the positive p = 1/N, so each row costs −{log}(1/N) = {log} N.',
  'teach.clipLocal.grad':
    'logits_per_image and logits_per_text are two matrices (two products in open_clip), and each of their entries is in one softmax, along its row: its gradient is p − y, divided by 2n = {twoN} for the mean over the n = {n} local rows and the average of the two directions (not by 2N = {twoAll}: this rank’s loss averages its own rows only). The target y is 1 in column offset + i, 0 elsewhere.',
  'teach.clipLocal.scaleGrad':
    'Both matrices are the scale times similarities, so the scale collects every entry of both gradients, each times its similarity (the logit / scale): this rank’s 2 · n · N = 2 · {n} · {N} entries, not the batch’s N × N.',
  'teach.clipLocal.scaleRanks':
    'The mean of the W = {W} ranks’ ∂L/∂scale is the whole batch’s ∂L/∂scale, as the mean of their losses is its loss.',
  'teach.clipLocal.step.descent': 'One step of gradient descent on both matrices',
  'teach.clipLocal.after':
    'After one step of every entry of both matrices this rank’s loss {move}; image {g} now picks text {g} with p = {p} (before {pBefore}).',
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
  'teach.clipLocal.title': 'open_clip 的 local_loss：讲解本地第 {i} 行（共 {n} 行；批次 {N} 对中的第 {g} 对）',
  'teach.clipLocal.step.rank': '本进程在批次中的行',
  'teach.clipLocal.rankWorld':
    '批次共有 N = {N} 对，按进程依次从 W = {W} 个进程收集而来；进程 {rank} 持有其中 n = N / W = {n} 对，即第 {first} 到第 {last} 对。它在两个方向上各为这 n 行在 N × N logit 中打分：logits_per_image 是批次图像→文本 logit 的第 {first} 到第 {last} 行（它的图像对全部 N 段文本），logits_per_text 是文本→图像 logit 的同样几行（它的文本对全部 N 张图像）。',
  'teach.clipLocal.positiveWorld':
    '本地第 i 行是批次的第 offset + i 对，offset = rank · n：两个矩阵中它的正样本都是第 offset + i 列（open_clip 的 get_ground_truth：labels = arange(n) + n · rank）。',
  'teach.clipLocal.rankGiven':
    '给出的两个矩阵是某个进程的 n × N logit：输入是 logits_per_image（它的 n = {n} 张图像对全部 N = {N} 段文本），--text-logits 是 logits_per_text（它的 n 段文本对全部 N 张图像）。',
  'teach.clipLocal.positiveGiven':
    '两个矩阵中本地第 i 行的正样本都是第 offset + i 列，offset = --label-offset = {offset}（在 open_clip 的 get_ground_truth 中为 n · rank：labels = arange(n) + n · rank）。',
  'teach.clipLocal.localRow': '本地第 {i} 行',
  'teach.clipLocal.cosine':
    '每个 logit 是余弦相似度乘以缩放系数：aᵢⱼ 是本进程的图像 k = offset + i 与批次的文本 j，bᵢⱼ 是它的文本 k 与批次的图像 j。',
  'teach.clipLocal.dot':
    '每个 logit 是点积（未归一化）乘以缩放系数：aᵢⱼ 是本进程的图像 k = offset + i 与批次的文本 j，bᵢⱼ 是它的文本 k 与批次的图像 j。',
  'teach.clipLocal.scaled': 'xᵢⱼ 是输入（logits_per_image），x′ᵢⱼ 是 --text-logits 矩阵（logits_per_text）。',
  'teach.clipLocal.step.i2t': '图像 → 文本：logits_per_image 的本地第 {i} 行',
  'teach.clipLocal.i2t':
    '批次的图像 {g}（本地第 {i} 行）应在全部 N = {N} 段文本中选中文本 {g}：沿 logits_per_image 的第 {i} 行做 softmax，正样本在第 offset + i = {g} 列。',
  'teach.clipLocal.step.t2i': '文本 → 图像：logits_per_text 的本地第 {i} 行',
  'teach.clipLocal.t2i':
    '批次的文本 {g}（本地第 {i} 行）应在全部 N = {N} 张图像中选中图像 {g}：沿 logits_per_text 的第 {i} 行做 softmax，正样本在同一列 {g}。',
  'teach.clipLocal.t2iColumn':
    '这一行就是批次图像→文本 logit 的第 {g} 列，open_clip 用 text_features @ all_image_features.T 再算一次。',
  'teach.clipLocal.average':
    '每个方向是 F.cross_entropy 在本进程 n = {n} 个本地行上的平均，而不是在批次 N = {N} 行上；损失是两个方向的平均值（open_clip 的 total_loss）。',
  'teach.clipLocal.ranks':
    '批次中的每一对恰好是某一个进程的本地行，所以 W = {W} 个进程损失的平均就是整个批次的 CLIP 损失。',
  'teach.clipLocal.step.chance': '随机水平',
  'teach.clipLocal.chance':
    '每个 softmax 在 N = {N} 个候选中选择，即批次的全部文本或图像，而不是 n 个本地的：logit 全部相等（什么都不懂的模型）时正样本的 p = 1/N，每行损失为 −{log}(1/N) = {log} N。',
  'teach.clipLocal.grad':
    'logits_per_image 与 logits_per_text 是两个矩阵（open_clip 中是两次矩阵乘法），其中每一项只参与一个 softmax，即沿它所在的行：梯度是 p − y，再除以 2n = {twoN}，来自 n = {n} 个本地行的平均与两个方向的平均（而不是除以 2N = {twoAll}：本进程的损失只对自己的行取平均）。目标 y 在第 offset + i 列为 1，其余为 0。',
  'teach.clipLocal.scaleGrad':
    '两个矩阵都是缩放系数乘以相似度，所以缩放系数汇集两个梯度的每一项，各乘以其相似度（logit / scale）：本进程的 2 · n · N = 2 · {n} · {N} 项，而不是批次的 N × N 项。',
  'teach.clipLocal.scaleRanks':
    'W = {W} 个进程的 ∂L/∂scale 的平均就是整个批次的 ∂L/∂scale，正如它们损失的平均就是批次的损失。',
  'teach.clipLocal.step.descent': '对两个矩阵做一步梯度下降',
  'teach.clipLocal.after':
    '两个矩阵的每一项都走一步之后，本进程的损失{move}；图像 {g} 选中文本 {g} 的概率为 p = {p}（之前为 {pBefore}）。',
};
