import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../../src/core/indexing/index-corpus.js';
import { removalNeedsConfirmation } from '../../../src/core/indexing/safe-removal.js';
import { buildDigest } from '../../../src/core/services/build-digest.js';
import { createFileCorpusSource } from '../../../src/ingest/create-file-corpus-source.js';
import { createSqliteIndexWriter } from '../../../src/store/create-sqlite-index-writer.js';
import { createSqliteStoryStore } from '../../../src/store/create-sqlite-story-store.js';
import { FIXTURE_CORPUS, type TestIndex, createTestIndex } from '../../support/create-test-index.js';

describe('safe rescans', () => {
  let ti: TestIndex;
  afterEach(async () => ti?.close());

  it.each([
    [0, 10, false],
    [1, 5, false],
    [5, 10, false],
    [6, 10, true],
    [5, 5, true],
    [1, 1, true],
  ])('removing %i of %i needs --prune: %s', async (removing, archived, expected) => {
    expect(removalNeedsConfirmation(removing, archived)).toBe(expected);
  });

  it('keeps the archive when the corpus folder is empty for one rescan, and says why', async () => {
    ti = await createTestIndex();
    const moved = `${ti.corpusDir}-away`;
    renameSync(ti.corpusDir, moved); // the volume is unmounted
    cpSync(moved, ti.corpusDir, { recursive: true, filter: (f) => !f.endsWith('.txt') });
    const warnings: string[] = [];
    const report = await indexCorpus({
      source: createFileCorpusSource(ti.corpusDir),
      writer: createSqliteIndexWriter(ti.db),
      stories: createSqliteStoryStore(ti.db),
      warn: (m) => warnings.push(m),
    });
    expect(report).toMatchObject({ removed: 0, held: 5, articles: 5 });
    expect(warnings.join()).toMatch(/5 of 5 articles.*--prune/);
    expect(await ti.index.countArticles()).toBe(5);
    expect((await ti.index.people(100, 0)).length).toBeGreaterThan(0);
  });

  it('removes them with prune, and an article restored later is not new to digests', async () => {
    const times = ['2026-01-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z', '2026-03-01T08:00:00.000Z'];
    let now = times[0]!;
    ti = await createTestIndex({ clock: { now: () => new Date(now) } as never });
    const writer = createSqliteIndexWriter(ti.db, () => new Date(now));
    for (const f of readdirSync(ti.corpusDir)) rmSync(join(ti.corpusDir, f));
    now = times[1]!;
    const pruned = await indexCorpus({
      source: createFileCorpusSource(ti.corpusDir),
      writer,
      stories: createSqliteStoryStore(ti.db),
      prune: true,
    });
    expect(pruned).toMatchObject({ removed: 5, articles: 0 });
    cpSync(FIXTURE_CORPUS, ti.corpusDir, { recursive: true });
    now = times[2]!;
    const restored = await indexCorpus({
      source: createFileCorpusSource(ti.corpusDir),
      writer,
      stories: createSqliteStoryStore(ti.db),
    });
    expect(restored).toMatchObject({ added: 5, articles: 5 });
    // Indexed since February: nothing, the five were first indexed in January.
    expect(await buildDigest(ti.index, { since: times[1]!, limit: 10 })).toEqual([]);
  });
});
