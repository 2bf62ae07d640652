import { nameKey } from '../text/name-key.js';
import type { SpeakerKind } from '../quotes/quote.js';
import { ORGANIZATION_HEADS, inLexicon } from '../quotes/speaker-lexicon.js';
import { nameKeys, nameWords } from './person-name-keys.js';

/**
 * Lookup keys of a person: plain strings the store indexes and queries with
 * `WHERE key IN (…)`. A person's keys are
 * - every run of two or more consecutive name words, phonetically keyed and joined by a
 *   space («كيم جنج اون», «جنج اون», «كيم جنج»), plus the whole name written as one word
 *   («عبدالله» for «عبد الله»);
 * - each single name word («بتن», «كيم», «جنج»), except particles such as «بن», «أبو».
 * Organizations get their whole name and the name after a generic head («رويترز» of
 * «وكالة رويترز»); anonymous speakers only their whole description, so «مسؤول» alone finds
 * no one. Weights live on the query side (`personQueryKeys`): a single word weighs 1, a run
 * of k words 2k and the whole query 4n, so a full name always outscores a shared part.
 */

/** Name particles that never identify anyone on their own. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  ['بن', 'ابن', 'بنت', 'ابو', 'ام', 'عبد', 'ال', 'دي', 'دا', 'دو', 'دل', 'فان', 'فون', 'لا', 'لو', 'ولد'].map(nameKey),
);

/** The key of a run of name-word keys. */
export function runKey(keys: readonly string[]): string {
  return keys.join(' ');
}

/** The key of a multi-word name written as one word: «عبد الله» → key of «عبدالله». */
export function joinedKey(words: readonly string[]): string {
  return nameKey(words.join(''));
}

function personFormKeys(name: string, out: Set<string>): void {
  const words = nameWords(name);
  const keys = words.map(nameKey);
  for (let len = 2; len <= keys.length; len++) {
    for (let i = 0; i + len <= keys.length; i++) out.add(runKey(keys.slice(i, i + len)));
  }
  if (words.length >= 2) out.add(joinedKey(words));
  for (const k of keys) if (k.length >= 2 && !NAME_PARTICLES.has(k)) out.add(k);
}

/** The name of an organization without its generic head: «وكالة رويترز» → «رويترز». */
export function organizationCore(name: string): string[] {
  const words = nameWords(name);
  return words.length >= 2 && inLexicon(ORGANIZATION_HEADS, words[0]!) ? words.slice(1) : words;
}

/** All lookup keys for the written forms of one person, organization or anonymous speaker. */
export function personKeys(forms: readonly string[], kind: SpeakerKind): string[] {
  const out = new Set<string>();
  for (const form of forms) {
    if (kind === 'person') {
      personFormKeys(form, out);
      continue;
    }
    const keys = nameKeys(form);
    if (keys.length === 0) continue;
    out.add(runKey(keys));
    if (kind === 'organization') {
      const core = organizationCore(form);
      out.add(runKey(core.map(nameKey)));
      if (core.length >= 2) out.add(joinedKey(core));
    }
  }
  return [...out].sort();
}
