/**
 * Caps that keep quote extraction linear in its input, whatever the input. Real news
 * never comes near them (checked over the 20,000-article bench corpus: no quote, count or
 * size changes); a hostile file («قال المتحدث: «» repeated 20,000 times in one sentence)
 * hits them and costs about what a normal article of its size costs, instead of minutes
 * of CPU and gigabytes of stored text.
 */
export const QUOTE_LIMITS = {
  /**
   * Items (words, marks, quotations) of one sentence read for attribution. Attribution
   * compares items pairwise within a sentence, so this bounds its cost per sentence; the
   * rest of a longer "sentence" (a file with no sentence breaks) is not read for quotes.
   */
  sentenceItems: 1_500,
  /** Quotations kept from one sentence. */
  perSentence: 24,
  /** Quotations kept from one article; extraction stops there. */
  perArticle: 600,
  /** Length of one stored quote in UTF-16 units; longer ones are cut at a word with «…». */
  quoteChars: 4_000,
  /** All stored quote text of an article, as a multiple of its body length (plus `storedFloor`). */
  storedPerBodyChar: 2,
  /** Stored quote text any article may have, however short its body. */
  storedFloor: 8_000,
} as const satisfies Record<string, number>;
