// The library's words for errors whose CLI text names a flag or a command line: `lib.` + the
// error's key, with the same placeholders. The library (inLibraryWords, src/core/library-input.ts)
// gives an error thrown in one of its functions this text as its message; its key, its
// parameters and the CLI's text stay as they are.

export const libraryEn = {
  'lib.err.bce.posWeightCount': 'option posWeight has {got} values, but there are {cols} columns; give one per column',
  'lib.err.bce.targetsRange': 'targets: the value {value} at row {row}, column {col} is outside [0, 1]',
  'lib.err.bce.targetsShape':
    'targets is {gotRows}×{gotCols}, but the logits are {rows}×{cols}; give one target per logit',
  'lib.err.bce.weightShape':
    'option weight is {gotRows}×{gotCols}; it must be 1×{cols} (per column), {rows}×1 (per row) or {rows}×{cols} (per element)',
  'lib.err.ce.diag':
    "target 'diag' makes class i the target of row i, but there are {rows} rows and only {classes} classes",
  'lib.err.ce.ignoreInteger': "option ignoreIndex takes a whole number, got '{value}'",
  'lib.err.ce.ignoreSoft':
    'option ignoreIndex applies to class targets (a list), not to target probabilities (a matrix)',
  'lib.err.ce.meanUndefined':
    "reduction 'mean' is 0/0 here: every row's target is ignored (ignoreIndex) or has class weight 0, so there is nothing to average; use reduction 'sum' or 'none'",
  'lib.err.ce.probsRange':
    'with probs, the value {value} at row {row}, column {col} of {source} is not a probability (allowed: 0 to 1)',
  'lib.err.ce.probsTemperature': 'option temperature divides logits; it cannot be used with probs',
  'lib.err.ce.smoothing': "the label smoothing ε must be a number from 0 to 1, got '{value}' (option labelSmoothing)",
  'lib.err.ce.targetProbsBad':
    'the target probabilities have the entry {value} at row {row}, column {col}; a target distribution has finite entries ≥ 0',
  'lib.err.ce.targetProbsShape':
    'the target probabilities are {gotRows}×{gotCols}, but the logits are {rows}×{cols}; give one distribution per row',
  'lib.err.ce.topK': "option ks takes whole numbers ≥ 1, got '{value}'",
  'lib.err.clip.labelCount': 'labels has {count} labels for {rows} pairs: give one per pair',
  'lib.err.clip.labelOffset':
    'option labelOffset {offset} puts the positive of row {rows} past the {cols} columns: it takes a whole number from 0 to M − n',
  'lib.err.clip.labelsLocal':
    "option labels is for a whole batch's square logits, not one rank's local_loss (worldSize and rank, or textLogits)",
  'lib.err.clip.offsetNeeds': "option labelOffset goes with textLogits: a rank's two logits matrices",
  'lib.err.clip.rank': 'option rank takes a whole number from 0 to {worldSize} − 1, got {rank}',
  'lib.err.clip.textLogitsNeeds':
    'option textLogits goes with a logits matrix, not with image and text embeddings (for embeddings, give worldSize and rank)',
  'lib.err.clip.textLogitsShape':
    'option textLogits is {textRows}×{textCols}, but the image→text logits are {rows}×{cols}: a rank has one row per pair in each',
  'lib.err.clip.worldSize':
    'worldSize {worldSize} must divide the batch: the image embeddings have {rows} rows and the text embeddings {textRows}, the same number, n per rank',
  'lib.err.clip.worldSizeNeeds':
    'options worldSize and rank go together, with image and text embeddings holding the whole batch',
  'lib.err.distill.noneWithTarget':
    "reduction 'none' with {target}: F.cross_entropy's none is one loss per row and F.kl_div's one per element, so the mix has none; use batchmean, mean or sum (the result's losses give each row's share)",
  'lib.err.focal.alphaList':
    'option {option}: the sigmoid focal loss takes one α (the weight of the positives), got {got} values; a list of α per class goes with target (one class per row)',
  'lib.err.focal.noTargets':
    'focalLoss needs targets: targets (a matrix, one label in [0, 1] per logit: the sigmoid focal loss) or target (a list, one class per row: the softmax focal loss)',
  'lib.err.focal.twoTargets':
    'give either targets (sigmoid focal loss, one label per logit) or target (softmax focal loss, one class per row), not both',
  'lib.err.infonce.missing':
    'InfoNCE from embeddings needs query, pos and neg together; {option} is missing (or give a logits matrix, column 0 the positive)',
  'lib.err.kl.logitsAndLogTarget': 'options logits and logTarget say two things of p: give one',
  'lib.err.kl.shape':
    'p is {pRows}×{pCols}, but q is {qRows}×{qCols}; give two matrices of the same shape, one pair of distributions per row',
  'lib.err.kl.temperatureNeedsLogits':
    'option temperature divides logits: give it with logits: true (probabilities have no temperature here)',
  'lib.err.labelsLength': 'labels has {got} labels for {rows} rows in {source}: give one label per row',
  'lib.err.lm.noTokensShift':
    'no token is scored: with shift each position predicts the next token of its sequence, and every such token is ignored (or every sequence is one row long), so the mean loss is 0/0, with nothing to average',
  'lib.err.logitOverflow':
    'the logit of image {row} and text {col} is {value}: scale × image·text (+ bias) is beyond the largest double (about 1.8e308); with normalize: false, scale the embeddings down',
  'lib.err.logitsOption':
    'option {option} applies to image and text embeddings; a ready logits matrix is used as given',
  'lib.err.ntxent.labelsWithPreset':
    "{labels} is pytorch-metric-learning's multi-positive NT-Xent, and {library} has no such loss: leave out {option} {library} (SupContrast's loss with labels is supConLoss with preset supcontrast)",
  'lib.err.pairCount':
    'the image embeddings have {image} rows but the text embeddings {text}: row i of each is a matching pair, so the counts must be equal',
  'lib.err.presetNotHere':
    "{command} has no preset '{value}': that library has no such loss here; {option} takes {choices}",
  'lib.err.retrieval.notSquare':
    'the similarity matrix has {images} rows (images) and {texts} columns (texts); without {option} or textImage each image needs its one text on the diagonal',
  'lib.err.scaleAndTemperature': 'give scale or temperature, not both (the scale is 1/T)',
  'lib.err.temperature': "the temperature must be a finite number greater than 0, got '{value}' (option temperature)",
  'lib.err.temperatureTiny':
    "the temperature '{value}' is too small: the scale 1/T is larger than the largest float64 number (about 1.8e308) (option temperature)",
  'lib.err.viewsRows': "contrastMode 'one' with {views} views needs a number of rows that {views} divides, got {rows}",
  'lib.err.percentNotHere':
    "'{token}' at row {row}, column {col} of {source} is a percentage, which parseMatrix does not read; write it as a number (70% is 0.7)",
  'lib.err.json.noNumbers':
    'the JSON object at line {line} of {source} has no field holding an array of numbers (fields found: {keys}); give parseMatrix the array itself',
  'lib.err.json.ambiguous':
    '{source} has several fields holding arrays of numbers ({keys}); give parseMatrix the one you mean (for example the array of {first})',
} as const;

