import { appendFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/analysis/analyze-article.js';
import type { ParsedArticle } from '../../../src/core/corpus/parse-article.js';
import { indexCorpus } from '../../../src/core/indexing/index-corpus.js';
import { createFileCorpusSource } from '../../../src/ingest/create-file-corpus-source.js';
import { createSqliteIndexWriter } from '../../../src/store/create-sqlite-index-writer.js';
import { createSqliteStoryStore } from '../../../src/store/create-sqlite-story-store.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';

/** Re-indexes with an analyzer that records which articles it analyzed. */
async function reindexCounting(ti: TestIndex) {
  const analyzed: string[] = [];
  const analyze = (a: ParsedArticle) => {
    analyzed.push(a.id);
    return analyzeArticle(a);
  };
  const report = await indexCorpus({
    source: createFileCorpusSource(ti.corpusDir),
    writer: createSqliteIndexWriter(ti.db),
    stories: createSqliteStoryStore(ti.db),
    analyze,
  });
  return { report, analyzed };
}

describe('incremental indexing', () => {
  let ti: TestIndex;
  afterEach(async () => ti?.close());

  it('indexes the seed corpus', async () => {
    ti = await createTestIndex();
    expect(ti.report).toMatchObject({ added: 5, updated: 0, removed: 0, unchanged: 0, skipped: [], articles: 5 });
  });

  it('does no analysis when nothing changed', async () => {
    ti = await createTestIndex();
    const { report, analyzed } = await reindexCounting(ti);
    expect(report).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5, articles: 5 });
    expect(analyzed).toEqual([]);
  });

  it('re-analyzes only the edited file', async () => {
    ti = await createTestIndex();
    appendFileSync(join(ti.corpusDir, '003_3ddc96a2e226cfb4.txt'), '\nوقال بوتين إن قمة بريكس ناجحة.\n');
    const { report, analyzed } = await reindexCounting(ti);
    expect(analyzed).toEqual(['003_3ddc96a2e226cfb4']);
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 4 });
  });

  it('tells when analysis is over, once, after the last article and before the run ends', async () => {
    ti = await createTestIndex();
    appendFileSync(join(ti.corpusDir, '003_3ddc96a2e226cfb4.txt'), '\nوقال بوتين إن قمة بريكس ناجحة.\n');
    appendFileSync(join(ti.corpusDir, '001_1ff7137ef0e8e18e.txt'), '\nوأضاف المتحدث أن التفاصيل ستعلن لاحقا.\n');
    const events: string[] = [];
    const report = await indexCorpus({
      source: createFileCorpusSource(ti.corpusDir),
      writer: createSqliteIndexWriter(ti.db),
      stories: createSqliteStoryStore(ti.db),
      analyze: (a) => {
        events.push(a.id);
        return analyzeArticle(a);
      },
      analysisDone: async () => void events.push('done'),
    });
    expect(events).toEqual(['001_1ff7137ef0e8e18e', '003_3ddc96a2e226cfb4', 'done']);
    expect(report).toMatchObject({ updated: 2, unchanged: 3, articles: 5 });
  });

  it('does not re-analyze a file that was only touched', async () => {
    ti = await createTestIndex();
    const file = join(ti.corpusDir, '001_1ff7137ef0e8e18e.txt');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const { analyzed, report } = await reindexCounting(ti);
    expect(analyzed).toEqual([]);
    expect(report.unchanged).toBe(5);
  });

  it('removes an article whose file was deleted, and its search hits', async () => {
    ti = await createTestIndex();
    rmSync(join(ti.corpusDir, '003_3ddc96a2e226cfb4.txt'));
    const { report } = await reindexCounting(ti);
    expect(report).toMatchObject({ removed: 1, articles: 4 });
    expect(await ti.index.getArticle('003_3ddc96a2e226cfb4')).toBeNull();
  });

  it.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), /empty/],
    ['invalid UTF-8', 'latin1.txt', Buffer.from([0x71, 0xe9, 0xe9, 0xff, 0x20, 0x61]), /UTF-8/],
    ['a file of only related links', 'links.txt', Buffer.from('شاهد ايضاً: خبر آخر\n'), /no article text/],
    ['a binary file', 'blob.txt', Buffer.from([0x61, 0x00, 0x62]), /binary/],
    ['an unsupported file type', 'notes.docx', Buffer.from('x'), /not an article file/],
    ['a too large file', 'huge.txt', Buffer.alloc(3 * 1024 * 1024, 0x61), /too large/],
  ])('skips %s with a reason and indexes the rest', async (_name, file, bytes, reason) => {
    ti = await createTestIndex();
    writeFileSync(join(ti.corpusDir, file), bytes);
    const { report } = await reindexCounting(ti);
    expect(report.skipped).toEqual([{ file: join(ti.corpusDir, file), reason: expect.stringMatching(reason) }]);
    expect(report.articles).toBe(5);
  });

  it('imports JSON Lines, skipping bad lines by number', async () => {
    ti = await createTestIndex();
    const lines = [
      JSON.stringify({ id: 'j1', title: 'قمة في الرياض', body: 'قال الوزير: "القمة ناجحة". وأضاف أن الاجتماع مهم.' }),
      'not json',
      JSON.stringify({ id: 'j2', title: 'بلا نص', body: '' }),
      JSON.stringify({ id: 'j3', body: 'خبر بلا عنوان عن الاقتصاد السعودي. تفاصيل أخرى.', date: '2015-07-21' }),
    ];
    writeFileSync(join(ti.corpusDir, 'bulk.jsonl'), lines.join('\n'));
    const { report } = await reindexCounting(ti);
    expect(report.added).toBe(2);
    expect(report.skipped.map((s) => s.file.split('/').pop())).toEqual(['bulk.jsonl:2', 'bulk.jsonl:3']);
    expect(await ti.index.getArticle('j3')).toMatchObject({
      title: 'خبر بلا عنوان عن الاقتصاد السعودي',
      date: '2015-07-21',
    });
  });

  it.each([
    ['a .jsonl', 'bom.jsonl'],
    ['a gzipped .jsonl.gz', 'bom.jsonl.gz'],
  ])('reads the first line of %s that starts with a UTF-8 BOM', async (_name, file) => {
    ti = await createTestIndex();
    const text = `\uFEFF${JSON.stringify({ id: 'b1', title: 'خبر أول', body: 'قال الوزير إن القمة ناجحة.' })}\n`;
    writeFileSync(join(ti.corpusDir, file), file.endsWith('.gz') ? gzipSync(text) : text);
    const { report } = await reindexCounting(ti);
    expect(report.skipped).toEqual([]);
    expect(await ti.index.getArticle('b1')).toMatchObject({ title: 'خبر أول' });
  });

  it('reports a duplicate article id instead of overwriting', async () => {
    ti = await createTestIndex();
    writeFileSync(
      join(ti.corpusDir, 'bulk.jsonl'),
      JSON.stringify({ id: '003_3ddc96a2e226cfb4', title: 't', body: 'نص آخر.' }),
    );
    const { report } = await reindexCounting(ti);
    expect(report.skipped[0]?.reason).toMatch(/duplicate article id/);
    expect((await ti.index.getArticle('003_3ddc96a2e226cfb4'))?.title).not.toBe('t');
  });
});

describe('a corpus folder with a symlink loop', () => {
  it('is walked once, and indexes what it holds', async () => {
    const { symlinkSync, mkdirSync, copyFileSync } = await import('node:fs');
    const ti = await createTestIndex();
    try {
      mkdirSync(join(ti.corpusDir, 'more'));
      copyFileSync(join(ti.corpusDir, '000_5d4cb6ab3d8fa611.txt'), join(ti.corpusDir, 'more', 'copy.txt'));
      symlinkSync(ti.corpusDir, join(ti.corpusDir, 'more', 'loop'));
      const report = await ti.reindex();
      expect(report).toMatchObject({ added: 1, articles: 6 });
    } finally {
      ti.close();
    }
  });
});
