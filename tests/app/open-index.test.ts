import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/open-index.js';
import { searchArticles } from '../../src/core/services/search-articles.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';

/** 150 distinct articles made from the seed corpus: enough for the worker pool to start. */
function bulkCorpus(file: string): void {
  const seeds = readdirSync(FIXTURE_CORPUS).map((f) =>
    readFileSync(join(FIXTURE_CORPUS, f), 'utf8').split('\n').filter(Boolean),
  );
  const lines = Array.from({ length: 150 }, (_, i) => {
    const body = seeds[i % seeds.length]!;
    const shift = Math.floor(i / seeds.length) % body.length;
    return JSON.stringify({
      id: `bulk-${i}`,
      title: `خبر رقم ${i}`,
      body: [...body.slice(shift), ...body.slice(0, shift)].join('\n'),
    });
  });
  writeFileSync(file, lines.join('\n'));
}

describe('openIndex on a bulk import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-open-'));
    bulkCorpus(join(dir, 'bulk.jsonl'));
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it('indexes the same with worker threads as in one thread', async () => {
    const single = await openIndex({ corpus: join(dir, 'bulk.jsonl'), db: join(dir, 'one.sqlite'), workers: 1 });
    const pooled = await openIndex({ corpus: join(dir, 'bulk.jsonl'), db: join(dir, 'two.sqlite'), workers: 2 });
    try {
      expect(pooled.report).toEqual(single.report);
      expect(pooled.report.added).toBe(150);
      expect(await pooled.index.people(50, 0)).toEqual(await single.index.people(50, 0));
      for (const q of ['بيونغ يانغ', 'تسوكرمان', 'قمة بريكس']) {
        expect((await searchArticles(pooled.index, q, { limit: 20 })).results.map((r) => r.id)).toEqual(
          (await searchArticles(single.index, q, { limit: 20 })).results.map((r) => r.id),
        );
      }
      const again = await pooled.reindex();
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 150 });
    } finally {
      await single.close();
      await pooled.close();
    }
  });
});
