import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from '../../../src/core/services/search-articles.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';
import { runCli } from '../../support/run-cli.js';
import { ORIGINAL_ID, writeSyndicatedCopies } from '../../support/syndicated-copies.js';

const COPIES = ['copy-cut', 'copy-headline', 'copy-names'];

describe('search returns one result per story', () => {
  let ti: TestIndex;
  beforeAll(async () => {
    ti = await createTestIndex();
    writeSyndicatedCopies(ti.corpusDir);
    await ti.reindex();
  });
  afterAll(async () => ti.close());

  it('shows the fullest copy once, with the other copies as also', async () => {
    const page = await searchArticles(ti.index, 'زيلينسكي كوريا الشمالية', { limit: 10 });
    const story = page.results.filter((r) => r.id === 'copy-source' || r.also.includes('copy-source'));
    expect(story).toHaveLength(1);
    expect(story[0]!.id).toBe('copy-source');
    expect([...story[0]!.also].sort()).toEqual([ORIGINAL_ID, ...COPIES].sort());
    expect(page.results.map((r) => r.id)).not.toContain(ORIGINAL_ID);
  });

  it('counts stories, not articles, for paging', async () => {
    const page = await searchArticles(ti.index, 'بوتين', { limit: 2 });
    expect(page.total).toBe(5); // five seed stories; the four copies add none
    const second = await searchArticles(ti.index, 'بوتين', { limit: 2, offset: 2 });
    const third = await searchArticles(ti.index, 'بوتين', { limit: 2, offset: 4 });
    const ids = [...page.results, ...second.results, ...third.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('finds a story by words only one of its copies has (another headline)', async () => {
    const page = await searchArticles(ti.index, 'مواطنيها للقتال', { limit: 10 });
    expect(page.results.map((r) => r.id)).toEqual(['copy-source']);
  });

  it('tells a chat how many sources told the story', async () => {
    const ar = await ti.handler.run({ locale: 'ar', userId: 'u' }, 'search', 'زيلينسكي');
    expect(JSON.stringify(ar)).toContain('5 مصادر');
    const en = await ti.handler.run({ locale: 'en', userId: 'u' }, 'search', 'زيلينسكي');
    expect(JSON.stringify(en)).toContain('5 sources');
  });

  it('lists also in the CLI contract, empty for a story of one', async () => {
    const corpus = join(ti.dir, 'cli-corpus');
    cpSync(ti.corpusDir, corpus, { recursive: true });
    const run = await runCli(['search', 'زيلينسكي', '--json', '--corpus', corpus, '--db', join(ti.dir, 'cli.sqlite')]);
    expect(run.code, run.stderr).toBe(0);
    const { results } = JSON.parse(run.stdout) as { results: { id: string; also: string[] }[] };
    expect(results.find((r) => r.id === 'copy-source')?.also).toHaveLength(4);
    for (const r of results.filter((x) => x.id !== 'copy-source')) expect(r.also).toEqual([]);
  });
});
