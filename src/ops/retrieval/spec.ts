// What `xent retrieval` computes, as its options read into typed values (retrievalCommand.readSpec).

/**
 * Which image each text (column) belongs to: the diagonal of a square matrix; k captions per
 * image in order (text j is image ⌊j / k⌋: COCO's and Flickr30k's 5); or a list, one image per text.
 */
export type TextImages =
  | { readonly kind: 'diagonal' }
  | { readonly kind: 'perImage'; readonly captions: number }
  | { readonly kind: 'list'; readonly images: readonly number[] };

/** The K of R@K that CLIP papers report. */
export const DEFAULT_KS: readonly number[] = [1, 5, 10];

export interface RetrievalSpec {
  readonly texts: TextImages;
  /** The K of R@K, each once, in the order given. */
  readonly ks: readonly number[];
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface RetrievalOptionNames {
  readonly captions: string;
  readonly textImage: string;
}

export const RETRIEVAL_CLI_NAMES: RetrievalOptionNames = {
  captions: '--captions-per-image',
  textImage: '--text-image',
};
