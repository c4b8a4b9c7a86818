// Messages of `xent siglip`: its help, options, errors, labels and notes (en, zh).

export const siglipEn = {
  'help.cmd.siglip': 'SigLIP’s pairwise sigmoid loss of image and text embeddings (or of a logits matrix)',
  'help.siglip.more':
    'logits = t · normalize(image) · normalize(text)ᵀ + b; loss = −Σᵢⱼ log σ(zᵢⱼ · logitsᵢⱼ) / N with zᵢⱼ = +1 on the diagonal (matching pairs) and −1 elsewhere. log σ(x) is computed as −softplus(−x), so large logits are exact. A logits matrix given as input is used as it is.',
  'help.siglip.data':
    'tsv/csv print σ(logits), the match probability of each pair; -f value prints the loss. -g adds ∂loss/∂logits and, with embeddings, the gradients w.r.t. the raw embeddings, t and b.',
} as const;

export type SiglipKey = keyof typeof siglipEn;

export const siglipZh: Record<SiglipKey, string> = {
  'help.cmd.siglip': 'SigLIP 的成对 sigmoid 损失：输入图像与文本嵌入（或 logit 矩阵）',
  'help.siglip.more':
    'logit = t · normalize(image) · normalize(text)ᵀ + b；loss = −Σᵢⱼ log σ(zᵢⱼ · logitᵢⱼ) / N，其中对角线（匹配的样本对）上 zᵢⱼ = +1，其余为 −1。log σ(x) 按 −softplus(−x) 计算，因此很大的 logit 也精确。作为输入给出的 logit 矩阵会原样使用。',
  'help.siglip.data':
    'tsv/csv 输出 σ(logit)，即每一对的匹配概率；-f value 输出损失。-g 增加 ∂loss/∂logits；给了嵌入时，还给出对原始嵌入、t 和 b 的梯度。',
};
