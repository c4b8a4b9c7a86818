// Messages of the input's columns (src/text/columns.ts): --cols, --drop-cols, --index-col,
// --header, -y col:NAME, and what the reader detects and says on stderr (en, zh).

export const columnsEn = {
  'help.opt.cols':
    'read only these columns as data, in this order: names from the header or numbers from 1, ranges such as 2-5 or 3- (a name of digits in quotes: \'"0"\')',
  'help.opt.dropCols': 'leave these columns out (ids, file names, labels): names or numbers from 1, ranges such as 2-5',
  'help.opt.indexCol':
    'the column of row labels: a name or number from 1, none, or auto (the default: a first header cell left empty, as pandas writes its index, or a first column of words)',
  'help.opt.header':
    'whether the first line names the columns: yes, no, or auto (the default: a line of words; in a file or stdin also 0…C−1 or 1…C above a row with a fraction)',
  'err.notNumberInColumn':
    "'{token}' at row {row}, column {col} of {source} is not a number; if that column holds labels or ids, --index-col {col} reads it as row labels, --drop-cols {col} leaves it out, -y col:{col} takes the targets from it",
  'err.columnZero': '{option} names column 0, but columns are numbered from 1, as in error messages',
  'err.columnList':
    "'{value}' in {option} is not a column: give names from the header, numbers from 1, or ranges such as 2-5",
  'err.columnNoHeader':
    "{option} names the column '{name}', but there is no header row in {source}; give its number (from 1)",
  'err.columnUnknown':
    "{option} names the column '{name}', which the header of {source} does not have (it has: {names})",
  'err.columnAmbiguous':
    "the header of {source} names two columns '{name}' (columns {first} and {second}); give the number of the one you mean",
  'err.columnBeyond': '{option} names column {col}, but the rows of {source} have {width} columns',
  'err.columnTwice': 'column {col} of {source} is chosen twice: by {first} and by {second}',
  'err.noDataColumns':
    'no data columns are left in {source} once the row labels, the targets and the columns left out are taken away',
  'err.targetColumn.notClass':
    "row {row} of {source}: the target '{name}' in column {col} is not a class; the classes are {names} (or give class numbers)",
  'err.targetColumn.noNames':
    "row {row} of {source}: the target '{name}' in column {col} is a word, but the data columns have no names to match it (no header row); give class numbers",
  'err.targetColumn.notNumber': "row {row} of {source}: the target '{name}' in column {col} is not a number",
  'err.targetColumn.noInput': '{option} col:… takes the targets from a column of the input, and this run reads none',
  'warn.input.indexColumn':
    'column {col} of {source} has no name in the header, as pandas writes its index: read as row labels, not data (--index-col none reads it as data)',
  'warn.input.labelColumn':
    "column 1 of {source} begins with the word '{word}': read as row labels, not data (--index-col none refuses it)",
  'warn.input.integerHeader':
    'the first row of {source} ({first} … {last}) is read as a header of column names, as pandas writes integer names (--header no reads it as data)',
} as const;

export type ColumnsKey = keyof typeof columnsEn;

export const columnsZh: Record<ColumnsKey, string> = {
  'help.opt.cols':
    '只把这些列当作数据读取，按给出的顺序：表头中的列名或从 1 开始的列号，也可以是 2-5、3- 这样的范围（全是数字的列名请加引号：\'"0"\'）',
  'help.opt.dropCols': '不读取这些列（编号、文件名、标签）：列名或从 1 开始的列号，也可以是 2-5 这样的范围',
  'help.opt.indexCol':
    '行标签所在的列：列名或从 1 开始的列号，none 或 auto（默认：表头第一格为空，即 pandas 写出索引的方式，或第一列是词）',
  'help.opt.header':
    '第一行是否为列名：yes、no 或 auto（默认：一行全是词；在文件或标准输入中，0…C−1 或 1…C 且下一行有小数时也算）',
  'err.notNumberInColumn':
    '{source}第 {row} 行第 {col} 列的“{token}”不是数字；如果这一列是标签或编号：--index-col {col} 把它读作行标签，--drop-cols {col} 不读取它，-y col:{col} 从它读取目标',
  'err.columnZero': '{option} 指定了第 0 列，但列号从 1 开始（与错误信息中的一致）',
  'err.columnList': '{option} 中的“{value}”不是列：请给出表头中的列名、从 1 开始的列号，或 2-5 这样的范围',
  'err.columnNoHeader': '{option} 指定了列“{name}”，但{source}没有表头行；请给出它的列号（从 1 开始）',
  'err.columnUnknown': '{option} 指定了列“{name}”，但{source}的表头中没有这一列（表头中有：{names}）',
  'err.columnAmbiguous':
    '{source}的表头中有两列都叫“{name}”（第 {first} 列和第 {second} 列）；请给出你要的那一列的列号',
  'err.columnBeyond': '{option} 指定了第 {col} 列，但{source}每行只有 {width} 列',
  'err.columnTwice': '{source}的第 {col} 列被指定了两次：{first} 和 {second}',
  'err.noDataColumns': '去掉行标签、目标和不读取的列之后，{source}中没有剩下数据列',
  'err.targetColumn.notClass':
    '{source}第 {row} 行：第 {col} 列的目标“{name}”不是类别；类别有 {names}（也可以给出类别编号）',
  'err.targetColumn.noNames':
    '{source}第 {row} 行：第 {col} 列的目标“{name}”是一个词，但数据列没有可对应的名字（没有表头行）；请给出类别编号',
  'err.targetColumn.notNumber': '{source}第 {row} 行：第 {col} 列的目标“{name}”不是数字',
  'err.targetColumn.noInput': '{option} col:… 从输入的某一列读取目标，但这次运行不读取输入',
  'warn.input.indexColumn':
    '{source}的第 {col} 列在表头中没有名字，pandas 写出的索引列就是这样：读作行标签，而不是数据（--index-col none 把它读作数据）',
  'warn.input.labelColumn': '{source}的第 1 列以词“{word}”开头：读作行标签，而不是数据（给 --index-col none 则会报错）',
  'warn.input.integerHeader':
    '{source}的第一行（{first} … {last}）读作列名表头，这是 pandas 写出整数列名的方式（--header no 把它读作数据）',
};
