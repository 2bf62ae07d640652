import type { SentenceItem } from './sentence-items.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import { CLAUSE_PARTICLES, COMPLEMENTIZERS, PREPOSITIONS, isDefinite, isNameWord } from './speaker-lexicon.js';
import { closesQuotedSubject, namesNext } from './subject-phrase.js';

/**
 * Tells a quotation from the other things news puts in quotation marks: outlet and agency
 * names («لموقع "سكاي نيوز عربية"»، «وكالة "يونهاب"»), lists of names («"فيزا"، و"كوكاكولا"»),
 * titles of books and songs («كتاب "…"»، «أغنية "…"»), nicknames
 * («جيمس "سبايدر" ماركس»), a speaker named in quotes («ورجحت "بلومبرغ"، أن»), and terms.
 *
 * Terms: a span of one or two words is a term or a scare quote («من "الوهم"»، «إلى "مستوى
 * جديد"»، «بـ"الاستفزاز"») unless it is what a speaker said — right after a reporting verb,
 * a colon, or أن/إن (وصفها بأنها "خدعة أخرى"). Listing «الوهم» as something Putin said
 * would show a quote that says nothing; three words and more are kept as quotes.
 */

/** What a quoted span is. Only 'quote' is a quotation. */
export type QuoteRole = 'quote' | 'name' | 'subject' | 'nickname' | 'term' | 'saying';

/** Nouns for a saying nobody in the article said: «المقولة الشهيرة:»، «المثل القائل»، «الحكمة». */
const SAYINGS = new Set(
  [
    'مقوله',
    'المقوله',
    'مقولة',
    'المثل',
    'مثل',
    'الحكمه',
    'حكمه',
    'المأثور',
    'المأثوره',
    'القائل',
    'القائله',
    'المقولات',
    'الأمثال',
    'الشعار',
  ].map((w) => normalizeArabic(w)),
);

/** «تذكرت المقولة: "ما يكتب في مصر …"»، «وكما يقول المثل الشعبي "…"»: a saying, not anyone's words. */
function afterSaying(items: readonly SentenceItem[], index: number): boolean {
  let k = index - 1;
  if (items[k]?.surface === ':') k--;
  for (let n = 0; n < 3 && k >= 0; n++, k--) {
    const it = items[k]!;
    if (it.kind !== 'word') return false;
    const bare = it.norm.replace(/^(?:[وف]?[بك]|[وف])/, '');
    if (bare === 'مثل' && n > 0) continue; // «دول مثل …» is "like"; only right before the quote is it a proverb
    if (SAYINGS.has(it.norm) || SAYINGS.has(bare)) return true;
  }
  return false;
}

/** Verbs of where something takes place: «الذي يقام في "…"»، «تعقد في "…"». */
const VENUE_VERBS = new Set(
  [
    'يقام',
    'تقام',
    'اقيم',
    'اقيمت',
    'يعقد',
    'تعقد',
    'عقد',
    'عقدت',
    'يقع',
    'تقع',
    'الواقع',
    'الواقعه',
    'الكائن',
    'الكائنه',
    'ينظم',
    'تنظم',
    'نظم',
    'نظمت',
    'يستضيف',
    'تستضيف',
    'افتتح',
    'افتتحت',
  ].map((w) => normalizeArabic(w)),
);
/** Words naming a place of business or a venue inside a quoted name: «بانوراما مول التجاري». */
const VENUE_WORDS = new Set(
  [
    'مول',
    'فندق',
    'قاعه',
    'مجمع',
    'برج',
    'سوق',
    'اسواق',
    'منتجع',
    'صاله',
    'بلازا',
    'سنتر',
    'ستي',
    'مركز',
    'جاليري',
    'ملعب',
    'حديقه',
    'مسرح',
    'ارض',
  ].map((w) => normalizeArabic(w)),
);

/**
 * A short quoted span that names a place, not anyone's words: after «يقام في»/«تعقد في»
 * (the verb before «في»), or after «في»/«إلى» when it holds a venue word («مول»، «فندق»).
 */
function namesPlace(items: readonly SentenceItem[], index: number): boolean {
  const prev = items[index - 1];
  if (prev?.kind !== 'word' || !['في', 'الي', 'بفندق', 'بمول'].includes(prev.norm)) return false;
  const verb = items[index - 2];
  if (verb?.kind === 'word' && VENUE_VERBS.has(verb.norm.replace(/^[وف]/, ''))) return true;
  const item = items[index] as Extract<SentenceItem, { kind: 'quote' }>;
  return item.span.text.split(/\s+/).some((w) => VENUE_WORDS.has(normalizeArabic(w).replace(/^ال/, '')));
}

/** Longest span (in words) that is a term unless a speaker is introduced right before it. */
export const MAX_TERM_WORDS = 2;
/** Longest span read as an institution's name when it opens with «مركز»، «وزارة» … */
export const MAX_NAME_WORDS = 6;
/** Longest span that can be a name standing as a verb's subject («ورجحت "بلومبرغ"»). */
export const MAX_QUOTED_SUBJECT_WORDS = 4;

