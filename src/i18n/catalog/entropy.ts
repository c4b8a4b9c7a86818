// Messages of `xent entropy`: its help, options, errors, labels and notes (en, zh).

export const entropyEn = {
  // distribution checks (entropy, kl)
  'err.dist.negative':
    'the entry {value} at row {row}, column {col} of {source} is negative; a probability distribution has entries ≥ 0',
  'err.dist.sum':
    'row {row} of {source} sums to {sum}, off by {off}; each row must be a probability distribution summing to 1 (within {tolerance})',
  // entropy
  'help.cmd.entropy': 'entropy H(p) = −Σ p log p of each row of a probability distribution, in nats, bits or bans',
  'help.entropy.more':
    'Each row must be a distribution: entries ≥ 0 that sum to 1 within 0.001 (so rows pasted with 4 decimals pass); a row is used as given, not renormalised. 0·log 0 = 0. The perplexity e^H (2^H in bits) is the effective number of equally likely classes, the same number in every unit; the largest entropy over C classes is log C, that of the uniform distribution.',
  'help.entropy.output':
    'Output: a table of each row\'s entropy and perplexity, then the mean entropy. tsv/csv print "entropy perplexity" per row; -f value prints one entropy per line; -f json prints entropy and perplexity (one per row) and mean_entropy.',
  'info.title.entropy': 'Entropy of each row',
  'info.label.entropy': 'H(p)',
  'teach.entropy.title': 'Entropy of row {index} of {count}',
  'teach.entropy.formula':
    'Each class adds −p log p: the surprise −log p of seeing it, weighted by how often it is seen. A class with p = 0 adds 0 (0·log 0 = 0).',
  'teach.entropy.step.terms': "Each class's term, then the sum",
  'teach.entropy.terms': 'The more evenly the probability is spread, the larger the sum.',
  'teach.entropy.step.perplexity': 'The perplexity and the largest entropy',
  'teach.entropy.perplexity':
    'The perplexity e^H (in nats; 2^H in bits, the same number) is {perplexity}: the entropy of {perplexity} equally likely classes. The largest entropy over {classes} classes is {max}, that of the uniform distribution.',
  'teach.entropy.mean': "The mean entropy adds up the rows' entropies and divides by {den}: {why}.",
  'teach.entropy.meanName': 'mean H',
} as const;

export type EntropyKey = keyof typeof entropyEn;

export const entropyZh: Record<EntropyKey, string> = {
  'err.dist.negative': '{source}第 {row} 行第 {col} 列的 {value} 是负数；概率分布的各项必须 ≥ 0',
  'err.dist.sum':
    '{source}第 {row} 行之和为 {sum}，与 1 相差 {off}；每行必须是和为 1 的概率分布（允许误差 {tolerance}）',
  'help.cmd.entropy': '计算概率分布每一行的熵 H(p) = −Σ p log p，单位可为奈特、比特或哈特莱',
  'help.entropy.more':
    '每行必须是一个概率分布：各项 ≥ 0，且和与 1 相差不超过 0.001（因此保留 4 位小数粘贴的行也能通过）；按给定的值计算，不重新归一化。0·log 0 = 0。困惑度 e^H（以比特计时为 2^H）是“等效的等可能类别数”，在任何单位下都是同一个数；C 个类别上熵的最大值是 log C，即均匀分布的熵。',
  'help.entropy.output':
    '输出：表格列出每行的熵和困惑度，下面是平均熵。tsv/csv 每行输出“entropy perplexity”；-f value 每行输出一个熵；-f json 输出 entropy 和 perplexity（每行一个）以及 mean_entropy。',
  'info.title.entropy': '每一行的熵',
  'info.label.entropy': 'H(p)',
  'teach.entropy.title': '第 {index} 行（共 {count} 行）的熵',
  'teach.entropy.formula':
    '每个类别贡献 −p log p：看到它时的意外程度 −log p，按它出现的频率加权。p = 0 的类别贡献 0（0·log 0 = 0）。',
  'teach.entropy.step.terms': '逐个类别的项，再求和',
  'teach.entropy.terms': '概率分布得越均匀，和越大。',
  'teach.entropy.step.perplexity': '困惑度与最大熵',
  'teach.entropy.perplexity':
    '困惑度 e^H（以奈特计；以比特计时为 2^H，是同一个数）为 {perplexity}：相当于 {perplexity} 个等可能类别的熵。{classes} 个类别上熵的最大值是 {max}，即均匀分布的熵。',
  'teach.entropy.mean': '平均熵是各行熵之和除以 {den}：{why}。',
  'teach.entropy.meanName': '平均 H',
};
