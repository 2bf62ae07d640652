import type { QuoteItem, WordItem } from './sentence-items.js';
import { isGivenName } from './name-lexicon.js';
import {
  COMPOUND_NAME_HEADS,
  NAMING_NOUNS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACES_AND_OUTLETS,
  PREPOSITIONS,
  inLexicon,
  isDefinite,
  isFamilyName,
  isNameWord,
  isNisba,
  withoutArticle,
} from './speaker-lexicon.js';

/**
 * Where the name is in a speaker phrase. Arabic writes titles before names («وزير الدفاع كيم
 * يونغ هيون»), so the name is the run of name words ending the phrase; Arab family names
 * carry the article («عادل الجبير»، «عبد الرحمن الحازمي») and come last.
 */

/** A word of a subject phrase, or a nickname/name in quotes inside it. */
export type PhrasePart = WordItem | QuoteItem;

/**
 * Is this word part of a name, given the word before it and whether that one was? Name
 * words, plus a definite word after «عبد»/«أبو»/«بن» («عبد الله») or, when `family` allows,
 * a family name after a first name. Tanween («رداً») marks an adverb, never a name.
 */
export function inName(
  w: WordItem,
  before: PhrasePart | undefined,
  beforeInName: boolean,
  family: boolean,
  next?: PhrasePart,
): boolean {
  if (w.surface.includes('\u064B')) return false;
  if (isNameWord(w.norm)) return true;
  // «عبدالله بن مساعد»: the word after «بن» is a father's name, even one that is also a title («مساعد»).
  if (
    beforeInName &&
    before?.kind === 'word' &&
    FATHER_MARKERS.has(before.norm) &&
    !isDefinite(w.norm) &&
    /^\p{L}+$/u.test(w.norm)
  )
    return true;
  // «وقال باسم العيثان»: «باسم» opening the subject before a family name is the given name, not "in the name of".
  if (w.norm === 'باسم' && before === undefined && next?.kind === 'word' && isFamilyName(next.norm)) return true;
  // «نجم الدين»، «صلاح الدين»، «نصر الله»: a word and «الدين»/«الله» make one name.
  if (
    /^(?:الدين|الله)$/.test(w.norm) &&
    before?.kind === 'word' &&
    !isDefinite(before.norm) &&
    !PREPOSITIONS.has(before.norm)
  )
    return true;
  if (!beforeInName || before?.kind !== 'word' || !w.norm.startsWith('ال')) return false;
  if (COMPOUND_NAME_HEADS.has(before.norm)) return true;
  if (!family || before.norm.startsWith('ل')) return false;
  // «محمد شياع السوداني»: a nisba after a plain name word (not a place: «كوريا الجنوبية») is a family name.
  const nisbaFamily =
    isNisba(w.norm) &&
    w.norm.startsWith('ال') &&
    !w.norm.startsWith('لل') &&
    isNameWord(before.norm) &&
    !inLexicon(PLACES_AND_OUTLETS, before.norm);
  return isFamilyName(w.norm) || nisbaFamily;
}

/** Words after which the next word is a father's name: «بن»، «ابن»، «بنت». */
const FATHER_MARKERS: ReadonlySet<string> = new Set(['بن', 'بنت']);

/** A title word with at most the bare article: «العقيد»، «وزير» (not «بالرئيس»). */
export function isTitleWord(norm: string): boolean {
  return PERSON_TITLES.has(norm) || (norm.startsWith('ال') && PERSON_TITLES.has(norm.slice(2)));
}

/** Nouns a place name follows: «منطقة نجران»، «محافظة الطائف». */
const PLACE_NOUNS = new Set([
  'منطقه',
  'مدينه',
  'محافظه',
  'قريه',
  'اقليم',
  'ولايه',
  'بلده',
  'ناحيه',
  'قضاء',
  'حي',
  'دوله',
]);

/** Does the run at `start` open with a place (a genitive) followed by a given name, in a run of three words or more? */
function placeBeforeGivenName(seg: readonly PhrasePart[], start: number, words: number): boolean {
  const before = seg[start - 1];
  const first = seg[start];
  const second = seg[start + 1];
  if (words < 3 || before?.kind !== 'word' || first?.kind !== 'word' || second?.kind !== 'word') return false;
  if (isGivenName(first.norm) || COMPOUND_NAME_HEADS.has(first.norm)) return false;
  // «سيّاف بن عامر»: before «بن» the first word is the given name itself.
  if (!isGivenName(second.norm) && !/^عبد/.test(second.norm)) return false;
  const bare = before.norm.replace(/^[وبل]/, '');
  const placeNoun = PLACE_NOUNS.has(withoutArticle(before.norm)) || PLACE_NOUNS.has(bare);
  const title = !isDefinite(before.norm) && inLexicon(PERSON_TITLES, before.norm);
  return placeNoun || title;
}

const isPreposition = (p: PhrasePart | undefined): boolean => p?.kind === 'word' && PREPOSITIONS.has(p.norm);

/**
 * The name run of a segment, as [start, end) indexes: its trailing name words, family names
 * only at the end («بسوق القطيف محمد المحيشي» → «محمد المحيشي»). No run when the words sit in
 * a prepositional phrase («في موسكو», a lone «في شرطة نينوى»), are a genitive after a title
 * («مدرب ليفربول»), or start with the preposition ل after a description («الرئيس التنفيذي
 * لمانشستر سيتي»).
 */
