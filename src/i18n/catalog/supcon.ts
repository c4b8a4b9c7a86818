// Messages of `xent supcon`: its help, options, errors, labels and notes (en, zh).

export const supconEn = {
  'help.cmd.supcon': 'supervised contrastive loss (Khosla et al. 2020) of embeddings with class labels',
  'help.supcon.more':
    'Rows are L2-normalised. For an anchor i with positives P(i) (the other rows with its label): Lᵢ = −(1/|P(i)|) Σ_{p∈P(i)} log softmax(sᵢ/τ)[p], where the softmax runs over all rows but i. loss = the mean of Lᵢ over the anchors that have a positive.',
  'help.supcon.anchors':
    'An anchor whose label occurs only once has no positive: it has no term, is left out of the mean, and shows as null in JSON (not NaN). The default τ = 0.07 is that of the authors’ SupConLoss; their loss also multiplies by τ / base_temperature, 1 with their defaults. tsv/csv print the softmax matrix; -f value prints the loss.',
  'teach.supcon.title': 'SupCon loss, explained for anchor {i} of {count}',
  'teach.supcon.step.loss': 'The loss: the mean −log over the positives',
  'teach.supcon.positives':
    'The positives P({i}) of anchor {i} (label {label}) are the other rows with its label: {rows} ({count} of them).',
  'teach.supcon.step.none': 'An anchor without positives',
  'teach.supcon.none':
    'No other row has label {label}, so anchor {i} has no term: it is left out of the loss and of the mean.',
  'teach.supcon.why': 'the {anchors} anchors that have a positive (a row without one has no term)',
  'teach.supcon.whyZero':
    "all {anchors} anchors, those without a positive counted as 0 (--singletons zero, SupContrast's current code)",
  'teach.supcon.noneZero':
    "No other row has label {label}, so anchor {i} has no positive: with --singletons zero (SupContrast's current code) its loss is 0 and it still counts in the mean, which divides by all {anchors} anchors.",
} as const;

export type SupconKey = keyof typeof supconEn;

export const supconZh: Record<SupconKey, string> = {
  'help.cmd.supcon': '监督对比损失（Khosla 等，2020）：带类别标签的嵌入',
  'help.supcon.more':
    '每行先做 L2 归一化。对于锚点 i 及其正样本集合 P(i)（标签相同的其他行）：Lᵢ = −(1/|P(i)|) Σ_{p∈P(i)} log softmax(sᵢ/τ)[p]，其中 softmax 取遍除 i 以外的所有行。loss = 所有有正样本的锚点上 Lᵢ 的平均。',
  'help.supcon.anchors':
    '标签只出现一次的锚点没有正样本：它没有损失项，不计入平均，在 JSON 中显示为 null（而不是 NaN）。默认 τ = 0.07 与作者的 SupConLoss 相同；他们的损失还会乘以 τ / base_temperature，在默认设置下为 1。tsv/csv 输出 softmax 矩阵；-f value 输出损失。',
  'teach.supcon.title': 'SupCon 损失：讲解第 {i} 个锚点（共 {count} 个）',
  'teach.supcon.step.loss': '损失：对各正样本取 −log 后求平均',
  'teach.supcon.positives':
    '锚点 {i}（标签 {label}）的正样本 P({i}) 是与它标签相同的其余各行：{rows}（共 {count} 行）。',
  'teach.supcon.step.none': '没有正样本的锚点',
  'teach.supcon.none': '没有其他行的标签是 {label}，所以锚点 {i} 没有对应的项：它不计入损失，也不计入平均。',
  'teach.supcon.why': '即有正样本的 {anchors} 个锚点（没有正样本的行没有对应的项）',
  'teach.supcon.whyZero': '即全部 {anchors} 个锚点，没有正样本的记为 0（--singletons zero，SupContrast 现在的代码）',
  'teach.supcon.noneZero':
    '没有其他行的标签是 {label}，所以锚点 {i} 没有正样本：使用 --singletons zero（SupContrast 现在的代码）时它的损失为 0，但仍计入平均，平均除以全部 {anchors} 个锚点。',
};
