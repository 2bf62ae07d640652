import { attributionCue, vocalizedCue, type AttributionCue } from './reporting-verbs.js';
import { isWord, type SentenceItem } from './sentence-items.js';
import { isGivenName } from './name-lexicon.js';
import { isTitleWord } from './name-run.js';
import { nameEnd } from './article-mentions.js';
import {
  COMPLEMENTIZERS,
  PREPOSITIONS,
  PRONOUN_PARTICLES,
  RELATIVES,
  SPEECH_EVENTS,
  isLoneFamilyName,
} from './speaker-lexicon.js';
import { looksLikeName } from './speaker-registry.js';
import type { ArticleSpeakers } from './speaker-registry.js';
import { readSubjectAfter, readSubjectBefore, type SubjectPhrase, type SubjectRead } from './subject-phrase.js';

/**
 * Resolves every attribution word of a sentence (قال، أضافت، لافتة، بحسب، عن X قوله …) to
 * a speaker, in reading order, so that a verb without a subject (وأوضحت:) sees the speakers
 * named before it — earlier in the article and earlier in the same sentence.
 */

/** An attribution word and the speaker it stands for. */
export interface Trigger {
  /** Index of the word in the sentence items. */
  readonly at: number;
  readonly cue: AttributionCue;
  /** The speaker's id in `ArticleSpeakers`, or null when nobody fits. */
  readonly speaker: number | null;
  /** The clause after «قال X:» when no quotation mark follows the colon. */
  readonly colonClause: { readonly text: string; readonly start: number } | null;
}

/** «قال X في كلمة أمام البرلمان: …» — how far after the subject the colon may come. */
const COLON_REACH = 12;
/** «عن X قوله» — how far back «عن» may be. */
const SOURCE_REACH = 15;
/** «نقلت وكالة … عن X» — how far after the verb «عن» may be. */
const RELAY_REACH = 10;

/** «عنه»، «عنها»: the relayed source is someone named before. */
const RELAYED_PRONOUNS = new Set(['عنه', 'عنها', 'عنهم', 'عنهما']);

/** One sentence being read: its items, the article's speakers, and the quotes read as names. */
interface Reading {
  readonly text: string;
  readonly items: readonly SentenceItem[];
  readonly speakers: ArticleSpeakers;
  readonly sentence: number;
  /** Quote items that turned out to be part of a subject or a colon clause: never quotations. */
  readonly consumed: Set<number>;
}

function read(
  r: Reading,
  from: number,
  cue: AttributionCue | null,
  items: readonly SentenceItem[] = r.items,
): SubjectRead {
  const subject = readSubjectAfter(r.text, items, from, cue);
  for (const q of subject.quotes) r.consumed.add(q);
  return subject;
}

function resolve(r: Reading, phrase: SubjectPhrase | null, cue: AttributionCue | null): number | null {
  return phrase ? r.speakers.resolve(phrase, cue, r.sentence) : null;
}

/**
 * «، لافتة إلى أن» continues the subject; «متابعة العلاقة» and «لافتة» (a sign) are nouns. The
 * subject is that of the verb before it in the sentence («ويشير الشعيبي …، مضيفا»), even when
 * that verb's subject was not recognized: then nobody, never an earlier speaker.
 */
function participleSpeaker(
  r: Reading,
  i: number,
  cue: AttributionCue,
  before: readonly Trigger[],
): number | null | undefined {
  const prev = r.items[i - 1];
  const next = r.items[i + 1];
  const adverbial =
    i === 0 ||
    (prev?.kind === 'punct' && prev.surface !== ':') ||
    next?.surface === ':' ||
    (isWord(next) && COMPLEMENTIZERS.has(next.norm));
  if (!adverbial) return undefined;
  const verb = before.findLast((t) => t.cue.kind === 'verb');
  if (verb) return verb.speaker;
  return namesOtherSubject(r, i) ? null : r.speakers.anaphor(cue, r.sentence);
}

/**
 * Does the sentence name someone before a verb that has no subject of its own («ورفع عزيز
 * شعيب الشكر …، وقال:»، «لكن شفير … فيقول»)? Then that person, not the speaker of an
 * earlier sentence, is the subject, and since who they are is not sure, nobody is.
 */
