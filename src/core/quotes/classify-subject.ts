import { nameRun, type PhrasePart } from './name-run.js';
import { isWord, type WordItem } from './sentence-items.js';
import { isGivenName } from './name-lexicon.js';
import {
  ANONYMOUS_HEADS,
  ORGANIZATION_HEADS,
  ORGANIZATION_TAILS,
  PERSON_TITLES,
  PLACES_AND_OUTLETS,
  PLURAL_HEADS,
  RECIPIENTS,
  inLexicon,
  isAdjective,
  isCommonWord,
  isDefinite,
  isNameWord,
  isNisba,
} from './speaker-lexicon.js';

/**
 * Turns the words read as a verb's subject into what they name: a person with a description
 * («الخبير الدفاعي في موسكو، العقيد» + «إيغور كوروتشينكو»), an organization («الكرملين»،
 * «وكالة الأنباء الكورية الشمالية»، «واشنطن»), an anonymous source («مسؤول حكومي في كوريا
 * الجنوبية»), or a bare title standing for someone named earlier («الرئيس الأوكراني»).
 */

/** What a subject phrase names. 'title' is a description standing for someone named earlier
 * («الرئيس الأوكراني»، «المسؤول»); 'pronoun' is «لكنها …», «فضيلته». */
export interface SubjectPhrase {
  readonly kind: 'named' | 'organization' | 'anonymous' | 'title' | 'pronoun';
  /** The name without titles (named), else the whole phrase. */
  readonly name: string;
  readonly description: string | null;
  readonly plural: boolean;
  /** True when the head noun is feminine («الخبيرة»), null when it does not say. */
  readonly feminine: boolean | null;
  /** Further speakers joined by و («عادل الجبير ولافروف»): each said the quote. */
  readonly also?: readonly SubjectPhrase[];
  /** With `also`: the words read as one name instead, for when the second is no known name. */
  readonly joined?: string;
  /**
   * A named person's apposition when `description` already holds the words before the name
   * («الشيخ محمد بن زايد آل نهيان، ولي عهد أبوظبي»): not shown, but a later «وقال ولي عهد
   * أبوظبي» is known to be him.
   */
  readonly apposition?: string;
  /** The reader is sure the words are a person's name («وقال المطيري إن»): no further check. */
  readonly certain?: boolean;
}

/** Indefinite heads that make a phrase anonymous unless a genitive follows: «مسؤول أميركي»،
 * «خبير أميركي يتابع …» (a verb, not a name), but «وزير الدفاع كيم …». */
const ANONYMOUS_CAPABLE = new Set([
  ...ANONYMOUS_HEADS,
  'خبير',
  'خبيره',
  'محلل',
  'محلله',
  'باحث',
  'باحثه',
  'ناشط',
  'ناشطه',
  'ضابط',
]);

/** Ranks that are common nouns too («الفريق» the team): titles only when a name follows. */
const RANKS_BEFORE_NAMES: ReadonlySet<string> = new Set(['فريق']);

/** «نفس المصدر»، «ذات المسؤول»: the same one as before. */
const SAME = new Set(['نفس', 'ذات']);

const isPlace = (norm: string): boolean => inLexicon(PLACES_AND_OUTLETS, norm);

/** The surface text of phrase parts, quoted names without their marks: «وكالة يونهاب». */
function joinParts(parts: readonly PhrasePart[]): string {
  return parts.map((p) => (p.kind === 'word' ? p.surface : p.span.text)).join(' ');
}

