import { isStopword } from '../text/stopwords.js';
import { nameKey } from '../text/name-key.js';
import { tokenize } from '../text/tokenize.js';

/** One searchable word of a query, in each form the index holds. */
export interface QueryTerm {
  readonly surface: string;
  readonly word: string;
  readonly stem: string;
  readonly key: string;
}

/** A user's query turned into a safe FTS5 MATCH expression. */
export interface MatchQuery {
  /** FTS5 expression: every piece is a quoted string, so no user text is ever syntax. */
  readonly expression: string;
  /** The words that must match (stopwords dropped unless the query is only stopwords). */
  readonly terms: readonly QueryTerm[];
}

/** Words beyond this are ignored: a pasted paragraph is not a search. */
export const MAX_QUERY_TERMS = 8;
/** A joined name like بيونغيانغ is tried split only when both halves have this many letters. */
const MIN_SPLIT_PART = 3;

const WORDS = '{title_words body_words}';
const STEMS = '{title_stems body_stems}';
const KEYS = '{title_keys body_keys}';

/** Quotes an FTS5 string; our tokens hold no `"`, but escaping keeps that from mattering. */
function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function isArabicWord(word: string): boolean {
  return /^[\u0621-\u064A]+$/.test(word);
}

/** A word written joined (بيونغيانغ) may be written split (بيونغ يانغ) in the article. */
function splitAlternatives(word: string): string[] {
  if (!isArabicWord(word) || word.length < MIN_SPLIT_PART * 2) return [];
  const out: string[] = [];
  for (let i = MIN_SPLIT_PART; i <= word.length - MIN_SPLIT_PART; i++) {
    const left = nameKey(word.slice(0, i));
    const right = nameKey(word.slice(i));
    if (left !== word.slice(0, i) && right !== word.slice(i)) out.push(`${KEYS}:${str(`${left} ${right}`)}`);
  }
  return out;
}

function termExpression(term: QueryTerm): string {
  const alternatives = new Set([`${WORDS}:${str(term.word)}`, `${STEMS}:${str(term.stem)}`]);
  if (term.key !== term.word) alternatives.add(`${KEYS}:${str(term.key)}`);
  for (const alt of splitAlternatives(term.word)) alternatives.add(alt);
  return alternatives.size === 1 ? [...alternatives][0]! : `(${[...alternatives].join(' OR ')})`;
}

/** Two words written split (بيونج يانج) may be written joined (بيونغيانغ) in the article. */
function joinedAlternative(a: QueryTerm, b: QueryTerm): string | null {
  if (!isArabicWord(a.word) || !isArabicWord(b.word)) return null;
  const joined = a.word + b.word;
  const key = nameKey(joined);
  return key === joined ? null : `${KEYS}:${str(key)}`;
}

/**
 * Turns any user text into an FTS5 expression that cannot fail to parse: the text is
 * tokenized exactly as articles are, so `"`, `*`, `(`, `-`, `AND`, `NEAR(` become plain
 * words or vanish. Every remaining word must match (in its exact, stemmed or phonetic
 * form); adjacent words may also match as one joined name. Returns null when nothing
 * searchable is left.
 */
export function buildMatchQuery(text: string): MatchQuery | null {
  const tokens = tokenize(text).slice(0, MAX_QUERY_TERMS * 4);
  const all: QueryTerm[] = tokens.map((t) => ({ surface: t.surface, word: t.norm, stem: t.stem, key: nameKey(t.norm) }));
  // Stopwords and one-letter fragments (the b of a pasted <b>) carry no topic.
  const content = all.filter((t) => !isStopword(t.word) && t.word.length > 1);
  const terms = (content.length > 0 ? content : all).slice(0, MAX_QUERY_TERMS);
  if (terms.length === 0) return null;

  const groups: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const here = termExpression(terms[i]!);
    const next = terms[i + 1];
    const joined = next ? joinedAlternative(terms[i]!, next) : null;
    if (next && joined) {
      groups.push(`((${here} AND ${termExpression(next)}) OR ${joined})`);
      i++;
    } else groups.push(here);
  }
  return { expression: groups.join(' AND '), terms };
}
