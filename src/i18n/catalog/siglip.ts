// Messages of `xent siglip`: its help, options, errors, labels and notes (en, zh).

export const siglipEn = {
  'help.cmd.siglip': 'SigLIP’s pairwise sigmoid loss of image and text embeddings (or of a logits matrix)',
  'help.siglip.more':
    'logits = t · normalize(image) · normalize(text)ᵀ + b; loss = −Σᵢⱼ log σ(zᵢⱼ · logitsᵢⱼ) / N with zᵢⱼ = +1 on the diagonal (matching pairs) and −1 elsewhere. log σ(x) is computed as −softplus(−x), so large logits are exact. A logits matrix given as input is used as it is.',
  'help.siglip.data':
    'tsv/csv print σ(logits), the match probability of each pair; -f value prints the loss. -g adds ∂loss/∂logits and, with embeddings, the gradients w.r.t. the raw embeddings, t and b.',
  'teach.siglip.title': 'SigLIP loss, explained for image {i} of {count}',
  'teach.siglip.step.logits': 'The logits',
  'teach.siglip.cosine':
    'Each logit is the cosine similarity sᵢⱼ of image i and text j, scaled by t and shifted by the bias b.',
  'teach.siglip.dot':
    'Each logit is the dot product sᵢⱼ of image i and text j (not normalised), scaled by t and shifted by the bias b.',
  'teach.siglip.step.pairs': 'The pairs of image {i}: a yes/no question each',
  'teach.siglip.pairs':
    'Every image–text pair is its own binary question: the matching pair (i = j, zᵢⱼ = 1) should get a high logit, every other pair (zᵢⱼ = −1) a low one. No softmax: the pairs do not compete.',
  'teach.siglip.share':
    "The row's share of the loss: its pairs' losses added up and divided by the batch size N = {n}, as in the paper.",
  'teach.siglip.step.grad': 'The gradient of row {i}',
  'teach.siglip.labels':
    'With --labels every pair of one label matches: image {i} (label {label}) has zᵢⱼ = 1 with texts {texts}, and zᵢⱼ = −1 with the others.',
  'teach.siglip.grad':
    "softplus′ = σ, so each entry is −z·σ(−z·x) / N: the pair's probability of being judged wrong, with the sign of −z.",
  'teach.siglip.after': "After the step row {i}'s share of the loss {move}.",
  'teach.siglip.sum': "The loss adds up the rows' shares: Σᵢⱼ ℓᵢⱼ / N.",
} as const;

export type SiglipKey = keyof typeof siglipEn;

export const siglipZh: Record<SiglipKey, string> = {
  'help.cmd.siglip': 'SigLIP 的成对 sigmoid 损失：输入图像与文本嵌入（或 logit 矩阵）',
  'help.siglip.more':
    'logit = t · normalize(image) · normalize(text)ᵀ + b；loss = −Σᵢⱼ log σ(zᵢⱼ · logitᵢⱼ) / N，其中对角线（匹配的样本对）上 zᵢⱼ = +1，其余为 −1。log σ(x) 按 −softplus(−x) 计算，因此很大的 logit 也精确。作为输入给出的 logit 矩阵会原样使用。',
  'help.siglip.data':
    'tsv/csv 输出 σ(logit)，即每一对的匹配概率；-f value 输出损失。-g 增加 ∂loss/∂logits；给了嵌入时，还给出对原始嵌入、t 和 b 的梯度。',
  'teach.siglip.title': 'SigLIP 损失：讲解第 {i} 张图像（共 {count} 张）',
  'teach.siglip.step.logits': 'logit',
  'teach.siglip.cosine': '每个 logit 是图像 i 与文本 j 的余弦相似度 sᵢⱼ，乘以 t 再加上偏置 b。',
  'teach.siglip.dot': '每个 logit 是图像 i 与文本 j 的点积 sᵢⱼ（未归一化），乘以 t 再加上偏置 b。',
  'teach.siglip.step.pairs': '图像 {i} 的各个配对：每对都是一个是非问题',
  'teach.siglip.pairs':
    '每一对图像–文本都是一个独立的二分类问题：匹配的一对（i = j，zᵢⱼ = 1）应得到高 logit，其余各对（zᵢⱼ = −1）应得到低 logit。没有 softmax：各对之间互不竞争。',
  'teach.siglip.share': '这一行在损失中的份额：它各对的损失之和除以批大小 N = {n}（与论文相同）。',
  'teach.siglip.step.grad': '第 {i} 行的梯度',
  'teach.siglip.labels':
    '使用 --labels 时，标签相同的每一对都算匹配：图像 {i}（标签 {label}）与文本 {texts} 的 zᵢⱼ = 1，与其余文本的 zᵢⱼ = −1。',
  'teach.siglip.grad': 'softplus 的导数是 σ，所以每一项是 −z·σ(−z·x) / N：该对被判错的概率，符号取 −z。',
  'teach.siglip.after': '这一步之后，第 {i} 行在损失中的份额{move}。',
  'teach.siglip.sum': '损失是各行份额之和：Σᵢⱼ ℓᵢⱼ / N。',
};