function namesOtherSubject(r: Reading, i: number): boolean {
  for (let j = 0; j < i; j++) {
    const w = r.items[j];
    if (!isWord(w)) continue;
    const next = r.items[j + 1];
    // «بريت مكجيرك»: two transliterated name words in a row are a name too.
    const nameLike = (norm: string): boolean => looksLikeName(norm) && !attributionCue(norm);
    const foreignPair = isWord(next) && j + 1 < i && nameLike(w.norm) && nameLike(next.norm);
    if (!isGivenName(w.norm) && !foreignPair) continue;
    const prev = r.items[j - 1];
    if (isWord(prev) && (PREPOSITIONS.has(prev.norm) || /^[لب]/.test(prev.norm))) continue; // «مع محمد»، «لـ»
    return !r.speakers.latestHasName(w.norm) && !(foreignPair && r.speakers.latestHasName(next.norm));
  }
  return false;
}

/** Clause openers answered by «فإنه/فإنها»: «وفيما أدانت رئاسة كردستان القصف، فإنها دعت». */
const ANSWERED_OPENERS = new Set([
  'فيما',
  'وفيما',
  'بينما',
  'وبينما',
  'اذا',
  'واذا',
  'لما',
  'ولما',
  'حين',
  'وحين',
  'بعدما',
  'وبعدما',
]);

/**
 * The speaker a pronoun particle before a verb stands for («فإنه قال»). After «أما محمد بكر،
 * … فإنه قال» it is the topic after «أما»; after «وفيما أدانت رئاسة كردستان …، فإنها دعت» it is
 * the subject of that other clause, unknown here: nobody. Otherwise the latest speaker.
 */
function pronounSpeaker(r: Reading, particle: number, cue: AttributionCue): number | null {
  for (let j = particle - 1; j >= 0; j--) {
    const w = r.items[j];
    if (!isWord(w)) continue;
    if (w.norm === 'اما' || w.norm === 'واما') return resolve(r, read(r, j + 1, null).phrase, cue);
    if (ANSWERED_OPENERS.has(w.norm)) return null;
  }
  return r.speakers.anaphor(cue, r.sentence);
}

/** How many words open a sentence where its subject would be (VSO: a verb, then the subject). */
const SUBJECT_ZONE = 4;

/**
 * A sentence with no attribution that names a person near its start («كان ديون فان دن بيرج
 * دليلا …»، «ورفع عزيز شعيب الشكر …») brings in someone a later «وأضاف» may be about.
 */
export function namesNewPerson(
  text: string,
  items: readonly SentenceItem[],
  speakers: ArticleSpeakers,
  sentence: number,
): boolean {
  const r: Reading = { text, items, speakers, sentence, consumed: new Set() };
  let words = 0;
  let k = 0;
  while (k < items.length && words < SUBJECT_ZONE) if (isWord(items[k++])) words++;
  return namesOtherSubject(r, k);
}

/**
 * «وتطرق الدكتور الزهراني إلى …»، «واستقبل الرئيس عبد الفتاح السيسي …»: a sentence with no
 * attribution that opens with a verb and a titled or given name puts that person in focus;
 * a later «وأضاف:» is theirs. Returns the speaker id, or null when the sentence opens otherwise.
 */
export function narratedSubject(
  text: string,
  items: readonly SentenceItem[],
  speakers: ArticleSpeakers,
  sentence: number,
  limit = items.length,
): number | null {
  const verb = items.findIndex(isWord);
  const verbWord = items[verb];
  const head = items[verb + 1];
  if (!isWord(verbWord) || !isWord(head) || !/^[وف]/.test(verbWord.norm) || verbWord.norm.length < 4) return null;
  if (!(head.norm.startsWith('ال') && isTitleWord(head.norm)) && !isGivenName(head.norm)) return null;
  const end = Math.min(limit, nameEnd(items, verb + 1));
  const phrase = readSubjectAfter(text, items.slice(0, end), verb + 1, null).phrase;
  // «ورفع عزيز شعيب الشكر للقيادة»: a definite last word with more clause after it may be the object; unsure.
  const last = items[end - 1];
  const next = items[end];
  if (
    isWord(last) &&
    last.norm.startsWith('ال') &&
    isWord(next) &&
    !COMPLEMENTIZERS.has(next.norm) &&
    !PREPOSITIONS.has(next.norm)
  )
    return null;
  return phrase?.kind === 'named' ? speakers.resolve(phrase, null, sentence) : null;
}

