import { normalizeArabic } from '../text/normalize-arabic.js';
import { classifySubject, remitOfBody, type SubjectPhrase } from './classify-subject.js';
import { inName, isTitleWord, type PhrasePart } from './name-run.js';
import { MANNER_ADVERBS } from './name-lexicon.js';
import { attributionCue, type AttributionCue } from './reporting-verbs.js';
import { isWord, type SentenceItem, type WordItem } from './sentence-items.js';
import {
  ANONYMOUS_HEADS,
  CLAUSE_PARTICLES,
  COMPLEMENTIZERS,
  COMPOUND_NAME_HEADS,
  HONORIFIC_PRONOUNS,
  NAMING_NOUNS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACES_AND_OUTLETS,
  PREPOSITIONS,
  PRONOUN_PARTICLES,
  RECIPIENTS,
  RELATIVES,
  SPEECH_EVENTS,
  SUBJECT_ENDERS,
  inLexicon,
  isAdjective,
  isCommonWord,
  isDefinite,
  isFamilyName,
  isFormTwoVerbalNoun,
  isNameWord,
  isNisba,
} from './speaker-lexicon.js';
import { isGivenName } from './name-lexicon.js';

export type { SubjectPhrase } from './classify-subject.js';

/**
 * Reads the subject of a reporting verb: «الخبير الدفاعي في موسكو، العقيد إيغور كوروتشينكو»
 * is the name «إيغور كوروتشينكو» with the description «الخبير الدفاعي في موسكو، العقيد».
 * Titles come before a name and the name ends the subject; past that, the phrase ends where
 * Arabic news ends it: at أن/إن, a colon, a quote, a time word, the audience («للتلفزيون»،
 * «لموقع»), the occasion («في تصريحات»).
 */

/** What `readSubjectAfter` read. */
export interface SubjectRead {
  /** The subject, or null when there is none or it is not recognizable. */
  readonly phrase: SubjectPhrase | null;
  /** The first item not read. */
  readonly end: number;
  /** How many words were read (a subject that was there but not recognized still counts). */
  readonly words: number;
  /** Quote items read as part of the subject (names, nicknames): never quotations. */
  readonly quotes: readonly number[];
}

/** What «رفض»، «نفى» take after their subject: «ورفض المسؤول الحديث عن …». */
const SPEECH_OBJECTS: ReadonlySet<string> = new Set(
  ['الحديث', 'التعليق', 'الكشف', 'الافصاح', 'الادلاء', 'الرد', 'الاجابه', 'الخوض'].map((w) => normalizeArabic(w)),
);

/** Nouns of speech a marker puts before the speaker: «بحسب تعبير …»، «على حد قول …». */
const SPEECH_NOUNS_BEFORE_NAMES: ReadonlySet<string> = new Set(['تعبير', 'قول', 'وصف']);

/** Longest subject read after a verb, in words: past it, it is not a subject any more. */
const MAX_SUBJECT_WORDS = 24;

const isPlace = (norm: string): boolean => inLexicon(PLACES_AND_OUTLETS, norm);
const pronoun = (name: string): SubjectPhrase => ({
  kind: 'pronoun',
  name,
  description: null,
  plural: false,
  feminine: null,
});

/** Does the item after a short quoted span right after a verb end a subject («ورجحت "بلومبرغ"، أن»،
 * «أعلنت «شل» عن»)? Then the span names the speaker. */
export function closesQuotedSubject(next: SentenceItem | undefined): boolean {
  if (!next || next.kind === 'quote') return !next;
  if (next.kind === 'punct') return ['،', ',', ':', '.'].includes(next.surface);
  return COMPLEMENTIZERS.has(next.norm) || PREPOSITIONS.has(next.norm) || SUBJECT_ENDERS.has(next.norm);
}

/** «وكالة "يونهاب"»، «لموقع "سكاي نيوز عربية"»: a noun that names what the quoted words are. */
export function namesNext(norm: string): boolean {
  const naming = (w: string): boolean => inLexicon(NAMING_NOUNS, w) || inLexicon(ORGANIZATION_HEADS, w);
  return naming(norm) || (/^[لب]/.test(norm) && norm.length > 3 && naming(norm.slice(1)));
}

