import { isContentLine } from './content-line.js';
import { splitSentences } from '../text/split-sentences.js';

/** An article as read from the corpus, before analysis. */
export interface ParsedArticle {
  readonly id: string;
  readonly title: string;
  /** Content lines only, one paragraph per line; headline and non-content lines removed. */
  readonly body: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly url: string | null;
  /** How many non-content lines (related links, blurbs) were dropped. */
  readonly dropped: number;
}

/** Header keys, English or Arabic, and the field each fills. */
const HEADER_KEYS: Readonly<Record<string, 'title' | 'date' | 'source' | 'url'>> = {
  title: 'title',
  date: 'date',
  source: 'source',
  url: 'url',
  العنوان: 'title',
  التاريخ: 'date',
  المصدر: 'source',
  الرابط: 'url',
};
const HEADER_LINE = /^\s*([A-Za-z]+|العنوان|التاريخ|المصدر|الرابط)\s*:\s*(.*?)\s*$/;

/** A first line longer than this is a lead sentence, not a headline. */
export const MAX_HEADLINE_WORDS = 20;
/** A title derived from a lead sentence is cut to this many words. */
export const DERIVED_TITLE_WORDS = 12;

interface Header {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
}

function readHeader(lines: string[]): { header: Header; rest: string[] } {
  const header: Header = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i]!);
    const key = m ? HEADER_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) break;
    header[key] = m[2]!;
  }
  // A header counts only when it is closed by a blank line.
  if (i > 0 && i < lines.length && lines[i]!.trim() === '') return { header, rest: lines.slice(i + 1) };
  return { header: {}, rest: lines };
}

function readsAsHeadline(line: string, hasMore: boolean): boolean {
  const words = line.trim().split(/\s+/).length;
  return hasMore && words <= MAX_HEADLINE_WORDS && !/[.!?؟:…]["”»]?$/.test(line.trim());
}

function shorten(sentence: string): string {
  const words = sentence.replace(/[.!?؟…]+$/, '').split(/\s+/);
  return words.length <= DERIVED_TITLE_WORDS ? words.join(' ') : `${words.slice(0, DERIVED_TITLE_WORDS).join(' ')}…`;
}

/** Keeps content lines (trimmed, spaces folded) and counts the rest. */
export function cleanLines(lines: readonly string[]): { content: string[]; dropped: number } {
  const content: string[] = [];
  let dropped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (isContentLine(line)) content.push(line.trim().replace(/\s+/g, ' '));
    else dropped++;
  }
  return { content, dropped };
}

/** Fields of a JSON Lines record (the bulk import format). */
export interface ArticleRecord {
  readonly id: string;
  readonly title?: string | null;
  readonly body: string;
  readonly date?: string | null;
  readonly source?: string | null;
  readonly url?: string | null;
}

/** Parses a bulk-import record: the title is given, the body is cleaned like a file's. */
export function parseRecord(record: ArticleRecord): ParsedArticle {
  const { content, dropped } = cleanLines(record.body.replace(/\r\n?/g, '\n').split('\n'));
  const title =
    record.title?.trim() || (content[0] ? shorten(splitSentences(content[0])[0]?.text ?? content[0]) : record.id);
  return {
    id: record.id,
    title: title.replace(/\s+/g, ' '),
    body: content.join('\n'),
    date: record.date?.trim() || null,
    source: record.source?.trim() || null,
    url: record.url?.trim() || null,
    dropped,
  };
}

/**
 * Parses one article: optional `key: value` header closed by a blank line, then the body.
 * The title comes from the header, else from a first line that reads as a headline, else
 * from a shortened lead sentence.
 */
export function parseArticle(id: string, text: string): ParsedArticle {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { header, rest } = readHeader(lines);
  const { content, dropped } = cleanLines(rest);
  let title = header.title?.trim() || '';
  if (!title && content.length > 0 && readsAsHeadline(content[0]!, content.length > 1)) title = content.shift()!;
  if (!title) title = content.length > 0 ? shorten(splitSentences(content[0]!)[0]?.text ?? content[0]!) : id;
  return {
    id,
    title,
    body: content.join('\n'),
    date: header.date?.trim() || null,
    source: header.source?.trim() || null,
    url: header.url?.trim() || null,
    dropped,
  };
}
