// Messages of the teaching features: --explain (step-by-step derivations), --heatmap,
// `xent descend` and the `xent demo` lesson (--expect's are in expect.ts).

export const teachEn = {
  // global options
  'help.opt.explain':
    'explain the calculation step by step with the numbers substituted (every loss command, softmax, entropy and kl)',
  'help.opt.row': 'with --explain: the row (1-based) to explain in full; the default is the first',
  'help.opt.heatmap': 'shade matrix cells by value (background colour, or ░▒▓█ without colour), with a legend',
  // errors
  'err.teach.rowNumber': "option --row takes a row number: a whole number from 1 (the first row), got '{value}'",
  'err.teach.rowRange': '--row {row} is out of range: there are {count} {unit}s (give a number from 1 to {count})',
  'err.teach.noExplain':
    'xent {command} has no --explain; these commands have it: {commands}',
  'err.teach.rowNeedsExplain': '--row picks the row that --explain explains; give --explain too',
  // heatmap
  'heat.legend': 'shade',
  // explanation: shared
  'teach.step.formula': 'The formula',
  'teach.word.target': 'target',
  'teach.word.up': 'up {by}',
  'teach.word.down': 'down {by}',
  'teach.rest.heading': 'The other {unit}s, the same way',
  'teach.rest.more': '… and {count} more',
  'teach.unit': 'With --base the loss uses {log}: it is in {unit}.',
  'teach.unitValue': 'With --base the logarithm is {log}: the values are in {unit}.',
  'teach.step.temperature': 'Divide the logits by the temperature T = {value}',
  'teach.temperature.sharper': 'T < 1 spreads the logits apart: the softmax becomes sharper.',
  'teach.temperature.flatter': 'T > 1 pulls the logits together: the softmax becomes flatter.',
  'teach.step.shift': 'Subtract the largest logit m = {max}',
  'teach.step.exp': 'Exponentiate and add up',
  'teach.step.divide': 'Divide each by the sum',
  'teach.step.log': 'The log-probabilities',
  // explanation: the kit every loss uses (src/teach/explain/kit.ts)
  'teach.list.pair': '{a}, {b}',
  'teach.sign.sentence': 'Descent moves each against its gradient: {parts}.',
  'teach.sign.raises': 'it raises {names}, where the entry is negative',
  'teach.sign.lowers': 'it lowers {names}, where the entry is positive',
  'teach.sign.lowersMost': 'it lowers {names}, where the entry is positive, {most} the most',
  'teach.sign.stays': 'it leaves {names} as they are (entry 0)',
  'teach.sign.undefined': 'the gradient is not a number here (NaN), so descent has no direction for {names}',
  'teach.sign.two': '{a}; {b}',
  'teach.sign.three': '{a}; {b}; {c}',
  'teach.combine.mean': "The reported loss is the sum of the rows' losses divided by {den}: {why}.",
  'teach.combine.sum': "The reported loss is the sum of the rows' losses (reduction 'sum').",
  'teach.combine.none': "With reduction 'none' each row's loss is reported as it is.",
  'teach.why.rows': 'the number of rows',
  'teach.combine.heading': 'The reported loss',
  'teach.share':
    "So in the gradient of the reported loss (what --grad prints) this row's part is divided by {den} too:",
  'teach.step.descent': 'One step of gradient descent',
  'teach.step.descentRow': 'One step of gradient descent on this row',
  'teach.move.falls': 'falls to {after} (before {before})',
  'teach.move.rises': 'rises to {after} (before {before}): a step of η = {eta} overshoots here',
  'teach.move.stays': 'stays at {after}',
  'teach.step.scale': 'The gradient with respect to the scale',
  'teach.scale.grad':
    'Every logit {logit}ᵢⱼ is {name} times a similarity, so {name} collects every entry of the gradient, each times its similarity {logit}ᵢⱼ / {name}: the whole matrix, not this row alone.',
  'teach.scale.gradBias':
    'Every logit {logit}ᵢⱼ is {name} times a similarity plus b, so {name} collects every entry of the gradient, each times its similarity ({logit}ᵢⱼ − b) / {name}: the whole matrix, not this row alone.',
  'teach.scale.log':
    'open_clip and Hugging Face learn log {name} (logit_scale) rather than {name}, so the step they take is ∂L/∂log {name} = {name} · ∂L/∂{name}, what -g prints as grad_logit_scale.',
  'teach.scale.bias': 'The bias b is added to every logit: its gradient is the sum of every entry (grad_bias).',
  // others
} as const;

