import { ANALYZER_VERSION, type AnalyzedArticle, analyzeArticle } from '../analysis/analyze-article.js';
import type { ParsedArticle } from '../corpus/parse-article.js';
import type { CorpusEntry, CorpusSource, SkippedEntry } from '../ports/corpus-source.js';
import type { IndexWriter } from '../ports/index-writer.js';
import type { StoryStore } from '../ports/story-store.js';
import { groupStories } from '../stories/group-stories.js';
import { rebuildPeople } from './rebuild-people.js';
import { REMOVAL_LIMITS, removalNeedsConfirmation } from './safe-removal.js';

/** What an index run did; the CLI prints it as the `index` contract. */
export interface IndexReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: SkippedEntry[];
  articles: number;
  /**
   * Articles gone from the corpus but kept, because removing them needs `--prune`
   * (see `REMOVAL_LIMITS`); present only when some were held back.
   */
  held?: number;
}

/**
 * Dependencies of the indexer. `analyze` may be synchronous (in-thread, and what tests
 * inject to count analyses) or asynchronous (a worker pool analyzing in parallel).
 */
export interface IndexCorpusDeps {
  readonly source: CorpusSource;
  readonly writer: IndexWriter;
  /** Story grouping storage over the same database as `writer` (its writes join the writer's transactions). */
  readonly stories: StoryStore;
  readonly analyze?: (article: ParsedArticle) => AnalyzedArticle | Promise<AnalyzedArticle>;
  /**
   * Called once every analysis of the run has come back, before the run's one-thread end
   * (people, stories): a worker pool can stop there, so its threads' memory is not held
   * alongside what that end loads (peak RSS of a full index is reached there).
   */
  readonly analysisDone?: () => Promise<void>;
  /** Remove articles gone from the corpus even past `REMOVAL_LIMITS` (`index --prune`). */
  readonly prune?: boolean;
  /** Told why removals were held back, for the log or stderr. */
  readonly warn?: (message: string) => void;
}

/** Articles written per transaction: big enough to amortize commits, small enough to bound memory. */
export const INDEX_BATCH_SIZE = 512;
/**
 * Analyses in flight at once. Large enough that workers still have queued articles while
 * the main thread commits a batch (a smaller window left them idle ~30% of the time),
 * small enough to bound memory (peak ~550 MB on 20,000 articles).
 */
export const ANALYSIS_WINDOW = 1024;

function isSkip(e: CorpusEntry | SkippedEntry): e is SkippedEntry {
  return 'reason' in e;
}

/** A write waiting for its analysis, kept in corpus order. */
type PendingWrite = Promise<() => Promise<void>>;

/**
 * Brings the index in line with the corpus, doing as little as possible: a unit whose
 * size and mtime are unchanged is not read; an article whose content hash is unchanged
 * is not analyzed; articles gone from the corpus are removed. People are rebuilt only
 * when something changed. Analysis may run in parallel; writes happen in corpus order,
 * in transactions, so a crash loses at most a batch.
 */
export async function indexCorpus(deps: IndexCorpusDeps): Promise<IndexReport> {
  try {
    return await runIndex(deps);
  } finally {
    await deps.writer.endRun();
  }
}

