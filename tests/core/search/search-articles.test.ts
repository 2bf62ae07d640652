import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSnippet } from '../../../src/core/search/make-snippet.js';
import { searchArticles } from '../../../src/core/services/search-articles.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';

const ALL_FIVE = ['000', '001', '002', '003', '004'];
const ids = async (ti: TestIndex, q: string) =>
  (await searchArticles(ti.index, q, { limit: 20 })).results.map((r) => r.id.slice(0, 3));

describe('search over the seed corpus', () => {
  let ti: TestIndex;
  beforeAll(async () => {
    ti = await createTestIndex();
  });
  afterAll(async () => ti.close());

  it.each([
    ['Pyongyang split with jeem', 'بيونج يانج'],
    ['Pyongyang split with ghain', 'بيونغ يانغ'],
    ['Pyongyang joined', 'بيونغيانغ'],
    ['Putin without ya', 'بوتن'],
    ['Putin with ya', 'بوتين'],
    ['Putin in Latin script', 'Putin'],
    ['Putin in Latin script, lower case, with his first name', 'vladimir putin'],
  ])('%s (%s) finds all five articles, each spelling it differently', async (_name, query) => {
    expect((await ids(ti, query)).sort()).toEqual(ALL_FIVE);
  });

  it('a Latin-script name finds the same articles as its Arabic spelling, with the Arabic word highlighted', async () => {
    expect(await ids(ti, 'Putin')).toEqual(await ids(ti, 'بوتين'));
    expect(await ids(ti, 'Zelensky')).toEqual(await ids(ti, 'زيلينسكي'));
    const [first] = (await searchArticles(ti.index, 'Putin')).results;
    expect(renderSnippet(first!.snippet, '**', '**')).toMatch(/\*\*(بوتين|بوتن)\*\*/);
  });

  it('a Latin word that is no name in the corpus still finds nothing', async () => {
    expect(await ids(ti, 'weather')).toEqual([]);
  });

  it('ignores diacritics in the query and ranks the vote article first', async () => {
    expect((await ids(ti, 'صَوَّتَ البرلمان'))[0]).toBe('003');
  });

  it('finds a topic only where it is', async () => {
    expect(await ids(ti, 'قمة بريكس')).toEqual(['003']);
  });

  it('does not find words that only occur in related-link lines', async () => {
    expect(await ids(ti, 'إيكيا')).toEqual([]);
    expect(await ids(ti, 'أسانج')).toEqual([]);
  });

  it('matches Zelensky spelled two ways', async () => {
    expect(await ids(ti, 'زيلنسكي')).toEqual(await ids(ti, 'زيلينسكي'));
    expect(await ids(ti, 'زيلنسكي')).toContain('002');
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
  ])('treats %j as text, never FTS5 syntax', async (query) => {
    await expect(searchArticles(ti.index, query)).resolves.toBeDefined();
  });

  it('finds the words inside operator-laden text', async () => {
    expect((await ids(ti, 'كيم" OR "')).length).toBeGreaterThan(0);
    expect(await ids(ti, '<b>بريكس</b>')).toEqual(['003']);
  });

  it('rejects an empty query as usage', async () => {
    await expect(searchArticles(ti.index, '   ')).rejects.toThrow(/empty/);
  });

  it('marks the matched words in the snippet', async () => {
    const [first] = (await searchArticles(ti.index, 'قمة بريكس')).results;
    const marked = renderSnippet(first!.snippet, '[', ']');
    expect(marked).toContain('[بريكس]');
    expect(marked).toContain('[قمة]');
  });

  it('pages through results without repeats', async () => {
    const one = await searchArticles(ti.index, 'بوتين', { limit: 2, offset: 0 });
    const two = await searchArticles(ti.index, 'بوتين', { limit: 2, offset: 2 });
    expect(one.total).toBe(5);
    expect(new Set([...one.results, ...two.results].map((r) => r.id)).size).toBe(4);
  });
});
