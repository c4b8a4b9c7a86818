// Messages of the teaching features: --explain (step-by-step derivations), --expect
// (checking a claimed answer), --heatmap, `xent descend` and the `xent demo` lesson.

export const teachEn = {
  // global options
  'help.opt.explain':
    'explain the calculation step by step with the numbers substituted (softmax, ce, clip; bce, siglip, ntxent, supcon in brief)',
  'help.opt.row': 'with --explain: the row (1-based) to explain in full; the default is the first',
  'help.opt.expect':
    'check answers worked out by hand: VALUES (the default quantity) or NAME=VALUES (e.g. loss=0.24, probs=0.79,0.18,0.04; VALUES may be @FILE); exit code 1 if any is wrong',
  'help.opt.heatmap': 'shade matrix cells by value (background colour, or ░▒▓█ without colour), with a legend',
  // errors
  'err.teach.rowNumber': "option --row takes a row number: a whole number from 1 (the first row), got '{value}'",
  'err.teach.rowRange': '--row {row} is out of range: there are {count} {unit}s (give a number from 1 to {count})',
  'err.teach.noExplain':
    'xent {command} has no --explain; it explains softmax, ce, clip, bce, siglip, ntxent and supcon',
  'err.teach.rowNeedsExplain': '--row picks the row that --explain explains; give --explain too',
  'err.expect.empty': "option --expect got no numbers in '{value}'",
  'err.expect.unknownQuantity': "--expect: there is no quantity '{name}' here; choose one of: {choices}",
  'err.expect.count': '--expect: {quantity} has {expected} value(s), but {given} were given; give one value for each',
  'err.expect.notHere': 'xent {command} has nothing to check with --expect',
  // --expect output
  'expect.title': 'Check of {quantity}',
  'expect.label.given': 'yours',
  'expect.label.correct': 'correct',
  'expect.label.verdict': 'verdict',
  'expect.right': 'right',
  'expect.wrong': 'wrong',
  'expect.footnote': 'each value is judged at the precision you wrote: 0.24 is right from 0.235 to 0.245',
  'expect.summary': 'checked',
  'expect.score': '{right} of {total} right',
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
  'teach.step.temperature': 'Divide the logits by the temperature T = {value}',
  'teach.temperature.sharper': 'T < 1 spreads the logits apart: the softmax becomes sharper.',
  'teach.temperature.flatter': 'T > 1 pulls the logits together: the softmax becomes flatter.',
  'teach.step.shift': 'Subtract the largest logit m = {max}',
  'teach.step.exp': 'Exponentiate and add up',
  'teach.step.divide': 'Divide each by the sum',
  'teach.step.log': 'The log-probabilities',
  // others
  'teach.generic.title': 'xent {command}: the formula and the numbers',
  'teach.generic.numbers': 'The numbers',
  'teach.generic.more':
    'softmax, ce and clip have a full step-by-step --explain; this command shows its formula and results.',
} as const;

export type TeachKey = keyof typeof teachEn;

export const teachZh: Record<TeachKey, string> = {
  'help.opt.explain': '逐步讲解计算过程并代入实际数字（softmax、ce、clip；bce、siglip、ntxent、supcon 为简要说明）',
  'help.opt.row': '与 --explain 一起使用：完整讲解第几行（从 1 开始），默认第一行',
  'help.opt.expect':
    '核对手算的答案：VALUES（默认的量）或 NAME=VALUES（如 loss=0.24、probs=0.79,0.18,0.04；VALUES 可以是 @FILE）；有错时退出码为 1',
  'help.opt.heatmap': '按数值给矩阵单元格上底色（无颜色时用 ░▒▓█），并附图例',
  'err.teach.rowNumber': '选项 --row 需要行号：从 1（第一行）开始的整数，收到的是“{value}”',
  'err.teach.rowRange': '--row {row} 超出范围：共有 {count} {unit}（请给出 1 到 {count} 之间的数）',
  'err.teach.noExplain':
    'xent {command} 没有 --explain；可讲解的命令有 softmax、ce、clip、bce、siglip、ntxent 和 supcon',
  'err.teach.rowNeedsExplain': '--row 用于选择 --explain 讲解的行；请同时给出 --explain',
  'err.expect.empty': "选项 --expect 的 '{value}' 中没有数字",
  'err.expect.unknownQuantity': "--expect：这里没有名为 '{name}' 的量；可选：{choices}",
  'err.expect.count': '--expect：{quantity} 有 {expected} 个值，但给出了 {given} 个；请每个值给一个',
  'err.expect.notHere': 'xent {command} 没有可用 --expect 核对的结果',
  'expect.title': '核对 {quantity}',
  'expect.label.given': '你的答案',
  'expect.label.correct': '正确值',
  'expect.label.verdict': '判定',
  'expect.right': '对',
  'expect.wrong': '错',
  'expect.footnote': '每个值按你写出的精度判定：写 0.24，则 0.235 到 0.245 之间都算对',
  'expect.summary': '核对结果',
  'expect.score': '{total} 个中对了 {right} 个',
  'heat.legend': '色阶',
  'teach.step.formula': '公式',
  'teach.word.target': '目标',
  'teach.word.up': '升高 {by}',
  'teach.word.down': '降低 {by}',
  'teach.rest.heading': '其余各{unit}，算法相同',
  'teach.rest.more': '……另有 {count} 个',
  'teach.unit': '使用 --base 时损失用 {log} 计算：单位是 {unit}。',
  'teach.step.temperature': '将 logit 除以温度 T = {value}',
  'teach.temperature.sharper': 'T < 1 把 logit 拉开：softmax 更尖锐。',
  'teach.temperature.flatter': 'T > 1 把 logit 拉近：softmax 更平缓。',
  'teach.step.shift': '减去最大的 logit m = {max}',
  'teach.step.exp': '取指数并求和',
  'teach.step.divide': '每项除以总和',
  'teach.step.log': '对数概率',
  'teach.generic.title': 'xent {command}：公式与数值',
  'teach.generic.numbers': '数值',
  'teach.generic.more': 'softmax、ce 和 clip 有完整的逐步 --explain；这个命令给出公式和结果。',
};
