// Messages of the information-theory view: units (--base), `xent entropy`, `xent kl`,
// ce's entropy / divergence columns and its top-k accuracy.

export const infoEn = {
  // units
  'unit.nats': 'nats',
  'unit.bits': 'bits',
  'unit.bans': 'bans',
  'info.inUnit': '{label} [{unit}]',
  'info.note.unit': 'losses and gradients are in {unit} ({log}): the values in nats divided by ln {base}',
  'help.opt.base':
    'unit of losses and gradients: e (nats, the default, as PyTorch), 2 (bits) or 10 (bans); also spelt nats, bits, bans, hartleys',
  'help.opt.baseInfo':
    'unit of the results: e (nats, the default), 2 (bits) or 10 (bans); also spelt nats, bits, bans, hartleys',
  'info.label.perplexity': 'perplexity',
  'info.sum.meanEntropy': 'mean entropy',
  'info.note.maxEntropy':
    'the largest entropy over {classes} classes is {log} {classes} = {max} {unit}, that of the uniform distribution',
  'info.note.perplexity':
    'perplexity = e^H (nats) = 2^H (bits): the effective number of equally likely classes, the same in every unit',
  'info.label.klEntropy': 'H(P)',
  'info.label.klCross': 'H(P, Q)',
  'info.sum.meanKl': 'mean KL(P‖Q)',
  'info.note.klInf': 'KL(P‖Q) = inf in row(s) {rows}: P has mass where Q has none',
} as const;

export type InfoKey = keyof typeof infoEn;

export const infoZh: Record<InfoKey, string> = {
  'unit.nats': '奈特',
  'unit.bits': '比特',
  'unit.bans': '哈特莱',
  'info.inUnit': '{label} [{unit}]',
  'info.note.unit': '损失和梯度以{unit}为单位（{log}）：即以奈特计的值除以 ln {base}',
  'help.opt.base':
    '损失和梯度的单位：e（奈特，默认，与 PyTorch 相同）、2（比特）或 10（哈特莱）；也可写作 nats、bits、bans、hartleys',
  'help.opt.baseInfo': '结果的单位：e（奈特，默认）、2（比特）或 10（哈特莱）；也可写作 nats、bits、bans、hartleys',
  'info.label.perplexity': '困惑度',
  'info.sum.meanEntropy': '平均熵',
  'info.note.maxEntropy': '{classes} 个类别上熵的最大值是 {log} {classes} = {max} {unit}，即均匀分布的熵',
  'info.note.perplexity': '困惑度 = e^H（奈特）= 2^H（比特）：等效的等可能类别数，在任何单位下都相同',
  'info.label.klEntropy': 'H(P)',
  'info.label.klCross': 'H(P, Q)',
  'info.sum.meanKl': '平均 KL(P‖Q)',
  'info.note.klInf': '第 {rows} 行的 KL(P‖Q) = inf：P 有概率的位置 Q 为 0',
};
