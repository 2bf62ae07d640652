import type { ParsedArticle } from '../corpus/parse-article.js';
import type { ExtractedQuote } from '../quotes/quote.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import { scoreSentences } from '../summary/score-sentences.js';
import { storySignature } from '../stories/story-signature.js';
import { isSummaryRole, sentenceRoles } from '../summary/sentence-role.js';
import { splitSentences } from '../text/split-sentences.js';
import { tokenize } from '../text/tokenize.js';
import { type IndexText, nameWords, toIndexText } from './index-text.js';

/**
 * A sentence with what index time learned about it. It is stored as offsets into the
 * article body, not as text: the body is kept once, and a summary slices it.
 */
export interface AnalyzedSentence {
  /** UTF-16 offsets in `article.body`. */
  readonly start: number;
  readonly end: number;
  /** Summary-worthiness, from `scoreSentences`; higher is better. */
  readonly score: number;
  /** False for headings, captions, datelines, bylines, teasers and fragments (`sentenceRoles`): never a summary sentence. */
  readonly summarizable: boolean;
}

/** Everything nashra needs of an article, computed once when it is indexed. */
export interface AnalyzedArticle {
  readonly article: ParsedArticle;
  readonly sentences: readonly AnalyzedSentence[];
  readonly titleIndex: IndexText;
  readonly bodyIndex: IndexText;
  readonly quotes: readonly ExtractedQuote[];
  readonly words: number;
  /** Distinct [word, name key] pairs of title and body (see `nameWords`). */
  readonly nameWords: readonly (readonly [string, string])[];
  /** MinHash of the body's word shingles (see `storySignature`); null when too short to compare. */
  readonly storySignature: Uint32Array | null;
}

/**
 * Bump when analysis output changes (stemmer, splitter, scorer, quote rules): every
 * article is then re-analyzed once on the next index, even if its file did not change.
 */
export const ANALYZER_VERSION = 5;

/** Runs the whole per-article analysis: sentences, scores, index text, quotes. */
export function analyzeArticle(article: ParsedArticle): AnalyzedArticle {
  const spans = splitSentences(article.body);
  // Tokenize each sentence once; the body's index text is their concatenation.
  const sentenceTokens = spans.map((s) => tokenize(s.text));
  const roles = sentenceRoles(spans, sentenceTokens);
  const scores = scoreSentences(spans, sentenceTokens, roles);
  const bodyTokens = sentenceTokens.flat();
  const titleTokens = tokenize(article.title);
  const sentences = spans.map((s, i) => ({
    start: s.start,
    end: s.end,
    score: scores[i] ?? 0,
    summarizable: isSummaryRole(roles[i]!),
  }));
  return {
    article,
    sentences,
    titleIndex: toIndexText(titleTokens),
    bodyIndex: toIndexText(bodyTokens),
    quotes: extractQuotes(spans),
    words: bodyTokens.length,
    nameWords: nameWords(titleTokens, bodyTokens),
    storySignature: storySignature(bodyTokens),
  };
}
