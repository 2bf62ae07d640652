import { latinToArabic } from '../people/latin-to-arabic.js';
import { isArabicWord } from '../text/arabic-letter.js';
import { isStopword } from '../text/stopwords.js';
import { nameKey } from '../text/name-key.js';
import { isSpellingVariant } from '../text/spelling-variant.js';
import { stemArabic } from '../text/stem-arabic.js';
import { normalizeWord, tokenize } from '../text/tokenize.js';
import type { QueryNode, SearchQuery } from './search-query.js';

/** One searchable word of a query, in each form the index holds. */
export interface QueryTerm {
  readonly surface: string;
  readonly word: string;
  readonly stem: string;
  /** The corpus's other spellings of this word as a name (بوتين for بوتن), closest first. */
  readonly variants: readonly string[];
}

/** A user's query turned into a structured search that each storage engine renders safely. */
export interface MatchQuery {
  /** What to match: every string in it is a token as the index stores it, never syntax. */
  readonly query: SearchQuery;
  /** The words that must match (stopwords dropped unless the query is only stopwords). */
  readonly terms: readonly QueryTerm[];
  /** Spellings that two adjacent query words may be written as (بيونغيانغ for بيونج يانج), with the first word's index. */
  readonly joined: readonly { readonly word: string; readonly first: number }[];
}

