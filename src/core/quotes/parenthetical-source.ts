import type { SentenceSpan } from '../text/split-sentences.js';
import { nameEnd } from './article-mentions.js';
import { isWord, sentenceItems, type SentenceItem } from './sentence-items.js';
import type { ArticleSpeakers } from './speaker-registry.js';
import { readSubjectAfter } from './subject-phrase.js';

/**
 * A columnist's list of citations: a quote standing alone, then its source in parentheses on
 * the next line («"…". (الرئيس الأميركي باراك أوباما مروجا لاتفاقه)»). A reader takes the
 * person named at the head of the parenthesis for the speaker; nothing else in the article
 * says who it is, and the previous speaker is the wrong guess.
 */

/** Bare quote lines a source line may follow and still cover («"…". "…". (مرشد إيران …)»). */
const MAX_QUOTE_LINES = 3;

/** Longest source line, in words: past it the parenthesis is narration, not a citation. */
const MAX_SOURCE_WORDS = 30;

/** Does the sentence hold quotes and nothing else (a leading «*», «-» or «و» aside)? */
export function isBareQuoteLine(items: readonly SentenceItem[]): boolean {
  return items.some((it) => it.kind === 'quote') && !items.some((it) => isWord(it) && it.norm !== 'و');
}

/**
 * The speaker a source line in parentheses names for the bare quote line at `sentence`
 * (looking past up to two more bare quote lines), or null when none follows.
 */
export function parentheticalSource(
  sentences: readonly SentenceSpan[],
  sentence: number,
  speakers: ArticleSpeakers,
): number | null {
  for (let j = sentence + 1; j <= sentence + MAX_QUOTE_LINES && j < sentences.length; j++) {
    const text = sentences[j]!.text;
    const items = sentenceItems(text);
    if (isBareQuoteLine(items)) continue;
    const open = items[0];
    if (open?.kind !== 'punct' || open.surface !== '(' || !isWord(items[1])) return null;
    const close = items.findIndex((it) => it.kind === 'punct' && it.surface === ')');
    const words = items.slice(1, close < 0 ? items.length : close).filter(isWord).length;
    if (close < 0 || words > MAX_SOURCE_WORDS) return null;
    const end = Math.min(close, nameEnd(items, 1));
    const phrase = readSubjectAfter(text, items.slice(0, end), 1, null).phrase;
    if (!phrase || (phrase.kind !== 'named' && phrase.kind !== 'organization')) return null;
    return speakers.resolve(phrase, null, j);
  }
  return null;
}
