import { nameKey } from '../text/name-key.js';
import { PERSON_TITLES, inLexicon } from '../quotes/speaker-lexicon.js';
import { NAME_PARTICLES, joinedKey, runKey } from './person-keys.js';
import { nameWords } from './person-name-keys.js';

/**
 * Turns a user's lookup («تسوكرمان», «كيم جونغ أون», «بوتن», «Putin», «  زيلنسكي ») into
 * weighted keys to look up in `Person.keys` (see `personKeys`). A person's score is the sum
 * of the weights of the keys they have; the best score wins (ties: more quotes).
 *
 * Weights: each word 1, each run of k ≥ 2 consecutive words 2k, the whole query (n ≥ 2
 * words) 4n, also written as one word. So «كيم جونغ أون» gives Kim Jong Un 12 + 2·4 + 3 =
 * 23 (whole, two runs, three words) against 1 for Kim Yong Hyun (the shared «كيم»): a full
 * name always beats a person who shares only some of its words.
 */

/** Honorifics and titles a user may type before a name: «الرئيس بوتين», «Mr Putin». */
const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'general', 'sir', 'leader']);

/** Longest query, in words, worth keying; longer input is not a name. */
export const MAX_QUERY_WORDS = 8;

/** Weighted lookup keys for a person query; empty when the query holds no name word. */
export function personQueryKeys(query: string): { key: string; weight: number }[] {
  const raw = query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !LATIN_TITLES.has(w.replace(/\.$/, '')))
    .join(' ');
  let words = nameWords(raw).slice(0, MAX_QUERY_WORDS);
  const named = words.filter((w) => !inLexicon(PERSON_TITLES, w));
  if (named.length > 0) words = named;
  const keys = words.map(nameKey);
  const weights = new Map<string, number>();
  const add = (key: string, weight: number): void => {
    if (key !== '' && weight > (weights.get(key) ?? 0)) weights.set(key, weight);
  };
  keys.forEach((k) => {
    if (!NAME_PARTICLES.has(k) || keys.length === 1) add(k, 1);
  });
  for (let len = 2; len <= keys.length; len++) {
    for (let i = 0; i + len <= keys.length; i++)
      add(runKey(keys.slice(i, i + len)), len === keys.length ? 4 * len : 2 * len);
  }
  if (words.length >= 2) add(joinedKey(words), 4 * words.length);
  return [...weights]
    .map(([key, weight]) => ({ key, weight }))
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
}