function isDescriptionHead(norm: string): boolean {
  return inLexicon(PERSON_TITLES, norm) || inLexicon(ANONYMOUS_HEADS, norm) || norm === 'وهو' || norm === 'وهي';
}

function endsSubject(
  items: readonly SentenceItem[],
  i: number,
  nameSeen: boolean,
  post: boolean,
  atStart = false,
): boolean {
  const w = items[i];
  if (!isWord(w)) return true;
  const norm = w.norm;
  const next = items[i + 1];
  // «ويضيف فان دن بيرج»: right after the verb «فان» opens a name, not the clause «فإن».
  const vanName = atStart && norm === 'فان' && w.surface === 'فان' && isWord(next) && !COMPLEMENTIZERS.has(next.norm);
  // «مدير الأمن العام اللواء …»: after a definite genitive «العام» is "general", not "the year".
  const general =
    (norm === 'العام' || norm === 'العامه') && isWord(items[i - 1]) && isDefinite((items[i - 1] as WordItem).norm);
  // «وأضاف د. التويجري مناشداً الآباء»: a word with tanween fath is a circumstance or an object, never the subject.
  if (w.surface.includes('\u064B')) return true;
  if (
    (COMPLEMENTIZERS.has(norm) && !vanName) ||
    (SUBJECT_ENDERS.has(norm) && !general) ||
    MANNER_ADVERBS.has(norm) ||
    /^\d/.test(norm)
  )
    return true;
  const cue = attributionCue(norm);
  if (cue) return true; // «وأضاف المصدر - حسب الوكالة - أن»: a marker ends the subject too
  // «وأضاف في كل مراحل التاريخ …»: a verb followed by «في» has no subject there.
  if (norm === 'في') return atStart || (isWord(next) && SPEECH_EVENTS.has(next.norm)) || (nameSeen && !post);
  if (norm === 'من') return isWord(next) && COMPLEMENTIZERS.has(next.norm);
  if (w.surface.startsWith('لـ')) return true;
  if (norm.startsWith('لل')) return RECIPIENTS.has(norm.slice(2)) || (nameSeen && !post);
  // «لو رفض تمديد عقده»: a verbal noun right after the verb is its object; there is no subject.
  // (Not a body or a report: «أعلن تنظيم داعش»، «وذكر تقرير صادر عن …».)
  if (atStart && isFormTwoVerbalNoun(norm) && !inLexicon(ORGANIZATION_HEADS, norm) && !inLexicon(NAMING_NOUNS, norm))
    return true;
  if (!norm.startsWith('ل')) return false;
  if (RECIPIENTS.has(norm.slice(1)) || PLACES_AND_OUTLETS.has(norm.slice(1))) return true; // «لموقع»، «لفرانس برس»
  // «وقال لشباب الوطن:»: ل and a noun with its genitive is whom it was said to.
  return atStart && isWord(next) && next.norm.startsWith('ال') && !isCommonWord(next.norm) && !isNisba(next.norm);
}

/**
 * Reads the subject right after a verb (or a marker) at `from`. `cue` is the verb: after a
 * verb that may take an object, a definite word ends the subject rather than adding a
 * family name («رفض بوتين التعليق»).
 */
