// Messages of `xent retrieval`: its help, options, errors, labels, notes and --explain (en, zh).

export const retrievalEn = {
  'err.retrieval.twoLayouts': 'give {captions} or {list}, not both: each says which image every text belongs to',
  'err.retrieval.captions':
    'option {option}: {value} is not a number of captions; give a whole number ≥ 1 (5 for COCO and Flickr30k)',
  'err.retrieval.notSquare':
    'the similarity matrix has {images} rows (images) and {texts} columns (texts); without {option} K or --text-image LIST each image needs its one text on the diagonal',
  'err.retrieval.captionShape':
    '{option} {k}: {images} images need {expected} texts (columns), but the matrix has {texts}; text j belongs to image ⌊j / {k}⌋',
  'err.retrieval.listCount': 'option {option}: {got} image indices for {texts} texts (columns); give one per text',
  'err.retrieval.listRange':
    'option {option}: text {text} belongs to image {value}, which is not an image: indices are whole numbers 0 … {max} ({images} rows)',
  'err.retrieval.noCaption':
    'image {image} has no text in the matrix: its image→text rank does not exist (check {option}, or leave the image out)',
  'help.cmd.retrieval':
    'retrieval metrics of an images × texts similarity matrix: R@1, R@5, R@10 both ways, median and mean rank, as CLIP papers report them',
  'help.retrieval.ranks':
    "Ranks: image → text, each image's best caption among all texts; text → image, each text's image among all images; 1-based positions in a descending sort, a tie going to the earlier index (a stable sort: open_clip's argsort leaves ties to chance). R@K: the share of queries ranked ≤ K. Median rank: floor(median of the 0-based ranks) + 1, mean rank: the mean of the ranks, as open_clip's get_clip_metrics.",
  'help.retrieval.layout':
    "Input: rows are images, columns texts, each entry a similarity (any scale: only the order counts). Without options the matrix is square and text i is image i's; --captions-per-image K: text j is image ⌊j / K⌋ (COCO and Flickr30k: 5 captions per image, 5000 × 25000); --text-image LIST (inline or @FILE): the image of each text, 0-based, as CLIP_benchmark's texts_image_index.",
  'help.retrieval.output':
    'Output: R@K, median and mean rank for both directions. -f value prints two lines, the R@K of image → text then of text → image; tsv/csv "k i2t_recall t2i_recall" per K; -f json every figure (i2t_r1, t2i_r5, i2t_median_rank, …, and each query\'s rank). The data formats read the input twice, row by row, in O(images + texts) memory: a pipe is copied to a temporary file under TMPDIR as it is read the first time.',
  'help.opt.retrieval.captions': 'K captions per image, in order: text j is image ⌊j / K⌋',
  'help.opt.retrieval.textImage': 'the image of each text, 0-based (inline or @FILE)',
  'help.opt.retrieval.recallAt': 'the K of R@K (default 1,5,10)',
  'retrieval.title': 'Retrieval, {images} images × {texts} texts',
  'retrieval.label.metric': 'metric',
  'retrieval.label.i2t': 'image → text',
  'retrieval.label.t2i': 'text → image',
  'retrieval.label.median': 'median rank',
  'retrieval.label.mean': 'mean rank',
  'retrieval.footnote': 'R@K: share of queries whose match ranks ≤ K; ranks are 1-based',
  'retrieval.note.ranks':
    "ranks as open_clip's get_clip_metrics: 1-based, median = floor(median of 0-based ranks) + 1; an image counts as found when its best caption is",
  'retrieval.note.diagonal': 'text i belongs to image i (the diagonal)',
  'retrieval.note.perImage': '{k} captions per image: text j belongs to image ⌊j / {k}⌋',
  'retrieval.note.list': 'each text belongs to the image --text-image gives it',
  'retrieval.note.ties':
    'ties: {i2t} image(s) and {t2i} text(s) had a match that tied another candidate; the earlier index was ranked first (a stable sort), another order would give other ranks',
  'retrieval.note.bigK':
    'R@{ks}: K is not smaller than the number of candidates ({images} images, {texts} texts), so it counts more than the model finds',
  'teach.retrieval.title': 'Retrieval ranks, worked through: image {index} of {count}',
  'teach.retrieval.step.i2t': 'Image → text',
  'teach.retrieval.step.t2i': 'Text → image',
  'teach.retrieval.step.metrics': 'The metrics',
  'teach.retrieval.captions': 'The image has {count} caption(s); the best scored is text {best}:',
  'teach.retrieval.ahead': '{ahead} text(s) rank above it, so its rank is {rank}.',
  'teach.retrieval.textRank':
    'Text {text} looks for image {image}: {ahead} image(s) rank above it, so its rank is {rank}.',
  'teach.retrieval.median':
    'The median rank is floor(median of the 0-based ranks) + 1 and the mean rank their mean + 1, as open_clip:',
} as const;

export type RetrievalKey = keyof typeof retrievalEn;

