// Messages of the notations read in front of the plain one (JSON objects, LaTeX) and of the
// numbers written as ratios and percentages.

export const notationEn = {
  'err.percentNotHere':
    "'{token}' at row {row}, column {col} of {source} is a percentage: one is read only where probabilities are expected (the input of entropy, of ce and bce with --probs, --p, --q, --target-probs, --targets); write it as a number (70% is 0.7)",
  'err.zeroDivision': "'{token}' at row {row}, column {col} of {source} divides by zero",
  'err.json.unexpected':
    "unexpected '{token}' at line {line}, column {column} of {source}, which reads as a JSON object",
  'err.json.unclosed': 'the JSON object opened at line {line} of {source} is never closed',
  'err.json.noNumbers':
    'the JSON object at line {line} of {source} has no field holding an array of numbers (fields found: {keys}); name one with --key',
  'err.json.ambiguous':
    '{source} has several fields holding arrays of numbers ({keys}); pick one with --key (for example --key {first})',
  'err.json.keyMissing': "the JSON object at line {line} of {source} has no field '{key}' (fields found: {keys})",
  'err.json.keyNotJson': '--key {key} picks a field of a JSON object, but {source} is not one; leave --key out',
  'err.latex.noEnd': "'\\begin{{env}}' in {source} is never ended with '\\end{{env}}'",
  'err.latex.outside':
    "'{token}' in {source} is outside the LaTeX matrix: only the matrix (\\begin{bmatrix} … \\end{bmatrix}, after an optional 'z =') is read",
  'err.latex.nested':
    "'{token}' inside the LaTeX matrix of {source}: a matrix in a matrix is not read; give one matrix",
  'err.latex.unclosed': 'a group {…} in the LaTeX matrix of {source} is never closed',
  'err.latex.tooDeep': 'the LaTeX of {source} nests groups deeper than {max} levels',
  'err.latex.tooLong': 'the LaTeX of {source} is longer than {max} characters: save the matrix as CSV instead',
  'err.keyUnused': '--key {key} picks a field of the input, but xent {command} reads no input here; leave it out',
  'help.opt.key':
    'the field of a JSON object (or of each line of JSON Lines) that holds the matrix, a dotted path: logits, outputs.logits',
} as const;

export type NotationKey = keyof typeof notationEn;

export const notationZh: Record<NotationKey, string> = {
  'err.percentNotHere':
    '{source}第 {row} 行第 {col} 列的“{token}”是百分数：只有在需要概率的地方才读取百分数（entropy 的输入、带 --probs 的 ce 和 bce、--p、--q、--target-probs、--targets）；请写成数字（70% 即 0.7）',
  'err.zeroDivision': '{source}第 {row} 行第 {col} 列的“{token}”除以了零',
  'err.json.unexpected': '{source}按 JSON 对象读取，但第 {line} 行第 {column} 列不应出现“{token}”',
  'err.json.unclosed': '{source}第 {line} 行开始的 JSON 对象没有闭合',
  'err.json.noNumbers':
    '{source}第 {line} 行的 JSON 对象中没有存放数字数组的字段（找到的字段：{keys}）；请用 --key 指定一个',
  'err.json.ambiguous': '{source}中有多个存放数字数组的字段（{keys}）；请用 --key 选择一个（例如 --key {first}）',
  'err.json.keyMissing': '{source}第 {line} 行的 JSON 对象中没有字段“{key}”（找到的字段：{keys}）',
  'err.json.keyNotJson': '--key {key} 用于选择 JSON 对象中的字段，但{source}不是 JSON 对象；请去掉 --key',
  'err.latex.noEnd': '{source}中的“\\begin{{env}}”没有以“\\end{{env}}”结束',
  'err.latex.outside':
    '{source}中的“{token}”位于 LaTeX 矩阵之外：只读取矩阵本身（\\begin{bmatrix} … \\end{bmatrix}，前面可以有“z =”）',
  'err.latex.nested': '{source}的 LaTeX 矩阵中出现了“{token}”：不读取矩阵中的矩阵；请只给出一个矩阵',
  'err.latex.unclosed': '{source}的 LaTeX 矩阵中有一个 {…} 分组没有闭合',
  'err.latex.tooDeep': '{source}的 LaTeX 分组嵌套超过了 {max} 层',
  'err.latex.tooLong': '{source}的 LaTeX 超过 {max} 个字符：请把矩阵另存为 CSV',
  'err.keyUnused': '--key {key} 用于选择输入中的字段，但 xent {command} 在这里不读取输入；请去掉 --key',
  'help.opt.key': 'JSON 对象（或 JSON Lines 每一行）中存放矩阵的字段，用点号分隔的路径：logits、outputs.logits',
};
