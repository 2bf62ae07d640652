import { endsWithParent, isNamePart, nameKeys, nameWords } from '../people/person-name-keys.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import { isGivenName } from './name-lexicon.js';
import { isTitleWord } from './name-run.js';
import { isWord, sentenceItems, type SentenceItem } from './sentence-items.js';
import {
  COMPOUND_NAME_HEADS,
  isDefinite,
  isFamilyName,
  isNameWord,
  profileWord,
  withoutArticle,
} from './speaker-lexicon.js';
import { readSubjectAfter } from './subject-phrase.js';

/**
 * The people an article names anywhere, not only as speakers: «استقبل الرئيس عبد الفتاح
 * السيسي وفدا …» introduces «عبد الفتاح السيسي» with the title «الرئيس» though nobody says
 * anything there. A reader later takes «وقال السيسي» and «وقال الرئيس» for him; attribution
 * asks this list the same two questions (`byFamilyName`, `byTitle`).
 *
 * Each sentence is read once, lazily, only when a lone family name or a bare title needs it
 * (most articles never do). A mention starts at a title («الرئيس», «اللواء», «وزير …») or a
 * given name that opens a phrase, and is read with the same subject reader as speakers, so
 * a name is cut the same way wherever it stands.
 */

/** A person named with at least two name words, and the title before the name. */
export interface Mention {
  readonly name: string;
  readonly keys: readonly string[];
  /** Does each name word carry the article («السيسي» yes, «بوتين» no)? */
  readonly definite: readonly boolean[];
  readonly description: string | null;
  /** Title and name words without articles, for matching «الوزير»، «الرئيس المصري». */
  readonly profile: ReadonlySet<string>;
  readonly sentence: number;
}

/** Items before a mention's opener that the subject reader may look back at. */
const MENTION_LOOKBEHIND = 4;

const profileOf = (text: string): string[] => nameWords(text).map(profileWord);

/** Reads the named people of one sentence; `items` are `sentenceItems(text)`. */
function sentenceMentions(text: string, sentence: number, items: readonly SentenceItem[]): Mention[] {
  const out: Mention[] = [];
  // «أدان مفتي مصر، الدكتور شوقي علام، …»: a title phrase read without a name, right before a
  // comma, is the apposition of the name that follows the comma.
  let titleBeforeComma: { text: string; comma: number } | null = null;
  for (let i = 0; i < items.length; i++) {
    const w = items[i];
    if (!isWord(w)) continue;
    const prev = items[i - 1];
    // «وتمكن نيل أروسميث …»: the word after a sentence-opening verb may start a name too.
    const afterVerb =
      i === 1 && isWord(items[0]) && /^[وف]/.test(items[0].norm) && items[0].norm.length >= 4 && isNameWord(w.norm);
    const opens =
      isTitleWord(withoutClitic(w.norm)) || isGivenName(w.norm) || COMPOUND_NAME_HEADS.has(w.norm) || afterVerb;
    if (!opens || (isWord(prev) && isTitleWord(withoutClitic(prev.norm)))) continue;
    // A window of the items (a few before the opener, up to the name's end): never a copy of
    // the whole sentence per opener, which a sentence of thousands of titles would make quadratic.
    const lo = Math.max(0, i - MENTION_LOOKBEHIND);
    const window = items.slice(lo, nameEnd(items, i));
    const read = readSubjectAfter(text, window, i - lo, null);
    const phrase = read.phrase;
    const before = titleBeforeComma?.comma === i - 1 ? titleBeforeComma.text : null;
    titleBeforeComma = null;
    if ((phrase?.kind === 'title' || phrase?.kind === 'anonymous') && items[lo + read.end]?.surface === '،')
      titleBeforeComma = { text: phrase.name, comma: lo + read.end };
    if (phrase?.kind === 'named') {
      // «جلوي بن عبدالعزيز بن مساعد» read up to a word that is also a title: never end on «بن».
      const name = withoutDanglingHead(phrase.name);
      const words = nameWords(name);
      if (words.length >= 2) {
        const description = phrase.description;
        out.push({
          name,
          keys: nameKeys(name),
          definite: words.map(isDefinite),
          description,
          profile: new Set([
            ...profileOf(name),
            ...(description ? profileOf(description) : []),
            ...(phrase.apposition ? profileOf(phrase.apposition) : []),
            ...(before ? profileOf(before) : []),
          ]),
          sentence,
        });
      }
    }
    i = Math.max(i, lo + read.end - 1);
  }
  return out;
}