export type TeachKey = keyof typeof teachEn;

export const teachZh: Record<TeachKey, string> = {
  'help.opt.explain': '逐步讲解计算过程并代入实际数字（所有损失命令，以及 softmax、entropy 和 kl）',
  'help.opt.row': '与 --explain 一起使用：完整讲解第几行（从 1 开始），默认第一行',
  'help.opt.heatmap': '按数值给矩阵单元格上底色（无颜色时用 ░▒▓█），并附图例',
  'err.teach.rowNumber': '选项 --row 需要行号：从 1（第一行）开始的整数，收到的是“{value}”',
  'err.teach.rowRange': '--row {row} 超出范围：共有 {count} {unit}（请给出 1 到 {count} 之间的数）',
  'err.teach.noExplain':
    'xent {command} 没有 --explain；有 --explain 的命令是 {commands}',
  'err.teach.rowNeedsExplain': '--row 用于选择 --explain 讲解的行；请同时给出 --explain',
  'heat.legend': '色阶',
  'teach.step.formula': '公式',
  'teach.word.target': '目标',
  'teach.word.up': '升高 {by}',
  'teach.word.down': '降低 {by}',
  'teach.rest.heading': '其余各{unit}，算法相同',
  'teach.rest.more': '……另有 {count} 个',
  'teach.unit': '使用 --base 时损失用 {log} 计算：单位是 {unit}。',
  'teach.unitValue': '使用 --base 时对数取 {log}：数值的单位是 {unit}。',
  'teach.step.temperature': '将 logit 除以温度 T = {value}',
  'teach.temperature.sharper': 'T < 1 把 logit 拉开：softmax 更尖锐。',
  'teach.temperature.flatter': 'T > 1 把 logit 拉近：softmax 更平缓。',
  'teach.step.shift': '减去最大的 logit m = {max}',
  'teach.step.exp': '取指数并求和',
  'teach.step.divide': '每项除以总和',
  'teach.step.log': '对数概率',
  'teach.list.pair': '{a}、{b}',
  'teach.sign.sentence': '梯度下降让每一项逆着梯度移动：{parts}。',
  'teach.sign.raises': '梯度为负的 {names} 升高',
  'teach.sign.lowers': '梯度为正的 {names} 降低',
  'teach.sign.lowersMost': '梯度为正的 {names} 降低，其中 {most} 降得最多',
  'teach.sign.stays': '梯度为 0 的 {names} 不变',
  'teach.sign.undefined': '这里的梯度不是数（NaN），梯度下降对 {names} 没有方向',
  'teach.sign.two': '{a}；{b}',
  'teach.sign.three': '{a}；{b}；{c}',
  'teach.combine.mean': '报告的损失是各行损失之和除以 {den}：{why}。',
  'teach.combine.sum': '报告的损失是各行损失之和（-r sum）。',
  'teach.combine.none': '使用 -r none 时逐行报告各自的损失。',
  'teach.why.rows': '即行数',
  'teach.combine.heading': '报告的损失',
  'teach.share': '所以在报告的损失的梯度中（即 --grad 输出的值），这一行的部分也要除以 {den}：',
  'teach.step.descent': '一步梯度下降',
  'teach.step.descentRow': '对这一行做一步梯度下降',
  'teach.move.falls': '降到 {after}（之前为 {before}）',
  'teach.move.rises': '升到 {after}（之前为 {before}）：η = {eta} 的一步在这里走过了头',
  'teach.move.stays': '保持 {after} 不变',
  'teach.step.scale': '对缩放系数的梯度',
  'teach.scale.grad':
    '每个 logit {logit}ᵢⱼ 都是 {name} 乘以一个相似度，所以 {name} 汇集梯度的每一项，各乘以其相似度 {logit}ᵢⱼ / {name}：是整个矩阵，而不只是这一行。',
  'teach.scale.gradBias':
    '每个 logit {logit}ᵢⱼ 都是 {name} 乘以一个相似度再加 b，所以 {name} 汇集梯度的每一项，各乘以其相似度 ({logit}ᵢⱼ − b) / {name}：是整个矩阵，而不只是这一行。',
  'teach.scale.log':
    'open_clip 和 Hugging Face 学习的是 log {name}（logit_scale）而不是 {name}，所以它们实际使用的是 ∂L/∂log {name} = {name} · ∂L/∂{name}，即 -g 输出的 grad_logit_scale。',
  'teach.scale.bias': '偏置 b 加在每个 logit 上：它的梯度是梯度所有项之和（grad_bias）。',
};
