// Messages of `xent infonce`: its help, options, errors, labels, notes and --explain (en, zh).

export const infonceEn = {
  'err.infonce.missing':
    'InfoNCE from embeddings needs --query, --pos and --neg together; {option} is missing (or give a logits matrix, column 0 the positive)',
  'err.infonce.oneColumn':
    '{source} has one column: InfoNCE needs the positive in column 0 and at least one negative after it',
  'err.infonce.count':
    '{queryOption} has {query} rows and {posOption} {pos}: give one positive key per query (row i of {posOption} is the positive of query i)',
  'err.infonce.dim':
    '{option} has {got} columns but {queryOption} has {expected}: every key must have the dimension of the queries',
  'help.cmd.infonce':
    "InfoNCE with explicit negatives: a logits matrix whose column 0 is the positive (MoCo's layout), or queries, positives and a queue of negatives",
  'help.infonce.formula':
    "Loss of query i: lᵢ = −log softmax(zᵢ / T)₀ = logsumexp(zᵢ / T) − zᵢ₀ / T, F.cross_entropy(logits / T, zeros) as MoCo's builder.py computes it; -r mean (default) divides by N. --grad: ∂lᵢ/∂zᵢⱼ = (pᵢⱼ − [j = 0]) / T (÷ N for mean). Chance level: ln(1 + K), a model that gives the positive and the K negatives the same logit.",
  'help.infonce.data':
    "Input: an N×(1 + K) matrix, column 0 each query's positive logit and the K negatives after it, taken as given (T = 1 unless -t); or --query Q (N×D), --pos P (N×D: row i is query i's positive key) and --neg Q⁻ (K×D: the negative queue every query is compared with), each L2-normalised as MoCo does (--no-normalize for raw dot products), with MoCo's T = 0.07 unless -t; --grad then gives ∂loss/∂ each of the three (MoCo itself backpropagates through the queries only).",
  'help.infonce.output':
    'Output: per query its positive logit, its highest negative, p(positive), loss and ✓/✗; then the loss, the share of queries whose positive comes first, the chance level and the loss as a fraction of it. tsv/csv print "p_positive loss correct" per query (with --grad: the gradient); -f value prints the loss; -f json prints logits, losses, loss, accuracy, chance, loss_over_chance and the gradients.',
  'help.opt.infonce.query': 'the queries, one per row (inline or @FILE)',
  'help.opt.infonce.pos': "each query's positive key, the same row (inline or @FILE)",
  'help.opt.infonce.neg': 'the negative keys (a queue), one per row, shared by every query',
  'help.opt.infonce.temperature': "T (default 1 for a logits matrix, MoCo's 0.07 for embeddings)",
  'infonce.title.rows': 'InfoNCE loss of each query (1 positive, {negatives} negatives)',
  'infonce.title.grad': 'Gradient ∂loss/∂logit (column + is the positive)',
  'infonce.title.gradQuery': 'Gradient ∂loss/∂query',
  'infonce.title.gradPos': 'Gradient ∂loss/∂positive key',
  'infonce.title.gradNeg': 'Gradient ∂loss/∂negative key',
  'infonce.label.query': 'query',
  'infonce.label.positive': 'z₊ / T',
  'infonce.label.topNegative': 'max z₋ / T',
  'infonce.label.pPositive': 'p(positive)',
  'infonce.footnote.logits':
    'logits after ÷ T = {temperature}; ✓: the positive has the highest logit (a tie counts as ✗)',
  'infonce.summary.accuracy': 'accuracy (positive first)',
  'infonce.summary.chance': 'chance level ln {keys} (every key alike)',
  'infonce.summary.overChance': 'mean loss / chance level',
  'infonce.note.logits': 'the input is the logits, column 0 the positive, divided by T = {temperature}',
  'infonce.note.cosine':
    "logits = cosine similarities [q·k₊, q·k₋…] / T with T = {temperature}, the embeddings L2-normalised (MoCo's builder.py)",
  'infonce.note.dot': 'logits = raw dot products [q·k₊, q·k₋…] / T with T = {temperature} (--no-normalize)',
  'infonce.note.chance':
    'chance level: a model that knows nothing gives the {keys} keys the same logit and scores ln {keys}; a loss stuck there has learnt nothing',
  'infonce.note.mocoGrad':
    'MoCo updates only the query encoder by gradient (its keys come from a momentum encoder and its queue takes no gradient): its gradient is ∂loss/∂query',
  'teach.infonce.title': 'InfoNCE, worked through: query {index} of {count}',
  'teach.infonce.step.query': 'The query',
  'teach.infonce.logits': 'Its logits, the positive first, divided by T = {temperature}:',
  'teach.infonce.similarities':
    'Its similarities with the positive key, then each negative, divided by T = {temperature}:',
  'teach.infonce.chance': 'Chance level: ln {keys} = {chance} (every key alike).',
} as const;

export type InfoNceKey = keyof typeof infonceEn;