/** Longest span read as one name of a list of quoted names. */
export const MAX_LISTED_WORDS = 3;

/** «"فيزا"، و"كوكاكولا" و"ماكدونالدز"»: a short span next to another one, joined by a comma or و. */
function inList(items: readonly SentenceItem[], index: number): boolean {
  const joiner = (it: SentenceItem | undefined): boolean =>
    it?.surface === '،' || it?.surface === ',' || (it?.kind === 'word' && it.norm === 'و');
  const shortQuote = (it: SentenceItem | undefined): boolean =>
    it?.kind === 'quote' && it.words > 0 && it.words <= MAX_LISTED_WORDS;
  const after =
    joiner(items[index + 1]) &&
    (shortQuote(items[index + 2]) || (joiner(items[index + 2]) && shortQuote(items[index + 3])));
  const before =
    joiner(items[index - 1]) &&
    (shortQuote(items[index - 2]) || (joiner(items[index - 2]) && shortQuote(items[index - 3])));
  return after || before;
}

/**
 * The role of the quote item at `index`. `isVerbAt(i)` says whether item i is a reporting
 * verb (a quoted span right after one is its subject or its words).
 */
export function quoteRole(items: readonly SentenceItem[], index: number, isVerbAt: (i: number) => boolean): QuoteRole {
  const item = items[index];
  if (item?.kind !== 'quote' || item.words === 0) return 'term';
  const prev = items[index - 1];
  const next = items[index + 1];
  const prevWord = prev?.kind === 'word' ? prev : null;
  // «وكالة "يونهاب"»، لـ"بلومبرغ"; not «إن الحكومة "قد وافقت …"», where a definite noun is the clause's subject.
  const naming = prevWord && namesNext(prevWord.norm) && !(isDefinite(prevWord.norm) && item.words > MAX_LISTED_WORDS);
  if (prevWord && (naming || /^لـ?$/.test(prevWord.surface))) return 'name';
  if (/^(?:https?:\/\/|www\.|[a-z0-9-]+\.[a-z.]{2,}(?:\/|\s|$))\S*|^\S+@\S+\.\S+$/i.test(item.span.text)) return 'name'; // a web or mail address
  if (/^\d/.test(item.span.text) && item.words <= MAX_QUOTED_SUBJECT_WORDS) return 'term'; // «32 و35 كيلو»: a figure
  if (item.words <= MAX_LISTED_WORDS && inList(items, index)) return 'name'; // «رعاة الفيفا: «فيزا»، و«كوكاكولا»»
  // «حل "اف سي ايه"»: a span of short letter names is a transliterated acronym, a company's name.
  if (item.words >= 3 && item.words <= 4 && item.span.text.split(/\s+/).every((w) => w.length <= 3 && !/\d/.test(w)))
    return 'name';
  if (item.words <= MAX_NAME_WORDS && namesPlace(items, index)) return 'name'; // «الذي يقام في "بانوراما مول"»
  if (afterSaying(items, index)) return 'saying';
  const afterVerb = prevWord !== null && isVerbAt(index - 1);
  const afterComplementizer = prevWord !== null && COMPLEMENTIZERS.has(prevWord.norm);
  const introduced = prev?.surface === ':' || afterVerb || afterComplementizer || prevWord?.norm === 'بالقول';
  // «المشرف العام على «مركز الملك سلمان للإغاثة»»: a short span that nothing introduces and
  // that opens with an institution noun (not «الحكومة …», which may well be a sentence) is a name.
  const firstWord = normalizeArabic(item.span.text.split(/\s+/)[0] ?? '');
  if (!introduced && item.words <= MAX_NAME_WORDS && !isDefinite(firstWord) && namesNext(firstWord)) return 'name';
  if (afterVerb && item.words <= MAX_QUOTED_SUBJECT_WORDS && closesQuotedSubject(next)) return 'subject';
  if (item.words > MAX_TERM_WORDS) return 'quote';
  if (prevWord && next?.kind === 'word' && isNameWord(prevWord.norm) && isNameWord(next.norm)) return 'nickname';
  if (!afterComplementizer) return introduced ? 'quote' : 'term';
  // After أن a short span is the speaker's words when it ends the clause («بأنها "خدعة أخرى"»,
  // «أنها "ستدفع الثمن" إذا …»), and a term when the clause goes on («إن «السجون» تسعى»).
  const clauseGoesOn =
    next?.kind === 'word' &&
    !PREPOSITIONS.has(next.norm) &&
    !CLAUSE_PARTICLES.has(next.norm) &&
    !/^(?:[لبوف]|اذا$|لان$|حتي$)/.test(next.norm);
  return clauseGoesOn ? 'term' : 'quote';
}