export const libraryZh: Record<keyof typeof libraryEn, string> = {
  'lib.err.bce.posWeightCount': '选项 posWeight 有 {got} 个值，但共有 {cols} 列；每列需要一个',
  'lib.err.bce.targetsRange': 'targets：第 {row} 行第 {col} 列的值 {value} 不在 [0, 1] 内',
  'lib.err.bce.targetsShape':
    'targets 的形状是 {gotRows}×{gotCols}，但 logit 是 {rows}×{cols}；每个 logit 需要一个目标',
  'lib.err.bce.weightShape':
    '选项 weight 的形状是 {gotRows}×{gotCols}；它必须是 1×{cols}（每列）、{rows}×1（每行）或 {rows}×{cols}（每个元素）',
  'lib.err.ce.diag': "target 为 'diag' 时第 i 行的目标为类别 i，但共有 {rows} 行，却只有 {classes} 个类别",
  'lib.err.ce.ignoreInteger': '选项 ignoreIndex 需要一个整数，收到的是“{value}”',
  'lib.err.ce.ignoreSoft': '选项 ignoreIndex 只适用于类别目标（列表），不适用于目标概率（矩阵）',
  'lib.err.ce.meanUndefined':
    "这里 mean 归约是 0/0：每一行的目标都被忽略（ignoreIndex）或类别权重为 0，没有可以平均的东西；请改用 reduction 'sum' 或 'none'",
  'lib.err.ce.probsRange': '给出 probs 时，{source}第 {row} 行第 {col} 列的值 {value} 不是概率（允许 0 到 1）',
  'lib.err.ce.probsTemperature': '选项 temperature 把 logit 除以温度，不能与 probs 一起使用',
  'lib.err.ce.smoothing': '标签平滑系数 ε 必须是 0 到 1 之间的数，收到的是“{value}”（选项 labelSmoothing）',
  'lib.err.ce.targetProbsBad': '目标概率第 {row} 行第 {col} 列的 {value} 不合法；目标分布的各项必须是 ≥ 0 的有限数',
  'lib.err.ce.targetProbsShape':
    '目标概率的形状是 {gotRows}×{gotCols}，但 logit 是 {rows}×{cols}；每行需要一个目标分布',
  'lib.err.ce.topK': '选项 ks 需要 ≥ 1 的整数，收到的是“{value}”',
  'lib.err.clip.labelCount': 'labels 给了 {count} 个标签，但有 {rows} 对：请每对给一个',
  'lib.err.clip.labelOffset':
    '选项 labelOffset {offset} 使第 {rows} 行的正样本超出了 {cols} 列：它取 0 到 M − n 之间的整数',
  'lib.err.clip.labelsLocal':
    '选项 labels 用于整个批次的方阵 logit，而不是某个进程的 local_loss（worldSize 与 rank，或 textLogits）',
  'lib.err.clip.offsetNeeds': '选项 labelOffset 需与 textLogits 一起给出：即某个进程的两个 logit 矩阵',
  'lib.err.clip.rank': '选项 rank 取 0 到 {worldSize} − 1 之间的整数，收到的是 {rank}',
  'lib.err.clip.textLogitsNeeds':
    '选项 textLogits 需配合 logit 矩阵，而不是图像与文本嵌入（嵌入请给出 worldSize 与 rank）',
  'lib.err.clip.textLogitsShape':
    '选项 textLogits 的形状是 {textRows}×{textCols}，而图像→文本 logit 是 {rows}×{cols}：每个进程在两者中都是每对一行',
  'lib.err.clip.worldSize':
    'worldSize {worldSize} 必须整除批次：图像嵌入有 {rows} 行，文本嵌入有 {textRows} 行，两者应相同，每个进程 n 行',
  'lib.err.clip.worldSizeNeeds': '选项 worldSize 与 rank 需一起给出，并配合存放整个批次的图像与文本嵌入',
  'lib.err.distill.noneWithTarget':
    "reduction 'none' 与 {target} 不能同时使用：F.cross_entropy 的 none 是每行一个损失，F.kl_div 的 none 是每个元素一个，两者混合后没有 none；请用 batchmean、mean 或 sum（结果中的 losses 给出每行的份额）",
  'lib.err.focal.alphaList':
    '选项 {option}：sigmoid 焦点损失只接受一个 α（正样本的权重），却给了 {got} 个值；每个类别一个 α 的列表要与 target（每行一个类别）一起用',
  'lib.err.focal.noTargets':
    'focalLoss 需要目标：targets（矩阵，每个 logit 一个 [0, 1] 内的标签：sigmoid 焦点损失）或 target（列表，每行一个类别：softmax 焦点损失）',
  'lib.err.focal.twoTargets':
    '请只给出 targets（sigmoid 焦点损失，每个 logit 一个标签）或 target（softmax 焦点损失，每行一个类别）中的一个，不要同时给出',
  'lib.err.infonce.missing':
    '由嵌入计算 InfoNCE 需要同时给出 query、pos 和 neg；缺少 {option}（或者给出 logit 矩阵，第 0 列为正样本）',
  'lib.err.kl.logitsAndLogTarget': '选项 options.logits 与 options.logTarget 对 p 的说法相互矛盾：只能给出其中一个',
  'lib.err.kl.shape':
    'p 的形状是 {pRows}×{pCols}，但 q 的形状是 {qRows}×{qCols}；请给出形状相同的两个矩阵，每行一对分布',
  'lib.err.kl.temperatureNeedsLogits':
    '选项 temperature 把 logit 除以温度：请与 options.logits 一起给出（概率在这里没有温度可言）',
  'lib.err.labelsLength': 'labels 有 {got} 个标签，而{source}中有 {rows} 行：每行需要一个标签',
  'lib.err.lm.noTokensShift':
    '没有任何词元计分：给出 shift 时每个位置预测本序列的下一个词元，而这些词元全被忽略（或每个序列只有一行），平均损失是 0/0，没有可以平均的东西',
  'lib.err.logitOverflow':
    '图像 {row} 与文本 {col} 的 logit 是 {value}：缩放 × 图像·文本（+ 偏置）超出了双精度浮点数的最大值（约 1.8e308）；normalize 为 false 时请把嵌入缩小',
  'lib.err.logitsOption': '选项 {option} 只用于图像与文本嵌入；现成的 logit 矩阵会原样使用',
  'lib.err.ntxent.labelsWithPreset':
    '{labels} 是 pytorch-metric-learning 的多正样本 NT-Xent，{library} 没有这种损失：请去掉 {option} {library}（SupContrast 带标签的损失是预设为 supcontrast 的 supConLoss）',
  'lib.err.pairCount': '图像嵌入有 {image} 行，而文本嵌入有 {text} 行：两者的第 i 行构成一对匹配样本，所以行数必须相同',
  'lib.err.presetNotHere': '{command} 没有预设“{value}”：该库在这里没有这种损失；{option} 可取 {choices}',
  'lib.err.retrieval.notSquare':
    '相似度矩阵有 {images} 行（图像）和 {texts} 列（文本）；不给 {option} 或 textImage 时，每张图像的文本须在对角线上',
  'lib.err.scaleAndTemperature': 'scale 与 temperature 只能给出其中一个（缩放系数就是 1/T）',
  'lib.err.temperature': '温度必须是大于 0 的有限数，收到的是“{value}”（选项 temperature）',
  'lib.err.temperatureTiny':
    '温度“{value}”太小：缩放系数 1/T 超过了 float64 能表示的最大数（约 1.8e308）（选项 temperature）',
  'lib.err.viewsRows': "contrastMode 为 'one' 且有 {views} 个视图时，行数必须能被 {views} 整除，而这里有 {rows} 行",
  'lib.err.percentNotHere':
    '{source}第 {row} 行第 {col} 列的“{token}”是百分数，parseMatrix 不读百分数；请写成数（70% 即 0.7）',
  'lib.err.json.noNumbers':
    '{source}第 {line} 行的 JSON 对象没有存放数值数组的字段（找到的字段：{keys}）；请把数组本身交给 parseMatrix',
  'lib.err.json.ambiguous':
    '{source}有多个存放数值数组的字段（{keys}）；请把你要的那个交给 parseMatrix（例如 {first} 的数组）',
};
