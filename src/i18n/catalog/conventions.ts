// Messages of the library conventions: what an unknown command usually means, the chance
// level of every loss, and the presets of the contrastive commands (en, zh).

export const conventionsEn = {
  // An unknown command: what people usually mean by it.
  'err.usuallyMeant': " — try '{usage}': {why}",
  'err.hintPair': '{first}{second}',
  'suggest.why.nll':
    "a negative log-likelihood of probabilities; PyTorch's F.nll_loss takes log-probabilities, which plain xent ce takes as logits (log-softmax leaves them as they are)",
  'suggest.why.ce': 'softmax cross-entropy of logits against class targets (-y) or distributions (--target-probs)',
  'suggest.why.bce': 'sigmoid (binary and multi-label) cross-entropy of logits, as BCEWithLogitsLoss',
  'suggest.why.hinge': "multi-class margin losses: CS231n's SVM, F.multi_margin_loss and Crammer–Singer (--style)",
  'suggest.why.distill': 'knowledge distillation: T²·KL(teacher ‖ student) at temperature T, as Hinton et al.',
  'suggest.why.kl': 'the KL divergence KL(P‖Q) between the rows of two distributions (--p, --q)',
  'suggest.why.infonce':
    "InfoNCE: each query's positive classified against its negatives; with in-batch negatives in both directions it is CLIP's loss",
  'suggest.why.clip': "CLIP's symmetric InfoNCE over image–text pairs (open_clip's ClipLoss)",
  'suggest.why.ntxent': "SimCLR's NT-Xent over two views of each example",
  'suggest.why.supcon': 'the supervised contrastive loss of Khosla et al. (--labels)',
  'suggest.why.siglip': "SigLIP's pairwise sigmoid loss",
  'suggest.why.lm': 'cross-entropy per token, and perplexity (e to the mean loss)',
  'suggest.why.retrieval': 'Recall@K of the positive pairs in a similarity matrix',
  'suggest.why.softmax': 'softmax, log-softmax (--log) and the most probable class of each row',
  'suggest.why.focal': "the focal loss of Lin et al., as torchvision's sigmoid_focal_loss",
  'suggest.why.spelling': "that is this command's name in xent",
  // The chance level of a loss ("is my loss normal?").
  'sum.chance': 'chance level',
  'sum.ofChance': 'loss ÷ chance level',
  'note.chance': 'chance level: {formula} (a model that knows nothing)',
  'chance.ce': '{log} C = {log} {classes} per row for equal logits, weighted as the loss is',
  'chance.bce': '{log} 2 per element for logits 0 (p = 0.5), weighted as the loss is',
  'chance.focal': 'the same focal loss of equal logits (p = 0.5, or 1/C per class)',
  'chance.hinge': 'the margin paid on every other class, for equal scores',
  'chance.distill': 'T²·KL(teacher ‖ uniform) for a student with equal logits, mixed with A·{log} C with labels',
  'chance.clip': '{log} N = {log} {n} for equal logits',
  'chance.siglip': 'log(1 + e^−b) + (N − 1)·log(1 + e^b), every logit the bias b = {bias}',
  'chance.ntxent': '{log}(2N − 1) = {log} {others} for equal similarities',
  'chance.supcon': '{log}(M − 1) = {log} {others} per anchor for equal similarities',
  'chance.pairNtxent': 'the mean over the positive pairs of {log}(1 + the anchor’s negatives), for equal similarities',
  'chance.pairNtxentZero':
    'the sum over the positive pairs of {log}(1 + the anchor’s negatives), for equal similarities, over the pairs and the {singletons} anchor(s) alone counted as 0',
  // The conventions of the libraries people compare with, and --as.
  'help.opt.as.clip':
    "a library's conventions at once: open_clip (-s 1/0.07 = 14.29, its initial logit_scale log(1/0.07)) or hf (-s e^2.6592 = 14.2857…, CLIPConfig's logit_scale_init_value); -s or -t still win. Both learn log s: -g shows ∂loss/∂log scale beside ∂loss/∂scale",
  'help.opt.as.siglip':
    "a library's conventions at once: open_clip or hf (-s 10, -b −10: their initial logit_scale log 10 and logit_bias; xent's defaults too); -g shows ∂loss/∂log scale, the gradient they apply",
  'help.opt.as.ntxent':
    "a library's conventions at once: simclr (τ 0.1, its run.py default, and the loss it reports, loss_a + loss_b = twice the mean, also for -f value), supcontrast (τ 0.07 scaled by τ/base_temperature 0.07, raw dot products), pml (pytorch-metric-learning: τ 0.07, and with --labels its multi-positive NT-Xent); options given still win",
  'help.opt.as.supcon':
    "a library's conventions at once: supcontrast (the authors' SupConLoss: τ 0.07, base_temperature 0.07, raw dot products, an anchor without positives counted as 0) or pml (pytorch-metric-learning's SupConLoss: τ 0.1 on cosine similarity, such anchors left out); options given still win",
  'help.ntxent.libraries':
    "Default temperatures differ: xent 0.5 (the SimCLR paper's), SimCLR's code 0.1, pytorch-metric-learning 0.07, SupContrast 0.07: give -t or --as LIBRARY to compare with one. With --labels, every pair of rows with one label is a positive pair and each pair's denominator holds only the rows of other labels, as pytorch-metric-learning's NTXentLoss; its loss is the mean over pairs.",
  'help.supcon.libraries':
    "SupContrast's SupConLoss multiplies by τ / base_temperature (--base-temperature; × 1.43 at its README's τ = 0.1 with base 0.07), takes raw dot products (--no-normalize), may take only the first view of each sample as anchors (--contrast-mode one, rows stacked view by view as torch.cat(torch.unbind(features, 1))) and, in its current code, counts an anchor without positives as 0 in the mean (--singletons zero). pytorch-metric-learning's SupConLoss defaults to τ = 0.1 and leaves such anchors out. --as supcontrast or --as pml sets each at once.",
  'help.opt.labelsNtxent':
    "one label per row (e.g. 0,0,1,1,1 or @FILE): every pair of rows with one label is a positive pair, as pytorch-metric-learning's NTXentLoss (the other positives leave each pair's denominator; the loss is the mean over pairs)",
  'help.opt.baseTemperature': "SupContrast's base_temperature: the loss is multiplied by τ / this (default τ: × 1)",
  'help.opt.contrastModeNtxent':
    "the anchors: all (every row, default) or one (only the first view of each pair, SupContrast's contrast_mode='one')",
  'help.opt.contrastModeSupcon':
    'the anchors: all (every row, default) or one (the first 1/V of the rows: view 1 of each sample, with the rows stacked view by view as SupContrast stacks [bsz, n_views] features; V from --views)',
  'help.opt.views':
    'with --contrast-mode one: how many views of each sample the rows hold, stacked view by view (default 2)',
  'help.opt.singletons':
    'an anchor whose label no other row has: drop (left out of the mean, default, as pytorch-metric-learning) or zero (counted as 0 in the mean, as SupContrast)',
  'help.opt.singletonsNtxent':
    "with --labels, an anchor whose label no other row has (it forms no positive pair): drop (left out of the mean over pairs, default, as pytorch-metric-learning's NTXentLoss) or zero (one term of 0 in the mean: the sum over pairs divided by pairs + such anchors)",
  'help.opt.noNormalizeSelf':
    "use raw dot products, not cosine similarity (SupContrast's loss takes its features as given)",
  'err.presetNotHere':
    "xent {command} has no preset '{value}': that library has no such loss here; {option} takes {choices}",
  'err.ntxent.labelsWith':
    "{labels} (pytorch-metric-learning's multi-positive NT-Xent) sets the positives and the anchors itself, and takes no {option}: leave it out",
  'err.ntxent.labelsWithPreset':
    "{labels} is pytorch-metric-learning's multi-positive NT-Xent, and {library} has no such loss: leave out {option} {library} (SupContrast's loss with labels is xent supcon --as supcontrast)",
  'err.ntxent.singletonsNeedLabels':
    '{singletons} is for {labels}: without labels every row has its one partner, so no anchor is alone',
  'err.views': "option {option} takes a whole number of views, 2 or more, got '{value}'",
  'err.viewsRows': '--contrast-mode one with {views} views needs a number of rows that {views} divides, got {rows}',
  'note.pairNtxent':
    "τ = {temperature}; pytorch-metric-learning's NT-Xent: {pairs} positive pairs (rows with one label), each against the rows of other labels only; the loss is their mean",
  'note.selfDot': 'raw dot products / τ (--no-normalize): the rows are not normalised',
  'note.baseTemperature': 'the loss is multiplied by τ / base_temperature = τ / {base} = {factor} (SupContrast)',
  'note.contrastOne': 'anchors: the first view of each sample only, the first {count} rows (contrast_mode one)',
  'note.simclrReported':
    "--as simclr: -f value and --expect's headline are SimCLR's figure, loss_a + loss_b = 2 × the mean over the 2N rows",
  'note.noPositiveZero': 'no positive for row(s) {rows}: counted as 0 in the mean (--singletons zero)',
  'sum.pairs': 'positive pairs',
  'title.othersSoftmaxDot': 'Softmax of each row over the other rows (dot product / τ)',
  'label.notAnchor': 'not an anchor',
  'label.noTerm': 'no term',
  // kl as F.kl_div takes it.
  'help.kl.torch':
    "As PyTorch: F.kl_div(input, target) is KL(target‖·) with input = log Q: xent kl --p TARGET --q Q. --logits takes both as logits (softmax(x / T) of each row, -t T; log-probabilities are logits too), --log-target takes --p as log P (F.kl_div's log_target=True). -r names F.kl_div's reduction: batchmean (Σ / N rows, the KL per sample, and xent's mean KL), mean (PyTorch's default: Σ / (N·C) elements, C times smaller), sum, none (each element P·(log P − log Q)); JSON's loss (elements for none) follows it, and with -r given, -f value prints it.",
  'help.opt.kl.logits':
    '--p and --q are logits: each row becomes softmax(x / T) (log-probabilities work as logits too)',
  'help.opt.kl.temperature': 'with --logits: the temperature T > 0 of both softmaxes (default 1)',
  'help.opt.kl.logTarget': '--p holds log P, as F.kl_div(log_target=True) takes its target',
  'help.opt.kl.reduction':
    "F.kl_div's reduction: batchmean (Σ / N, default), mean (Σ / (N·C), PyTorch's default), sum or none; JSON's loss, and -f value when given",
  'err.kl.logitsAndLogTarget': '--logits and --log-target say two things of --p: give one',
  'err.kl.temperatureNeedsLogits': '-t divides logits: give it with --logits (probabilities have no temperature here)',
  'note.kl.logits': 'P and Q are softmax(x / T) of each row of --p and --q, T = {T}',
  'note.kl.logTarget': '--p was given as log P (log_target): P = exp(--p)',
  'note.kl.batchmean':
    'reduction batchmean: the summed KL divided by N = {rows} rows, the KL per sample (what KL means)',
  'note.kl.mean':
    "reduction mean: the summed KL divided by N·C = {count} elements, {cols} times smaller than batchmean; PyTorch's default for F.kl_div, and the reason it warns",
  'note.kl.sum': 'reduction sum: every element P·(log P − log Q) added up',
  'note.kl.none': "reduction none: each element P·(log P − log Q), in JSON's elements, as F.kl_div(reduction='none')",
  'sum.klReduced': 'loss ({reduction})',
  // ce and bce as Keras and the tutorials compute them.
  'help.opt.ce.smoothingStyle':
    "how --label-smoothing spreads ε: torch (PyTorch's and Keras's (1 − ε)·y + ε/C, default) or others (1 − ε on the target, ε/(C − 1) on each other class, as many tutorials teach it)",
  'help.opt.ce.sampleWeight':
    "one weight per row, as Keras's sample_weight: each row's loss times its weight, and 'mean' is Keras's sum_over_batch_size, Σ weight·loss / the rows counted (class weights -w then only multiply); inline or @FILE",
  'help.opt.ce.hessian':
    "each row's Hessian of the loss w.r.t. its logits, Σa·(diag(p) − p·pᵀ)/T² (÷ the mean's denominator); w.r.t. the probabilities with --probs: diag(a/p²)",
  'help.opt.bce.labelSmoothing':
    "Keras's label smoothing ε, 0 ≤ ε ≤ 1: each target y becomes y·(1 − ε) + ε/2 (PyTorch's BCE has none)",
  'help.opt.bce.perRow':
    "Keras's BinaryCrossentropy: one loss per row, the mean of its elements, which -r sum adds and -r none lists (PyTorch adds and lists elements; mean is the same)",
  'bce.note.smoothing': 'label smoothing ε = {eps} (Keras): each target y is y·(1 − ε) + ε/2',
  'bce.note.perRow': "per row (Keras): each row's loss is the mean of its {cols} elements, in JSON's row_losses",
  'ce.title.hessian': 'Hessian of the loss w.r.t. row {row}’s logits (∂²loss/∂z∂z)',
  'ce.title.hessianProbs': 'Hessian of the loss w.r.t. row {row}’s probabilities (∂²loss/∂p∂p)',
  'ce.note.smoothingOthers':
    'label smoothing ε = {eps}, ε/(C − 1) style: 1 − ε on the target, ε/{others} on each other class',
  'ce.note.sampleWeight':
    "sample weights (Keras's sample_weight): each row's loss times its weight; mean = Σ / {rows} rows counted (Keras's sum_over_batch_size)",
  'err.ce.sampleWeightCount': '{option} has {count} weights for {rows} rows: give one per row',
  'err.ce.othersOneClass': '{option} others spreads ε over the other classes, and this input has one class',
  // clip: open_clip's local_loss.
  'help.opt.worldSize':
    "with --image and --text holding the whole batch gathered from W ranks (rank by rank): open_clip's local_loss on the rank given by --rank, its n images and texts against every text and image",
  'help.opt.rank':
    'with --world-size: which rank (0 to W − 1) computes the loss; its rows are rank·n to rank·n + n − 1',
  'help.opt.textLogits':
    "a rank's text→image logits (open_clip's logits_per_text, n × M) beside the input's image→text ones; row i's positive is column i + --label-offset in both",
  'help.opt.labelOffset':
    "with --text-logits: row i's positive is column i + K (n·rank in open_clip's local_loss; default 0)",
  'help.clip.local':
    "open_clip's local_loss (--world-size W --rank R, or a logits matrix with --text-logits and --label-offset): each rank scores its n images against all W·n texts and its n texts against all W·n images, targets offset by n·R; the mean of the W ranks' losses is the whole batch's loss.",
  'help.opt.pairLabels':
    'one label per pair (image i and text i share label i): every image and text of one label match, as when a batch holds several captions of one image; each direction averages over the positives (inline or @FILE)',
  'err.clip.labelCount': '--labels has {count} labels for {rows} pairs: give one per pair',
  'err.clip.labelsLocal': "--labels is for a whole batch's square logits, not one rank's local_loss",
  'title.clipLocalT2i': 'Text → image: softmax of each local text over every image (logits_per_text)',
  'label.textImage': 'text \\ image',
  'err.clip.textLogitsShape':
    'option --text-logits is {textRows}×{textCols}, but the image→text logits are {rows}×{cols}: a rank has one row per pair in each',
  'err.clip.labelOffset':
    'option --label-offset {offset} puts the positive of row {rows} past the {cols} columns: it takes a whole number from 0 to M − n',
  'err.clip.worldSize':
    '--world-size {worldSize} must divide the batch: --image has {rows} rows and --text {textRows}, the same number, n per rank',
  'err.clip.rank': 'option --rank takes a whole number from 0 to {worldSize} − 1, got {rank}',
  'err.clip.worldSizeNeeds': '--world-size and --rank go together, with --image and --text holding the whole batch',
  'err.clip.offsetNeeds': "--label-offset goes with --text-logits: a rank's two logits matrices",
  'err.clip.textLogitsNeeds':
    '--text-logits goes with a logits matrix, not with --image and --text (for embeddings, give --world-size and --rank)',
  'note.clipLocal':
    "open_clip's local_loss: {rows} local pairs against {cols} of the batch each way, row i's positive column i + {offset}",
} as const;

