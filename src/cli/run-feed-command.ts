import type { FeedList } from '../core/feeds/feed-list.js';
import type { FeedStore } from '../core/ports/feed-store.js';
import type { FeedReader } from '../feeds/create-feed-reader.js';
import { fetchFeeds } from '../feeds/fetch-feeds.js';
import type { CliOutput } from './run-cli-command.js';

/** What the feed commands need, wired by the CLI's main. */
export interface FeedCommandDeps {
  readonly list: FeedList;
  /** The feeds file, named in problem lines. */
  readonly file: string;
  readonly store: FeedStore;
  readonly reader: FeedReader;
}

/** Lines for stderr about unusable lines of the feeds file (`file:line: reason`). */
export function feedListProblems(deps: Pick<FeedCommandDeps, 'list' | 'file'>): string[] {
  return deps.list.problems.map((p) => `${deps.file}:${p.line}: ${p.reason}`);
}

/**
 * `feeds`: each feed of the file with its stored state → `{"feeds":[{"url","name",
 * "status","lastFetch","articles","error"}]}` (plus `problems` with the file's bad lines).
 * `fetch`: polls every feed once now → `{"feeds":[{"url","status","new","error"}],"added":n}`
 * (plus `updated`).
 */
export async function runFeedCommand(command: 'feeds' | 'fetch', deps: FeedCommandDeps): Promise<CliOutput> {
  const { list, store } = deps;
  if (command === 'feeds') {
    const summaries = await store.summaries(list.feeds.map((f) => f.url));
    const feeds = list.feeds.map((f, i) => {
      const s = summaries[i]!;
      return {
        url: f.url,
        name: f.name,
        status: s.status,
        lastFetch: s.lastFetch,
        articles: s.articles,
        error: s.error,
      };
    });
    const text =
      feeds.length === 0
        ? `no feeds in ${deps.file} (one "URL [name]" a line; see README, "Following feeds")`
        : feeds
            .map(
              (f) =>
                `${(f.status ?? 'never').padEnd(12)} ${String(f.articles).padStart(5)}  ${f.lastFetch ?? '-'.padEnd(24)}  ${[f.name, f.url].filter(Boolean).join(' ')}${f.error ? `\n    ${f.error}` : ''}`,
            )
            .join('\n');
    return { json: { feeds, problems: list.problems }, text };
  }
  const report = await fetchFeeds(deps.reader, list.feeds);
  const lines = report.feeds.map(
    (f) =>
      `${f.status.padEnd(12)} ${String(f.new).padStart(4)} new${f.updated ? `, ${f.updated} updated` : ''}  ${f.url}${f.error ? `\n    ${f.error}` : ''}`,
  );
  const text =
    list.feeds.length === 0
      ? `no feeds in ${deps.file}`
      : [...lines, `${report.added} articles added, ${report.updated} updated`].join('\n');
  return { json: report, text };
}
