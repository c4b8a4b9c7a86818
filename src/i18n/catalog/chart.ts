// Messages of the temperature sweeps (-t with several values) and of the charts: the
// terminal's, --hist's and --plot's (en, zh).

export const chartEn = {
  'help.opt.plot': "also write the run's charts (a sweep, descend, --hist) as an SVG file",
  'help.opt.hist': 'add a histogram of the per-row losses (for a large input: what the cut table leaves out)',
  'help.sweep':
    '-t takes several temperatures for a sweep: a list (-t 0.5,1,2,5,10) or a range, START:END:log:N (N values evenly spaced in log T) or START:END:lin:N (evenly spaced in T), from 2 to 50 of them. Each row is then computed at each T, with its entropy beside it, and charted.',
  'err.sweep.range':
    "bad temperature range '{value}': write START:END:log:N or START:END:lin:N (e.g. 0.1:10:log:9), N a whole number",
  'err.sweep.order': "the temperature range '{value}' must go up: START < END",
  'err.sweep.count': "the temperature sweep '{value}' must have from 2 to {max} temperatures",
  'err.sweep.twice': "the temperature sweep '{value}' has T = {temperature} twice",
  'err.sweep.notHere':
    'xent {command} takes one temperature; sweeps (-t with several values) are for softmax, ce, distill and clip',
  'err.sweep.teach': '{option} explains or checks one computation: give -t one temperature, not a sweep',
  'err.plot.noChart':
    'this run draws no chart for --plot: charts come with a temperature sweep (-t 0.5,1,2), xent descend and --hist',
  'err.plot.svg': "--plot writes an SVG file: give a name ending in .svg, got '{file}'",
  'err.plot.write': "cannot write the chart to '{file}': {reason}",
  'err.hist.noLosses': 'xent {command} has no per-row losses for --hist',
  'sweep.title': 'Temperature sweep: each row at each T (probabilities, entropy H)',
  'sweep.label.entropy': 'H ({unit})',
  'sweep.chart.title': 'Probability of each class against the temperature T (row {row})',
  'sweep.chart.titleOne': 'Probability of each class against the temperature T',
  'sweep.chart.x': 'temperature T',
  'sweep.chart.xLog': 'temperature T (log scale)',
  'sweep.chart.y': 'probability',
  'sweep.note.entropy':
    'H = −Σ p·log p of each row, in {unit}: 0 for a certain answer, log(classes) = {most} for a uniform one. A high T flattens the probabilities (H grows), a low T sharpens them.',
  'sweep.note.charted': 'Charts for the first {shown} rows of {rows}.',
  'sweep.note.distill': "The probabilities are the teacher's, softened at each T (the student's targets).",
  'sweep.note.clip':
    "The probabilities are image → text (a row per image), from the logits scaled by 1/T; the loss is the row's image → text loss.",
  'descend.chart.loss': 'Loss per step',
  'descend.chart.p': 'p(positive) per step',
  'descend.chart.step': 'step',
  'hist.title': 'Histogram of the per-row losses ({count} rows)',
  'hist.x': 'loss',
  'hist.y': 'rows',
  'hist.outside': '{count} rows not drawn: their loss is inf or nan',
  'teach.ce.curve.title': 'The curve −{log} p: near 0 for a confident right answer, steep as p goes to 0',
  'teach.ce.curve.x': 'p(target)',
} as const;

export type ChartKey = keyof typeof chartEn;

export const chartZh: Record<ChartKey, string> = {
  'help.opt.plot': '另外把本次运行的图（温度扫描、descend、--hist）写成 SVG 文件',
  'help.opt.hist': '加一张每行损失的直方图（输入很大时，表格被截去的部分也能看到）',
  'help.sweep':
    '-t 可以给多个温度做扫描：列表（-t 0.5,1,2,5,10）或范围 START:END:log:N（在 log T 上等距取 N 个值）、START:END:lin:N（在 T 上等距），共 2 到 50 个。每一行在每个 T 下各算一次，旁边给出熵，并画成图。',
  'err.sweep.range':
    '温度范围“{value}”写法不对：应写成 START:END:log:N 或 START:END:lin:N（如 0.1:10:log:9），N 为整数',
  'err.sweep.order': '温度范围“{value}”必须递增：START < END',
  'err.sweep.count': '温度扫描“{value}”必须有 2 到 {max} 个温度',
  'err.sweep.twice': '温度扫描“{value}”中 T = {temperature} 出现了两次',
  'err.sweep.notHere': 'xent {command} 只接受一个温度；温度扫描（-t 给多个值）只用于 softmax、ce、distill 和 clip',
  'err.sweep.teach': '{option} 讲解或检查的是一次计算：请只给 -t 一个温度，不要给温度扫描',
  'err.plot.noChart': '这次运行没有可供 --plot 输出的图：温度扫描（-t 0.5,1,2）、xent descend 和 --hist 才会画图',
  'err.plot.svg': '--plot 写出的是 SVG 文件：文件名应以 .svg 结尾，收到的是“{file}”',
  'err.plot.write': '无法把图写入“{file}”：{reason}',
  'err.hist.noLosses': 'xent {command} 没有可供 --hist 使用的逐行损失',
  'sweep.title': '温度扫描：每一行在每个 T 下的概率与熵 H',
  'sweep.label.entropy': 'H（{unit}）',
  'sweep.chart.title': '各类别的概率随温度 T 的变化（第 {row} 行）',
  'sweep.chart.titleOne': '各类别的概率随温度 T 的变化',
  'sweep.chart.x': '温度 T',
  'sweep.chart.xLog': '温度 T（对数刻度）',
  'sweep.chart.y': '概率',
  'sweep.note.entropy':
    'H = −Σ p·log p 按行计算，单位为 {unit}：完全确定时为 0，均匀分布时为 log(类别数) = {most}。T 越高概率越平（H 变大），T 越低概率越尖。',
  'sweep.note.charted': '图只画了前 {shown} 行（共 {rows} 行）。',
  'sweep.note.distill': '概率是教师模型在各个 T 下软化后的概率（学生的目标）。',
  'sweep.note.clip': '概率为图像 → 文本方向（每行一张图像），由 logit 乘以 1/T 得到；损失是该行图像 → 文本的损失。',
  'descend.chart.loss': '每一步的损失',
  'descend.chart.p': '每一步的 p(正例)',
  'descend.chart.step': '步',
  'hist.title': '逐行损失的直方图（{count} 行）',
  'hist.x': '损失',
  'hist.y': '行数',
  'hist.outside': '有 {count} 行未画出：其损失为 inf 或 nan',
  'teach.ce.curve.title': '曲线 −{log} p：有把握地答对时接近 0，p 趋于 0 时急剧上升',
  'teach.ce.curve.x': 'p(目标)',
};
