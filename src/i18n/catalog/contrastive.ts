// Messages of the contrastive losses: xent clip, siglip, ntxent and supcon.

export const contrastiveEn = {
  // errors
  'err.notSquare':
    '{command} needs a square matrix (row i is image i, column j is text j, and the positive pairs are the diagonal), got {rows}×{cols}',
  'err.pairCount':
    '--image has {image} rows but --text has {text}: row i of each is a matching pair, so the counts must be equal',
  'err.pairDim':
    'the image embeddings have {image} columns but the text embeddings have {text}: a dot product needs the same dimension',
  'err.embeddingNotFinite': 'row {row}, column {col} of {what} is {value}: embeddings must be finite numbers',
  'err.logitOverflow':
    'the logit of image {row} and text {col} is {value}: scale × image·text (+ bias) is beyond the largest double (about 1.8e308); with --no-normalize, scale the embeddings down',
  'err.zeroEmbedding':
    'row {row} of {what} is all zeros: a zero vector has no direction, so it cannot be L2-normalised',
  'err.oddRows':
    'ntxent needs an even number of rows (2N: two views of each of N examples), got {rows} rows in {source}',
  'err.labelsMissing': 'supcon needs --labels: one class label per row (for example --labels 0,0,1,1)',
  'err.labelsLength': '--labels has {got} labels for {rows} rows in {source}: give one label per row',
  'err.noPositives':
    'no anchor has a positive: each of the {rows} labels occurs only once, so the supervised contrastive loss is undefined (an anchor needs another row with its label)',
  'err.temperatureTiny':
    "the temperature '{value}' is too small: the scale 1/T is larger than the largest float64 number (about 1.8e308) (option -t, --temperature)",
  'err.scaleAndTemperature': 'give -s, --scale or -t, --temperature, not both (the scale is 1/T)',
  'err.imageTextPair': '--image and --text go together: {option} was given without the other',
  'err.matrixAndEmbeddings': 'give either a logits matrix or --image and --text embeddings, not both',
  'err.finiteOption': "option {option} takes a finite number, got '{value}'",
  'err.logitsOption':
    'option {option} applies to --image/--text embeddings; a ready logits matrix is used as given',

  // tables
  'label.imageText': 'image \\ text',
  'label.loss': 'loss',
  'label.label': 'label',
  'label.dim': 'dim',
  'label.noPositive': 'no positive',
  'title.clipI2t': 'Image → text: softmax of each row (which text each image picks)',
  'title.clipT2i': 'Text → image: softmax of each column (which image each text picks)',
  'title.gradLogits': 'Gradient of the loss w.r.t. each logit (∂loss/∂logits)',
  'title.gradImage': 'Gradient w.r.t. each image embedding (raw, before normalisation)',
  'title.gradText': 'Gradient w.r.t. each text embedding (raw, before normalisation)',
  'title.gradEmbeddings': 'Gradient w.r.t. each embedding (raw, before normalisation)',
  'title.siglipLogits': 'Logits',
  'title.siglipProbs': 'σ(logit): probability that image i and text j match',
  'title.othersSoftmax': 'Softmax of each row over the other rows (cosine similarity / τ)',
  'note.markDiagonal': '* marks the positive pair (the diagonal): image i goes with text i',
  'note.markPartner': '* marks each row’s partner (the other view of the same example); — is the row itself, left out',
  'note.markPositive': '* marks the positives (other rows with the anchor’s label); — is the row itself, left out',
  'note.rowLossColumn': 'the loss column is each row’s cross-entropy; the loss row is each column’s',
  'note.siglipShare': 'the loss column is each image’s share: Σⱼ −log σ(zᵢⱼ·logitᵢⱼ) / N; the shares add up to the loss',

  // summary
  'sum.lossI2t': 'loss image→text (mean over rows)',
  'sum.lossT2i': 'loss text→image (mean over columns)',
  'sum.lossSymmetric': 'loss (symmetric: their average)',
  'sum.loss': 'loss',
  'sum.recallI2t': 'Recall@{k} image→text',
  'sum.recallT2i': 'Recall@{k} text→image',
  'sum.gradScale': '∂loss/∂scale',
  'sum.gradTemperature': '∂loss/∂T',
  'sum.gradBias': '∂loss/∂bias',
  'sum.anchors': 'anchors with a positive',
  'sum.anchorsValue': '{count} of {rows}',
  'sum.simclrLoss': '2 × loss (what SimCLR’s code reports)',

  // notes
  'note.logitsScaled': 'logits = {scale} × the input matrix',
  'note.cosineLogits': 'logits = {scale} × cosine similarity of the L2-normalised embeddings',
  'note.dotLogits': 'logits = {scale} × raw dot product of the embeddings (--no-normalize)',
  'note.siglipCosine': 'logits = {scale} × cosine similarity + ({bias})',
  'note.siglipDot': 'logits = {scale} × raw dot product + ({bias}) (--no-normalize)',
  'note.siglipReady': 'the input matrix is used as the logits (scale and bias already applied)',
  'note.recall5': 'Recall@5 is shown from N = 5 on (this batch has N = {n})',
  'note.ntxentPairs': 'τ = {temperature}; rows i and i + N are two views of one example',
  'note.ntxentAdjacent': 'τ = {temperature}; rows 2k − 1 and 2k are two views of one example (--pairs adjacent)',
  'note.supconTemperature': 'τ = {temperature}',
  'note.noPositive': 'no positive for row(s) {rows}: left out of the mean (null in JSON)',

  // help
  'help.cmd.clip': 'CLIP’s symmetric InfoNCE loss of an image–text similarity matrix or of embeddings',
  'help.clip.more':
    'Row i = image i, column j = text j; the diagonal holds the positive pairs. loss_i2t = mean over rows of −log softmax(row i)[i], loss_t2i = mean over columns of −log softmax(column j)[j], loss = (loss_i2t + loss_t2i) / 2. With --image and --text (one embedding per row, inline or @FILE), logits = s · normalize(image) · normalize(text)ᵀ.',
  'help.clip.scale':
    '-s multiplies the logits by s (CLIP’s exp(logit_scale): 1/0.07 ≈ 14.3 at initialisation, 100 when trained); -t T divides by T (s = 1/T). Default s = 1. -g gives ∂loss/∂logits and, with embeddings, the gradient w.r.t. each raw embedding and the scale.',
  'help.clip.data':
    'tsv/csv print the image→text probabilities (the row softmax); -f value prints the symmetric loss, streaming the rows: a file of 8 MB or more given with -i is read by two threads (the same digits as from a pipe). Recall@K: the share of images whose own text ranks in the top K (ties count against it), and likewise for texts.',
  'help.opt.image': 'image embeddings, one per row (inline in any notation, or @FILE)',
  'help.opt.text': 'text embeddings, one per row (inline, or @FILE)',
  'help.opt.scaleClip': 'multiply the logits by S > 0 (default 1)',
  'help.opt.temperatureClip': 'divide the logits by T > 0 instead (scale = 1/T)',
  'help.opt.noNormalize': 'use raw dot products, not cosine similarity',
  'help.opt.grad': 'also show the gradients',

  'help.cmd.siglip': 'SigLIP’s pairwise sigmoid loss of image and text embeddings (or of a logits matrix)',
  'help.siglip.more':
    'logits = t · normalize(image) · normalize(text)ᵀ + b; loss = −Σᵢⱼ log σ(zᵢⱼ · logitsᵢⱼ) / N with zᵢⱼ = +1 on the diagonal (matching pairs) and −1 elsewhere. log σ(x) is computed as −softplus(−x), so large logits are exact. A logits matrix given as input is used as it is.',
  'help.siglip.data':
    'tsv/csv print σ(logits), the match probability of each pair; -f value prints the loss. -g adds ∂loss/∂logits and, with embeddings, the gradients w.r.t. the raw embeddings, t and b.',
  'help.opt.scaleSiglip': 'the scale t > 0 (default 10, SigLIP’s initial value)',
  'help.opt.bias': 'the bias b (default −10, SigLIP’s initial value)',

  'help.cmd.ntxent': 'SimCLR’s NT-Xent loss of 2N embeddings (two views of each of N examples)',
  'help.ntxent.more':
    'Rows i and i + N are two views of one example (--pairs adjacent: rows 2k − 1 and 2k, counting from 1). Each row is L2-normalised; for each row, the logits are its cosine similarity with every other row divided by τ (itself left out), and its loss is the cross-entropy toward its partner. loss = the mean over the 2N rows.',
  'help.ntxent.simclr':
    'SimCLR’s reference code adds the two halves’ means, which is twice this mean; xent shows that figure too. JSON always holds the gradient w.r.t. the raw embeddings (grad). tsv/csv print the softmax matrix (0 for a row with itself); -f value prints the loss.',
  'help.opt.temperatureNtxent': 'the temperature τ > 0 (default 0.5)',
  'help.opt.pairs': 'which rows are pairs: half (i and i + N, default) or adjacent (2k − 1 and 2k)',
  'help.opt.gradTable': 'also show the gradient table (JSON always has it)',

  'help.cmd.supcon': 'supervised contrastive loss (Khosla et al. 2020) of embeddings with class labels',
  'help.supcon.more':
    'Rows are L2-normalised. For an anchor i with positives P(i) (the other rows with its label): Lᵢ = −(1/|P(i)|) Σ_{p∈P(i)} log softmax(sᵢ/τ)[p], where the softmax runs over all rows but i. loss = the mean of Lᵢ over the anchors that have a positive.',
  'help.supcon.anchors':
    'An anchor whose label occurs only once has no positive: it has no term, is left out of the mean, and shows as null in JSON (not NaN). The default τ = 0.07 is that of the authors’ SupConLoss; their loss also multiplies by τ / base_temperature, 1 with their defaults. tsv/csv print the softmax matrix; -f value prints the loss.',
  'help.opt.labels': 'one class label per row, e.g. 0,0,1,1 (required)',
  'help.opt.temperatureSupcon': 'the temperature τ > 0 (default 0.07)',
} as const;