/** How far an organization's name runs: «وكالة الأنباء الكورية الشمالية», «الكرملين» (not «الكرملين التعليق»). */
export function organizationName(parts: readonly PhrasePart[]): string {
  const head = parts[0] as WordItem;
  const properHead = !isDefinite(head.norm) && inLexicon(ORGANIZATION_HEADS, head.norm);
  let k = properHead && parts.length > 1 ? 2 : 1; // «وزارة الخارجية»، «وكالة رويترز»
  while (k < parts.length) {
    const p = parts[k]!;
    const next = parts[k + 1];
    const prev = parts[k - 1]!;
    if (p.kind === 'quote' || isNisba(p.norm) || ORGANIZATION_TAILS.has(p.norm) || isPlace(p.norm)) k++;
    // «مكتب رئيس الوزراء»، «وزارة الشؤون الخارجية»: a title or «شؤون» takes its genitive along.
    else if (prev.kind === 'word' && k > 1 && GENITIVE_TAKERS(prev.norm) && isDefinite(p.norm) && !isAdjective(p.norm))
      k++;
    // «الرئاسة العامة لرعاية الشباب»، «الهيئة العامة للسياحة»: after «العامة» the body's remit.
    else if (
      prev.kind === 'word' &&
      ORGANIZATION_TAILS.has(prev.norm) &&
      /^ل/.test(p.norm) &&
      p.norm.length > 4 &&
      !RECIPIENTS.has(p.norm.replace(/^لل?/, ''))
    ) {
      k += !p.norm.startsWith('لل') && next?.kind === 'word' && isDefinite(next.norm) ? 2 : 1;
    } else if (
      properHead &&
      isNameWord(p.norm) &&
      !(prev.kind === 'word' && isDefinite(prev.norm) && !isTitleWordNorm(prev.norm))
    )
      k++; // «مركز الملك فيصل»; not «بيان لوزارة الداخلية تلقت»
    else if (p.norm === 'في' && next?.kind === 'word' && isPlace(next.norm)) k += 2;
    // «وكالة الطاقة الذرية الدولية»، «للطيران المدني»: a relational adjective the nisba list does not know.
    else if (k >= 2 && relationalAdjective(p.norm)) k++;
    // «مركز الملك عبدالله للدراسات»، «الاتحاد الأوروبي لكرة القدم»: the body's remit after its name.
    else if (
      k >= 2 &&
      prev.kind === 'word' &&
      REMIT_HEADS.has(withoutArticleNorm(head.norm)) &&
      namesBody(prev.norm) &&
      isRemit(p.norm)
    ) {
      k += !p.norm.startsWith('لل') && next?.kind === 'word' && isDefinite(next.norm) ? 2 : 1;
    } else break;
  }
  return joinParts(parts.slice(0, k));
}

/** Fewest letters of a definite relational adjective inside a body's name («الذرية»): the article and three. */
const MIN_RELATIONAL_LETTERS = 6;

/**
 * «الذرية»، «المدني»، «الطبية»: a definite adjective in ي/ية continues an organization's name
 * (the nisba list holds only places and a few fields). Not «العامة» (a tail) or a common word.
 */
function relationalAdjective(norm: string): boolean {
  return (
    isDefinite(norm) &&
    !norm.startsWith('لل') &&
    norm.length >= MIN_RELATIONAL_LETTERS &&
    /(?:ي|يه)$/.test(norm) &&
    !isCommonWord(norm) &&
    !ORGANIZATION_TAILS.has(norm)
  );
}

/** Does this word end a body's name so far, so that «ل» + a noun after it is its remit? */
const namesBody = (norm: string): boolean =>
  isNisba(norm) || relationalAdjective(norm) || ORGANIZATION_TAILS.has(norm) || isNameWord(norm);

/** «للدراسات»، «لكرة»: a remit after a body's name; not an audience («للصحفيين»، «للتلفزيون»). */
function isRemit(norm: string): boolean {
  if (!/^ل/.test(norm) || norm.length <= 4 || /(?:ين|ون)$/.test(norm)) return false;
  return !RECIPIENTS.has(norm.replace(/^لل?/, ''));
}

/**
 * Does `norm`, after `prev`, carry on the name of the body `head` opens («مركز الملك عبدالله»
 * + «للدراسات»)? Lets the subject reader read a remit it would otherwise take for an audience.
 */
export function remitOfBody(head: string, prev: string, norm: string): boolean {
  return REMIT_HEADS.has(head.replace(/^ال/, '')) && namesBody(prev) && isRemit(norm);
}

/** Bodies named with their remit («مركز … للدراسات»، «الاتحاد الدولي لركوب الأمواج»); not a party or a parliament. */
const REMIT_HEADS: ReadonlySet<string> = new Set([
  'مركز',
  'معهد',
  'هيئه',
  'اتحاد',
  'شركه',
  'منظمه',
  'اداره',
  'مكتب',
  'مؤسسه',
  'موسسه',
  'جمعيه',
  'لجنه',
  'صندوق',
  'جامعه',
  'وكاله',
  'رئاسه',
  'مجلس',
  'بنك',
]);

const withoutArticleNorm = (norm: string): string => norm.replace(/^ال/, '');

/** «الملك»، «الأمير»: a definite title inside a body's name, followed by the person's name. */
const isTitleWordNorm = (norm: string): boolean => PERSON_TITLES.has(withoutArticleNorm(norm));

/** Words inside an organization's name that take a definite genitive: «رئيس الوزراء»، «الشؤون الخارجية». */
const GENITIVE_TAKERS = (norm: string): boolean =>
  (PERSON_TITLES.has(norm) && !isDefinite(norm)) || norm === 'شؤون' || norm === 'الشؤون';

/** Words a name run must have after an unknown definite head to be taken as a name. */
const NAMED_AFTER_HEAD_WORDS = 2;