export function readSubjectAfter(
  text: string,
  items: readonly SentenceItem[],
  from: number,
  cue: AttributionCue | null = null,
): SubjectRead {
  const segs: PhrasePart[][] = [[]];
  const quotes: number[] = [];
  let postFrom = Number.POSITIVE_INFINITY;
  let nameSeen = false; // a person's name (not a place in a description) has been read
  let runActive = false; // the last word read belongs to a name
  let runAtStart = false; // that name opened its segment
  let runFrom = 0; // where it starts in the segment
  let count = 0;
  let coordinated = false;
  let trailingTitle = -1;
  let i = from;
  const first = items[from];
  if (isWord(first) && HONORIFIC_PRONOUNS.has(first.norm))
    return { phrase: pronoun(first.surface), end: from + 1, words: 1, quotes }; // «وأضاف فضيلته»
  for (; i < items.length && count < MAX_SUBJECT_WORDS; i++) {
    const it = items[i]!;
    const seg = segs[segs.length - 1]!;
    const post = segs.length - 1 >= postFrom;
    const prev = items[i - 1];
    const next = items[i + 1];
    if (it.kind === 'quote') {
      if (count === 0 && it.words > 0 && it.words <= 4 && closesQuotedSubject(next)) {
        // «ورجحت "بلومبرغ"، أن …»: the quoted words name the speaker (a person when they read as
        // an Arab full name: «وقال "علي بن عبدالله آل سحيم"»).
        const person = it.span.text.split(/\s+/).some((w) => COMPOUND_NAME_HEADS.has(normalizeArabic(w)));
        const phrase: SubjectPhrase = {
          kind: person ? 'named' : 'organization',
          name: it.span.text,
          description: null,
          plural: false,
          feminine: null,
        };
        return { phrase, end: i + 1, words: it.words, quotes: [i] };
      }
      const nickname = runActive && it.words <= 2 && isWord(next) && isNameWord(next.norm);
      // «المحلل في "بي في إم أويل"»، «مدير الصحيفة الأسبوعية «9 داي»، النائب …»: names inside a description.
      const named =
        it.words <= 4 &&
        ((isWord(prev) && namesNext(prev.norm)) ||
          post ||
          (!nameSeen && count > 0 && it.words <= 3 && next?.surface === '،'));
      if (!nickname && !named) break;
      seg.push(it);
      quotes.push(i);
      continue;
    }
    if (it.kind === 'punct') {
      if ((it.surface !== '،' && it.surface !== ',') || !isWord(next) || segs.length >= 4) break;
      if (endsSubject(items, i + 1, nameSeen, false)) break;
      if (nameSeen && !isDescriptionHead(next.norm)) break;
      if (nameSeen && postFrom === Number.POSITIVE_INFINITY) postFrom = segs.length;
      segs.push([]);
      runActive = false;
      continue;
    }
    const head = seg[0];
    const prevWord = seg[seg.length - 1];
    // «مركز الملك عبدالله للدراسات»: a body's remit is more of its name, not whom it spoke to.
    if (
      !post &&
      seg.length >= 2 &&
      head?.kind === 'word' &&
      prevWord?.kind === 'word' &&
      remitOfBody(head.norm, prevWord.norm, it.norm)
    ) {
      seg.push(it);
      count++;
      runActive = false;
      continue;
    }
    // «بحسب تعبير بروس ريديل»: the word for what was said stands before the speaker; it is not him.
    if (count === 0 && seg.length === 0 && SPEECH_NOUNS_BEFORE_NAMES.has(it.norm) && isWord(next)) continue;
    if (endsSubject(items, i, nameSeen, post, count === 0)) break;
    if (post && seg.length === 0 && (it.norm === 'وهو' || it.norm === 'وهي')) continue;
    const last: PhrasePart | undefined = seg[seg.length - 1];
    // After a name, a word in ة or with a pronoun («أكد محلب أهمية …») is what was said, not more name.
    // «عبد الحميد الدبيبة إن»: a definite word in ة ending the subject is a family name, not an object.
    const familyInH = isDefinite(it.norm) && isFamilyName(it.norm) && endsClause(next);
    // After «قال» (no object) «عادل باناعمة» is a name; after «أكد محلب أهمية …» the object.
    const object: boolean =
      runActive &&
      cue?.takesObject !== false &&
      /ه$/.test(it.norm) &&
      !/(?:الله|اه|زاده)$/.test(it.norm) &&
      it.norm.length >= 4 &&
      !(last?.kind === 'word' && COMPOUND_NAME_HEADS.has(last.norm)) &&
      !familyInH;
    // «رفض عادل الجبير التعليق»: after a verb that takes an object, a definite word after a first
    // name is still the family name when the object comes after it (or it is a nisba family name).
    const family = !cue?.takesObject || familyBeforeObject(it, next);
    // «وقال عادل الجبير ولافروف»: a second name joined by و is a second speaker.
    if (!post && runActive && nameSeen && isCoordinatedName(it)) {
      coordinated = true;
      break;
    }
    // «ماركوس بيكيدال مشغل الموقع»: an indefinite noun with a genitive after a name starts a description.
    if (!post && runActive && seg.length - runFrom >= 2 && describesAfterName(it, next)) break;
    // «مدير التراخيص بفرع الهيئة مجدي يونس»: ب and a noun before its definite genitive is where he works.
    const placeOfWork: boolean =
      !runActive &&
      seg.length > 0 &&
      /^ب/.test(it.norm) &&
      !isGivenName(it.norm) &&
      isWord(next) &&
      isDefinite(next.norm);
    // «ويوضح صالح أمرا إيجابيا»: after a name, a noun and adjective in the accusative are the object.
    const accusative = runActive && (isAccusativePair(it, next) || isCircumstance(it));
    // «ونفى المسؤول صحة الشائعات»، «ورفض المسؤول الحديث عن»: after a definite title, a noun in ة or a
    // noun of speech is what the verb takes, not a name.
    const titleLast =
      last?.kind === 'word' &&
      isDefinite(last.norm) &&
      (isTitleWord(last.norm) || inLexicon(ANONYMOUS_HEADS, last.norm.replace(/^ال/, '')));
    const takenObject = (it.surface.endsWith('ة') && !isDefinite(it.norm)) || SPEECH_OBJECTS.has(it.norm);
    if (!post && !runActive && titleLast && cue?.takesObject && takenObject && !isGivenName(it.norm)) break;
    if (!post && runActive && accusative) break;
    const nameWord: boolean =
      !object &&
      !placeOfWork &&
      (inName(it, last, runActive, family, isWord(next) ? next : undefined) || beforeDin(it, next));
    if (!post && runActive && !nameWord) {
      // «كوريا الجنوبية»; «حلف شمال الأطلسي»: a nisba after a place, or inside an organization's name.
      const orgHead = seg[0]?.kind === 'word' && !isDefinite(seg[0].norm) && inLexicon(ORGANIZATION_HEADS, seg[0].norm);
      const placeAdjective = isNisba(it.norm) && last?.kind === 'word' && (isPlace(last.norm) || orgHead);
      // «مدير سجون حائل اللواء عبد الرحمن الحازمي»: the words before the title were a description.
      // «ومدير مدارس الرياض السابق الدكتور …»: an adjective and a title go on with the description.
      // (Not after a whole name: «الأمير عبدالله بن مساعد بن عبدالعزيز الرئيس العام» ends at the name.)
      const title =
        !runAtStart &&
        !seg
          .slice(runFrom)
          .some((p) => p.kind === 'word' && (isGivenName(p.norm) || COMPOUND_NAME_HEADS.has(p.norm))) &&
        it.norm.startsWith('ال') &&
        (isTitleWord(it.norm) || (isAdjective(it.norm) && isWord(next) && isTitleWord(next.norm)));
      // «رئيس قسم الاستشارات …»: one word after an indefinite title was its genitive, not a name.
      const runWords = seg.length - runFrom;
      const titleHead = seg[runFrom - 1];
      const genitive =
        runWords === 1 && titleHead?.kind === 'word' && !isDefinite(titleHead.norm) && isTitleWord(titleHead.norm);
      if (!placeAdjective && !title && !genitive) {
        // «أمبر رود وزيرة الطاقة»: a title with its genitive right after the name describes the person.
        // «نبيه بري ورئيس الحكومة …» joins another person: never a title of his.
        if (isTitleWord(it.norm) && isWord(next) && !endsSubject(items, i + 1, true, true)) trailingTitle = i;
        break; // the name ended the subject
      }
    }
    if (!post && nameWord && !runActive) {
      runAtStart = seg.length === 0;
      runFrom = seg.length;
      const incidental = isPlace(it.norm) || (last?.kind === 'word' && PREPOSITIONS.has(last.norm));
      if (!incidental) nameSeen = true;
    }
    if (!post) runActive = nameWord || (runActive && isNisba(it.norm));
    seg.push(it);
    count++;
  }
  while (segs.length > 1 && segs[segs.length - 1]!.length === 0) segs.pop();
  let phrase = classifySubject(text, segs, postFrom);
  if (phrase?.kind === 'named' && trailingTitle >= 0) {
    const title = titleAfter(text, items, trailingTitle);
    phrase = phrase.description ? { ...phrase, apposition: title } : { ...phrase, description: title };
  }
  if (phrase && coordinated) {
    const second = readSubjectAfter(text, withoutConjunction(items, i), i, cue);
    if (second.phrase?.kind === 'named' && phrase.kind === 'named') {
      const joined = `${phrase.name} و${second.phrase.name}`; // «علي أكبر ولايتي» if «لايتي» is nobody
      return {
        phrase: { ...phrase, plural: true, also: [second.phrase], joined },
        end: second.end,
        words: count + second.words,
        quotes: [...quotes, ...second.quotes],
      };
    }
    return { phrase: null, end: second.end, words: count + second.words, quotes };
  }
  return { phrase, end: i, words: count, quotes };
}