export const retrievalZh: Record<RetrievalKey, string> = {
  'err.retrieval.twoLayouts': '请只给出 {captions} 或 {list} 之一：二者都说明每个文本属于哪张图像',
  'err.retrieval.captions': '选项 {option}：{value} 不是合法的描述条数；请给出 ≥ 1 的整数（COCO 和 Flickr30k 为 5）',
  'err.retrieval.notSquare':
    '相似度矩阵有 {images} 行（图像）和 {texts} 列（文本）；不给 {option} K 或 --text-image LIST 时，每张图像的文本须在对角线上',
  'err.retrieval.captionShape':
    '{option} {k}：{images} 张图像需要 {expected} 个文本（列），但矩阵有 {texts} 列；文本 j 属于图像 ⌊j / {k}⌋',
  'err.retrieval.listCount': '选项 {option}：给出了 {got} 个图像编号，但有 {texts} 个文本（列）；请每个文本给一个',
  'err.retrieval.listRange':
    '选项 {option}：文本 {text} 属于图像 {value}，但没有这张图像：图像编号是 0 … {max} 的整数（{images} 行）',
  'err.retrieval.noCaption':
    '图像 {image} 在矩阵中没有文本：它的图像→文本排名不存在（请检查 {option}，或去掉这张图像）',
  'help.cmd.retrieval':
    '图像 × 文本相似度矩阵的检索指标：双向 R@1、R@5、R@10，中位与平均排名，与 CLIP 论文的报告方式一致',
  'help.retrieval.ranks':
    '排名：图像 → 文本，取每张图像的最佳描述在所有文本中的名次；文本 → 图像，取每个文本的图像在所有图像中的名次；名次从 1 开始，按降序排列，并列时下标小的在前（稳定排序：open_clip 的 argsort 对并列不作规定）。R@K：名次 ≤ K 的查询比例。中位排名：floor(从 0 开始的名次的中位数) + 1，平均排名：名次的平均，与 open_clip 的 get_clip_metrics 一致。',
  'help.retrieval.layout':
    '输入：行是图像，列是文本，每个元素是相似度（尺度任意：只看顺序）。不给选项时矩阵为方阵，文本 i 属于图像 i；--captions-per-image K：文本 j 属于图像 ⌊j / K⌋（COCO 与 Flickr30k：每张图 5 条描述，5000 × 25000）；--text-image LIST（可直接给出或用 @FILE）：每个文本所属的图像，从 0 开始，即 CLIP_benchmark 的 texts_image_index。',
  'help.retrieval.output':
    '输出：两个方向的 R@K、中位与平均排名。-f value 输出两行：先是图像 → 文本的各 R@K，再是文本 → 图像的；tsv/csv 每个 K 一行“k i2t_recall t2i_recall”；-f json 输出全部数值（i2t_r1、t2i_r5、i2t_median_rank……以及每个查询的名次）。数据格式会逐行读输入两遍，内存为 O(图像数 + 文本数)：管道输入在第一遍读取时复制到 TMPDIR 下的临时文件。',
  'help.opt.retrieval.captions': '每张图像 K 条描述，依次排列：文本 j 属于图像 ⌊j / K⌋',
  'help.opt.retrieval.textImage': '每个文本所属的图像，从 0 开始（可直接给出或用 @FILE）',
  'help.opt.retrieval.recallAt': 'R@K 中的 K（默认 1,5,10）',
  'retrieval.title': '检索，{images} 张图像 × {texts} 个文本',
  'retrieval.label.metric': '指标',
  'retrieval.label.i2t': '图像 → 文本',
  'retrieval.label.t2i': '文本 → 图像',
  'retrieval.label.median': '中位排名',
  'retrieval.label.mean': '平均排名',
  'retrieval.footnote': 'R@K：匹配项名次 ≤ K 的查询比例；名次从 1 开始',
  'retrieval.note.ranks':
    '排名与 open_clip 的 get_clip_metrics 一致：从 1 开始，中位 = floor(从 0 开始名次的中位数) + 1；图像的最佳描述被找到即算找到该图像',
  'retrieval.note.diagonal': '文本 i 属于图像 i（对角线）',
  'retrieval.note.perImage': '每张图像 {k} 条描述：文本 j 属于图像 ⌊j / {k}⌋',
  'retrieval.note.list': '每个文本属于 --text-image 给出的图像',
  'retrieval.note.ties':
    '并列：{i2t} 张图像和 {t2i} 个文本的匹配项与其他候选分数相同；下标小的排在前面（稳定排序），换一种顺序名次会不同',
  'retrieval.note.bigK': 'R@{ks}：K 不小于候选数（{images} 张图像、{texts} 个文本），所以它计入的比模型真正找到的多',
  'teach.retrieval.title': '检索排名的逐步计算：第 {index} 张图像（共 {count} 张）',
  'teach.retrieval.step.i2t': '图像 → 文本',
  'teach.retrieval.step.t2i': '文本 → 图像',
  'teach.retrieval.step.metrics': '各项指标',
  'teach.retrieval.captions': '这张图像有 {count} 条描述；得分最高的是文本 {best}：',
  'teach.retrieval.ahead': '有 {ahead} 个文本排在它前面，所以它的名次是 {rank}。',
  'teach.retrieval.textRank': '文本 {text} 查找图像 {image}：有 {ahead} 张图像排在它前面，所以名次是 {rank}。',
  'teach.retrieval.median':
    '中位排名是 floor(从 0 开始名次的中位数) + 1，平均排名是它们的平均 + 1，与 open_clip 一致：',
};