/** «نقلت وكالة … عن مسؤول حكومي قوله:» — the source after «عن»; «على حد قوله» — the subject. */
function quotedFromSpeaker(r: Reading, i: number, cue: AttributionCue): number | null {
  const prev = r.items[i - 1];
  if (!(isWord(prev) && prev.norm === 'حد')) {
    for (let j = i - 1; j >= 0 && j >= i - SOURCE_REACH; j--) {
      const w = r.items[j];
      if (isWord(w) && w.norm === 'عن')
        return resolve(r, read(r, j + 1, cue).phrase, cue) ?? r.speakers.anaphor(cue, r.sentence);
    }
  }
  return r.speakers.anaphor(cue, r.sentence);
}

/** «بحسب X»، «وفقًا لوكالة رويترز»، «نقلًا عن X»; «بحسب ما ذكره X» is left to the verb. */
function markerSpeaker(r: Reading, i: number): number | null | undefined {
  const next = r.items[i + 1];
  if (!isWord(next)) return null;
  if (next.norm === 'ما' || next.norm === 'لما') return undefined;
  if (next.norm === 'عن' || /^لـ?$/.test(next.surface)) return resolve(r, read(r, i + 2, null).phrase, null);
  if (!next.norm.startsWith('ل') || next.norm.length <= 3) return resolve(r, read(r, i + 1, null).phrase, null);
  const definite = next.norm.startsWith('لل'); // «للمنهجيات» is ل + «المنهجيات»
  const surface = definite ? `ال${next.surface.slice(2)}` : next.surface.replace(/^لـ?/, '');
  const stripped = { ...next, surface, norm: definite ? `ال${next.norm.slice(2)}` : next.norm.slice(1) };
  const view = [...r.items.slice(0, i + 1), stripped, ...r.items.slice(i + 2)];
  return resolve(r, read(r, i + 1, null, view).phrase, null);
}

/**
 * A verb's speaker: «نقلت X عن Y» is Y; «واشنطن التي حذرت» and «حكومات قد اتهمت» have the
 * subject before; otherwise the subject after, else one before an unconjoined verb («لكن جون
 * إيفيرارد، الذي …، قال»), else — a verb with no subject — the latest agreeing speaker. A
 * subject that is there but unrecognizable («وأكدت الدراسة») is nobody's.
 */