/** Looks up the corpus's spellings of phonetic name keys: the index's `nameVariants`. */
export type NameVariantLookup = (keys: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>;

/** Words beyond this are ignored: a pasted paragraph is not a search. */
export const MAX_QUERY_TERMS = 8;
/** Spellings tried per word: the closest in length to what was typed. */
export const MAX_NAME_VARIANTS = 12;
/** A joined name like بيونغيانغ is tried split only when both halves have this many letters. */
const MIN_SPLIT_PART = 3;
/** Split readings tried per joined word. */
const MAX_SPLIT_PHRASES = 8;

/** Any of the nodes (the node itself when there is one). */
function anyOf(nodes: readonly QueryNode[]): QueryNode {
  return nodes.length === 1 ? nodes[0]! : { op: 'or', nodes };
}

/** All of the nodes (the node itself when there is one). */
function allOf(nodes: readonly QueryNode[]): QueryNode {
  return nodes.length === 1 ? nodes[0]! : { op: 'and', nodes };
}

/** Adjacent words: a two-word reading of a joined name («بيونغ يانغ»). */
function phrase(text: string): QueryNode {
  return { op: 'phrase', words: text.split(' ') };
}

const word = (text: string): QueryNode => ({ op: 'word', text });

/** A Latin-script word that may be a name («putin», «zelensky»): letters only, long enough to transliterate. */
const LATIN_NAME_WORD = /^[a-z]{3,}$/;

/** The Arabic spelling a Latin word is transliterated to, normalized like the index, or null for other words. */
function arabicSpelling(word: string): string | null {
  if (!LATIN_NAME_WORD.test(word)) return null;
  const arabic = normalizeWord(latinToArabic(word));
  return isArabicWord(arabic) ? arabic : null;
}

/**
 * A Latin-script name read as the corpus spells it in Arabic: «putin» becomes the term
 * بوتين with its other spellings (بوتن) and the Latin word itself as variants, so
 * `/search Putin` finds the articles `/quotes Putin` quotes. Only names the corpus has a
 * spelling for are turned; any other Latin word stays as typed.
 */
function fromLatin(
  term: { surface: string; word: string; stem: string },
  lookup: ReadonlyMap<string, readonly string[]>,
): QueryTerm | null {
  const arabic = arabicSpelling(term.word);
  if (!arabic) return null;
  const spellings = corpusSpellings(arabic, lookup, MAX_NAME_VARIANTS);
  if (spellings.length === 0) return null;
  const word = spellings.includes(arabic) ? arabic : spellings[0]!;
  const variants = [...spellings.filter((v) => v !== word && stemArabic(v) !== stemArabic(word)), term.word];
  return { surface: term.surface, word, stem: stemArabic(word), variants };
}

/**
 * The corpus spellings worth adding for `word`, closest in length first: true spelling
 * variants (`isSpellingVariant`) whose stem differs from the word's. A spelling with the
 * same stem is already matched by the stem alternative (والسعودية for السعودية), so
 * ordinary words expand to little or nothing, which keeps common-word queries precise and fast.
 */
function closest(word: string, variants: readonly string[] | undefined, max = MAX_NAME_VARIANTS): string[] {
  if (!variants) return [];
  const stem = stemArabic(word);
  return variants
    .filter((v) => v !== word && stemArabic(v) !== stem && isSpellingVariant(word, v))
    .sort((a, b) => Math.abs(a.length - word.length) - Math.abs(b.length - word.length) || (a < b ? -1 : 1))
    .slice(0, max);
}

/** The corpus's spellings of `word` itself or a variant of it (only words the corpus has), closest first. */
function corpusSpellings(word: string, lookup: ReadonlyMap<string, readonly string[]>, max: number): string[] {
  const all = lookup.get(nameKey(word)) ?? [];
  return all
    .filter((v) => v === word || isSpellingVariant(word, v))
    .sort((a, b) => Math.abs(a.length - word.length) - Math.abs(b.length - word.length) || (a < b ? -1 : 1))
    .slice(0, max);
}

/** Split readings of a joined name (بيونغيانغ → "بيونغ يانغ"), as phrases of corpus spellings. */
function splitPhrases(word: string, lookup: ReadonlyMap<string, readonly string[]>): string[] {
  if (!isArabicWord(word) || word.length < MIN_SPLIT_PART * 2) return [];
  const phrases: string[] = [];
  for (let i = MIN_SPLIT_PART; i <= word.length - MIN_SPLIT_PART && phrases.length < MAX_SPLIT_PHRASES; i++) {
    const left = corpusSpellings(word.slice(0, i), lookup, 3);
    const right = corpusSpellings(word.slice(i), lookup, 3);
    for (const l of left) for (const r of right) if (phrases.length < MAX_SPLIT_PHRASES) phrases.push(`${l} ${r}`);
  }
  return phrases;
}

function splitKeys(word: string): string[] {
  if (!isArabicWord(word) || word.length < MIN_SPLIT_PART * 2) return [];
  const keys: string[] = [];
  for (let i = MIN_SPLIT_PART; i <= word.length - MIN_SPLIT_PART; i++)
    keys.push(nameKey(word.slice(0, i)), nameKey(word.slice(i)));
  return keys;
}

function termNode(term: QueryTerm, phrases: readonly string[]): QueryNode {
  const alternatives: QueryNode[] = [{ op: 'stem', text: term.stem }];
  // The exact form (and spelling variants) rank above a shared stem; when the word is its own stem and has no variants, the stem alternative already is the exact match.
  if (term.stem !== term.word || term.variants.length > 0)
    alternatives.unshift(anyOf([term.word, ...term.variants].map(word)));
  if (phrases.length > 0) alternatives.push(anyOf(phrases.map(phrase)));
  return anyOf(alternatives);
}

/**
 * Turns any user text into a {@link SearchQuery} that no engine can fail to parse: the
 * text is tokenized exactly as articles are, so `"`, `*`, `(`, `-`, `AND`, `NEAR(` become
 * plain words or vanish, and every string in the query is a token (each adapter quotes it). Every remaining word must match,
 * exactly, by stem, or as another spelling of the same name found in the corpus; two
 * adjacent words may also match as one joined name and one word as two. Returns null
 * when nothing searchable is left.
 */
export async function buildMatchQuery(
  text: string,
  variantsOf: NameVariantLookup = async () => new Map(),
): Promise<MatchQuery | null> {
  const tokens = tokenize(text).slice(0, MAX_QUERY_TERMS * 4);
  const all = tokens.map((t) => ({ surface: t.surface, word: t.norm, stem: t.stem }));
  // Stopwords and one-letter fragments (the b of a pasted <b>) carry no topic.
  const content = all.filter((t) => !isStopword(t.word) && t.word.length > 1);
  // Stopwords are not indexed: a query of nothing else has nothing to search for.
  const chosen = content.slice(0, MAX_QUERY_TERMS);
  if (chosen.length === 0) return null;

  const keysWanted = new Set<string>();
  chosen.forEach((t, i) => {
    keysWanted.add(nameKey(t.word));
    const arabic = arabicSpelling(t.word);
    if (arabic) keysWanted.add(nameKey(arabic));
    for (const k of splitKeys(t.word)) keysWanted.add(k);
    const next = chosen[i + 1];
    if (next) keysWanted.add(nameKey(t.word + next.word));
  });
  const lookup = await variantsOf([...keysWanted].filter((k) => isArabicWord(k)));
  const terms: QueryTerm[] = chosen.map(
    (t) => fromLatin(t, lookup) ?? { ...t, variants: closest(t.word, lookup.get(nameKey(t.word))) },
  );

  const groups: QueryNode[] = [];
  const joined: { word: string; first: number }[] = [];
  for (let i = 0; i < terms.length; i++) {
    const here = termNode(terms[i]!, splitPhrases(terms[i]!.word, lookup));
    const next = terms[i + 1];
    const joinedWord = next ? terms[i]!.word + next.word : '';
    const joinedSpellings =
      next && isArabicWord(joinedWord) ? corpusSpellings(joinedWord, lookup, MAX_NAME_VARIANTS) : [];
    if (next && joinedSpellings.length > 0) {
      joined.push(...joinedSpellings.map((word) => ({ word, first: i })));
      groups.push({
        op: 'or',
        nodes: [allOf([here, termNode(next, splitPhrases(next.word, lookup))]), anyOf(joinedSpellings.map(word))],
      });
      i++;
    } else groups.push(here);
  }
  return { query: allOf(groups), terms, joined };
}