export function nameRun(seg: readonly PhrasePart[]): [number, number] | null {
  let end = seg.length;
  while (end > 0 && seg[end - 1]!.kind === 'quote') end--; // a nickname never ends a name
  const flags: boolean[] = [];
  seg.forEach((p, k) => {
    const next = seg[k + 1];
    const din = next?.kind === 'word' && next.norm === 'الدين' && p.kind === 'word' && !isDefinite(p.norm); // «نجم الدين»
    flags.push(
      p.kind === 'quote' ? (flags[k - 1] ?? false) : din || inName(p, seg[k - 1], flags[k - 1] ?? false, true, next),
    );
  });
  let start = end;
  let plainSeen = false;
  for (let k = end - 1; k >= 0; k--) {
    const p = seg[k]!;
    if (p.kind === 'quote') continue;
    if (!flags[k]) break;
    const plain = isNameWord(p.norm);
    const before = seg[k - 1];
    const compound =
      !plain && before?.kind === 'word' && (COMPOUND_NAME_HEADS.has(before.norm) || /^(?:الدين|الله)$/.test(p.norm));
    if (!plain && !compound && plainSeen) break; // a family name comes last
    if (k < end - 1 && p.norm.endsWith('ات') && p.norm.length >= 5) break; // «اتهامات واشنطن»
    if (plain) plainSeen = true;
    start = k;
  }
  if (start >= end) return null;
  // «رئيس القسم العلمي في ناسا جون جرونسفيلد»: after a preposition, the first word of a long run is its object.
  const runWords = (): number => seg.slice(start, end).filter((p) => p.kind === 'word').length;
  if (
    isPreposition(seg[start - 1]) &&
    runWords() >= 3 &&
    seg[start]!.kind === 'word' &&
    !isGivenName((seg[start] as WordItem).norm)
  )
    start++;
  // «بمنطقة حائل محمد الطيار»، «وكيل محافظ شبوة ناصر محمد القميشي»: a place after a place noun or
  // an indefinite title is its genitive; the person's name starts at the given name after it.
  if (placeBeforeGivenName(seg, start, runWords())) start++;
  // «مرشد إيران علي خامنئي»: a place the lists know inside the run, then a given name: the name starts there.
  for (let k = start; k < end - 2; k++) {
    const p = seg[k]!;
    const n = seg[k + 1]!;
    if (p.kind === 'word' && n.kind === 'word' && inLexicon(PLACES_AND_OUTLETS, p.norm) && isGivenName(n.norm))
      start = k + 1;
  }
  while (start < end && seg[start]!.kind === 'quote') start++;
  if (start >= end) return null;
  const first = seg[start] as WordItem;
  const words = runWords();
  if (isPreposition(seg[start - 1])) return null;
  if (words === 1 && seg.slice(0, start).some(isPreposition)) return null;
  const head = seg[0];
  if (
    words === 1 &&
    start === 1 &&
    head?.kind === 'word' &&
    !isDefinite(head.norm) &&
    inLexicon(PERSON_TITLES, head.norm)
  )
    return null;
  if (start > 0 && first.norm.startsWith('ل')) return null;
  // «كبير الصيادين بفرضة القطيف»: ب and a noun with a definite genitive is a place, not a name.
  const second = seg[start + 1];
  if (
    start > 0 &&
    first.norm.startsWith('ب') &&
    !isGivenName(first.norm) &&
    second?.kind === 'word' &&
    isDefinite(second.norm)
  )
    return null;
  const before = seg[start - 1];
  if (words === 1 && before?.kind === 'word' && PLACE_NOUNS.has(withoutArticle(before.norm))) return null; // «أمير منطقة نجران»
  // «مستشار محافظ أسيوط»، «الناطق باسم مستشفى سوروكا»: one word after an indefinite title or an
  // institution noun is its genitive (a place, a body), not a person's name.
  if (
    words === 1 &&
    before?.kind === 'word' &&
    !isDefinite(before.norm) &&
    (inLexicon(PERSON_TITLES, before.norm) ||
      inLexicon(NAMING_NOUNS, before.norm) ||
      inLexicon(ORGANIZATION_HEADS, before.norm))
  )
    return null;
  // «لمركز الملك سلمان للإغاثة»، «جامعة الملك سعود»: a name inside an institution's name.
  const title = seg[start - 1];
  const institution = seg[start - 2];
  // (A definite noun takes no genitive: «المتحدث الرسمي للهيئة الشيخ فهد العمري» is a description and a name.)
  if (
    title?.kind === 'word' &&
    isTitleWord(title.norm) &&
    institution?.kind === 'word' &&
    !isDefinite(institution.norm) &&
    (inLexicon(ORGANIZATION_HEADS, institution.norm) ||
      inLexicon(NAMING_NOUNS, institution.norm) ||
      (/^[لب]/.test(institution.norm) &&
        (inLexicon(ORGANIZATION_HEADS, institution.norm.slice(1)) ||
          inLexicon(NAMING_NOUNS, institution.norm.slice(1)))))
  ) {
    return null;
  }
  return [start, end];
}
