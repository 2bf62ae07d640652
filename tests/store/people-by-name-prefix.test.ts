import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestPeople } from '../../src/discord/suggest-people.js';
import type { ArticleIndex } from '../../src/core/ports/article-index.js';
import { type TestIndex, createTestIndex } from '../support/create-test-index.js';

describe('people by name prefix (autocomplete at any corpus size)', () => {
  let ti: TestIndex;
  beforeAll(async () => {
    ti = await createTestIndex();
  });
  afterAll(async () => ti.close());

  it.each([
    ['a surname being typed', 'تسوك', ['إيرينا تسوكرمان']],
    ['a first name, with hamza', 'إيغو', ['إيغور كوروتشينكو']],
    ['a shared first name finds both', 'كيم', ['كيم جونغ أون', 'كيم يونغ هيون']],
    ['harakat are ignored', 'بُوتِين', ['فلاديمير بوتين']],
  ])('%s: %s', async (_name, prefix, names) => {
    expect((await ti.index.peopleByNamePrefix(prefix, 10)).map((p) => p.name).sort()).toEqual([...names].sort());
  });

  it.each([['%'], ['_'], ['\\'], ['   '], ['😀']])('treats %j as text, not a pattern', async (prefix) => {
    expect(await ti.index.peopleByNamePrefix(prefix, 10)).toEqual([]);
  });

  it('lets autocomplete find someone beyond the most quoted people', async () => {
    // An index whose "most quoted" list is empty: only the prefix lookup can find anyone.
    const sparse: ArticleIndex = { ...ti.index, people: async () => [] };
    expect((await suggestPeople(sparse, 'تسوك')).map((c) => c.value)).toEqual(['إيرينا تسوكرمان']);
  });
});
