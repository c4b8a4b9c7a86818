// Messages shared by every command: input, output, options, help. Each section of the
// catalogue has an `en` object and a `zh` object typed against it, so a missing key is a
// compile error as well as a test failure. Placeholders are written {name}.

export const coreEn = {
  // error framing: the label with its colon and the space after it ("error: ", "错误："), as
  // the languages write them
  'err.prefix': 'error: ',
  'warn.prefix': 'warning: ',
  'warn.more': '… and {count} more warnings like this',
  'err.tryHelp': "Try '{command} --help'.",
  'err.internal': 'internal error: {message} (please report it; XENT_DEBUG=1 shows the stack)',
  'err.writeFailed': 'cannot write the output: {reason}',
  'err.spillWrite':
    "cannot write a temporary file in '{dir}': {reason} (a piped input read twice is copied there, and the rows of softmax -f json past a megabyte are kept there; set TMPDIR to a disk with room, or give a piped input read twice as a file with -i FILE)",
  // where input comes from
  'source.args': 'the arguments',
  'source.stdin': 'standard input',
  'source.file': "'{path}'",
  'source.option': 'option {option}',
  'source.optionFile': 'option {option} ({source})',
  // reading input
  'err.noInput': 'no input: give numbers as arguments, a file with -i FILE, or pipe them in (example: {example})',
  'err.inputTwice': 'the input was given twice: use arguments or --input, not both',
  // two inputs read together, row by row (distill's --student and --teacher)
  'err.inStep.rows': '{short} ends after row {rows}, but {long} goes on; both need the same rows (one per sample)',
  'err.inStep.width':
    'row {row} of {first} has {firstCols} values, but row {row} of {second} has {secondCols}; both need the same columns',
  'err.fileMissing': "cannot read '{path}': no such file",
  'err.fileIsDir': "cannot read '{path}': it is a directory, not a file",
  'err.fileUnreadable': "cannot read '{path}': {reason}",
  'err.binary':
    '{source} is not text: it has a NUL byte at byte {offset} (xent reads text, and NumPy .npy and .npz and .safetensors files, told by their first bytes)',
  'err.badUtf8': '{source} is not valid UTF-8 text (first bad byte at {offset})',
  'err.inputChanged':
    '{source} changed while xent read it: it held a {before} matrix at the first reading and {after} at the next (xent reads a large file more than once rather than hold it; let it finish writing first)',
  // parsing numbers and matrices
  'err.notNumber':
    "'{token}' at row {row}, column {col} of {source} is not a number (allowed: numbers such as 2, -0.5, .5, 1e-3, and inf, -inf)",
  'err.nan': "'{token}' at row {row}, column {col} of {source} is NaN; give a number, inf or -inf",
  'err.ragged':
    'row {row} of {source} has length {got}, but row 1 has length {expected}; every row needs the same number of columns',
  'err.emptyField':
    'row {row}, column {col} of {source} is empty (nothing between two commas, or after the last); every field needs a number. This is how pandas writes a missing value: fill it in or drop it first (df.fillna, df.dropna)',
  'err.emptyTabField':
    'row {row}, column {col} of {source} is empty (two tabs in a row: an empty cell, as a spreadsheet or pandas writes a missing value); every field needs a number: fill it in or drop it first (df.fillna, df.dropna)',
  'err.summarised':
    '\'{token}\' at row {row}, column {col} of {source} stands for the numbers a summarised print left out; print the whole array (torch.set_printoptions(profile="full") or np.set_printoptions(threshold=sys.maxsize)), or save it to a file (np.savetxt, df.to_csv) and read that',
  'warn.probsAsLogits':
    'every row of {source} is in [0, 1] and sums to 1: these look like probabilities, but {command} reads logits (and applies softmax to them); give --probs if they are probabilities',
  'warn.probsAsLogitsNoOption':
    'every row of {source} is in [0, 1] and sums to 1: these look like probabilities, but {command} reads logits (scaled similarities) and applies softmax to them',
  'err.columnVector':
    "every row of {source} holds one number (a column vector): each row would be one class, whose probability is always 1 and loss 0. For one vector of classes, write it as one row: 2 0.5 -1 or [2, 0.5, -1] (a column in a file: paste -sd' ' FILE | xent {command})",
  'err.empty': 'no numbers found in {source}',
  'err.unbalanced': "unbalanced brackets in {source}: '{token}' at row {row} has no partner",
  'err.unexpected': "unexpected '{token}' at row {row}, column {col} of {source}",
  'note.infGeneric':
    'inf: a value went beyond the largest double (about 1.8e308), or a probability that should be positive is 0 (−log 0 = inf); scale the inputs down, or check the entries masked with −inf',
  'err.unclosed': "'{token}' opened at row {row} of {source} is never closed",
  'err.overflow':
    "'{token}' at row {row}, column {col} of {source} is beyond the range of a double (about ±1.8e308); write inf or -inf if you mean infinity",
  'err.notNumberLine':
    'row {row}, column {col} of {source} is not a number: its line is one word of {length} characters, not quoted (a whole line of a file is never shown) (allowed: numbers such as 2, -0.5, .5, 1e-3, and inf, -inf)',
  'err.tooDeep':
    'brackets nested deeper than {max} levels at line {line}, column {column} of {source}; a matrix needs two ([[1, 2], [3, 4]])',
  'err.headerTooLong':
    'the first line of {source} is more than {max} characters of words without a number: too long for a header row',
  'err.tooManyValues':
    '{source} holds more numbers than fit in memory (over {count}); softmax -f tsv, clip -f value and ce -f value read a large input row by row without holding it',
  'err.fileTooLarge': "cannot read '{path}': it is too large to read at once",
  'token.cut': '{head}… ({length} characters)',
  // between the items of a list parameter ({ list: [...] }): names, choices, row numbers
  'list.separator': ', ',
  'err.exampleAndInput': '--example is the input: give it without numbers or -i FILE',
  'err.inputNotRead': "xent {command} reads no input, so -i '{file}' would be ignored; leave it out",
  'err.optionTwice': "option {option} was given twice ('{first}' and '{second}'); give it once",
  'err.stdoutClosed': 'standard output is closed: nowhere to write the result',
  'err.headerWidth': 'the header of {source} names {got} columns, but the rows have {expected}',
  // options
  'err.unknownOption': "unknown option '{option}'{hint}",
  'err.unknownCommand': "unknown command '{command}'{hint}",
  'err.didYouMean': ' (did you mean {suggestion}?)',
  'err.optionNeedsValue': "option '{option}' needs a value",
  'err.missingArgument': "missing argument '{argument}'",
  'err.excessArguments': "'{command}' takes no arguments, got '{token}'",
  'err.helpExtra': "'help' shows the help of one command; got a second argument '{token}'",
  'err.badChoice': "option {option} takes one of {choices}, got '{value}'",
  'err.precision': "option --precision takes a whole number from 0 to 17, got '{value}'",
  'err.temperature': "the temperature must be a finite number greater than 0, got '{value}' (option -t, --temperature)",
  'err.notANumberOption': "option {option} takes a number, got '{value}'",
  'err.positive': "option {option} takes a finite number greater than 0, got '{value}'",
  // softmax
  'err.allNegInf':
    'softmax is undefined for {line}: every logit is -inf, so every class is masked and nothing is left to normalise',
  'err.posInf':
    '+inf at row {row}, column {col} of {source}: softmax of +inf is inf/inf, undefined; use a large finite number instead',
  'where.row': 'row {index}',
  'where.column': 'column {index}',
  // labels in tables
  'label.row': 'row',
  'label.column': 'column',
  'title.probs': 'Probability (softmax of {what})',
  'title.logProbs': 'Log-probability (log-softmax of {what})',
  'title.eachRow': 'each row',
  'title.eachColumn': 'each column',
  'note.markArgmax': '* marks the most probable class in each {unit}',
  'note.temperature': 'logits divided by the temperature T = {value} before the softmax',
  'progress.reading': 'reading {source}: {mb} MB, {rows} rows',
  'note.elided':
    'the tables are cut to fit the terminal (… marks what is left out): --full shows everything, and so do -f tsv, csv and json',
  'note.droppedColumns': 'left out to fit the terminal: {columns} (--full, or a wider terminal, shows them)',
  'note.markColumn': 'the column headed * names the marked column of each row, where that column is left out',
  'help.opt.full':
    'show tables whole in a terminal (by default a table too big for it loses its middle rows and columns, or the columns that are not the answer)',
  // help
  'help.usage': 'Usage:',
  'help.options': 'Options:',
  'help.globalOptions': 'Global Options:',
  'help.commands': 'Commands:',
  'help.arguments': 'Arguments:',
  'help.examples': 'Examples:',
  'help.program': 'Softmax, cross-entropy and contrastive losses, computed exactly and shown clearly.',
  'help.programMore':
    'Input: numbers as arguments ("2 0.5 -1", "1,2; 3,4"), a file (-i FILE), or standard input, in plain, CSV/TSV, JSON, NumPy/PyTorch or MATLAB notation. Rows are numbered from 1, classes from 0 (as PyTorch targets).',
  'help.exitCodes': 'Exit codes:',
  'help.exit.ok': 'success (and every --expect value right)',
  'help.exit.wrong': 'an --expect value is wrong',
  'help.exit.usage': 'bad input or usage (the message says what and where)',
  'help.exit.internal': 'internal error (a bug: please report it)',
  'help.exit.output': 'the output or a temporary file could not be written (a full disk, a closed stdout)',
  'help.exit.interrupted': 'interrupted (Ctrl-C); another signal gives 128 + its number',
  'help.opt.help': 'show help for a command',
  'help.opt.version': 'print the version',
  'help.cmd.help': 'show help for a command',
  'help.arg.matrix': 'the numbers: a vector (one row) or a matrix, in any notation',
  'help.opt.input': 'read the matrix from FILE (- for standard input)',
  'help.opt.format':
    'output format: table, tsv, csv, json, markdown, latex (tables and explanations for a LaTeX or KaTeX write-up), value, or npy (the result matrix as a NumPy file, for a file or a pipe) (default: table on a terminal, tsv in a pipe)',
  'help.opt.precision':
    'decimals in tables, Markdown and LaTeX (default 4); data formats print full precision unless this is given',
  // the first line of -f latex output that holds Chinese (as a LaTeX comment)
  'latex.ctex':
    'Chinese text: compile with xelatex in \\documentclass{ctexart} (or with \\usepackage{ctex}), not with pdflatex; Debian packages: texlive-xetex, texlive-lang-chinese',
  'help.opt.lang':
    'language: en, zh (Simplified Chinese, for every zh_* locale) or both (default: XENT_LANG, then LC_ALL / LC_MESSAGES / LANG)',
  'help.opt.color': 'force colour even when the output is not a terminal (also FORCE_COLOR=1)',
  'help.opt.noColor': 'no colour (also NO_COLOR=1, TERM=dumb or FORCE_COLOR=0)',
  'help.opt.example': 'use the built-in 3×3 example instead of input',
  'help.opt.temperature': 'divide the logits by T > 0 before the softmax (default 1)',
  'help.opt.axis': 'softmax over each row (default) or each col(umn)',
  'help.opt.log': 'show log-probabilities as the main result',
} as const;

