import { nameKey } from '../text/name-key.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import type { Speaker, SpeakerKind } from '../quotes/quote.js';
import type { Person } from './person.js';
import { organizationCore, personKeys, runKey } from './person-keys.js';
import { articlesAgree, isNamePart, nameKeys } from './person-name-keys.js';

/**
 * The people directory: speakers from every article merged into one entry per real person
 * or body. Articles name a person fully once and by a short form after («إيرينا تسوكرمان»،
 * «تسوكرمان») and spell foreign names several ways («بوتين»/«بوتن», «جونغ»/«جونج»), so
 * speakers are grouped by the phonetic keys of their fullest name; a shorter name joins the
 * one longer name it is the last words of, and stays apart when several fit (two Kims). Two
 * different people sharing a name part («كيم جونغ أون», «كيم يونغ هيون») never merge.
 * Organizations merge on their name without a generic head («وكالة رويترز» = «رويترز»);
 * anonymous speakers only on an identical description.
 */

interface Group {
  readonly kind: SpeakerKind;
  /** The name the group was made for. */
  readonly name: string;
  /** Phonetic keys of the group's name (all its speakers share them). */
  readonly keys: readonly string[];
  /** Run keys of every form seen (names and aliases). */
  readonly formKeys: Set<string>;
  parent: Group | null;
}

function groupKey(speaker: Speaker): string {
  const keys = speaker.kind === 'organization' ? organizationCore(speaker.name).map(nameKey) : nameKeys(speaker.name);
  return `${speaker.kind}\u0000${runKey(keys)}`;
}

function root(g: Group): Group {
  let r = g;
  while (r.parent) r = r.parent;
  return r;
}

/** Folds short-named person groups into the one longer name they are the last words of. */
function attachShortNames(groups: readonly Group[]): void {
  const persons = groups.filter((g) => g.kind === 'person').sort((a, b) => b.keys.length - a.keys.length);
  const byLastKey = new Map<string, Group[]>();
  for (const g of persons) {
    for (const formKey of g.formKeys) {
      const last = formKey.split(' ').at(-1)!;
      const list = byLastKey.get(last) ?? [];
      if (list.at(-1) !== g) list.push(g);
      byLastKey.set(last, list);
    }
  }
  for (const short of persons) {
    const hosts = new Set<Group>();
    for (const long of byLastKey.get(short.keys.at(-1)!) ?? []) {
      if (long.keys.length <= short.keys.length) continue;
      // «بوتين» never joins «عبدالعزيز سعود البابطين»: same keys, but one has the article.
      const suffix =
        isNamePart(short.keys, long.keys) &&
        short.keys.at(-1) === long.keys.at(-1) &&
        articlesAgree(short.name, long.name);
      if (suffix || long.formKeys.has(runKey(short.keys))) hosts.add(root(long));
    }
    if (hosts.size === 1) {
      const host = [...hosts][0]!;
      if (host !== short) short.parent = host;
    }
  }
}

function surfaceCounts(
  speakers: readonly Speaker[],
  members: readonly number[],
): Map<string, { surface: string; count: number; words: number }> {
  const forms = new Map<string, { surface: string; count: number; words: number }>();
  for (const i of members) {
    const s = speakers[i]!;
    for (const surface of [s.name, ...s.aliases]) {
      const norm = normalizeArabic(surface).trim();
      const entry = forms.get(norm) ?? { surface, count: 0, words: nameKeys(surface).length };
      entry.count++;
      forms.set(norm, entry);
    }
  }
  return forms;
}

/**
 * Merges the speakers of all quotes of the corpus into people. `personOf[i]` is the index
 * in `people` of `speakers[i]`. Deterministic: the same speakers in the same order give the
 * same directory, people ordered by first appearance.
 */
export function mergePeople(speakers: readonly Speaker[]): { people: Person[]; personOf: number[] } {
  const byKey = new Map<string, Group>();
  const groupOf: Group[] = speakers.map((speaker) => {
    const key = groupKey(speaker);
    let g = byKey.get(key);
    if (!g) {
      g = { kind: speaker.kind, name: speaker.name, keys: nameKeys(speaker.name), formKeys: new Set(), parent: null };
      byKey.set(key, g);
    }
    for (const form of [speaker.name, ...speaker.aliases]) g.formKeys.add(runKey(nameKeys(form)));
    return g;
  });
  attachShortNames([...byKey.values()]);

  const people: Person[] = [];
  const indexOf = new Map<Group, number>();
  const membersOf = new Map<Group, number[]>();
  groupOf.forEach((g, i) => {
    const r = root(g);
    const list = membersOf.get(r);
    if (list) list.push(i);
    else membersOf.set(r, [i]);
  });
  const personOf = groupOf.map((g) => {
    const r = root(g);
    const known = indexOf.get(r);
    if (known !== undefined) return known;
    const members = membersOf.get(r)!;
    const forms = [...surfaceCounts(speakers, members).values()].sort(
      (a, b) => b.words - a.words || b.count - a.count || (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0),
    );
    const name = forms[0]!.surface;
    const aliases = forms
      .slice(1)
      .sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1))
      .map((f) => f.surface);
    people.push({ name, aliases, kind: r.kind, keys: personKeys([name, ...aliases], r.kind) });
    indexOf.set(r, people.length - 1);
    return people.length - 1;
  });
  return { people, personOf };
}
