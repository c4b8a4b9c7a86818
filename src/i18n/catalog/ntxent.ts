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
  'teach.ntxent.whyOne': 'the N = {rows} anchors, the first view of each pair (contrast mode one)',
  'teach.pml.step.pairs': "Row {i}'s positive pairs, each with its own softmax",
  'teach.pml.pairs':
    "pytorch-metric-learning's NT-Xent with labels: each other row with label {label} is a positive pair of its own (rows {positives}). A pair's denominator holds its positive and the negatives (rows {negatives}) only: the other positives are left out (SupCon keeps them).",
  'teach.pml.rowLoss': "Row {i}'s loss is the mean of its {count} pairs' losses (JSON's losses).",
  'teach.pml.none': 'No other row has label {label}, so row {i} is in no positive pair: it adds nothing to the loss.',
  'teach.pml.grad':
    "Each positive's own pair pulls it closer (pᵢₚ is that pair's probability); each negative is in every pair's denominator and is pushed away by all of them. P = {pairs} is the number of positive pairs the loss averages over.",
  'teach.pml.mean':
    'PML averages over every positive pair, not over rows: each row counts once per pair, |P(i)| · Lᵢ, and the sum is divided by the {pairs} pairs.',
  'teach.ntxent.simclr':
    "SimCLR's reference code reports loss_a + loss_b, the two halves' means added: twice the mean, and what --as simclr headlines (-f value, --expect).",
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
  'teach.ntxent.whyOne': '即 N = {rows} 个锚点，每对的第一个视图（对比模式 one）',
  'teach.pml.step.pairs': '第 {i} 行的正样本对，各有自己的 softmax',
  'teach.pml.pairs':
    'pytorch-metric-learning 带标签的 NT-Xent：其余每个标签为 {label} 的行各自构成一个正样本对（第 {positives} 行）。一个样本对的分母只含它的正样本和负样本（第 {negatives} 行）：其他正样本不在其中（SupCon 则保留它们）。',
  'teach.pml.rowLoss': '第 {i} 行的损失是它 {count} 个样本对损失的平均（JSON 的 losses）。',
  'teach.pml.none': '没有其他行的标签是 {label}，所以第 {i} 行不在任何正样本对中：它对损失没有贡献。',
  'teach.pml.grad':
    '每个正样本由它自己的样本对拉近（pᵢₚ 是该样本对的概率）；每个负样本出现在所有样本对的分母中，被它们一起推开。P = {pairs} 是损失所平均的正样本对个数。',
  'teach.pml.mean':
    'PML 对所有正样本对求平均，而不是对行：每行按其样本对个数计入，即 |P(i)| · Lᵢ，总和再除以 {pairs} 个样本对。',
  'teach.ntxent.simclr':
    'SimCLR 的参考代码报告 loss_a + loss_b，即两半各自的平均相加：平均值的两倍，也是 --as simclr 作为主结果的数（-f value、--expect）。',
};
