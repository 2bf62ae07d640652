import { describe, expect, it } from 'vitest';
import { buildMatchQuery } from '../../../src/core/search/build-match-query.js';

describe('buildMatchQuery', () => {
  it.each([['"'], ['*'], ['()'], ['😀'], ['---']])('%j has nothing to search', async (q) => {
    expect(await buildMatchQuery(q)).toBeNull();
  });

  it('drops stopwords; a query of nothing but stopwords has nothing to search (they are not indexed)', async () => {
    expect((await buildMatchQuery('أخبار عن بوتين'))!.terms.map((t) => t.word)).toEqual(['بوتين']);
    expect(await buildMatchQuery('في من')).toBeNull();
  });

  it('keeps operator words as quoted strings', async () => {
    const q = (await buildMatchQuery('كيم NEAR( OR'))!;
    expect(q.terms.map((t) => t.word)).toEqual(['كيم', 'near']);
    expect(q.expression).toContain('"near"');
    expect(q.expression).not.toContain('NEAR(');
  });

  it('caps the number of terms', async () => {
    expect((await buildMatchQuery('كلمة '.repeat(100)))!.terms.length).toBeLessThanOrEqual(8);
  });

  it('expands a name to the spellings the corpus uses, closest first, and not to words that merely share a skeleton', async () => {
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.filter((k) => k === 'بتن').map((k) => [k, ['وبوتين', 'بوتين', 'البطن', 'بيتون', 'باتون']]));
    const [term] = (await buildMatchQuery('بوتن', lookup))!.terms;
    expect(term!.variants).toEqual(['بوتين', 'وبوتين']);
  });

  it('adds no variants for an ordinary word: its inflections are matched by the stem', async () => {
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.map((k) => [k, ['الحروب', 'حارب', 'والحرب', 'بالحرب']]));
    expect((await buildMatchQuery('الحرب', lookup))!.terms[0]!.variants).toEqual([]);
  });

  it('offers the joined spelling for two words and the split one for a joined word', async () => {
    const corpus: Record<string, string[]> = { بنجنج: ['بيونغيانغ'], بنج: ['بيونغ'], ينج: ['يانغ'] };
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.filter((k) => corpus[k]).map((k) => [k, corpus[k]!]));
    const split = (await buildMatchQuery('بيونج يانج', lookup))!;
    expect(split.expression).toContain('"بيونغيانغ"');
    expect(split.joined).toEqual([{ word: 'بيونغيانغ', first: 0 }]);
    expect((await buildMatchQuery('بيونجيانج', lookup))!.expression).toContain('"بيونغ يانغ"');
  });
});
