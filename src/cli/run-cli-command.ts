import { parseTopics } from '../core/subscriptions/parse-topics.js';
import { NashraError } from '../core/errors/nashra-error.js';
import type { IndexReport } from '../core/indexing/index-corpus.js';
import type { ArticleIndex } from '../core/ports/article-index.js';
import { renderSnippet } from '../core/search/make-snippet.js';
import { buildDigest } from '../core/services/build-digest.js';
import { findQuotes } from '../core/services/find-quotes.js';
import { searchArticles } from '../core/services/search-articles.js';
import { summarize, summarizeArticle } from '../core/services/summarize.js';
import type { CliArgs } from './parse-cli-args.js';

/** A command's answer: the contract's JSON document and the text for people. */
export interface CliOutput {
  readonly json: unknown;
  readonly text: string;
}

/** Default list length for the CLI, which (unlike chat) does not paginate. */
export const CLI_DEFAULT_LIMIT = 10;
const ALL = 1_000_000;

function budget(args: CliArgs) {
  return args.words !== undefined
    ? { words: args.words }
    : args.sentences !== undefined
      ? { sentences: args.sentences }
      : undefined;
}

function bullet(lines: readonly string[]): string {
  return lines.map((l) => `  • ${l}`).join('\n');
}

/** Runs one CLI command against the index (already brought up to date). */
export async function runCliCommand(index: ArticleIndex, args: CliArgs, report: IndexReport): Promise<CliOutput> {
  const limit = args.limit ?? CLI_DEFAULT_LIMIT;
  switch (args.command) {
    case 'help':
    case 'backup': // run by main.ts: it needs the database itself, not the index
      return {
        json: {
          commands: ['index', 'search', 'summary', 'quotes', 'people', 'latest', 'digest', 'feeds', 'fetch', 'backup'],
        },
        text: '',
      };
    case 'feeds':
    case 'fetch':
      throw new NashraError('INTERNAL', `${args.command} runs through runFeedCommand`);
    case 'index': {
      const skipped = report.skipped.map((s) => `  skipped ${s.file}: ${s.reason}`);
      const held = report.held ? `, ${report.held} gone from the corpus but kept (index --prune removes them)` : '';
      const text = [
        `${report.articles} articles: ${report.added} added, ${report.updated} updated, ${report.removed} removed, ${report.unchanged} unchanged${held}`,
        ...skipped,
      ].join('\n');
      return { json: report, text };
    }
    case 'search': {
      const page = await searchArticles(index, args.text, { limit });
      const results = page.results.map((r) => ({
        id: r.id,
        title: r.title,
        score: r.score,
        snippet: renderSnippet(r.snippet, '**', '**'),
        also: r.also,
      }));
      const text =
        results.length === 0
          ? `no articles match "${page.query}"`
          : results
              .map(
                (r) => `${r.id}  ${r.title}${r.also.length ? `  (also ${r.also.join(', ')})` : ''}\n    ${r.snippet}`,
              )
              .join('\n');
      return { json: { query: page.query, results }, text };
    }
    case 'summary': {
      if (args.all) {
        const all = await index.latest(ALL, 0);
        const summaries = (await Promise.all(all.map((a) => summarizeArticle(index, a.id, budget(args)))))
          .map((s) => s!)
          .sort((a, b) => a.id.localeCompare(b.id));
        const json = { summaries: summaries.map((s) => ({ id: s.id, title: s.title, sentences: s.sentences })) };
        return { json, text: summaries.map((s) => `${s.id}  ${s.title}\n${bullet(s.sentences)}`).join('\n\n') };
      }
      const s = await summarize(index, args.text, budget(args));
      if (!s) return { json: { id: null, title: null, sentences: [] }, text: `no article matches "${args.text}"` };
      // For people, a topic summary says what it is about and marks the topic's words as search does.
      const lines = s.sentences.map((text, i) => renderSnippet({ text, highlights: s.marks[i] ?? [] }, '**', '**'));
      const about = s.topic === null ? '' : `  (about: ${s.topic})`;
      return {
        json: { id: s.id, title: s.title, sentences: s.sentences },
        text: `${s.id}  ${s.title}${about}\n${bullet(lines)}`,
      };
    }
    case 'quotes': {
      const page = await findQuotes(index, args.text, { limit });
      const person = page.person ? { name: page.person.name, aliases: page.person.aliases } : null;
      const quotes = page.quotes.map((q) => ({
        speaker: q.speaker,
        text: q.text,
        articleId: q.articleId,
        also: q.also,
      }));
      const text = !person
        ? `nobody called "${page.query}" is quoted`
        : `${person.name}${person.aliases.length ? ` (${person.aliases.join('، ')})` : ''}: ${page.total} quotes\n` +
          quotes.map((q) => `  «${q.text}» — ${q.speaker} [${q.articleId}]`).join('\n');
      return { json: { query: page.query, person, quotes }, text };
    }
    case 'people': {
      // `kind` (person, organization, anonymous) goes beyond the contract's fields: consumers can tell named people apart.
      const people = (await index.people(args.limit ?? ALL, 0)).map((p) => ({
        name: p.name,
        aliases: p.aliases,
        quotes: p.quotes,
        kind: p.kind,
      }));
      const label = { person: '', organization: '  [organization]', anonymous: '  [unnamed source]' } as const;
      const text =
        people.length === 0
          ? 'nobody is quoted yet'
          : people
              .map(
                (p) =>
                  `${String(p.quotes).padStart(4)}  ${p.name}${p.aliases.length ? `  (${p.aliases.join('، ')})` : ''}${label[p.kind]}`,
              )
              .join('\n');
      return { json: { people }, text };
    }
    case 'latest': {
      const articles = (await index.latest(limit, 0)).map((a) => ({ id: a.id, title: a.title, date: a.date }));
      return {
        json: { articles },
        text: articles.map((a) => `${a.id}  ${a.date ?? ''}  ${a.title}`).join('\n') || 'no articles yet',
      };
    }
    case 'digest': {
      const items = (
        await buildDigest(index, {
          since: args.since ?? null,
          limit,
          topics: args.topic === undefined ? [] : parseTopics(args.topic),
        })
      ).map((d) => ({ id: d.id, title: d.title, summary: d.summary, quote: d.quote, also: d.also }));
      const text =
        items.length === 0
          ? 'nothing new'
          : items
              .map(
                (d) =>
                  `${d.id}  ${d.title}\n${bullet(d.summary)}${d.quote ? `\n  «${d.quote.text}» — ${d.quote.speaker}` : ''}`,
              )
              .join('\n\n');
      return { json: { items }, text };
    }
  }
}
