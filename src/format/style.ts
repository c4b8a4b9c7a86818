/** The shades of a heatmap cell, from the lowest quarter of the range to the top one. */
export const SHADES = ['░', '▒', '▓', '█'] as const;

/** The block character for a level: ░ for the lowest quarter … █ for the top one. */
export function shadeChar(level: number): string {
  return SHADES[Math.min(3, Math.floor(Math.abs(level) * 4))];
}

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
  /**
   * A heatmap cell: `s` shaded at `level` (0…1, or −1…1 for signed values). With colour a
   * background; without, a shade character after the text.
   */
  readonly heat: (s: string, level: number, signed?: boolean) => string;
  /** One legend swatch for `level`: a coloured block, or the shade character. */
  readonly swatch: (level: number, signed?: boolean) => string;
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
  heat: (s, level) => `${s} ${shadeChar(level)}`,
  swatch: (level) => shadeChar(level),
};
