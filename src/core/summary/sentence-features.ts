import { type Token, tokenize } from '../text/tokenize.js';
import { isStopword } from '../text/stopwords.js';
import type { SentenceSpan } from '../text/split-sentences.js';
import type { SentenceRole } from './sentence-role.js';

/**
 * The per-sentence signals the summary scorer combines. Each uses only the article
 * itself (no corpus statistics), so scores can be computed once at index time and stay
 * valid however the rest of the corpus changes.
 */

/** What the scorer knows about one sentence. */
export interface SentenceFeatures {
  /** 0-based place of the sentence in the article. */
  readonly index: number;
  /** Words as the summary budget counts them (normalized tokens, stopwords included). */
  readonly words: number;
  /**
   * Overlap (binary cosine of content stems, 0–1) with the lead: the first sentence that
   * is not a fragment. News states its subject up front; sentences that come back to the
   * lead's people, places and things develop the story, asides do not. 0 for the lead.
   */
  readonly leadSimilarity: number;
  /**
   * Cosine (0–1, scaled so the article's most central sentence is 1) between the
   * sentence's content stems and the terms the article repeats across sentences: how
   * much the sentence is about what the whole article is about.
   */
  readonly centrality: number;
}

/** A sentence shorter than this many words is a fragment (dateline, caption, «وأضاف:»). */
export const FRAGMENT_WORDS = 6;

/** Content stems: not stopwords, not single letters, not bare numbers. */
export function contentTerms(text: string): string[] {
  return contentTermsOf(tokenize(text));
}

/** `contentTerms` of already tokenized text: index time tokenizes each sentence once. */
export function contentTermsOf(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (const t of tokens) if (t.norm.length > 1 && !isStopword(t.norm) && !DIGITS.test(t.norm)) terms.push(t.stem);
  return terms;
}

const DIGITS = /^\d+$/;

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of a) {
    dot += v * (b.get(t) ?? 0);
    na += v * v;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function setCosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * Computes {@link SentenceFeatures} for every sentence of one article. The article's
 * "topic vector" weights each stem by the number of sentences it occurs in, ignoring
 * stems that occur in only one: a word the article keeps returning to marks its topic,
 * a word used once does not.
 */
export function sentenceFeatures(
  sentences: readonly SentenceSpan[],
  sentenceTokens?: readonly (readonly Token[])[],
  roles?: readonly SentenceRole[],
): SentenceFeatures[] {
  const tokens = sentenceTokens ?? sentences.map((s) => tokenize(s.text));
  const terms = tokens.map((t) => contentTermsOf(t));
  const sets = terms.map((t) => new Set(t));

  const sentenceFrequency = new Map<string, number>();
  for (const set of sets) for (const t of set) sentenceFrequency.set(t, (sentenceFrequency.get(t) ?? 0) + 1);
  const topic = new Map<string, number>();
  for (const [t, n] of sentenceFrequency) if (n > 1) topic.set(t, n);

  const raw = terms.map((t) => cosine(countTerms(t), topic));
  const maxCentrality = Math.max(0, ...raw);
  // A heading or dateline above the lead is not the lead, though its words still count in `topic`.
  const lead = tokens.findIndex((t, i) => t.length >= FRAGMENT_WORDS && (roles?.[i] ?? 'body') === 'body');
  const leadIndex = Math.max(lead, 0);

  return sentences.map((_, index) => ({
    index,
    words: tokens[index]!.length,
    leadSimilarity: index === leadIndex || sets.length === 0 ? 0 : setCosine(sets[index]!, sets[leadIndex]!),
    centrality: maxCentrality > 0 ? raw[index]! / maxCentrality : 0,
  }));
}