function verbSpeaker(
  r: Reading,
  i: number,
  cue: AttributionCue,
): { speaker: number | null; subjectEnd: number } | undefined {
  const { items } = r;
  const prev = items[i - 1];
  const verb = items[i];
  if (!isWord(verb) || (isWord(prev) && PREPOSITIONS.has(prev.norm))) return undefined; // «في ذكر اسمه»: a noun
  const known = (p: SubjectPhrase): boolean => r.speakers.knows(p);
  if (cue.lemma === 'نقل') {
    // «ونقل التلفزيون الرسمي عنه قوله»: the source is the person «عنه» points back to, never the outlet.
    const pronoun = items.findIndex(
      (w, j) => j > i && j <= i + RELAY_REACH && isWord(w) && RELAYED_PRONOUNS.has(w.norm),
    );
    if (pronoun >= 0) return { speaker: r.speakers.anaphor(cue, r.sentence), subjectEnd: pronoun + 1 };
    const source = items.findIndex((w, j) => j > i && j <= i + RELAY_REACH && isWord(w) && w.norm === 'عن');
    if (source >= 0) {
      const subject = read(r, source + 1, cue);
      return {
        speaker: resolve(r, subject.phrase, cue) ?? r.speakers.anaphor(cue, r.sentence),
        subjectEnd: subject.end,
      };
    }
  }
  // «فإنها دعت حزب العمال إلى»: a pronoun before the verb is its subject; what follows is the object.
  if (isWord(prev) && PRONOUN_PARTICLES.has(prev.norm) && cue.takesObject) {
    return { speaker: pronounSpeaker(r, i - 1, cue), subjectEnd: i + 1 };
  }
  if (isWord(prev) && (RELATIVES.has(prev.norm) || (prev.norm === 'قد' && isWord(items[i - 2])))) {
    return { speaker: resolve(r, readSubjectBefore(r.text, items, i, known), cue), subjectEnd: i + 1 };
  }
  if (isWord(prev) && PRONOUN_PARTICLES.has(prev.norm) && /^ف/.test(prev.norm)) {
    const subject = read(r, i + 1, cue);
    if (subject.words === 0) return { speaker: pronounSpeaker(r, i - 1, cue), subjectEnd: subject.end };
  }
  // «واختتم حديثه قائلا»، «وختم كلمته بالقول»: his own speech is the object; the subject is the one in focus.
  const next = items[i + 1];
  if (isWord(next) && SPEECH_EVENTS.has(next.norm) && /(?:ه|ها)$/.test(next.norm) && !namesOtherSubject(r, i))
    return { speaker: r.speakers.anaphor(cue, r.sentence), subjectEnd: i + 2 };
  const subject = read(r, i + 1, cue);
  if (subject.phrase) {
    const speaker = resolve(r, subject.phrase, cue);
    if (speaker === null && subject.phrase.kind === 'named') r.speakers.unknownSpeaker(); // «تقول كولوتا», never introduced
    return { speaker, subjectEnd: subject.end };
  }
  if (subject.words > 0) {
    // «وقال الجبير»: an unrecognized subject still counts when it is a name seen before, or the
    // family name of someone the article names in full («وقال السيسي» after «الرئيس عبد الفتاح السيسي»).
    const first = items[i + 1];
    const name: SubjectPhrase | null = isWord(first)
      ? { kind: 'named', name: first.surface, description: null, plural: false, feminine: null }
      : null;
    const family = name !== null && subject.words === 1 && r.speakers.namesInFull(name.name, r.sentence);
    if (name && (known(name) || family)) return { speaker: resolve(r, name, cue), subjectEnd: subject.end };
    // «وقال المطيري إن "…"» in an article that never gives his full name: the family name is the speaker.
    if (
      name &&
      subject.words === 1 &&
      isWord(first) &&
      isLoneFamilyName(first.norm) &&
      opensSaying(items[subject.end]) &&
      !r.speakers.familyNameTaken(first.surface)
    )
      return { speaker: resolve(r, { ...name, certain: true }, cue), subjectEnd: subject.end };
    // «وقال كبير الصيادين بفرضة القطيف:» after «… كبير الصيادين بفرضة القطيف رضا حسن الفردان».
    const said = r.text.slice(items[i + 1]!.start, items[subject.end - 1]!.end);
    return { speaker: r.speakers.byRepeatedDescription(said, cue, r.sentence), subjectEnd: subject.end };
  }
  // «ووصفها بأنها»: a verb joined by و/ف shares the subject of the clause before it.
  const conjoined = /^[وف]/.test(verb.norm) && attributionCue(verb.norm.slice(1)) !== null;
  const before = !conjoined && i > 0 ? resolve(r, readSubjectBefore(r.text, items, i, known), cue) : null;
  if (before === null && namesOtherSubject(r, i)) {
    // «وقدم المهندس خالد محفوظ بحاح الشكر …، وقال:»: the person the sentence opened with, else nobody.
    return { speaker: narratedSubject(r.text, items, r.speakers, r.sentence, i), subjectEnd: subject.end };
  }
  return { speaker: before ?? r.speakers.anaphor(cue, r.sentence), subjectEnd: subject.end };
}

/** «http://…»، «9:31»: a colon inside a link or a time, not one that opens a clause. */
function inToken(text: string, colon: number): boolean {
  const after = text[colon + 1] ?? '';
  return after === '/' || (/\d/.test(text[colon - 1] ?? '') && /\d/.test(after));
}

