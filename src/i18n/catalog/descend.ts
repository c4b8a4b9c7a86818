// Messages of `xent descend`: its help, options, errors, labels and notes (en, zh).

export const descendEn = {
  // descend
  'help.cmd.descend': 'gradient descent on the logits (ce, clip) or the embeddings: watch the loss fall, step by step',
  'help.descend.more':
    'Each step moves x ← x − lr·∂L/∂x with the closed-form gradient. The loss: --loss ce|clip, or by the data: -y LIST means ce (mean cross-entropy of each row towards its target); without -y a square matrix means clip (the diagonal holds the positive pairs); --image/--text means clip on the embeddings, which then move themselves (the similarity is what the table follows). Defaults: --lr 1, --steps 5.',
  'help.descend.output':
    'Output: one row per step (step 0 is the start): the loss, p(positive) (ce: p of the target, mean over rows; clip: the mean diagonal probability of both softmaxes), the mean positive and mean negative logit or similarity; then the matrix after the last step. tsv/csv: step, loss, p_positive, positive, negative with a header, ready to plot; -f json: the whole trajectory with the matrix of each step.',
  'help.opt.descend.target': 'ce: the target class of each row (or diag)',
  'help.opt.descend.loss': 'the loss to descend: ce or clip (default: ce with -y, else clip)',
  'help.opt.descend.lr': 'the learning rate lr > 0 (default 1)',
  'help.opt.descend.steps': 'the number of steps (default 5)',
  'err.descend.noNegative':
    'descend needs at least 2 classes (for clip, 2 pairs): with one there is no negative to push down, and the loss is 0 at every step',
  'err.descend.steps': "--steps takes a whole number from 1 to {max}, got '{value}'",
  'warn.descend.stopped':
    'the descent stopped after step {step} of {steps}: the next step goes beyond the largest double (about 1.8e308); try a smaller --lr than {lr}',
  'err.descend.noTarget':
    "xent descend needs -y LIST for a {rows}×{cols} matrix (cross-entropy towards each row's target); only a square matrix can use clip",
  'err.descend.embeddingsClip': 'with --image/--text the loss is clip; --loss ce takes logits and -y',
  'err.descend.ceScale': '-s/--scale and -t/--temperature apply to --loss clip only',
  'err.descend.clipTarget': 'clip needs no -y: the positive pairs are the diagonal',
  'descend.title.ce': 'Gradient descent on the cross-entropy (lr = {lr}, {steps} steps)',
  'descend.title.clip': 'Gradient descent on the CLIP loss (lr = {lr}, {steps} steps)',
  'descend.label.step': 'step',
  'descend.label.pTarget': 'p(target)',
  'descend.label.pDiagonal': 'p(diagonal)',
  'descend.label.posLogit': 'target logit',
  'descend.label.negLogit': 'other logits',
  'descend.label.posPair': 'positive logit',
  'descend.label.negPair': 'negative logit',
  'descend.label.posSim': 'positive sim.',
  'descend.label.negSim': 'negative sim.',
  'descend.footnote.ce': 'p(target), target logit and other logits are means over the rows',
  'descend.footnote.clip':
    'p(diagonal): mean of both softmaxes on the diagonal; positive = diagonal, negative = the rest (means)',
  'descend.title.finalLogits': 'Logits after {steps} steps',
  'descend.title.finalSim': 'Similarities after {steps} steps',
  'descend.footnote.markTarget': '* marks the target of each row',
  'descend.note.rule': 'each step: x ← x − {lr}·∂L/∂x; the positive is pulled up, the negatives pushed down',
  'descend.note.ruleCe':
    "each step: x ← x − {lr}·∂L/∂x; the target's logit is pulled up, the other classes' pushed down",
  'descend.note.embeddings': 'the embeddings move; the similarities follow',
  'descend.summary.loss': 'loss',
  'descend.summary.from': '{from} → {to}',
  'descend.summary.positive': 'change of the positive',
  'descend.summary.negative': 'change of the negatives',
  'descend.summary.target': "change of the target's logit",
  'descend.summary.others': "change of the other classes' logits",
} as const;

export type DescendKey = keyof typeof descendEn;

