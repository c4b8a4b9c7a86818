// Messages of binary input and output: NumPy's .npy and .npz, .safetensors, and -f npy.

export const tensorsEn = {
  'source.member': "{source}, array '{member}'",
  'err.tensorHeader': '{source} is not a readable {format} file: its header is wrong ({detail})',
  'err.tensorDtype': '{source} holds values of type {dtype}, which xent cannot read: {why}',
  'tensor.why.complex':
    'they are complex numbers, and xent reads real ones (save the real part or the magnitude instead)',
  'tensor.why.object': 'they are Python objects, not numbers (save the array with a numeric dtype, such as float64)',
  'tensor.why.text': 'they are strings, not numbers',
  'tensor.why.time': 'they are dates or times, not numbers',
  'tensor.why.structured': 'it is a structured array of records; save one numeric field of it',
  'tensor.why.other': 'xent reads float16, bfloat16, float32, float64, int8 to int64, uint8 to uint64 and bool',
  'err.tensorTruncated':
    '{source} ends early: its header promises {expected} bytes of data ({shape} of {dtype}), but it holds only {got}',
  'err.tensorTrailing':
    '{source} has {extra} bytes more than its header says ({shape} of {dtype}): the header does not describe the data',
  'err.tensorOffsets':
    "tensor '{name}' of {source} is {shape} of {dtype}, which takes {expected} bytes, but its offsets give it {got}",
  'err.tensorTooLarge': '{source} is an array of {shape} of {dtype}: too large to read',
  'err.tensorEmpty': '{source} is an empty array (shape {shape}): no numbers to compute with',
  'err.tensorNoMember': "{source} has no array '{member}'; it has: {members}",
  'err.tensorWhichMember':
    '{source} holds several arrays: name one as FILE:NAME (such as -i file.npz:NAME); it has: {members}',
  'err.tensorNoArrays': '{source} holds no arrays',
  'tensor.moreMembers': '{shown} and {more} more',
  'err.tensorNotArchive':
    "{source} is {format}, a single matrix: it has no array '{member}' to pick (give the file without ':{member}')",
  'err.npzMethod':
    "array '{member}' of {source} is stored in a way xent cannot read ({method}): save it with np.savez or np.savez_compressed",
  'err.npzDamaged': "array '{member}' of {source} is damaged: its bytes do not match the archive's checksum or size",
  'err.npzTooLarge':
    '{source} is an .npz archive read from a pipe, which is held in memory to find its arrays: over 2 GiB is too much; give it as a file (-i FILE.npz)',
  'warn.tensorFlattened':
    '{source} is an array of shape {shape}: read as {rows} rows of {cols} (every dimension but the last flattened to rows)',
  'warn.tensorInexact': '{source}: {count} 64-bit integers are beyond 2^53 and were rounded to the nearest double',
  'err.npyTerminal': '-f npy writes binary data, not for a terminal: redirect it to a file (> result.npy) or a pipe',
  'err.npyTeaching': '-f npy writes only the result matrix: it cannot hold {option}; choose another format for it',
} as const;

export type TensorsKey = keyof typeof tensorsEn;

export const tensorsZh: Record<TensorsKey, string> = {
  'source.member': '{source}中的数组“{member}”',
  'err.tensorHeader': '{source}不是可读的 {format} 文件：文件头有误（{detail}）',
  'err.tensorDtype': '{source}中的值是 {dtype} 类型，xent 无法读取：{why}',
  'tensor.why.complex': '这些是复数，而 xent 只读实数（请改存实部或模）',
  'tensor.why.object': '这些是 Python 对象而不是数（请用数值类型保存数组，例如 float64）',
  'tensor.why.text': '这些是字符串而不是数',
  'tensor.why.time': '这些是日期或时间而不是数',
  'tensor.why.structured': '这是由记录组成的结构化数组；请只保存其中一个数值字段',
  'tensor.why.other': 'xent 能读 float16、bfloat16、float32、float64、int8 到 int64、uint8 到 uint64 以及 bool',
  'err.tensorTruncated':
    '{source}提前结束：文件头声明有 {expected} 字节数据（{dtype} 类型的 {shape}），实际只有 {got} 字节',
  'err.tensorTrailing': '{source}比文件头所说（{dtype} 类型的 {shape}）多出 {extra} 字节：文件头与数据不符',
  'err.tensorOffsets':
    '{source}中的张量“{name}”是 {dtype} 类型的 {shape}，应占 {expected} 字节，但其偏移量给出的是 {got} 字节',
  'err.tensorTooLarge': '{source}是 {dtype} 类型的 {shape} 数组：太大，无法读取',
  'err.tensorEmpty': '{source}是空数组（形状 {shape}）：没有可计算的数',
  'err.tensorNoMember': '{source}中没有数组“{member}”；其中有：{members}',
  'err.tensorWhichMember': '{source}中有多个数组：请用 FILE:NAME 指定一个（例如 -i file.npz:NAME）；其中有：{members}',
  'err.tensorNoArrays': '{source}中没有数组',
  'tensor.moreMembers': '{shown}，另有 {more} 个',
  'err.tensorNotArchive': '{source}是 {format}，只有一个矩阵：没有可选的数组“{member}”（请去掉文件名后的“:{member}”）',
  'err.npzMethod':
    '{source}中的数组“{member}”的存储方式 xent 无法读取（{method}）：请用 np.savez 或 np.savez_compressed 保存',
  'err.npzDamaged': '{source}中的数组“{member}”已损坏：其字节与归档的校验和或大小不符',
  'err.npzTooLarge':
    '{source}是从管道读入的 .npz 归档，需先整个放入内存才能找到其中的数组：超过 2 GiB 太大了；请以文件形式给出（-i FILE.npz）',
  'warn.tensorFlattened':
    '{source}是形状为 {shape} 的数组：按 {rows} 行、每行 {cols} 个数读取（除最后一维外都展平为行）',
  'warn.tensorInexact': '{source}：有 {count} 个 64 位整数超出 2^53，已舍入为最接近的双精度数',
  'err.npyTerminal': '-f npy 输出二进制数据，不适合终端：请重定向到文件（> result.npy）或管道',
  'err.npyTeaching': '-f npy 只输出结果矩阵，装不下 {option} 的内容；请为它换一种格式',
};
