import { latinToArabic } from '../core/people/latin-to-arabic.js';
import { personQueryKeys } from '../core/people/person-query-keys.js';
import type { ArticleIndex, PersonRow } from '../core/ports/article-index.js';
import { nameKey } from '../core/text/name-key.js';
import { hasArabic } from '../core/text/arabic-letter.js';
import { normalizeArabic } from '../core/text/normalize-arabic.js';
import { DISCORD_MAX_CHOICE_NAME, DISCORD_MAX_CHOICES } from './discord-limits.js';
import { truncate } from './render-reply.js';

/** One autocomplete choice: what the user sees, and what `/quotes` then receives. */
export interface PersonChoice {
  readonly name: string;
  readonly value: string;
}

/** Most quoted people scored per keystroke (spelling variants are found among them). */
export const MAX_PEOPLE_SCANNED = 1000;
/** People found by a name-word prefix, beyond the most quoted, scored per keystroke. */
export const MAX_PREFIX_CANDIDATES = 200;
/** Typed text longer than this is not a name being typed. */
const MAX_INPUT_CHARS = 100;
/** A query word needs this many letters before its phonetic key is compared as a prefix. */
const MIN_KEY_PREFIX = 3;

const SCORE = { fullPrefix: 4, keyMatch: 3, wordPrefix: 2, keyPrefix: 1 } as const;

/** How well the normalized query words match one written form of a name; 0 when not at all. */
function matchScore(queryWords: readonly string[], form: string): number {
  const norm = normalizeArabic(form);
  const words = norm.split(/\s+/).filter(Boolean);
  const joined = queryWords.join(' ');
  if (norm.startsWith(joined) || words.some((w) => w.startsWith(joined))) return SCORE.fullPrefix;
  const keys = words.map(nameKey);
  let total: number = SCORE.keyMatch;
  for (const [i, q] of queryWords.entries()) {
    const isLast = i === queryWords.length - 1;
    const qKey = nameKey(q);
    if (words.some((w) => w === q) || keys.some((k) => k === qKey)) continue;
    if (isLast && words.some((w) => w.startsWith(q))) total = Math.min(total, SCORE.wordPrefix);
    else if (isLast && hasArabic(q) && q.length >= MIN_KEY_PREFIX && keys.some((k) => k.startsWith(qKey)))
      total = Math.min(total, SCORE.keyPrefix);
    else return 0;
  }
  return total;
}

function choice(person: PersonRow, matchedForm: string | null): PersonChoice {
  const label = matchedForm && matchedForm !== person.name ? `${person.name} (${matchedForm})` : person.name;
  return { name: truncate(label, DISCORD_MAX_CHOICE_NAME), value: truncate(person.name, DISCORD_MAX_CHOICE_NAME) };
}

/**
 * Person names for `/quotes` autocomplete, best first: a prefix of the name or of any
 * of its words (بوت → فلاديمير بوتين), a spelling variant through the phonetic name key
 * (بوتن, زيلنسكي), Latin input spelled as Arabic news spells it (Tsuk → تسوكرمان), and
 * whole words through the same lookup keys `/quotes` itself uses (Putin → بوتين). Empty input lists the most quoted people. At most 25 choices, names
 * and values at most 100 characters, as Discord requires.
 */
export async function suggestPeople(
  index: ArticleIndex,
  input: string,
  limit = DISCORD_MAX_CHOICES,
): Promise<PersonChoice[]> {
  const max = Math.min(limit, DISCORD_MAX_CHOICES);
  const text = input.trim().slice(0, MAX_INPUT_CHARS);
  const top = await index.people(MAX_PEOPLE_SCANNED, 0);
  if (text === '') return top.slice(0, max).map((p) => choice(p, null));

  const scored = new Map<number, { person: PersonRow; score: number; form: string | null }>();
  const offer = (person: PersonRow, score: number, form: string | null) => {
    const known = scored.get(person.num);
    if (!known || score > known.score) scored.set(person.num, { person, score, form });
  };

  // Latin words are spelled the way Arabic news writes them, so «Tsuk» finds «تسوكرمان» as it is typed.
  const queryWords = normalizeArabic(text)
    .split(/\s+/)
    .map((w) => (/^[a-z]/.test(w) ? normalizeArabic(latinToArabic(w)) : w))
    .filter(Boolean);
  if (queryWords.length > 0) {
    // The most quoted, plus everyone whose name has a word starting as typed, however rarely quoted.
    const byPrefix = await index.peopleByNamePrefix(queryWords[0]!, MAX_PREFIX_CANDIDATES);
    const people = [...new Map([...top, ...byPrefix].map((p) => [p.num, p])).values()];
    for (const person of people) {
      for (const form of [person.name, ...person.aliases]) {
        const score = matchScore(queryWords, form);
        if (score > 0) offer(person, score, form === person.name ? null : form);
      }
    }
  }

  // Whole words in any script (Latin transliterations, alias table) through the lookup keys.
  const keys = personQueryKeys(text);
  if (keys.length > 0) {
    const weights = new Map(keys.map((k) => [k.key, k.weight]));
    for (const hit of await index.findPeopleByKeys([...weights.keys()])) {
      const weight = hit.matchedKeys.reduce((sum, k) => sum + (weights.get(k) ?? 0), 0);
      if (weight > 0) offer(hit, SCORE.keyMatch + Math.min(weight, 1) / 2, null);
    }
  }

  return [...scored.values()]
    .sort(
      (a, b) => b.score - a.score || b.person.quotes - a.person.quotes || a.person.name.localeCompare(b.person.name),
    )
    .slice(0, max)
    .map((s) => choice(s.person, s.form));
}