export const descendZh: Record<DescendKey, string> = {
  'help.cmd.descend': '对 logit（ce、clip）或嵌入向量做梯度下降：逐步观察损失下降',
  'help.descend.more':
    '每一步执行 x ← x − lr·∂L/∂x，梯度为闭式解。损失函数：--loss ce|clip，或由数据决定：给出 -y LIST 即 ce（每行对其目标的平均交叉熵）；没有 -y 的方阵即 clip（对角线为正样本对）；--image/--text 即对嵌入向量做 clip，此时移动的是嵌入向量本身（表格跟踪相似度）。默认值：--lr 1，--steps 5。',
  'help.descend.output':
    '输出：每步一行（第 0 步为起点）：损失、p(正确项)（ce：目标类别的概率，各行平均；clip：两个 softmax 对角线概率的平均）、目标类别与其他类别 logit 的平均值（clip：正样本对与负样本对的 logit 或相似度）；然后是最后一步之后的矩阵。tsv/csv：step、loss、p_positive、positive、negative，带表头，可直接作图；-f json：完整轨迹，含每一步的矩阵。',
  'help.opt.descend.target': 'ce：每行的目标类别（或 diag）',
  'help.opt.descend.loss': '要下降的损失：ce 或 clip（默认：有 -y 时为 ce，否则为 clip）',
  'help.opt.descend.lr': '学习率 lr > 0（默认 1）',
  'help.opt.descend.steps': '步数（默认 5）',
  'err.descend.noNegative':
    'descend 至少需要 2 个类别（clip 需要 2 对）：只有一个时，没有可以压低的其他类别（或配对），每一步的损失都是 0',
  'err.descend.steps': '--steps 需要 1 到 {max} 之间的整数，收到的是“{value}”',
  'warn.descend.stopped':
    '梯度下降在第 {step} 步（共 {steps} 步）后停止：下一步会超出双精度浮点数的最大值（约 1.8e308）；请试试比 {lr} 更小的 --lr',
  'err.descend.noTarget': 'xent descend 对 {rows}×{cols} 矩阵需要 -y LIST（每行对其目标的交叉熵）；只有方阵可以用 clip',
  'err.descend.embeddingsClip': '使用 --image/--text 时损失为 clip；--loss ce 需要 logit 和 -y',
  'err.descend.ceScale': '-s/--scale 和 -t/--temperature 只用于 --loss clip',
  'err.descend.clipTarget': 'clip 不需要 -y：正样本对就是对角线',
  'descend.title.ce': '交叉熵的梯度下降（lr = {lr}，{steps} 步）',
  'descend.title.clip': 'CLIP 损失的梯度下降（lr = {lr}，{steps} 步）',
  'descend.label.step': '步',
  'descend.label.pTarget': 'p(目标)',
  'descend.label.pDiagonal': 'p(对角线)',
  'descend.label.posLogit': '目标 logit',
  'descend.label.negLogit': '其他 logit',
  'descend.label.posPair': '正样本 logit',
  'descend.label.negPair': '负样本 logit',
  'descend.label.posSim': '正样本相似度',
  'descend.label.negSim': '负样本相似度',
  'descend.footnote.ce': 'p(目标)、目标 logit 和其他 logit 均为各行平均值',
  'descend.footnote.clip': 'p(对角线)：两个 softmax 在对角线上的平均概率；正样本 = 对角线，负样本 = 其余（平均值）',
  'descend.title.finalLogits': '{steps} 步之后的 logit',
  'descend.title.finalSim': '{steps} 步之后的相似度',
  'descend.footnote.markTarget': '* 标出每行的目标',
  'descend.note.rule': '每一步：x ← x − {lr}·∂L/∂x；正样本对被拉高，负样本对被压低',
  'descend.note.ruleCe': '每一步：x ← x − {lr}·∂L/∂x；目标类别的 logit 被拉高，其他类别的被压低',
  'descend.note.embeddings': '移动的是嵌入向量；相似度随之变化',
  'descend.summary.loss': '损失',
  'descend.summary.from': '{from} → {to}',
  'descend.summary.positive': '正样本的变化',
  'descend.summary.negative': '负样本的变化',
  'descend.summary.target': '目标类别 logit 的变化',
  'descend.summary.others': '其他类别 logit 的变化',
};
