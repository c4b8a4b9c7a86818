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
} as const;

export const conventionsZh: Record<keyof typeof conventionsEn, string> = {
  'err.usuallyMeant': "——请试试 '{usage}'：{why}",
  'err.hintPair': '{first}{second}',
  'suggest.why.nll':
    '概率的负对数似然；PyTorch 的 F.nll_loss 接收对数概率，而不带选项的 xent ce 把对数概率当作 logits（log-softmax 不会改变它们）',
  'suggest.why.ce': 'logits 的 softmax 交叉熵，目标为类别（-y）或分布（--target-probs）',
  'suggest.why.bce': 'logits 的 sigmoid（二分类、多标签）交叉熵，同 BCEWithLogitsLoss',
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
  'suggest.why.focal': 'Lin 等人的 focal 损失，同 torchvision 的 sigmoid_focal_loss',
  'suggest.why.spelling': '这是该命令在 xent 中的名字',
};
