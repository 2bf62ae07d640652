import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/corpus/parse-article.js';
import { scoreSentences } from '../../../src/core/summary/score-sentences.js';
import { selectSummary } from '../../../src/core/summary/select-summary.js';
import { splitSentences, type SentenceSpan } from '../../../src/core/text/split-sentences.js';

const spans = (...texts: string[]): SentenceSpan[] =>
  texts.map((text, paragraph) => ({ text, paragraph, start: 0, end: text.length }));
/** Index of the highest-scored sentence. */
const best = (scores: number[]) => scores.indexOf(Math.max(...scores));
const summarize = (sentences: SentenceSpan[], n: number) =>
  selectSummary(
    sentences.map((s, i) => ({ text: s.text, score: scoreSentences(sentences)[i]! })),
    { sentences: n },
  );

const LEAD = 'أعلنت وزارة الصحة اليوم ارتفاع عدد الإصابات بالحمى في مدينة حلب إلى ثلاثمئة إصابة خلال أسبوع.';
const ASIDE = 'وكان الطقس في المدينة معتدلا طوال الأسبوع الماضي بحسب الأرصاد الجوية المحلية.';
const CENTRAL = 'وقالت الوزارة إن الإصابات بالحمى في حلب تتركز في الأحياء الشرقية وإن فرق الصحة تتابع الإصابات.';
const DETAIL = 'ويذكر أن المستشفى الوطني افتتح جناحا جديدا للأطفال في العام الماضي بتمويل خارجي.';

describe('scoreSentences', () => {
  it('gives one finite score per sentence, and nothing for an empty article', async () => {
    const scores = scoreSentences(spans(LEAD, ASIDE, CENTRAL));
    expect(scores).toHaveLength(3);
    expect(scores.every(Number.isFinite)).toBe(true);
    expect(scoreSentences([])).toEqual([]);
  });

  it('ranks the lead sentence of a news story first', async () => {
    expect(best(scoreSentences(spans(LEAD, ASIDE, CENTRAL, DETAIL)))).toBe(0);
  });

  it.each([
    ['a dateline', 'بيروت.'],
    ['a bare attribution', 'وأضاف:'],
    ['a photo caption', '(صورة أرشيفية)'],
  ])('%s at the top does not outrank the substantive lead after it', async (_name, fragment) => {
    const scores = scoreSentences(spans(fragment, LEAD, ASIDE));
    expect(scores[1]).toBeGreaterThan(scores[0]!);
  });

  // Since the weights were tuned under filled word budgets (issue 16) position dominates:
  // content signals decide between sentences in the same place, not across places.
  it('of two sentences in the same place, the one repeating the article’s central terms scores higher', async () => {
    const withCentral = scoreSentences(spans(LEAD, DETAIL, CENTRAL, ASIDE));
    const withAside = scoreSentences(spans(LEAD, DETAIL, ASIDE, CENTRAL));
    expect(withCentral[2]).toBeGreaterThan(withAside[2]!);
  });

  it('a run-on sentence several times longer than the rest yields to the next good sentence', async () => {
    const runOn = `${Array.from({ length: 6 }, () => ASIDE.replace('.', '،')).join(' ')} وانتهى.`;
    const scores = scoreSentences(spans(LEAD, runOn, CENTRAL));
    expect(scores[2]).toBeGreaterThan(scores[1]!);
  });

  it('scores a sentence without words below every sentence with words', async () => {
    const scores = scoreSentences(spans(LEAD, '—', ASIDE, DETAIL, CENTRAL));
    expect(Math.min(...scores)).toBe(scores[1]);
  });

  it('depends only on the article: same input, same scores', async () => {
    const article = spans(LEAD, ASIDE, CENTRAL, DETAIL);
    expect(scoreSentences(article)).toEqual(scoreSentences([...article]));
  });

  it('a three-sentence summary of a seed news article keeps its lead and reads in article order', async () => {
    const file = new URL('../../fixtures/corpus/003_3ddc96a2e226cfb4.txt', import.meta.url);
    const article = parseArticle('003', readFileSync(file, 'utf8'));
    const sentences = splitSentences(article.body);
    const chosen = await summarize(sentences, 3);
    expect(chosen).toHaveLength(3);
    expect(chosen[0]).toBe(0);
    expect([...chosen].sort((a, b) => a - b)).toEqual(chosen);
  });
});
