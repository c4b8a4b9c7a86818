// Messages of --expect: checking answers worked out by hand (src/teach/expect*.ts): the
// option's help, its errors, the check tables, the intervals judged by and the diagnoses.

export const expectEn = {
  'help.opt.expect':
    "check answers worked out by hand: VALUES (the command's main result), NAME=VALUES or NAME[i][j]=VALUES (e.g. loss=0.24, probs[0][0]=0.79; several joined by , or ;; VALUES may be @FILE); exit code 1 if any is wrong",
  'help.opt.tol':
    'with --expect: a value is right when |yours − correct| ≤ ABS (+ REL·|correct| with --rtol), whatever digits it was written with',
  'help.opt.rtol': 'with --expect: a value is right when |yours − correct| ≤ REL·|correct| (+ ABS with --tol)',
  // errors
  'err.expect.empty': "option --expect got no numbers in '{value}'",
  'err.expect.unknownQuantity': "--expect: there is no quantity '{name}' here; choose one of: {choices}",
  'err.expect.count': '--expect: {quantity} has {expected} value(s), but {given} were given; give one value for each',
  'err.expect.index':
    "--expect: the index in '{entry}' must be whole numbers in brackets, counted from 0, as in probs[0][1]",
  'err.expect.indexRange':
    "--expect: '{entry}' is out of range: the quantity has shape {shape} (indices count from 0; -1 is the last)",
  'err.expect.tolerance': "option {option} takes a number ≥ 0, got '{value}'",
  'err.expect.toleranceAlone': '{option} sets how --expect judges; give --expect too',
  // the check
  'expect.title': 'Check of {quantity}',
  'expect.label.given': 'yours',
  'expect.label.correct': 'correct',
  'expect.label.verdict': 'verdict',
  'expect.right': 'right',
  'expect.rightFloat32': 'right to float32 precision',
  'expect.rightTolerance': 'right within the tolerance',
  'expect.wrong': 'wrong',
  'expect.summary': 'checked',
  'expect.score': '{right} of {total} right',
  // the interval each value was judged by
  'expect.note.written': '{given} stands for {lo} to {hi} (the digits you wrote)',
  'expect.note.twoDigits': '{given} is judged as {lo} to {hi}: two significant digits of {correct}, finer than written',
  'expect.note.float32': '{given} stands for {lo} to {hi}: float32 rounding, ±{bound}',
  'expect.note.tolerance': '{given} stands for {lo} to {hi}: --tol/--rtol, ±{bound}',
  'expect.note.exact': '{given} is judged exactly',
  // diagnoses
  'expect.diagnosis': '{given} is what {mistake} gives ({alt})',
  'expect.carried': '{given} = {formula} = {alt}: your {what} was {yours}; it is {correct}',
  'expect.rounded': '{given} = {formula} = {alt}: {what} rounded to {rounded} and carried on; it is {correct}',
  'expect.mistake.logBase': '{used} instead of {wanted}',
  'expect.mistake.p': 'p instead of −log p',
  'expect.mistake.sum': 'the sum instead of the mean',
  'expect.mistake.mean': 'the mean instead of the sum',
  'expect.mistake.class': 'class {class} instead of the target',
  'expect.mistake.temperature': 'multiplying by T = {T} instead of dividing',
  'expect.mistake.sign': 'the opposite sign',
  'expect.mistake.directions': 'adding the two directions instead of averaging them',
  'expect.what.pTarget': 'p(target)',
  'expect.what.pPositive': 'p(positive)',
} as const;

export type ExpectKey = keyof typeof expectEn;

export const expectZh: Record<ExpectKey, string> = {
  'help.opt.expect':
    '核对手算的答案：VALUES（命令的主要结果）、NAME=VALUES 或 NAME[i][j]=VALUES（如 loss=0.24、probs[0][0]=0.79；多项用 , 或 ; 连接；VALUES 可以是 @FILE）；有错时退出码为 1',
  'help.opt.tol':
    '与 --expect 一起使用：|你的答案 − 正确值| ≤ ABS（加 --rtol 时再加 REL·|正确值|）即算对，不看写出的位数',
  'help.opt.rtol': '与 --expect 一起使用：|你的答案 − 正确值| ≤ REL·|正确值|（加 --tol 时再加 ABS）即算对',
  'err.expect.empty': "选项 --expect 的 '{value}' 中没有数字",
  'err.expect.unknownQuantity': "--expect：这里没有名为 '{name}' 的量；可选：{choices}",
  'err.expect.count': '--expect：{quantity} 有 {expected} 个值，但给出了 {given} 个；请每个值给一个',
  'err.expect.index': "--expect：'{entry}' 中的下标须是方括号里的整数，从 0 开始计数，如 probs[0][1]",
  'err.expect.indexRange': "--expect：'{entry}' 超出范围：该量的形状是 {shape}（下标从 0 开始；-1 表示最后一个）",
  'err.expect.tolerance': "选项 {option} 需要 ≥ 0 的数，收到的是 '{value}'",
  'err.expect.toleranceAlone': '{option} 设定 --expect 的判定方式；请同时给出 --expect',
  'expect.title': '核对 {quantity}',
  'expect.label.given': '你的答案',
  'expect.label.correct': '正确值',
  'expect.label.verdict': '判定',
  'expect.right': '对',
  'expect.rightFloat32': '在 float32 精度内正确',
  'expect.rightTolerance': '在容差内正确',
  'expect.wrong': '错',
  'expect.summary': '核对结果',
  'expect.score': '{total} 个中对了 {right} 个',
  'expect.note.written': '{given} 代表 {lo} 到 {hi}（按你写出的位数）',
  'expect.note.twoDigits': '{given} 按 {lo} 到 {hi} 判定：取正确值 {correct} 的两位有效数字，比你写的更细',
  'expect.note.float32': '{given} 代表 {lo} 到 {hi}：float32 舍入误差，±{bound}',
  'expect.note.tolerance': '{given} 代表 {lo} 到 {hi}：按 --tol/--rtol，±{bound}',
  'expect.note.exact': '{given} 须完全相等',
  'expect.diagnosis': '{given} 来自这个错误：{mistake}（得 {alt}）',
  'expect.carried': '{given} = {formula} = {alt}：你的 {what} 是 {yours}，正确值是 {correct}',
  'expect.rounded': '{given} = {formula} = {alt}：{what} 取整为 {rounded} 后被沿用；正确值是 {correct}',
  'expect.mistake.logBase': '用 {used} 代替 {wanted}',
  'expect.mistake.p': '用 p 代替 −log p',
  'expect.mistake.sum': '用求和代替求平均',
  'expect.mistake.mean': '用求平均代替求和',
  'expect.mistake.class': '用类别 {class} 代替目标类别',
  'expect.mistake.temperature': '乘以 T = {T} 而不是除以 T',
  'expect.mistake.sign': '把符号弄反',
  'expect.mistake.directions': '把两个方向相加而不是取平均',
  'expect.what.pTarget': 'p(目标)',
  'expect.what.pPositive': 'p(正样本对)',
};