export const infonceZh: Record<InfoNceKey, string> = {
  'err.infonce.missing':
    '由嵌入计算 InfoNCE 需要同时给出 --query、--pos 和 --neg；缺少 {option}（或者给出 logit 矩阵，第 0 列为正样本）',
  'err.infonce.oneColumn': '{source}只有一列：InfoNCE 需要第 0 列为正样本，其后至少一个负样本',
  'err.infonce.count':
    '{queryOption} 有 {query} 行而 {posOption} 有 {pos} 行：请为每个查询给出一个正样本键（{posOption} 的第 i 行是查询 i 的正样本）',
  'err.infonce.dim': '{option} 有 {got} 列而 {queryOption} 有 {expected} 列：每个键的维度都必须与查询相同',
  'help.cmd.infonce': '显式负样本的 InfoNCE：第 0 列为正样本的 logit 矩阵（MoCo 的布局），或查询、正样本与负样本队列',
  'help.infonce.formula':
    '查询 i 的损失：lᵢ = −log softmax(zᵢ / T)₀ = logsumexp(zᵢ / T) − zᵢ₀ / T，即 MoCo 的 builder.py 所算的 F.cross_entropy(logits / T, zeros)；-r mean（默认）除以 N。--grad：∂lᵢ/∂zᵢⱼ = (pᵢⱼ − [j = 0]) / T（mean 再除以 N）。随机水平：ln(1 + K)，即给正样本和 K 个负样本相同 logit 的模型的损失。',
  'help.infonce.data':
    '输入：N×(1 + K) 矩阵，第 0 列是每个查询的正样本 logit，其后是 K 个负样本，按原样使用（不给 -t 时 T = 1）；或 --query Q（N×D）、--pos P（N×D：第 i 行是查询 i 的正样本键）和 --neg Q⁻（K×D：每个查询都与之比较的负样本队列），与 MoCo 一样各自做 L2 归一化（--no-normalize 使用原始点积），不给 -t 时用 MoCo 的 T = 0.07；此时 --grad 给出损失对三者各自的梯度（MoCo 本身只对查询反向传播）。',
  'help.infonce.output':
    '输出：每个查询的正样本 logit、最高的负样本、p(正样本)、损失和 ✓/✗；然后是损失、正样本排第一的查询比例、随机水平以及损失与它的比值。tsv/csv 每个查询输出“p_positive loss correct”（加 --grad 时输出梯度）；-f value 输出损失；-f json 输出 logits、losses、loss、accuracy、chance、loss_over_chance 和各梯度。',
  'help.opt.infonce.query': '查询，每行一个（可直接给出或用 @FILE）',
  'help.opt.infonce.pos': '每个查询的正样本键，与查询同行（可直接给出或用 @FILE）',
  'help.opt.infonce.neg': '负样本键（队列），每行一个，所有查询共用',
  'help.opt.infonce.temperature': 'T（logit 矩阵默认 1，嵌入默认 MoCo 的 0.07）',
  'infonce.title.rows': '每个查询的 InfoNCE 损失（1 个正样本，{negatives} 个负样本）',
  'infonce.title.grad': '梯度 ∂loss/∂logit（+ 列为正样本）',
  'infonce.title.gradQuery': '梯度 ∂loss/∂查询',
  'infonce.title.gradPos': '梯度 ∂loss/∂正样本键',
  'infonce.title.gradNeg': '梯度 ∂loss/∂负样本键',
  'infonce.label.query': '查询',
  'infonce.label.positive': 'z₊ / T',
  'infonce.label.topNegative': 'max z₋ / T',
  'infonce.label.pPositive': 'p(正样本)',
  'infonce.footnote.logits': 'logit 已除以 T = {temperature}；✓：正样本的 logit 最高（并列算作 ✗）',
  'infonce.summary.accuracy': '准确率（正样本排第一）',
  'infonce.summary.chance': '随机水平 ln {keys}（所有键一样）',
  'infonce.summary.overChance': '平均损失 / 随机水平',
  'infonce.note.logits': '输入即 logit，第 0 列为正样本，除以 T = {temperature}',
  'infonce.note.cosine':
    'logit = 余弦相似度 [q·k₊, q·k₋…] / T，T = {temperature}，嵌入已做 L2 归一化（MoCo 的 builder.py）',
  'infonce.note.dot': 'logit = 原始点积 [q·k₊, q·k₋…] / T，T = {temperature}（--no-normalize）',
  'infonce.note.chance':
    '随机水平：一无所知的模型给 {keys} 个键相同的 logit，损失为 ln {keys}；损失停在这里说明什么都没学到',
  'infonce.note.mocoGrad': 'MoCo 只用梯度更新查询编码器（键来自动量编码器，队列不传梯度）：它用到的梯度是 ∂loss/∂查询',
  'teach.infonce.title': 'InfoNCE 的逐步计算：第 {index} 个查询（共 {count} 个）',
  'teach.infonce.step.query': '这个查询',
  'teach.infonce.logits': '它的 logit（正样本在前），除以 T = {temperature}：',
  'teach.infonce.similarities': '它与正样本键、再与每个负样本的相似度，除以 T = {temperature}：',
  'teach.infonce.chance': '随机水平：ln {keys} = {chance}（所有键一样）。',
};
