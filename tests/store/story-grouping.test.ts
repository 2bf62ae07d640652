import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/open-database.js';
import { type TestIndex, createTestIndex } from '../support/create-test-index.js';
import { ORIGINAL_ID, SAME_EVENT_IDS, SYNDICATED_COPIES, writeSyndicatedCopies } from '../support/syndicated-copies.js';

/** Article id → the id of its story's representative. */
function storiesOf(db: Db): Record<string, string> {
  const rows = db
    .prepare<[], { id: string; rep: string | null }>(
      'SELECT a.id, r.id AS rep FROM articles a LEFT JOIN articles r ON r.num = a.story ORDER BY a.id',
    )
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.rep ?? '(pending)']));
}

describe('story grouping at index time', () => {
  let ti: TestIndex;
  afterEach(async () => ti?.close());
  const copies = Object.keys(SYNDICATED_COPIES);

  it('puts every syndicated copy in the original story, the fullest copy representing it', async () => {
    ti = await createTestIndex();
    writeSyndicatedCopies(ti.corpusDir);
    await ti.reindex();
    const stories = storiesOf(ti.db);
    // the copy with a source line and a credit added has the most words
    for (const id of [ORIGINAL_ID, ...copies]) expect(stories[id], id).toBe('copy-source');
    for (const id of SAME_EVENT_IDS) expect(stories[id], id).toBe(id);
    expect(new Set(Object.values(stories)).size).toBe(5);
  });

  it('groups copies arriving one run at a time, as they would from feeds', async () => {
    ti = await createTestIndex();
    for (const id of copies) {
      writeSyndicatedCopies(ti.corpusDir, [id]);
      await ti.reindex();
    }
    const stories = storiesOf(ti.db);
    for (const id of [ORIGINAL_ID, ...copies]) expect(stories[id], id).toBe('copy-source');
  });

  it('regroups when a copy is removed or rewritten into another story', async () => {
    ti = await createTestIndex();
    writeSyndicatedCopies(ti.corpusDir);
    await ti.reindex();
    rmSync(join(ti.corpusDir, 'copy-source.txt'));
    writeFileSync(
      join(ti.corpusDir, 'copy-cut.txt'),
      'عنوان آخر\nقررت بلدية المدينة افتتاح حديقة عامة جديدة في الحي الشمالي بمساحة كبيرة تضم ملاعب للأطفال وممرات للمشي ومقاعد للزوار، على أن تفتح أبوابها للجمهور مطلع الشهر المقبل بعد اكتمال أعمال التشجير والإنارة.\n',
    );
    await ti.reindex();
    const stories = storiesOf(ti.db);
    expect(stories['copy-source']).toBeUndefined();
    expect(stories['copy-cut']).toBe('copy-cut');
    // equally full copies: the earliest indexed (the original) represents them
    for (const id of [ORIGINAL_ID, 'copy-headline', 'copy-names']) expect(stories[id], id).toBe(ORIGINAL_ID);
    expect(Object.values(stories)).not.toContain('(pending)');
  });
});