/** Heads that never end a name («بن», «بنت», «عبد»); not «أبي», which is also «آبي» (Abe). */
const DANGLING_HEADS: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت', 'عبد']);

/** A name cut right after «بن»/«عبد»/«أبو» loses that head: «جلوي بن عبدالعزيز بن» → «جلوي بن عبدالعزيز». */
function withoutDanglingHead(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && DANGLING_HEADS.has(normalizeArabic(words[words.length - 1]!))) words.pop();
  return words.join(' ');
}

/**
 * Where a name that starts at or after `from` ends in narration: after its family name
 * («استقبل الرئيس عبد الفتاح السيسي وفدا» ends at «السيسي»), or at the first word that is
 * no name word. A subject reader left to itself would take «وفدا» for more name.
 */
export function nameEnd(items: readonly SentenceItem[], from: number): number {
  let started = false;
  let plain = 0;
  for (let k = from; k < items.length && k < from + MAX_MENTION_WORDS; k++) {
    const w = items[k];
    if (!isWord(w)) return k;
    const prev = items[k - 1];
    if (!started) {
      started =
        isGivenName(w.norm) ||
        COMPOUND_NAME_HEADS.has(w.norm) ||
        (k === from && isNameWord(w.norm) && !isTitleWord(w.norm));
      continue;
    }
    if (COMPOUND_NAME_HEADS.has(w.norm)) continue; // «فهد بن ناصر»
    // «جلوي بن عبدالعزيز بن مساعد»: the word after «بن» is a father's name, whatever else it may mean.
    if (isWord(prev) && COMPOUND_NAME_HEADS.has(prev.norm) && !isDefinite(w.norm)) {
      plain++;
      continue;
    }
    if (isDefinite(w.norm)) {
      if (isWord(prev) && COMPOUND_NAME_HEADS.has(prev.norm)) continue; // «عبد الفتاح»
      if (isTitleWord(w.norm)) return k; // «… بن عبدالعزيز الرئيس العام»: a title after the name
      // «خالد محفوظ بحاح الشكر»: after three plain name words the name was whole; that is the object.
      return plain >= 2 ? k : k + 1;
    }
    if (!isNameWord(w.norm) || isTitleWord(w.norm)) return k;
    plain++;
  }
  return Math.min(items.length, from + MAX_MENTION_WORDS);
}

/** Longest title and name a mention reads, in words (a subject is at most 24). */
const MAX_MENTION_WORDS = 16;

/** «والرئيس»، «وللوزير» → «الرئيس»، «للوزير»: a leading و/ف is not part of the title. */
const withoutClitic = (norm: string): string => (/^[وف]/.test(norm) && norm.length > 4 ? norm.slice(1) : norm);

/**
 * A plain substring that any sentence naming `word` must contain: the word without clitics,
 * article, diacritics and its first letter (which may be written with or without hamza).
 * It lets a lookup skip, unparsed, the sentences that cannot hold the name.
 */
function needle(word: string): string {
  const bare = word.replace(/[\u064B-\u0652\u0640]/g, '').replace(/^[وف]?(?:ال|لل|بال)?/, '');
  return bare.length >= 3 ? bare.slice(1) : bare;
}

/** The named people of one article; build one per article. */
export class ArticleMentions {
  private readonly read = new Map<number, Mention[]>();
  private readonly byHint = new Map<string, Mention[]>();
  private count = -1;

  /**
   * `itemsOf(i)` gives `sentenceItems` of sentence `i`'s text: attribution has already read
   * most sentences so, and sharing its reading spares tokenizing them twice.
   */
  constructor(
    private readonly sentenceText: (i: number) => string | undefined,
    private readonly itemsOf: (i: number) => readonly SentenceItem[] = (i) => sentenceItems(sentenceText(i) ?? ''),
  ) {}

