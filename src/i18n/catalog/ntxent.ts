// Messages of `xent ntxent`: its help, options, errors, labels and notes (en, zh).

export const ntxentEn = {
  'help.cmd.ntxent': 'SimCLR’s NT-Xent loss of 2N embeddings (two views of each of N examples)',
  'help.ntxent.more':
    'Rows i and i + N are two views of one example (--pairs adjacent: rows 2k − 1 and 2k, counting from 1). Each row is L2-normalised; for each row, the logits are its cosine similarity with every other row divided by τ (itself left out), and its loss is the cross-entropy toward its partner. loss = the mean over the 2N rows.',
  'help.ntxent.simclr':
    'SimCLR’s reference code adds the two halves’ means, which is twice this mean; xent shows that figure too. JSON always holds the gradient w.r.t. the raw embeddings (grad). tsv/csv print the softmax matrix (0 for a row with itself); -f value prints the loss.',
  'teach.ntxent.title': 'NT-Xent loss, explained for row {i} of {count}',
  'teach.ntxent.step.loss': "The loss: −log of the partner's probability",
  'teach.ntxent.partnerHalf':
    "Row {partner} is row {i}'s partner, the other view of the same example (--pairs half: row i and row i + N, N = {n}).",
  'teach.ntxent.partnerAdjacent':
    "Row {partner} is row {i}'s partner, the other view of the same example (--pairs adjacent: rows 2k − 1 and 2k).",
  'teach.ntxent.why': 'the 2N = {rows} rows, each an anchor',
} as const;

export type NtxentKey = keyof typeof ntxentEn;

export const ntxentZh: Record<NtxentKey, string> = {
  'help.cmd.ntxent': 'SimCLR 的 NT-Xent 损失：2N 个嵌入（N 个样本各有两个视图）',
  'help.ntxent.more':
    '第 i 行与第 i + N 行是同一样本的两个视图（--pairs adjacent：从 1 数起，第 2k − 1 行与第 2k 行）。每行先做 L2 归一化；每一行的 logit 是它与其他各行的余弦相似度除以 τ（不含自身），损失是朝向其配对行的交叉熵。loss = 2N 行的平均。',
  'help.ntxent.simclr':
    'SimCLR 的参考代码把两半各自的平均相加，也就是这个平均值的两倍；xent 也会显示这个数。JSON 始终包含对原始嵌入的梯度（grad）。tsv/csv 输出 softmax 矩阵（行与自身处为 0）；-f value 输出损失。',
  'teach.ntxent.title': 'NT-Xent 损失：讲解第 {i} 行（共 {count} 行）',
  'teach.ntxent.step.loss': '损失：伙伴概率的 −log',
  'teach.ntxent.partnerHalf':
    '第 {partner} 行是第 {i} 行的伙伴，即同一样本的另一个视图（--pairs half：第 i 行与第 i + N 行，N = {n}）。',
  'teach.ntxent.partnerAdjacent':
    '第 {partner} 行是第 {i} 行的伙伴，即同一样本的另一个视图（--pairs adjacent：第 2k − 1 行与第 2k 行）。',
  'teach.ntxent.why': '即 2N = {rows} 行，每一行都是一个锚点',
};