export type CoreKey = keyof typeof coreEn;

export const coreZh: Record<CoreKey, string> = {
  'err.prefix': '错误：',
  'warn.prefix': '警告：',
  'warn.more': '……还有 {count} 条同类警告',
  'err.tryHelp': "请运行 '{command} --help' 查看用法。",
  'err.internal': '内部错误：{message}（请报告此问题；设置 XENT_DEBUG=1 可显示调用栈）',
  'err.writeFailed': '无法写出结果：{reason}',
  'err.spillWrite':
    '无法在“{dir}”中写入临时文件：{reason}（需要读取两遍的管道输入会先复制到那里，softmax -f json 超过 1 MB 的各行也存放在那里；请把 TMPDIR 设为有空间的磁盘，需要读取两遍的管道输入也可以用 -i FILE 直接给出文件）',
  'source.args': '命令行参数',
  'source.stdin': '标准输入',
  'source.file': '“{path}”',
  // A space after the option name, as between any Latin text and Chinese: “选项 -y 第 1 行”.
  'source.option': '选项 {option} ',
  'source.optionFile': '选项 {option}（{source}）',
  'err.noInput': '没有输入：请把数字写在参数里、用 -i FILE 指定文件，或通过管道输入（例如：{example}）',
  'err.inputTwice': '输入给了两次：请只用参数或 --input 其中之一',
  'err.inStep.rows': '{short}在第 {rows} 行后就结束了，但{long}还有更多行；两者的行数必须相同（每个样本一行）',
  'err.inStep.width':
    '{first}第 {row} 行有 {firstCols} 个数，但{second}第 {row} 行有 {secondCols} 个；两者的列数必须相同',
  'err.fileMissing': '无法读取“{path}”：文件不存在',
  'err.fileIsDir': '无法读取“{path}”：这是一个目录，不是文件',
  'err.fileUnreadable': '无法读取“{path}”：{reason}',
  'err.binary':
    '{source}不是文本：第 {offset} 字节是 NUL（xent 读取文本，以及 NumPy 的 .npy、.npz 和 .safetensors 文件，按文件开头的字节识别）',
  'err.badUtf8': '{source}不是有效的 UTF-8 文本（第一个无效字节是第 {offset} 字节）',
  'err.inputChanged':
    '{source}在 xent 读取期间发生了变化：第一次读取时是 {before} 的矩阵，再次读取时是 {after}（xent 会把大文件读取多遍，而不是整个保存在内存中；请等文件写完再运行）',
  'err.notNumber':
    '{source}第 {row} 行第 {col} 列的“{token}”不是数字（允许：2、-0.5、.5、1e-3 这样的数，以及 inf、-inf）',
  'err.nan': '{source}第 {row} 行第 {col} 列的“{token}”是 NaN；请给出数字、inf 或 -inf',
  'err.ragged': '{source}第 {row} 行有 {got} 个数，但第 1 行有 {expected} 个；每行的列数必须相同',
  'err.emptyField':
    '{source}第 {row} 行第 {col} 列是空的（两个逗号之间或最后一个逗号之后没有内容）；每个字段都需要一个数。pandas 就是这样写缺失值的：请先填补或删除（df.fillna、df.dropna）',
  'err.emptyTabField':
    '{source}第 {row} 行第 {col} 列是空的（连续两个制表符：一个空单元格，电子表格或 pandas 就是这样写缺失值的）；每个字段都需要一个数：请先填补或删除（df.fillna、df.dropna）',
  'err.summarised':
    '{source}第 {row} 行第 {col} 列的“{token}”代表摘要打印时省略的数字；请打印完整的数组（torch.set_printoptions(profile="full") 或 np.set_printoptions(threshold=sys.maxsize)），或保存到文件（np.savetxt、df.to_csv）再读取',
  'warn.probsAsLogits':
    '{source}的每一行都在 [0, 1] 之间且和为 1：看起来是概率，但 {command} 读入的是 logit（会先对其做 softmax）；如果它们是概率，请加上 --probs',
  'warn.probsAsLogitsNoOption':
    '{source}的每一行都在 [0, 1] 之间且和为 1：看起来是概率，但 {command} 读入的是 logit（缩放后的相似度），并会对其做 softmax',
  'err.columnVector':
    "{source}的每一行只有一个数（列向量）：这样每行都是只有一个类别的分布，概率总是 1，损失总是 0。如果这是一个类别向量，请写成一行：2 0.5 -1 或 [2, 0.5, -1]（文件中的一列：paste -sd' ' FILE | xent {command}）",
  'err.empty': '{source}中没有找到数字',
  'err.unbalanced': '{source}的括号不配对：第 {row} 行的“{token}”没有对应的括号',
  'err.unexpected': '{source}第 {row} 行第 {col} 列不应出现“{token}”',
  'note.infGeneric':
    'inf：某个值超出了双精度浮点数的最大值（约 1.8e308），或本应为正的概率是 0（−log 0 = inf）；请缩小输入，或检查被 −inf 屏蔽的项',
  'err.unclosed': '{source}第 {row} 行打开的“{token}”没有闭合',
  'err.overflow':
    '{source}第 {row} 行第 {col} 列的“{token}”超出了双精度浮点数的范围（约 ±1.8e308）；如果指的是无穷大，请写 inf 或 -inf',
  'err.notNumberLine':
    '{source}第 {row} 行第 {col} 列不是数字：这一行是一个长 {length} 个字符的词，这里不显示它（文件中的整行内容从不显示）（允许：2、-0.5、.5、1e-3 这样的数，以及 inf、-inf）',
  'err.tooDeep': '{source}第 {line} 行第 {column} 列的括号嵌套超过了 {max} 层；矩阵只需要两层（[[1, 2], [3, 4]]）',
  'err.headerTooLong': '{source}的第一行超过 {max} 个字符，全是词而没有数字：作为表头行太长了',
  'err.tooManyValues':
    '{source}里的数字太多，内存放不下（超过 {count} 个）；softmax -f tsv、clip -f value 和 ce -f value 会逐行读取大输入，不必整个放进内存',
  'err.fileTooLarge': '无法读取“{path}”：文件太大，无法一次读入',
  'token.cut': '{head}…（共 {length} 个字符）',
  'list.separator': '、',
  'err.exampleAndInput': '--example 本身就是输入：不要再给出数字或 -i FILE',
  'err.inputNotRead': 'xent {command} 不读取输入，-i 给出的“{file}”会被忽略；请去掉 -i',
  'err.optionTwice': '选项 {option} 给了两次（“{first}”和“{second}”）；请只给一次',
  'err.stdoutClosed': '标准输出已关闭：结果无处可写',
  'err.headerWidth': '{source}的表头有 {got} 个列名，但数据每行有 {expected} 列',
  'err.unknownOption': '未知选项“{option}”{hint}',
  'err.unknownCommand': '未知命令“{command}”{hint}',
  'err.didYouMean': '（你是不是想用 {suggestion}？）',
  'err.optionNeedsValue': '选项 {option} 需要一个值',
  'err.missingArgument': '缺少参数“{argument}”',
  'err.excessArguments': '“{command}”不接受参数，却收到了“{token}”',
  'err.helpExtra': '“help”只显示一个命令的帮助，却多收到了参数“{token}”',
  'err.badChoice': '选项 {option} 只能取 {choices} 之一，收到的是“{value}”',
  'err.precision': '选项 --precision 需要 0 到 17 之间的整数，收到的是“{value}”',
  'err.temperature': '温度必须是大于 0 的有限数，收到的是“{value}”（选项 -t, --temperature）',
  'err.notANumberOption': '选项 {option} 需要一个数，收到的是“{value}”',
  'err.positive': '选项 {option} 需要一个大于 0 的有限数，收到的是“{value}”',
  'err.allNegInf': '{line}的 softmax 无定义：所有 logit 都是 -inf，所有类别都被屏蔽，无法归一化',
  'err.posInf': '{source}第 {row} 行第 {col} 列是 +inf：softmax 会得到 inf/inf，无定义；请改用一个很大的有限数',
  'where.row': '第 {index} 行',
  'where.column': '第 {index} 列',
  'label.row': '行',
  'label.column': '列',
  'title.probs': '概率（对{what}做 softmax）',
  'title.logProbs': '对数概率（对{what}做 log-softmax）',
  'title.eachRow': '每一行',
  'title.eachColumn': '每一列',
  'note.markArgmax': '* 标出每{unit}中概率最大的类别',
  'note.temperature': '做 softmax 之前，logit 先除以温度 T = {value}',
  'progress.reading': '正在读取{source}：{mb} MB，{rows} 行',
  'note.elided': '表格已按终端大小截断（… 表示省略的部分）：--full 显示全部，-f tsv、csv、json 也会输出全部',
  'note.droppedColumns': '为适应终端宽度，省略了：{columns}（加 --full 或加宽终端即可显示）',
  'note.markColumn': '标题为 * 的列给出每行带 * 标记的那一列（该列被省略时）',
  'help.opt.full': '在终端里完整显示表格（默认情况下，放不下的表格会省略中间的行和列，或省略不属于答案的列）',
  'help.usage': '用法：',
  'help.options': '选项：',
  'help.globalOptions': '全局选项：',
  'help.commands': '命令：',
  'help.arguments': '参数：',
  'help.examples': '示例：',
  'help.program': '精确计算并清晰展示 softmax、交叉熵与对比学习损失。',
  'help.programMore':
    '输入：写在参数里的数字（"2 0.5 -1"、"1,2; 3,4"）、文件（-i FILE）或标准输入，支持纯文本、CSV/TSV、JSON、NumPy/PyTorch 与 MATLAB 写法。行从 1 开始编号，类别从 0 开始（与 PyTorch 的 target 一致）。',
  'help.exitCodes': '退出码：',
  'help.exit.ok': '成功（--expect 的值也全对）',
  'help.exit.wrong': '--expect 的值有错',
  'help.exit.usage': '输入或用法错误（错误信息会说明是什么、在哪里）',
  'help.exit.internal': '内部错误（程序缺陷，请报告）',
  'help.exit.output': '无法写出结果或临时文件（磁盘已满、标准输出已关闭）',
  'help.exit.interrupted': '被中断（Ctrl-C）；其他信号为 128 加信号编号',
  'help.opt.help': '显示命令的帮助',
  'help.opt.version': '显示版本号',
  'help.cmd.help': '显示命令的帮助',
  'help.arg.matrix': '输入的数：一个向量（一行）或一个矩阵，任何写法均可',
  'help.opt.input': '从 FILE 读取矩阵（- 表示标准输入）',
  'help.opt.format':
    '输出格式：table、tsv、csv、json、markdown、latex（表格和讲解，用于 LaTeX 或 KaTeX 作业）、value 或 npy（结果矩阵存为 NumPy 文件，写入文件或管道）（默认：终端里为 table，管道中为 tsv）',
  'help.opt.precision': '表格、Markdown 和 LaTeX 中的小数位数（默认 4）；数据格式默认输出完整精度，除非指定此项',
  'latex.ctex':
    '含中文：请用 xelatex 编译（pdflatex 不支持中文），文档类用 \\documentclass{ctexart}（或加 \\usepackage{ctex}）；Debian 软件包：texlive-xetex、texlive-lang-chinese',
  'help.opt.lang':
    '语言：en、zh（简体中文，所有 zh_* 区域设置都用它）或 both（默认依次看 XENT_LANG、LC_ALL、LC_MESSAGES、LANG）',
  'help.opt.color': '即使输出不是终端也使用颜色（也可设置 FORCE_COLOR=1）',
  'help.opt.noColor': '不使用颜色（也可设置 NO_COLOR=1、TERM=dumb 或 FORCE_COLOR=0）',
  'help.opt.example': '使用内置的 3×3 示例代替输入',
  'help.opt.temperature': '做 softmax 之前把 logit 除以 T > 0（默认 1）',
  'help.opt.axis': '对每一行（row，默认）或每一列（col）做 softmax',
  'help.opt.log': '以对数概率作为主要结果',
};
