/** How emphasis is drawn. The CLI builds a coloured one; tests and pipes use `plainStyle`. */
export interface Style {
  readonly title: (s: string) => string;
  readonly header: (s: string) => string;
  readonly mark: (s: string) => string;
  readonly good: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly positive: (s: string) => string;
  readonly negative: (s: string) => string;
}

const same = (s: string) => s;

export const plainStyle: Style = {
  title: same,
  header: same,
  mark: same,
  good: same,
  bad: same,
  dim: same,
  positive: same,
  negative: same,
};