async function runIndex(deps: IndexCorpusDeps): Promise<IndexReport> {
  const { source, writer } = deps;
  const analyze = deps.analyze ?? analyzeArticle;
  const units = source.units();
  const report: IndexReport = {
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    skipped: [...source.problems],
    articles: 0,
  };
  const reanalyzeAll = (await writer.analyzerVersion()) !== ANALYZER_VERSION;
  const known = await writer.knownUnits();
  const knownHash = new Map<string, string>();
  const knownOrigin = new Map<string, string>();
  for (const [origin, unit] of known) {
    for (const [id, hash] of unit.articles) {
      knownHash.set(id, hash);
      knownOrigin.set(id, origin);
    }
  }
  const seen = new Map<string, string>(); // id → origin

  let batch: (() => Promise<void>)[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const work = batch;
    batch = [];
    await writer.transaction(async () => {
      // Durable with the writes themselves: a crash before the people rebuild is seen next run.
      await writer.setDerivedPending(true);
      for (const w of work) await w();
    });
  };
  const pending: PendingWrite[] = [];
  const drainOne = async () => {
    const write = await pending.shift()!;
    batch.push(write);
    if (batch.length >= INDEX_BATCH_SIZE) await flush();
  };
  const enqueue = async (write: PendingWrite) => {
    pending.push(write);
    while (pending.length > ANALYSIS_WINDOW) await drainOne();
  };

  for (const unit of units) {
    const previous = known.get(unit.origin);
    if (previous && previous.stamp === unit.stamp && !reanalyzeAll) {
      for (const id of previous.articles.keys()) if (!seen.has(id)) seen.set(id, unit.origin);
      report.unchanged += previous.articles.size;
      report.skipped.push(...previous.skipped);
      continue;
    }
    const unitSkips: SkippedEntry[] = [];
    for await (const entry of unit.entries()) {
      if (isSkip(entry)) {
        unitSkips.push(entry);
        continue;
      }
      const other = seen.get(entry.id);
      if (other !== undefined) {
        unitSkips.push({ file: entry.origin, reason: `duplicate article id "${entry.id}" (already in ${other})` });
        continue;
      }
      seen.set(entry.id, entry.origin);
      const oldHash = knownHash.get(entry.id);
      if (oldHash === entry.hash && !reanalyzeAll) {
        report.unchanged++;
        if (knownOrigin.get(entry.id) !== unit.origin)
          await enqueue(Promise.resolve(() => writer.setArticleOrigin(entry.id, unit.origin)));
        continue;
      }
      let parsed: ParsedArticle;
      try {
        parsed = entry.parse();
      } catch (err) {
        unitSkips.push({ file: entry.origin, reason: `could not be read: ${(err as Error).message}` });
        continue;
      }
      if (parsed.body.trim() === '') {
        unitSkips.push({ file: entry.origin, reason: 'no article text (empty, or only related-link lines)' });
        continue;
      }
      const isNew = oldHash === undefined;
      const origin = unit.origin;
      const write: PendingWrite = Promise.resolve()
        .then(() => analyze(parsed))
        .then(
          (analyzed) => async () => {
            if (isNew) report.added++;
            else report.updated++;
            await writer.upsertArticle(origin, entry.hash, analyzed);
          },
          (err: unknown) => async () =>
            void unitSkips.push({
              file: entry.origin,
              reason: `could not be analyzed: ${(err as Error)?.message ?? err}`,
            }),
        );
      await enqueue(write);
    }
    // Ordered after the unit's articles, so its skip list is complete when it is saved.
    await enqueue(
      Promise.resolve(async () => {
        await writer.saveUnit(unit.origin, unit.stamp, unitSkips);
        report.skipped.push(...unitSkips);
      }),
    );
  }
  while (pending.length > 0) await drainOne();
  await deps.analysisDone?.();
  await flush();

  const origins = new Set(units.map((u) => u.origin));
  const gone = [...knownHash.keys()].filter((id) => !seen.has(id));
  const hold = !deps.prune && removalNeedsConfirmation(gone.length, knownHash.size);
  if (hold) {
    report.held = gone.length;
    deps.warn?.(
      `${gone.length} of ${knownHash.size} articles are gone from the corpus; more than ${REMOVAL_LIMITS.maxFraction * 100}% at once looks like a missing folder, so nothing was removed (run \`index --prune\` to remove them)`,
    );
  }
  await writer.transaction(async () => {
    if (!hold) {
      for (const origin of known.keys()) if (!origins.has(origin)) await writer.deleteUnit(origin);
      for (const id of gone) if (await writer.deleteArticle(id)) report.removed++;
    }
    const changed = report.added + report.updated + report.removed > 0;
    if (changed || reanalyzeAll || (await writer.derivedPending())) await rebuildPeople(writer);
    // Story grouping keeps its own debt (articles with no story yet), written with each
    // change, so this settles exactly what changed, also after a crash.
    await groupStories(deps.stories);
    await writer.setDerivedPending(false);
    await writer.setAnalyzerVersion(ANALYZER_VERSION);
  });
  report.articles = await writer.articleCount();
  return report;
}
