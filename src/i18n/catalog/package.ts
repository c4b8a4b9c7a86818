// Messages of xent as a package: `xent completion`, and the errors of the library API
// (src/index.ts), whose callers pass arrays rather than text or options.

export const packageEn = {
  // xent completion
  'help.cmd.completion': 'print a shell completion script for bash, zsh or fish',
  'help.arg.shell': 'the shell: bash, zsh or fish',
  'err.badShell': "xent completion supports bash, zsh and fish, got '{shell}'",
  // library input
  'err.lib.notMatrix': '{what} must be a Matrix, a number[][] or a number[], got {got}',
  'err.lib.entry': 'row {row}, column {col} of {what} is {value}: entries must be numbers (inf and -inf are allowed)',
  'err.lib.length': '{what} has {got} entries; it needs {expected}: {why}',
} as const;

export type PackageKey = keyof typeof packageEn;

export const packageZh: Record<PackageKey, string> = {
  'help.cmd.completion': '输出 bash、zsh 或 fish 的命令行补全脚本',
  'help.arg.shell': '命令行外壳：bash、zsh 或 fish',
  'err.badShell': 'xent completion 支持 bash、zsh 和 fish，收到的是“{shell}”',
  'err.lib.notMatrix': '{what} 必须是 Matrix、number[][] 或 number[]，收到的是 {got}',
  'err.lib.entry': '{what} 第 {row} 行第 {col} 列是 {value}：各项必须是数（允许 inf 和 -inf）',
  'err.lib.length': '{what} 有 {got} 项，但需要 {expected} 项：{why}',
};