export const conventionsZh: Record<keyof typeof conventionsEn, string> = {
  'err.usuallyMeant': "——请试试 '{usage}'：{why}",
  'err.hintPair': '{first}{second}',
  'suggest.why.nll':
    '概率的负对数似然；PyTorch 的 F.nll_loss 接收对数概率，而不带选项的 xent ce 把对数概率当作 logit（log-softmax 不会改变它们）',
  'suggest.why.ce': 'logit 的 softmax 交叉熵，目标为类别（-y）或分布（--target-probs）',
  'suggest.why.bce': 'logit 的 sigmoid（二分类、多标签）交叉熵，同 BCEWithLogitsLoss',
  'suggest.why.hinge': '多分类间隔损失：CS231n 的 SVM、F.multi_margin_loss 与 Crammer–Singer（--style）',
  'suggest.why.distill': '知识蒸馏：温度 T 下的 T²·KL(教师 ‖ 学生)，同 Hinton 等人',
  'suggest.why.kl': '两组分布逐行的 KL 散度 KL(P‖Q)（--p、--q）',
  'suggest.why.infonce': 'InfoNCE：把每个查询的正样本与其负样本一起分类；用批内负样本、两个方向都算，就是 CLIP 的损失',
  'suggest.why.clip': 'CLIP 在图文对上的对称 InfoNCE（open_clip 的 ClipLoss）',
  'suggest.why.ntxent': 'SimCLR 在每个样本两个视图上的 NT-Xent',
  'suggest.why.supcon': 'Khosla 等人的监督对比损失（--labels）',
  'suggest.why.siglip': 'SigLIP 的逐对 sigmoid 损失',
  'suggest.why.lm': '逐词元的交叉熵与困惑度（e 的平均损失次方）',
  'suggest.why.retrieval': '相似度矩阵中正样本对的 Recall@K',
  'suggest.why.softmax': 'softmax、log-softmax（--log）以及每行最可能的类别',
  'suggest.why.focal': 'Lin 等人的焦点损失（focal loss），同 torchvision 的 sigmoid_focal_loss',
  'suggest.why.spelling': '这是该命令在 xent 中的名字',
  'sum.chance': '随机水平',
  'sum.ofChance': '损失 ÷ 随机水平',
  'note.chance': '随机水平：{formula}（一个什么都不知道的模型）',
  'chance.ce': 'logit 全部相等时每行 {log} C = {log} {classes}，按损失的方式加权',
  'chance.bce': 'logit 为 0（p = 0.5）时每个元素 {log} 2，按损失的方式加权',
  'chance.focal': 'logit 全部相等（p = 0.5，多分类时每类 1/C）时同样设置下的焦点损失',
  'chance.hinge': '分数全部相等时在其余每一类上付出的间隔',
  'chance.distill': 'logit 全部相等的学生的 T²·KL(教师 ‖ 均匀分布)，有标签时再与 A·{log} C 混合',
  'chance.clip': 'logit 全部相等时 {log} N = {log} {n}',
  'chance.siglip': 'log(1 + e^−b) + (N − 1)·log(1 + e^b)，每个 logit 都等于偏置 b = {bias}',
  'chance.ntxent': '相似度全部相等时 {log}(2N − 1) = {log} {others}',
  'chance.supcon': '相似度全部相等时每个锚点 {log}(M − 1) = {log} {others}',
  'chance.pairNtxent': '相似度全部相等时，各正样本对 {log}(1 + 锚点的负样本数) 的平均',
  'chance.pairNtxentZero':
    '相似度全部相等时，各正样本对 {log}(1 + 锚点的负样本数) 之和，除以正样本对数加上按 0 计入的 {singletons} 个落单锚点',
  'help.opt.as.clip':
    '一次采用某个库的约定：open_clip（-s 1/0.07 = 14.29，即其初始 logit_scale log(1/0.07)）或 hf（-s e^2.6592 = 14.2857…，CLIPConfig 的 logit_scale_init_value）；显式给出的 -s 或 -t 仍然优先。两者学习的都是 log s：-g 会在 ∂loss/∂scale 旁给出 ∂loss/∂log scale',
  'help.opt.as.siglip':
    '一次采用某个库的约定：open_clip 或 hf（-s 10、-b −10：即其初始 logit_scale log 10 与 logit_bias，也是 xent 的默认值）；-g 给出它们实际使用的 ∂loss/∂log scale',
  'help.opt.as.ntxent':
    '一次采用某个库的约定：simclr（τ 0.1，即其 run.py 的默认值，并报告它给出的损失 loss_a + loss_b = 平均值的两倍，-f value 亦然）、supcontrast（τ 0.07，再乘以 τ/base_temperature（0.07），使用原始点积）、pml（pytorch-metric-learning：τ 0.07，配合 --labels 即其多正样本 NT-Xent）；显式给出的选项仍然优先',
  'help.opt.as.supcon':
    '一次采用某个库的约定：supcontrast（作者的 SupConLoss：τ 0.07、base_temperature 0.07、原始点积，没有正样本的锚点按 0 计入）或 pml（pytorch-metric-learning 的 SupConLoss：余弦相似度上 τ 0.1，此类锚点不计入）；显式给出的选项仍然优先',
  'help.ntxent.libraries':
    '各家的默认温度不同：xent 0.5（SimCLR 论文的取值）、SimCLR 代码 0.1、pytorch-metric-learning 0.07、SupContrast 0.07：要与其中之一比较，请给出 -t 或 --as LIBRARY。给出 --labels 时，同一标签的任意两行构成正样本对，每对的分母只含其他标签的行，与 pytorch-metric-learning 的 NTXentLoss 相同；损失是对所有正样本对取平均。',
  'help.supcon.libraries':
    'SupContrast 的 SupConLoss 会乘以 τ / base_temperature（--base-temperature；按其 README 的 τ = 0.1、base 0.07 是 × 1.43），使用原始点积（--no-normalize），可以只把每个样本的第一个视图作为锚点（--contrast-mode one，各行按视图依次堆叠，即 torch.cat(torch.unbind(features, 1))），并且在当前代码中把没有正样本的锚点按 0 计入平均（--singletons zero）。pytorch-metric-learning 的 SupConLoss 默认 τ = 0.1，并把这类锚点排除在外。--as supcontrast 或 --as pml 一次设定全部。',
  'help.opt.labelsNtxent':
    '每行一个标签（例如 0,0,1,1,1 或 @FILE）：同一标签的任意两行都是正样本对，与 pytorch-metric-learning 的 NTXentLoss 相同（其他正样本不进入每对的分母；损失是对所有正样本对取平均）',
  'help.opt.baseTemperature': 'SupContrast 的 base_temperature：损失乘以 τ / 该值（默认等于 τ：× 1）',
  'help.opt.contrastModeNtxent':
    "锚点：all（每一行，默认）或 one（只用每对的第一个视图，即 SupContrast 的 contrast_mode='one'）",
  'help.opt.contrastModeSupcon':
    '锚点：all（每一行，默认）或 one（前 1/V 的行：每个样本的第 1 个视图，各行按视图依次堆叠，与 SupContrast 堆叠 [bsz, n_views] 特征的方式相同；V 由 --views 给出）',
  'help.opt.views': '配合 --contrast-mode one：每个样本有几个视图，各行按视图依次堆叠（默认 2）',
  'help.opt.singletons':
    '其标签没有其他行共有的锚点：drop（不计入平均，默认，与 pytorch-metric-learning 相同）或 zero（按 0 计入平均，与 SupContrast 相同）',
  'help.opt.singletonsNtxent':
    '配合 --labels：其标签没有其他行共有的锚点（它构不成正样本对）：drop（不计入对正样本对的平均，默认，与 pytorch-metric-learning 的 NTXentLoss 相同）或 zero（作为一项 0 计入平均：各对损失之和除以正样本对数加上这类锚点数）',
  'help.opt.noNormalizeSelf': '使用原始点积，而不是余弦相似度（SupContrast 的损失直接使用给定的特征）',
  'err.presetNotHere': 'xent {command} 没有预设“{value}”：该库在这里没有这种损失；{option} 可取 {choices}',
  'err.ntxent.labelsWith':
    '{labels}（pytorch-metric-learning 的多正样本 NT-Xent）自行决定正样本与锚点，不接受 {option}：请去掉它',
  'err.ntxent.labelsWithPreset':
    '{labels} 是 pytorch-metric-learning 的多正样本 NT-Xent，{library} 没有这种损失：请去掉 {option} {library}（SupContrast 带标签的损失是 xent supcon --as supcontrast）',
  'err.ntxent.singletonsNeedLabels':
    '{singletons} 只用于 {labels}：没有标签时每一行都恰有一个配对的视图，不存在落单的锚点',
  'err.views': '选项 {option} 需要视图数，即不小于 2 的整数，收到的是“{value}”',
  'err.viewsRows': '--contrast-mode one 配合 {views} 个视图时，行数必须能被 {views} 整除，而这里有 {rows} 行',
  'note.pairNtxent':
    'τ = {temperature}；pytorch-metric-learning 的 NT-Xent：{pairs} 个正样本对（同一标签的行），每对只与其他标签的行比较；损失是它们的平均',
  'note.selfDot': '原始点积 / τ（--no-normalize）：各行未归一化',
  'note.baseTemperature': '损失乘以 τ / base_temperature = τ / {base} = {factor}（SupContrast）',
  'note.contrastOne': '锚点：只用每个样本的第一个视图，即前 {count} 行（contrast_mode one）',
  'note.simclrReported':
    '--as simclr：-f value 与 --expect 的主结果是 SimCLR 的数值，loss_a + loss_b = 2N 行平均值的 2 倍',
  'note.noPositiveZero': '第 {rows} 行没有正样本：按 0 计入平均（--singletons zero）',
  'sum.pairs': '正样本对',
  'title.othersSoftmaxDot': '每行在其余各行上的 softmax（点积 / τ）',
  'label.notAnchor': '不是锚点',
  'label.noTerm': '无此项',
  'help.kl.torch':
    '与 PyTorch 对照：F.kl_div(input, target) 是 KL(target‖·)，input = log Q：即 xent kl --p TARGET --q Q。--logits 把两者都当作 logit（每行取 softmax(x / T)，-t T；对数概率也可当作 logit），--log-target 把 --p 当作 log P（F.kl_div 的 log_target=True）。-r 指定 F.kl_div 的归约方式：batchmean（Σ / N 行，即每个样本的 KL，也是 xent 的平均 KL）、mean（PyTorch 的默认：Σ / (N·C) 个元素，小 C 倍）、sum、none（每个元素 P·(log P − log Q)）；JSON 的 loss（none 时为 elements）随之而定，给出 -r 时 -f value 也输出它。',
  'help.opt.kl.logits': '--p 与 --q 是 logit：每行变为 softmax(x / T)（对数概率也可当作 logit）',
  'help.opt.kl.temperature': '配合 --logits：两个 softmax 的温度 T > 0（默认 1）',
  'help.opt.kl.logTarget': '--p 给出的是 log P，与 F.kl_div(log_target=True) 接收目标的方式相同',
  'help.opt.kl.reduction':
    'F.kl_div 的归约方式：batchmean（Σ / N，默认）、mean（Σ / (N·C)，PyTorch 的默认）、sum 或 none；决定 JSON 的 loss，给出时也决定 -f value',
  'err.kl.logitsAndLogTarget': '--logits 与 --log-target 对 --p 的说法相互矛盾：只能给出其中一个',
  'err.kl.temperatureNeedsLogits': '-t 把 logit 除以温度：请与 --logits 一起给出（概率在这里没有温度可言）',
  'note.kl.logits': 'P 与 Q 分别是 --p 与 --q 每行的 softmax(x / T)，T = {T}',
  'note.kl.logTarget': '--p 以 log P 给出（log_target）：P = exp(--p)',
  'note.kl.batchmean': '归约 batchmean：KL 之和除以 N = {rows} 行，即每个样本的 KL（KL 的本义）',
  'note.kl.mean':
    '归约 mean：KL 之和除以 N·C = {count} 个元素，比 batchmean 小 {cols} 倍；这是 F.kl_div 的默认值，也是它发出警告的原因',
  'note.kl.sum': '归约 sum：所有元素 P·(log P − log Q) 之和',
  'note.kl.none': "归约 none：每个元素 P·(log P − log Q)，见 JSON 的 elements，与 F.kl_div(reduction='none') 相同",
  'sum.klReduced': '损失（{reduction}）',
  'help.opt.ce.smoothingStyle':
    '--label-smoothing 分配 ε 的方式：torch（PyTorch 与 Keras 的 (1 − ε)·y + ε/C，默认）或 others（目标类 1 − ε，其余每类 ε/(C − 1)，许多教程如此讲解）',
  'help.opt.ce.sampleWeight':
    "每行一个权重，同 Keras 的 sample_weight：每行的损失乘以其权重，'mean' 即 Keras 的 sum_over_batch_size，Σ 权重·损失 / 计入的行数（此时类别权重 -w 只做乘法）；可内联或用 @FILE",
  'help.opt.ce.hessian':
    '每行损失对其 logit 的 Hessian，Σa·(diag(p) − p·pᵀ)/T²（再除以 mean 的分母）；配合 --probs 时对概率求：diag(a/p²)',
  'help.opt.bce.labelSmoothing':
    'Keras 的标签平滑 ε，0 ≤ ε ≤ 1：每个目标 y 变为 y·(1 − ε) + ε/2（PyTorch 的 BCE 没有此项）',
  'help.opt.bce.perRow':
    'Keras 的 BinaryCrossentropy：每行一个损失，即该行各元素的平均，-r sum 对其求和，-r none 逐行列出（PyTorch 对元素求和、逐元素列出；mean 两者相同）',
  'bce.note.smoothing': '标签平滑 ε = {eps}（Keras）：每个目标 y 变为 y·(1 − ε) + ε/2',
  'bce.note.perRow': '逐行（Keras）：每行的损失是其 {cols} 个元素的平均，见 JSON 的 row_losses',
  'ce.title.hessian': '损失对第 {row} 行 logit 的 Hessian（∂²loss/∂z∂z）',
  'ce.title.hessianProbs': '损失对第 {row} 行概率的 Hessian（∂²loss/∂p∂p）',
  'ce.note.smoothingOthers': '标签平滑 ε = {eps}，ε/(C − 1) 方式：目标类 1 − ε，其余每类 ε/{others}',
  'ce.note.sampleWeight':
    '样本权重（Keras 的 sample_weight）：每行的损失乘以其权重；mean = Σ / 计入的 {rows} 行（Keras 的 sum_over_batch_size）',
  'err.ce.sampleWeightCount': '{option} 给了 {count} 个权重，但有 {rows} 行：请每行给一个',
  'err.ce.othersOneClass': '{option} others 把 ε 分给其余各个类别，而这里的输入只有一个类别',
  'help.opt.worldSize':
    '当 --image 与 --text 是从 W 个进程收集的整个批次（按进程依次排列）时：在 --rank 指定的进程上计算 open_clip 的 local_loss，即其 n 张图像与 n 段文本分别对全部文本与图像',
  'help.opt.rank': '配合 --world-size：由哪个进程（0 到 W − 1）计算损失；它的行是 rank·n 到 rank·n + n − 1',
  'help.opt.textLogits':
    '某个进程的文本→图像 logit（open_clip 的 logits_per_text，n × M），与输入的图像→文本 logit 并列；两者中第 i 行的正样本都是第 i + --label-offset 列',
  'help.opt.labelOffset':
    '配合 --text-logits：第 i 行的正样本是第 i + K 列（open_clip 的 local_loss 中为 n·rank；默认 0）',
  'help.clip.local':
    'open_clip 的 local_loss（--world-size W --rank R，或 logit 矩阵配合 --text-logits 与 --label-offset）：每个进程用自己的 n 张图像对全部 W·n 段文本、n 段文本对全部 W·n 张图像打分，目标偏移 n·R；W 个进程损失的平均就是整个批次的损失。',
  'help.opt.pairLabels':
    '每对一个标签（图像 i 与文本 i 共用标签 i）：同一标签的任意图像与文本都相匹配，例如一批中一张图像有多条描述；每个方向对所有正样本取平均（可内联或用 @FILE）',
  'err.clip.labelCount': '--labels 给了 {count} 个标签，但有 {rows} 对：请每对给一个',
  'err.clip.labelsLocal': '--labels 用于整个批次的方阵 logit，而不是某个进程的 local_loss',
  'title.clipLocalT2i': '文本 → 图像：每段本地文本在全部图像上的 softmax（logits_per_text）',
  'label.textImage': '文本 \\ 图像',
  'err.clip.textLogitsShape':
    '选项 --text-logits 的形状是 {textRows}×{textCols}，而图像→文本 logit 是 {rows}×{cols}：每个进程在两者中都是每对一行',
  'err.clip.labelOffset':
    '选项 --label-offset {offset} 使第 {rows} 行的正样本超出了 {cols} 列：它取 0 到 M − n 之间的整数',
  'err.clip.worldSize':
    '--world-size {worldSize} 必须整除批次：--image 有 {rows} 行，--text 有 {textRows} 行，两者应相同，每个进程 n 行',
  'err.clip.rank': '选项 --rank 取 0 到 {worldSize} − 1 之间的整数，收到的是 {rank}',
  'err.clip.worldSizeNeeds': '--world-size 与 --rank 需一起给出，并配合存放整个批次的 --image 与 --text',
  'err.clip.offsetNeeds': '--label-offset 需与 --text-logits 一起给出：即某个进程的两个 logit 矩阵',
  'err.clip.textLogitsNeeds':
    '--text-logits 需配合 logit 矩阵，而不是 --image 与 --text（嵌入请给出 --world-size 与 --rank）',
  'note.clipLocal':
    'open_clip 的 local_loss：{rows} 个本地样本对在两个方向上各对批次中的 {cols} 个，第 i 行的正样本是第 i + {offset} 列',
};
