import { describe, expect, it } from 'vitest';
import { FRAGMENT_WORDS, contentTerms, sentenceFeatures } from '../../../src/core/summary/sentence-features.js';
import type { SentenceSpan } from '../../../src/core/text/split-sentences.js';

const spans = (...texts: string[]): SentenceSpan[] =>
  texts.map((text) => ({ text, paragraph: 0, start: 0, end: text.length }));

describe('sentenceFeatures', () => {
  const article = spans(
    'عمان.',
    'أطلقت أمانة عمان مشروعا جديدا لمعالجة النفايات في مكب الرصيفة.',
    'ويهدف مشروع النفايات إلى إغلاق مكب الرصيفة خلال عامين.',
    'وفي سياق آخر ارتفعت درجات الحرارة.',
  );
  const features = sentenceFeatures(article);

  it('counts words and keeps article positions', () => {
    expect(features.map((f) => f.index)).toEqual([0, 1, 2, 3]);
    expect(features[0]!.words).toBeLessThan(FRAGMENT_WORDS);
    expect(features[1]!.words).toBe(10);
  });

  it('takes the first non-fragment sentence as the lead', () => {
    expect(features[1]!.leadSimilarity).toBe(0);
    expect(features[2]!.leadSimilarity).toBeGreaterThan(features[3]!.leadSimilarity);
  });

  it('scales centrality so the most central sentence is 1 and an aside is lower', () => {
    expect(Math.max(...features.map((f) => f.centrality))).toBeCloseTo(1, 10);
    expect(features[3]!.centrality).toBeLessThan(features[2]!.centrality);
  });

  it('is empty for an empty article', () => {
    expect(sentenceFeatures([])).toEqual([]);
  });
});

describe('contentTerms', () => {
  it('drops stopwords, single letters and bare numbers and stems the rest', () => {
    expect(contentTerms('في عام 2024 و الحكومات')).toEqual(['عام', 'حكوم']);
  });
});