  /** The mentions of the sentences whose text contains `hint`, in sentence order. */
  private holding(hint: string): Mention[] {
    const known = this.byHint.get(hint);
    if (known) return known;
    if (this.count < 0) {
      this.count = 0;
      while (this.sentenceText(this.count) !== undefined) this.count++;
    }
    const out: Mention[] = [];
    for (let s = 0; s < this.count; s++) {
      const text = this.sentenceText(s)!;
      if (hint !== '' && !text.includes(hint)) continue;
      let found = this.read.get(s);
      if (!found) {
        found = sentenceMentions(text, s, this.itemsOf(s));
        this.read.set(s, found);
      }
      out.push(...found);
    }
    this.byHint.set(hint, out);
    return out;
  }

  /** Every mention of the article (for tests and tools). */
  all(): readonly Mention[] {
    return this.holding('');
  }

  /**
   * The person a lone family name («السيسي», «السنين») stands for: the one full name of the
   * article ending with that word (same phonetic key and same article, so «بوتين» never
   * finds «البابطين»), the nearest before `sentence` first. Null when none, or when two
   * different people share it («كيم جونغ أون» and «كيم يو جونغ» for «كيم»).
   */
  byFamilyName(surface: string, sentence: number): Mention | null {
    const words = nameWords(surface);
    // Only a word that can be a name is looked up («الحكومة»، «الدراسة» never are): most calls stop here.
    if (words.length !== 1 || !(isFamilyName(words[0]!) || isNameWord(words[0]!))) return null;
    const key = nameKeys(surface)[0]!;
    const definite = isDefinite(words[0]!);
    const candidates = this.holding(needle(surface));
    const found = candidates.filter(
      (m) => m.keys.at(-1) === key && m.definite.at(-1) === definite && !endsWithParent(m.keys),
    );
    if (found.length > 0 || definite) return pick(found, sentence, false);
    // «وقال نيل» after «نيل أروسميث», «وقال يونج» after «يونج هو سوب»: the one person whose name starts so.
    return pick(
      candidates.filter((m) => m.keys[0] === key && !m.definite[0]),
      sentence,
      false,
    );
  }

  /**
   * Does the article name anyone in full with this family name («خالد العمري»، «سعد العمري»
   * for «العمري»)? Then a lone «العمري» is theirs to resolve, or nobody's, never a new person.
   */
  hasFamilyName(surface: string): boolean {
    const key = nameKeys(surface)[0];
    if (key === undefined) return false;
    return this.holding(needle(surface)).some((m) => m.keys.at(-1) === key && m.keys.length > 1);
  }

  /**
   * The person a title stands for («الرئيس», «الوزير», «وزير الخارجية المصري», «الرئيس
   * السيسي»): the latest mention before `sentence` whose title and name hold every word.
   */
  byTitle(title: string, sentence: number, ignore: (w: string) => boolean): Mention | null {
    const words = profileOf(title).filter((w) => !ignore(w));
    if (words.length === 0) return null;
    const hint = needle(title.split(/\s+/).find((w) => !ignore(withoutArticle(w))) ?? '');
    const found = this.holding(hint).filter((m) => m.sentence <= sentence && words.every((w) => m.profile.has(w)));
    return pick(found, sentence, true);
  }
}

/** The fullest name of each distinct person among `found` («شياع السوداني» is «محمد شياع السوداني»). */
function people(found: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of [...found].sort((a, b) => b.keys.length - a.keys.length)) {
    if (!out.some((p) => isNamePart(m.keys, p.keys))) out.push(m);
  }
  return out;
}

const samePerson = (a: Mention, b: Mention): boolean => isNamePart(a.keys, b.keys) || isNamePart(b.keys, a.keys);

/**
 * The latest mention at or before `sentence` (else the first after) when all name the same
 * person. When several people fit, `latestWins` takes the one named last (a reader's focus
 * for «وقال الوزير»), else nobody (a family name two people share).
 */
function pick(found: readonly Mention[], sentence: number, latestWins: boolean): Mention | null {
  if (found.length === 0) return null;
  const distinct = people(found);
  if (distinct.length > 1) {
    if (!latestWins) return null;
    const before = found.filter((m) => m.sentence <= sentence);
    const latest = before.at(-1);
    // Several people fit: only the latest one named counts, and only when it is the only one of its sentence.
    if (!latest || before.some((m) => m.sentence === latest.sentence && !samePerson(m, latest))) return null;
    return people(found.filter((m) => samePerson(m, latest)))[0]!;
  }
  return distinct[0]!;
}