/**
 * «الموسيقار خالد برزنجي»، «الشاعر محمد الثبيتي»: a definite noun the lists do not know,
 * right before a name of two words or more that opens with a given name, is a profession
 * describing the person (the lists cannot hold every profession). «الدراسة» alone stays nobody.
 */
function professionBeforeName(seg: readonly PhrasePart[]): boolean {
  const run = nameRun(seg);
  if (run?.[0] !== 1) return false;
  const names = seg.slice(run[0], run[1]).filter(isWord);
  return names.length >= NAMED_AFTER_HEAD_WORDS && isGivenName(names[0]!.norm);
}

const organization = (name: string): SubjectPhrase => ({
  kind: 'organization',
  name,
  description: null,
  plural: false,
  feminine: null,
});

/** Classifies subject segments (comma-separated, in order; segments from `postFrom` on follow the name). */
export function classifySubject(
  text: string,
  segs: readonly (readonly PhrasePart[])[],
  postFrom: number,
): SubjectPhrase | null {
  let first = segs.find((s) => s.length > 0);
  const lead = first?.[0];
  if (lead?.kind === 'word' && SAME.has(lead.norm) && first!.length > 1) first = first!.slice(1); // «نفس المصدر» is «المصدر»
  const head = first?.find(isWord);
  if (!first || !head) return null;
  const has = (set: ReadonlySet<string>): boolean => inLexicon(set, head.norm);
  const plural = has(PLURAL_HEADS);
  const second = first[first.indexOf(head) + 1];
  const genitive = second?.kind === 'word' && (isDefinite(second.norm) || isNameWord(second.norm));
  if (!isDefinite(head.norm) && has(ANONYMOUS_CAPABLE) && !(second?.kind === 'word' && isDefinite(second.norm))) {
    return {
      kind: 'anonymous',
      name: joinParts(first),
      description: null,
      plural,
      feminine: head.norm.endsWith('ه') && !plural,
    };
  }
  // «الفريق أول عبد الفتاح البرهان»: a rank that is also a common noun is a title only before a name.
  const rank = has(RANKS_BEFORE_NAMES) && segs.some((s) => nameRun(s) !== null);
  if (
    isDefinite(head.norm) &&
    !has(PERSON_TITLES) &&
    !rank &&
    !professionBeforeName(first) &&
    !has(ANONYMOUS_HEADS) &&
    !has(ORGANIZATION_HEADS) &&
    !isPlace(head.norm)
  ) {
    return null; // «قالت الدراسة»، «حسب الاحتياطيات …»: not a speaker this module can name
  }
  if (has(ORGANIZATION_HEADS) || isPlace(head.norm))
    return organization(organizationName(first.slice(first.indexOf(head))));
  let nameSeg = -1;
  let run: [number, number] | null = null;
  for (let s = Math.min(postFrom, segs.length) - 1; s >= 0 && !run; s--) {
    run = nameRun(segs[s]!);
    nameSeg = s;
  }
  if (run) {
    const seg = segs[nameSeg]!;
    const names = seg.slice(run[0], run[1]).filter(isWord);
    // «ولي عهد أبوظبي»: a place after a title is the title's genitive, the phrase still a title.
    if (isPlace(names[0]!.norm) && has(PERSON_TITLES) && names.length === 1) run = null;
    else if (isPlace(names[0]!.norm)) return organization(organizationName(seg.slice(run[0])));
  }
  if (run) {
    const seg = segs[nameSeg]!;
    const names = seg.slice(run[0], run[1]).filter(isWord);
    let description: string | null =
      text
        .slice(first[0]!.start, names[0]!.start)
        .replace(/[\s،,]+$/u, '')
        .trim() || null;
    const after =
      segs.length > postFrom
        ? segs
            .slice(postFrom)
            .map((s) => joinParts(s).replace(/^(?:وهو|وهي)\s+/u, ''))
            .join('، ') || null
        : null;
    const apposition = description ? after : null;
    description ??= after;
    const feminine = has(PERSON_TITLES) ? head.norm.endsWith('ه') : null;
    const name = names.map((n) => n.surface).join(' ');
    return { kind: 'named', name, description, plural, feminine, ...(apposition ? { apposition } : {}) };
  }
  if (!has(PERSON_TITLES) && !has(ANONYMOUS_HEADS)) return null;
  const definite = isDefinite(head.norm) || (genitive && !has(ANONYMOUS_HEADS));
  const feminine = head.norm.endsWith('ه') && !plural;
  return { kind: definite ? 'title' : 'anonymous', name: joinParts(first), description: null, plural, feminine };
}