export type ContrastiveKey = keyof typeof contrastiveEn;

export const contrastiveZh: Record<ContrastiveKey, string> = {
  'err.notSquare':
    '{command} 需要一个方阵（第 i 行是图像 i，第 j 列是文本 j，正样本对在对角线上），收到的是 {rows}×{cols}',
  'err.pairCount': '--image 有 {image} 行，而 --text 有 {text} 行：两者的第 i 行构成一对匹配样本，所以行数必须相同',
  'err.pairDim': '图像嵌入有 {image} 列，而文本嵌入有 {text} 列：做点积需要相同的维度',
  'err.embeddingNotFinite': '{what}第 {row} 行第 {col} 列是 {value}：嵌入必须是有限数',
  'err.logitOverflow': '图像 {row} 与文本 {col} 的 logit 是 {value}：缩放 × 图像·文本（+ 偏置）超出了双精度的最大值（约 1.8e308）；使用 --no-normalize 时请把嵌入缩小',
  'err.zeroEmbedding': '{what}第 {row} 行全是 0：零向量没有方向，无法做 L2 归一化',
  'err.oddRows': 'ntxent 需要偶数行（2N 行：N 个样本各有两个视图），而{source}中有 {rows} 行',
  'err.labelsMissing': 'supcon 需要 --labels：每行一个类别标签（例如 --labels 0,0,1,1）',
  'err.labelsLength': '--labels 有 {got} 个标签，而{source}中有 {rows} 行：每行需要一个标签',
  'err.noPositives':
    '没有任何锚点有正样本：{rows} 个标签各只出现一次，因此监督对比损失无定义（锚点需要另一行与它标签相同）',
  'err.temperatureTiny': '温度“{value}”太小：缩放系数 1/T 超过了 float64 能表示的最大数（约 1.8e308）（选项 -t, --temperature）',
  'err.scaleAndTemperature': '-s, --scale 与 -t, --temperature 只能给一个（缩放系数就是 1/T）',
  'err.imageTextPair': '--image 和 --text 必须同时给出：只给了 {option}',
  'err.matrixAndEmbeddings': '请给出 logit 矩阵或 --image 与 --text 嵌入，二者不能同时给',
  'err.finiteOption': '选项 {option} 需要一个有限数，收到的是“{value}”',
  'err.logitsOption': '选项 {option} 只用于 --image/--text 嵌入；现成的 logit 矩阵会原样使用',

  'label.imageText': '图像 \\ 文本',
  'label.loss': '损失',
  'label.label': '标签',
  'label.dim': '维',
  'label.noPositive': '无正样本',
  'title.clipI2t': '图像 → 文本：每一行的 softmax（每张图像选中哪段文本）',
  'title.clipT2i': '文本 → 图像：每一列的 softmax（每段文本选中哪张图像）',
  'title.gradLogits': '损失对每个 logit 的梯度（∂loss/∂logits）',
  'title.gradImage': '对每个图像嵌入的梯度（原始嵌入，归一化之前）',
  'title.gradText': '对每个文本嵌入的梯度（原始嵌入，归一化之前）',
  'title.gradEmbeddings': '对每个嵌入的梯度（原始嵌入，归一化之前）',
  'title.siglipLogits': 'Logit',
  'title.siglipProbs': 'σ(logit)：图像 i 与文本 j 匹配的概率',
  'title.othersSoftmax': '每一行在其他各行上的 softmax（余弦相似度 / τ）',
  'note.markDiagonal': '* 标出正样本对（对角线）：图像 i 对应文本 i',
  'note.markPartner': '* 标出每行的配对行（同一样本的另一个视图）；— 是该行自身，不参与计算',
  'note.markPositive': '* 标出正样本（与锚点标签相同的其他行）；— 是该行自身，不参与计算',
  'note.rowLossColumn': '“损失”列是每一行的交叉熵，“损失”行是每一列的交叉熵',
  'note.siglipShare': '“损失”列是每张图像分摊的部分：Σⱼ −log σ(zᵢⱼ·logitᵢⱼ) / N，各行相加即为总损失',

  'sum.lossI2t': '图像→文本损失（各行平均）',
  'sum.lossT2i': '文本→图像损失（各列平均）',
  'sum.lossSymmetric': '损失（对称：两者的平均）',
  'sum.loss': '损失',
  'sum.recallI2t': '图像→文本 Recall@{k}',
  'sum.recallT2i': '文本→图像 Recall@{k}',
  'sum.gradScale': '∂loss/∂scale',
  'sum.gradTemperature': '∂loss/∂T',
  'sum.gradBias': '∂loss/∂bias',
  'sum.anchors': '有正样本的锚点',
  'sum.anchorsValue': '{rows} 个中的 {count} 个',
  'sum.simclrLoss': '2 × 损失（SimCLR 代码报告的数值）',

  'note.logitsScaled': 'logit = {scale} × 输入矩阵',
  'note.cosineLogits': 'logit = {scale} × L2 归一化后嵌入的余弦相似度',
  'note.dotLogits': 'logit = {scale} × 嵌入的原始点积（--no-normalize）',
  'note.siglipCosine': 'logit = {scale} × 余弦相似度 + ({bias})',
  'note.siglipDot': 'logit = {scale} × 原始点积 + ({bias})（--no-normalize）',
  'note.siglipReady': '输入矩阵直接作为 logit 使用（已含缩放与偏置）',
  'note.recall5': 'N ≥ 5 时才显示 Recall@5（本批 N = {n}）',
  'note.ntxentPairs': 'τ = {temperature}；第 i 行与第 i + N 行是同一样本的两个视图',
  'note.ntxentAdjacent': 'τ = {temperature}；第 2k − 1 行与第 2k 行是同一样本的两个视图（--pairs adjacent）',
  'note.supconTemperature': 'τ = {temperature}',
  'note.noPositive': '第 {rows} 行没有正样本：不计入平均（JSON 中为 null）',

  'help.cmd.clip': 'CLIP 的对称 InfoNCE 损失：输入图文相似度矩阵或嵌入',
  'help.clip.more':
    '第 i 行是图像 i，第 j 列是文本 j，对角线是正样本对。loss_i2t = 各行 −log softmax(第 i 行)[i] 的平均，loss_t2i = 各列 −log softmax(第 j 列)[j] 的平均，loss = (loss_i2t + loss_t2i) / 2。给出 --image 和 --text（每行一个嵌入，可直接写或用 @FILE）时，logit = s · normalize(image) · normalize(text)ᵀ。',
  'help.clip.scale':
    '-s 把 logit 乘以 s（即 CLIP 的 exp(logit_scale)：初始为 1/0.07 ≈ 14.3，训练后为 100）；-t T 则除以 T（s = 1/T）。默认 s = 1。-g 给出 ∂loss/∂logits；给了嵌入时，还给出对每个原始嵌入和对缩放系数的梯度。',
  'help.clip.data':
    'tsv/csv 输出图像→文本的概率（按行 softmax）；-f value 输出对称损失，按行流式读取：用 -i 给出 8 MB 以上的文件时由两个线程读取（数字与管道输入完全相同）。Recall@K：自己的文本排进前 K 名的图像所占比例（并列时算作未命中），文本方向同理。',
  'help.opt.image': '图像嵌入，每行一个（可用任何写法直接给出，或 @FILE）',
  'help.opt.text': '文本嵌入，每行一个（直接给出，或 @FILE）',
  'help.opt.scaleClip': '把 logit 乘以 S > 0（默认 1）',
  'help.opt.temperatureClip': '改为把 logit 除以 T > 0（缩放系数 = 1/T）',
  'help.opt.noNormalize': '使用原始点积，而不是余弦相似度',
  'help.opt.grad': '同时显示梯度',

  'help.cmd.siglip': 'SigLIP 的成对 sigmoid 损失：输入图像与文本嵌入（或 logit 矩阵）',
  'help.siglip.more':
    'logit = t · normalize(image) · normalize(text)ᵀ + b；loss = −Σᵢⱼ log σ(zᵢⱼ · logitᵢⱼ) / N，其中对角线（匹配的样本对）上 zᵢⱼ = +1，其余为 −1。log σ(x) 按 −softplus(−x) 计算，因此很大的 logit 也精确。作为输入给出的 logit 矩阵会原样使用。',
  'help.siglip.data':
    'tsv/csv 输出 σ(logit)，即每一对的匹配概率；-f value 输出损失。-g 增加 ∂loss/∂logits；给了嵌入时，还给出对原始嵌入、t 和 b 的梯度。',
  'help.opt.scaleSiglip': '缩放系数 t > 0（默认 10，即 SigLIP 的初始值）',
  'help.opt.bias': '偏置 b（默认 −10，即 SigLIP 的初始值）',

  'help.cmd.ntxent': 'SimCLR 的 NT-Xent 损失：2N 个嵌入（N 个样本各有两个视图）',
  'help.ntxent.more':
    '第 i 行与第 i + N 行是同一样本的两个视图（--pairs adjacent：从 1 数起，第 2k − 1 行与第 2k 行）。每行先做 L2 归一化；每一行的 logit 是它与其他各行的余弦相似度除以 τ（不含自身），损失是朝向其配对行的交叉熵。loss = 2N 行的平均。',
  'help.ntxent.simclr':
    'SimCLR 的参考代码把两半各自的平均相加，也就是这个平均值的两倍；xent 也会显示这个数。JSON 始终包含对原始嵌入的梯度（grad）。tsv/csv 输出 softmax 矩阵（行与自身处为 0）；-f value 输出损失。',
  'help.opt.temperatureNtxent': '温度 τ > 0（默认 0.5）',
  'help.opt.pairs': '哪些行成对：half（第 i 行与第 i + N 行，默认）或 adjacent（第 2k − 1 行与第 2k 行）',
  'help.opt.gradTable': '同时显示梯度表（JSON 中始终包含梯度）',

  'help.cmd.supcon': '监督对比损失（Khosla 等，2020）：带类别标签的嵌入',
  'help.supcon.more':
    '每行先做 L2 归一化。对于锚点 i 及其正样本集合 P(i)（标签相同的其他行）：Lᵢ = −(1/|P(i)|) Σ_{p∈P(i)} log softmax(sᵢ/τ)[p]，其中 softmax 取遍除 i 以外的所有行。loss = 所有有正样本的锚点上 Lᵢ 的平均。',
  'help.supcon.anchors':
    '标签只出现一次的锚点没有正样本：它没有损失项，不计入平均，在 JSON 中显示为 null（而不是 NaN）。默认 τ = 0.07 与作者的 SupConLoss 相同；他们的损失还会乘以 τ / base_temperature，在默认设置下为 1。tsv/csv 输出 softmax 矩阵；-f value 输出损失。',
  'help.opt.labels': '每行一个类别标签，例如 0,0,1,1（必填）',
  'help.opt.temperatureSupcon': '温度 τ > 0（默认 0.07）',
};
