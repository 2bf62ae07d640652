import { ANALYZER_VERSION, type AnalyzedArticle } from '../core/analysis/analyze-article.js';
import type { ParsedArticle } from '../core/corpus/parse-article.js';
import { rebuildPeople } from '../core/indexing/rebuild-people.js';
import type { FeedStore } from '../core/ports/feed-store.js';
import type { IndexWriter } from '../core/ports/index-writer.js';

/** Feed articles re-analyzed per transaction. */
const BATCH = 256;

/**
 * Re-analyzes every stored feed article when the analyzer changed since they were
 * analyzed. Corpus files are re-read by the indexer then; feed items are not (a feed
 * answers 304, or no longer lists old items), so their stored text is analyzed again.
 * Returns how many were; 0 (one lookup) when the analysis is current.
 */
export async function reanalyzeFeedArticles(deps: {
  readonly store: FeedStore;
  readonly writer: IndexWriter;
  readonly analyze: (article: ParsedArticle) => AnalyzedArticle | Promise<AnalyzedArticle>;
}): Promise<number> {
  const { store, writer, analyze } = deps;
  if ((await store.analyzerVersion()) === ANALYZER_VERSION) return 0;
  let done = 0;
  try {
    for (let after: string | null = null; ; ) {
      const rows = await store.feedArticles(after, BATCH);
      if (rows.length === 0) break;
      // One article the new analyzer cannot handle keeps its old analysis; the others move on.
      const settled = await Promise.allSettled(rows.map(async (r) => ({ ...r, analyzed: await analyze(r.article) })));
      await writer.transaction(async () => {
        for (const a of settled)
          if (a.status === 'fulfilled') await writer.upsertArticle(a.value.origin, a.value.hash, a.value.analyzed);
      });
      done += rows.length;
      after = rows.at(-1)!.article.id;
    }
    if (done > 0) await writer.transaction(() => rebuildPeople(writer));
  } finally {
    await writer.endRun();
  }
  await store.setAnalyzerVersion(ANALYZER_VERSION);
  return done;
}
