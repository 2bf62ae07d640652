/**
 * The shapes quote extraction produces. They are computed once per article at index
 * time and stored; a `quotes` query only reads them back.
 */

/** What kind of speaker said a quote; callers list people apart from institutions. */
export type SpeakerKind = 'person' | 'organization' | 'anonymous';

/** The speaker of a quote, as the article names them. */
export interface Speaker {
  /** The fullest name the article gives, without titles: «إيرينا تسوكرمان», «الكرملين». */
  readonly name: string;
  /** Other forms the same article uses for them: «تسوكرمان». Never includes `name`. */
  readonly aliases: readonly string[];
  readonly kind: SpeakerKind;
  /** The title or description before the name, when given: «الخبيرة الأميركية …». */
  readonly description: string | null;
}

/** One quotation attributed to a speaker. */
export interface ExtractedQuote {
  /** The quoted words, verbatim, without the enclosing quotation marks. */
  readonly text: string;
  readonly speaker: Speaker;
  /** Index of the sentence (in `splitSentences(body)` order) holding the quote. */
  readonly sentenceIndex: number;
}
