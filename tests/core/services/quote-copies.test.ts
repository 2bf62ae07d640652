import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findQuotes } from '../../../src/core/services/find-quotes.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';
import { ORIGINAL_ID, writeSyndicatedCopies } from '../../support/syndicated-copies.js';

describe('one quote however many copies carry it', () => {
  let ti: TestIndex;
  let before: { quotes: number; texts: string[] };
  beforeAll(async () => {
    ti = await createTestIndex();
    const page = await findQuotes(ti.index, 'زيلينسكي', { limit: 100 });
    before = { quotes: page.person!.quotes, texts: page.quotes.map((q) => q.text) };
    writeSyndicatedCopies(ti.corpusDir, ['copy-headline', 'copy-cut', 'copy-source']);
    await ti.reindex();
  });
  afterAll(async () => ti.close());

  it('lists the same words from the same speaker once, with the other articles as also', async () => {
    const page = await findQuotes(ti.index, 'زيلينسكي', { limit: 100 });
    expect(page.quotes.map((q) => q.text).sort()).toEqual([...before.texts].sort());
    const fromOriginal = page.quotes.filter((q) => q.articleId === ORIGINAL_ID || q.also.includes(ORIGINAL_ID));
    expect(fromOriginal.length).toBeGreaterThan(0);
    for (const q of fromOriginal)
      expect([q.articleId, ...q.also]).toEqual(expect.arrayContaining(['copy-headline', 'copy-source']));
  });

  it('counts distinct quotes in people', async () => {
    expect((await findQuotes(ti.index, 'زيلينسكي')).person!.quotes).toBe(before.quotes);
    expect((await findQuotes(ti.index, 'زيلينسكي')).total).toBe(before.quotes);
  });
});