/** «وزيرة الطاقة وتغير المناخ»: the title after a name, to the first word that ends a subject (at most 6 words). */
function titleAfter(text: string, items: readonly SentenceItem[], from: number): string {
  let end = from;
  for (let k = from + 1; k < items.length && k < from + 6; k++) {
    const w = items[k];
    if (!isWord(w) || endsSubject(items, k, true, true)) break;
    end = k;
  }
  return text.slice(items[from]!.start, items[end]!.end);
}

/** «أمرا إيجابيا»: two indefinite words in ا (the accusative written without its tanween). */
function isAccusativePair(w: WordItem, next: SentenceItem | undefined): boolean {
  const acc = (n: string): boolean => n.length >= 4 && n.endsWith('ا') && !isDefinite(n) && !isGivenName(n);
  return isWord(next) && acc(w.norm) && acc(next.norm) && /يا$/.test(next.norm);
}

/** «باراك أوباما مروجا لاتفاقه»، «مؤكدا»: a participle in the accusative after a name says how, it is no name. */
function isCircumstance(w: WordItem): boolean {
  // On the written form: «مؤكدا» (hamza) is a participle, «مورلا» (a long vowel after م) a name.
  const bare = w.surface.replace(/[\u064B-\u0652\u0640]/g, '');
  return /^م[^اويى].{2,}ا$/.test(bare) && !isGivenName(w.norm) && !w.norm.endsWith('يا');
}

