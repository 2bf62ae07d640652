import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSnippet } from '../../../src/core/search/make-snippet.js';
import { searchArticles } from '../../../src/core/services/search-articles.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';

const ALL_FIVE = ['000', '001', '002', '003', '004'];
const ids = (ti: TestIndex, q: string) =>
  searchArticles(ti.index, q, { limit: 20 }).results.map((r) => r.id.slice(0, 3));

describe('search over the seed corpus', () => {
  let ti: TestIndex;
  beforeAll(async () => {
    ti = await createTestIndex();
  });
  afterAll(() => ti.close());

  it.each([
    ['Pyongyang split with jeem', 'بيونج يانج'],
    ['Pyongyang split with ghain', 'بيونغ يانغ'],
    ['Pyongyang joined', 'بيونغيانغ'],
    ['Putin without ya', 'بوتن'],
    ['Putin with ya', 'بوتين'],
    ['Putin in Latin script', 'Putin'],
    ['Putin in Latin script, lower case, with his first name', 'vladimir putin'],
  ])('%s (%s) finds all five articles, each spelling it differently', (_name, query) => {
    expect(ids(ti, query).sort()).toEqual(ALL_FIVE);
  });

  it('a Latin-script name finds the same articles as its Arabic spelling, with the Arabic word highlighted', () => {
    expect(ids(ti, 'Putin')).toEqual(ids(ti, 'بوتين'));
    expect(ids(ti, 'Zelensky')).toEqual(ids(ti, 'زيلينسكي'));
    const [first] = searchArticles(ti.index, 'Putin').results;
    expect(renderSnippet(first!.snippet, '**', '**')).toMatch(/\*\*(بوتين|بوتن)\*\*/);
  });

  it('a Latin word that is no name in the corpus still finds nothing', () => {
    expect(ids(ti, 'weather')).toEqual([]);
  });

  it('ignores diacritics in the query and ranks the vote article first', () => {
    expect(ids(ti, 'صَوَّتَ البرلمان')[0]).toBe('003');
  });

  it('finds a topic only where it is', () => {
    expect(ids(ti, 'قمة بريكس')).toEqual(['003']);
  });

  it('does not find words that only occur in related-link lines', () => {
    expect(ids(ti, 'إيكيا')).toEqual([]);
    expect(ids(ti, 'أسانج')).toEqual([]);
  });

  it('matches Zelensky spelled two ways', () => {
    expect(ids(ti, 'زيلنسكي')).toEqual(ids(ti, 'زيلينسكي'));
    expect(ids(ti, 'زيلنسكي')).toContain('002');
  });

  it.each([
    ['"'],
    ['كيم" OR "'],
    ['NEAR('],
    ['*'],
    ['-'],
    ['AND'],
    ['كوريا*'],
    ['(بوتين'],
    ['😀🔥'],
    ['<b>بوتين</b>'],
    ['x'.repeat(5000)],
  ])('treats %j as text, never FTS5 syntax', (query) => {
    expect(() => searchArticles(ti.index, query)).not.toThrow();
  });

  it('finds the words inside operator-laden text', () => {
    expect(ids(ti, 'كيم" OR "').length).toBeGreaterThan(0);
    expect(ids(ti, '<b>بريكس</b>')).toEqual(['003']);
  });

  it('rejects an empty query as usage', () => {
    expect(() => searchArticles(ti.index, '   ')).toThrow(/empty/);
  });

  it('marks the matched words in the snippet', () => {
    const [first] = searchArticles(ti.index, 'قمة بريكس').results;
    const marked = renderSnippet(first!.snippet, '[', ']');
    expect(marked).toContain('[بريكس]');
    expect(marked).toContain('[قمة]');
  });

  it('pages through results without repeats', () => {
    const one = searchArticles(ti.index, 'بوتين', { limit: 2, offset: 0 });
    const two = searchArticles(ti.index, 'بوتين', { limit: 2, offset: 2 });
    expect(one.total).toBe(5);
    expect(new Set([...one.results, ...two.results].map((r) => r.id)).size).toBe(4);
  });
});