/** Does what was said start here: «إن»/«أن», a colon, a quotation, or the audience «لـ»? */
function opensSaying(item: SentenceItem | undefined): boolean {
  if (!item) return false;
  if (item.kind === 'quote') return true;
  if (item.kind === 'punct') return item.surface === ':';
  return COMPLEMENTIZERS.has(item.norm) || item.surface.startsWith('لـ');
}

/**
 * The clause after a colon that follows a reporting verb, when no quotation mark opens it
 * («وقال إبراهيم معلا: هل نحمي الوطن من "الأعداء"…»): it runs to the end of the sentence,
 * and the quoted words inside it are part of it.
 */
function colonClause(r: Reading, from: number): Trigger['colonClause'] {
  const { items } = r;
  for (let k = from; k < items.length && k < from + COLON_REACH; k++) {
    const it = items[k]!;
    if (it.kind === 'quote' || (isWord(it) && attributionCue(it.norm))) return null;
    if (it.surface !== ':' || inToken(r.text, it.start)) continue;
    const first = items[k + 1];
    if (!isWord(first)) return null;
    const clause = r.text.slice(first.start).trim();
    if (clause.split(/\s+/).length < 3) return null;
    items.forEach((x, j) => j > k && x.kind === 'quote' && r.consumed.add(j));
    return { text: clause, start: first.start };
  }
  return null;
}

/**
 * «وبين الدكتور راشد الزهراني أن …»: unvocalized «بين» is the verb بيّن (not the preposition)
 * when it opens its clause with و and a title or a given name follows, or the family name of
 * someone the article names in full right before «أن» or a colon («وبين الغامدي أن …»; not
 * «وبين الغامدي والعتيبي خلاف»).
 */
function bayyanaBeforeName(r: Reading, i: number): AttributionCue | null {
  const item = r.items[i];
  const next = r.items[i + 1];
  if (!isWord(item) || item.norm !== 'وبين' || !isWord(next)) return null;
  const titled = (next.norm.startsWith('ال') && isTitleWord(next.norm)) || isGivenName(next.norm);
  if (!titled) {
    const after = r.items[i + 2];
    const clause = after?.surface === ':' || (isWord(after) && COMPLEMENTIZERS.has(after.norm));
    if (!clause || !(r.speakers.latestHasName(next.norm) || r.speakers.namesInFull(next.surface, r.sentence)))
      return null;
  }
  return { lemma: 'بين', kind: 'verb', gender: 'm', plural: false, takesObject: false };
}

/**
 * The attribution words of one sentence with their speakers. Quote items read as part of a
 * subject («ورجحت "بلومبرغ"»، a nickname) or of a colon clause are added to `consumed`.
 */
export function findTriggers(
  text: string,
  items: readonly SentenceItem[],
  speakers: ArticleSpeakers,
  sentence: number,
  consumed: Set<number>,
): Trigger[] {
  const r: Reading = { text, items, speakers, sentence, consumed };
  const triggers: Trigger[] = [];
  items.forEach((item, i) => {
    const cue = isWord(item)
      ? (attributionCue(item.norm) ?? vocalizedCue(item.surface, item.norm) ?? bayyanaBeforeName(r, i))
      : null;
    if (!cue) return;
    if (cue.kind === 'verb') {
      const found = verbSpeaker(r, i, cue);
      if (found) triggers.push({ at: i, cue, speaker: found.speaker, colonClause: colonClause(r, found.subjectEnd) });
      return;
    }
    // «وأضاف المصدر - حسب الوكالة - أن»: a marker between a verb and its quote names the
    // outlet that reported it; the speaker is still the verb's subject.
    const verb = triggers.at(-1);
    const relayed =
      cue.kind === 'marker' &&
      verb?.cue.kind === 'verb' &&
      verb.speaker !== null &&
      !items.slice(verb.at, i).some((it) => it.kind === 'quote');
    const speaker = relayed
      ? verb.speaker
      : cue.kind === 'participle'
        ? participleSpeaker(r, i, cue, triggers)
        : cue.kind === 'marker'
          ? markerSpeaker(r, i)
          : quotedFromSpeaker(r, i, cue);
    if (speaker !== undefined) triggers.push({ at: i, cue, speaker, colonClause: null });
  });
  return triggers;
}
