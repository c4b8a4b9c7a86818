// Messages of `xent softmax`: its help, options, errors, labels and notes (en, zh).

export const softmaxEn = {
  'help.cmd.softmax': 'softmax of each row (or column) of a matrix, computed stably through log-sum-exp',
  'help.softmax.more':
    'p_i = exp(z_i / T) / Σ_k exp(z_k / T), computed as exp(z_i/T − logsumexp(z/T)) so huge logits stay exact. A -inf logit is a masked class (probability 0).',
  // softmax
  'teach.softmax.title': 'Softmax of {unit} {index} of {count}',
  'teach.softmax.formula':
    'Exponentiate each logit, then divide by the sum, so that the results are positive and add up to 1.',
  'teach.softmax.shift':
    'Subtracting the same number from every logit does not change the softmax, and exp cannot overflow.',
  'teach.softmax.check': 'Check: the probabilities add up to {sum}; the largest logit gets the largest probability.',
  'teach.softmax.log': 'log-softmax subtracts the log of the sum from each logit: exact even where p underflows to 0.',
} as const;

export type SoftmaxKey = keyof typeof softmaxEn;

export const softmaxZh: Record<SoftmaxKey, string> = {
  'help.cmd.softmax': '对矩阵的每一行（或每一列）做 softmax，用 log-sum-exp 稳定计算',
  'help.softmax.more':
    'p_i = exp(z_i / T) / Σ_k exp(z_k / T)，按 exp(z_i/T − logsumexp(z/T)) 计算，因此很大的 logit 也精确。-inf 的 logit 表示被屏蔽的类别（概率为 0）。',
  'teach.softmax.title': '第 {index} {unit}的 softmax（共 {count} 个）',
  'teach.softmax.formula': '先对每个 logit 取指数，再除以它们的和，结果都是正数且总和为 1。',
  'teach.softmax.shift': '所有 logit 减去同一个数不改变 softmax，而且 exp 不会溢出。',
  'teach.softmax.check': '检验：概率之和为 {sum}；最大的 logit 得到最大的概率。',
  'teach.softmax.log': 'log-softmax 用每个 logit 减去总和的对数：即使 p 下溢为 0 也是精确的。',
};