/** «نجم الدين»: a word before «الدين» is a name, even a title word («نجم»). */
const beforeDin = (w: WordItem, next: SentenceItem | undefined): boolean =>
  isWord(next) && next.norm === 'الدين' && !isDefinite(w.norm) && !PREPOSITIONS.has(w.norm);

/** The items with the conjunction و taken off the word at `i`: «ولافروف» → «لافروف». */
function withoutConjunction(items: readonly SentenceItem[], i: number): SentenceItem[] {
  const w = items[i];
  if (!isWord(w)) return [...items];
  const copy = [...items];
  copy[i] = { ...w, surface: w.surface.slice(1), norm: w.norm.slice(1), start: w.start + 1 };
  return copy;
}

/** «ولافروف»، «وجون كيري»: و and a name is a second speaker («وليد»، «واتسون» are names of their own). */
function isCoordinatedName(w: WordItem): boolean {
  if (!w.norm.startsWith('و') || w.norm.length < 4 || isGivenName(w.norm)) return false;
  const bare = w.norm.slice(1);
  if (isGivenName(bare)) return true;
  // «واتسون»، «ويلسون»، «وود»: a name may itself open with و and a long vowel.
  return !/^[اوي]/.test(w.surface.slice(1)) && isNameWord(bare) && !isCommonWord(w.norm);
}

/**
 * «ماركوس بيكيدال مشغل الموقع»: after two name words, an agent noun followed by a definite
 * genitive that is no family name is a description of the person, not more name.
 */
