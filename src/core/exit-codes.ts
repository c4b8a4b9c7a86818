/**
 * Every exit code of xent, in one table: each code means one thing, so a script can tell
 * a wrong answer (1) from bad input (2) from output that never arrived (74).
 * 70 and 74 are sysexits.h's EX_SOFTWARE and EX_IOERR; 130 is 128 + SIGINT, what the shell
 * reports for a process that Ctrl-C ended (another signal gives 128 + its number).
 * Documented in README.md, README.zh-CN.md and `xent --help` (help.exitCodes).
 */
export const EXIT = {
  /** Success, and every --expect value right. */
  ok: 0,
  /** An --expect value is wrong. Nothing else may end with 1 (Node's code for an uncaught error). */
  wrong: 1,
  /** Bad input or usage: the message says what and where. */
  usage: 2,
  /** An internal error: a bug. */
  internal: 70,
  /** The output could not be written: a full disk, a closed stdout, stderr failing on a run that succeeded; or a piped input's temporary copy (src/rows/spill.ts). */
  output: 74,
  /** Interrupted by Ctrl-C (SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
