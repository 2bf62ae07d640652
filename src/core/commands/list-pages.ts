import type { ArticleIndex } from '../ports/article-index.js';
import { findQuotes } from '../services/find-quotes.js';
import { MAX_COUNTED_MATCHES, searchArticles } from '../services/search-articles.js';
import { informativeAliases } from './informative-aliases.js';
import { t } from './messages.js';
import type { PageState } from '../ports/page-store.js';
import type { Locale, Reply, ReplyItem } from './reply.js';

/** Items per page of each list: short enough to read on a phone. */
export const PAGE_SIZE = { search: 5, quotes: 5, people: 10, latest: 8 } as const satisfies Record<
  PageState['command'],
  number
>;

function pageFooter(locale: Locale, page: number, total: number, size: number): string | undefined {
  const pages = Math.max(1, Math.ceil(total / size));
  return pages > 1
    ? t(locale, 'pageFooter')(page + 1, pages, Math.min(total, MAX_COUNTED_MATCHES), total >= MAX_COUNTED_MATCHES)
    : undefined;
}

/** The list's pager token, or a way to make one: a list is only remembered once it has a second page. */
export type PagerToken = string | (() => Promise<string>);

async function pager(token: PagerToken, page: number, total: number, size: number) {
  const pages = Math.ceil(total / size);
  if (pages <= 1) return undefined;
  return { token: typeof token === 'function' ? await token() : token, page, pages };
}

/** An item's reference line: id, date, and how many sources told its story when more than one. */
export function storyRef(locale: Locale, id: string, date: string | null, others: number): string {
  return [id, date, others > 0 ? t(locale, 'storySources')(others + 1) : null].filter((x) => x !== null).join(' · ');
}

/**
 * Renders one page of a paginated list. Used for the first answer and for every button
 * press, so page 3 of a search is built exactly like page 1.
 */
export async function listPage(index: ArticleIndex, state: PageState, page: number, token: PagerToken): Promise<Reply> {
  const { locale, arg } = state;
  const size = PAGE_SIZE[state.command];
  const offset = page * size;
  // Page 2 of a ten-per-page list numbers its items 11, 12, …
  const numberFrom = offset + 1;
  switch (state.command) {
    case 'search': {
      const result = await searchArticles(index, arg, { limit: size, offset });
      if (result.terms.length === 0) return { locale, notice: true, text: [t(locale, 'searchNothingToSearch')] };
      if (result.total === 0) return { locale, text: [t(locale, 'searchNone')(result.query)] };
      const items: ReplyItem[] = result.results.map((r) => ({
        heading: r.title,
        ref: storyRef(locale, r.id, r.date, r.also.length),
        lines: [{ text: r.snippet.text, marks: r.snippet.highlights }],
        ...(r.url ? { url: r.url } : {}),
      }));
      return {
        locale,
        title: t(locale, 'searchTitle')(result.query),
        items,
        numberFrom,
        footer: pageFooter(locale, page, result.total, size),
        pager: await pager(token, page, result.total, size),
      };
    }
    case 'quotes': {
      const result = await findQuotes(index, arg, { limit: size, offset });
      if (!result.person) return { locale, text: [t(locale, 'quotesNoPerson')(result.query)] };
      const { person } = result;
      if (result.quotes.length === 0) return { locale, text: [t(locale, 'quotesNone')(person.name)] };
      const items: ReplyItem[] = result.quotes.map((q) => ({
        heading: q.articleTitle,
        ref: q.articleId,
        lines: [],
        quote: { speaker: q.speaker, text: q.text },
      }));
      const aliases = informativeAliases(person.name, person.aliases, arg);
      const text = aliases.length > 0 ? [t(locale, 'alsoKnownAs')(aliases.join('، '))] : undefined;
      return {
        locale,
        title: t(locale, 'quotesTitle')(person.name),
        text,
        items,
        numberFrom,
        footer: pageFooter(locale, page, result.total, size),
        pager: await pager(token, page, result.total, size),
      };
    }
    case 'people': {
      const total = await index.countPeople();
      if (total === 0) return { locale, text: [t(locale, 'peopleNone')] };
      const items: ReplyItem[] = (await index.people(size, offset)).map((p) => {
        const aliases = informativeAliases(p.name, p.aliases);
        return {
          heading: p.name,
          ref:
            p.kind === 'person'
              ? t(locale, 'quoteCount')(p.quotes)
              : `${t(locale, p.kind === 'organization' ? 'organization' : 'unnamedSource')} · ${t(locale, 'quoteCount')(p.quotes)}`,
          lines: aliases.length > 0 ? [{ text: aliases.join('، ') }] : [],
        };
      });
      return {
        locale,
        title: t(locale, 'peopleTitle'),
        items,
        numberFrom,
        footer: pageFooter(locale, page, total, size),
        pager: await pager(token, page, total, size),
      };
    }
    case 'latest': {
      const total = await index.countArticles();
      if (total === 0) return { locale, text: [t(locale, 'corpusEmpty')] };
      const items: ReplyItem[] = (await index.latest(size, offset)).map((a) => ({
        heading: a.title,
        ref: a.date ? `${a.id} · ${a.date}` : a.id,
        lines: [],
        ...(a.url ? { url: a.url } : {}),
      }));
      return {
        locale,
        title: t(locale, 'latestTitle'),
        items,
        numberFrom,
        footer: pageFooter(locale, page, total, size),
        pager: await pager(token, page, total, size),
      };
    }
  }
}