function describesAfterName(w: WordItem, next: SentenceItem | undefined): boolean {
  if (isGivenName(w.norm) || COMPOUND_NAME_HEADS.has(w.norm) || !isWord(next)) return false;
  const agentNoun = /^(?:م[^ا]..|.ا..)$/.test(w.norm); // مُفعِّل، فاعِل: «مشغل»، «حارس»
  return agentNoun && /^ال../.test(next.norm) && !isFamilyName(next.norm) && !isNisba(next.norm);
}

/** Does the subject end right here: a colon, a comma, a quote, أن/إن, or the end? */
function endsClause(next: SentenceItem | undefined): boolean {
  return (
    !next ||
    next.kind === 'quote' ||
    (next.kind === 'punct' && next.surface !== '(') ||
    (isWord(next) && COMPLEMENTIZERS.has(next.norm))
  );
}

/** After «رفض عادل» a definite word is his family name when it ends in ي («الدوسري») or the
 * object follows it («الجبير التعليق»، «الجبير:»; not «وصف أوباما الخيار بأنه»), and it is no feminine noun. */
function familyBeforeObject(w: WordItem, next: SentenceItem | undefined): boolean {
  if (!isFamilyName(w.norm)) return false;
  if (w.surface.endsWith('ة')) return endsClause(next); // «وأكد عبد الحميد الدبيبة أن»
  if (w.norm.endsWith('ي')) return true;
  if (!isWord(next)) return true;
  return isDefinite(next.norm) && !isNisba(next.norm) && !isAdjective(next.norm);
}

/**
 * Reads a subject standing before its verb: «لكن جون إيفيرارد، الذي شغل …، قال»،
 * «واشنطن التي حذرت». Only a clear subject counts (a two-word name, an organization, or
 * one `isKnown` recognizes), since a noun before a verb is as often an object.
 */
export function readSubjectBefore(
  text: string,
  items: readonly SentenceItem[],
  verb: number,
  isKnown: (phrase: SubjectPhrase) => boolean,
): SubjectPhrase | null {
  let end = verb - 1;
  const prev = items[end];
  if (isWord(prev) && (PRONOUN_PARTICLES.has(prev.norm) || HONORIFIC_PRONOUNS.has(prev.norm)))
    return pronoun(prev.surface);
  const relative = isWord(prev) && RELATIVES.has(prev.norm);
  if (relative || prev?.surface === '،' || prev?.surface === ',' || (isWord(prev) && prev.norm === 'قد')) end--;
  const runStart = (e: number): number => {
    let s = e;
    while (s > 0 && isWord(items[s - 1])) s--;
    return s;
  };
  if (!isWord(items[end])) return null;
  let start = runStart(end);
  for (let skips = 0; !relative && skips < 2; skips++) {
    const head = items[start];
    if (!isWord(head) || (!RELATIVES.has(head.norm) && head.norm !== 'وهو' && head.norm !== 'وهي')) break;
    end = start - 2; // skip «، الذي شغل منصب …،»
    if (items[start - 1]?.kind !== 'punct' || !isWord(items[end])) return null;
    start = runStart(end);
  }
  let words = items.slice(start, end + 1).filter(isWord);
  const lastParticle = words.findLastIndex((w) => CLAUSE_PARTICLES.has(w.norm));
  if (lastParticle >= 0) words = words.slice(lastParticle + 1);
  if (words.some((w) => COMPLEMENTIZERS.has(w.norm) || attributionCue(w.norm))) words = [];
  // «… اتهامات واشنطن التي حذرت»: the antecedent is the longest clear phrase ending there.
  const shortest = relative ? 1 : words.length;
  for (let n = Math.min(words.length, relative ? 4 : 8); n >= shortest && n > 0; n--) {
    const phrase = classifySubject(text, [words.slice(-n)], 1);
    if (!phrase) continue;
    if (phrase.kind === 'organization' || isKnown(phrase)) return phrase;
    if (phrase.kind === 'named' && phrase.name.split(' ').length >= 2) return phrase;
  }
  return null;
}
