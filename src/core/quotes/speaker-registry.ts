import { articlesAgree, isNamePart, nameKeys, nameWords } from '../people/person-name-keys.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import type { Speaker, SpeakerKind } from './quote.js';
import { attributionCue, type AttributionCue } from './reporting-verbs.js';
import { GIVEN_NAMES, RELIGIOUS, RELIGIOUS_HEADS, isGivenName } from './name-lexicon.js';
import {
  ANONYMOUS_HEADS,
  COMPOUND_NAME_HEADS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PREPOSITIONS,
  inLexicon,
  isAdjective,
  isCommonWord,
  isDefinite,
  isFamilyName,
  isNisba,
  profileWord,
  withoutArticle,
} from './speaker-lexicon.js';
import type { SubjectPhrase } from './subject-phrase.js';
import type { SentenceItem } from './sentence-items.js';
import { ArticleMentions, type Mention } from './article-mentions.js';
import { GENERIC_ORGANIZATION_HEADS, namedOrganizations } from './named-organizations.js';

/**
 * The speakers of one article, in the order the text brings them up. It answers the two
 * questions attribution keeps asking: who is this phrase («كوروتشينكو» is the «إيغور
 * كوروتشينكو» quoted before; «الرئيس الأوكراني» is the Zelensky just named; «المسؤول» is
 * the «مسؤول حكومي» of the previous sentence), and who is the subject of a verb without
 * one (وأوضحت: → the latest feminine singular speaker).
 */

/** How many sentences back a verb without a subject («وأضاف:») may reach for its speaker. */
const ANAPHOR_REACH = 3;

/** How many sentences back a bare title («الرئيس الأوكراني») may reach for an undescribed person. */
const TITLE_REACH = 3;

/** Fewest words of a description that may stand for a person named with it («ولي عهد أبوظبي»). */
const MIN_DESCRIPTION_WORDS = 2;

/** Fewest words of an unclassified subject that may repeat a speaker's description. */
const MIN_REPEATED_DESCRIPTION_WORDS = 3;

/** Documents that speak for whoever published them: «وقال التقرير»، «وأضافت الدراسة». */
const REPORT_NOUNS = ['تقرير', 'دراسه', 'مقال', 'مقاله', 'تحقيق'] as const satisfies readonly string[];

/** Heads of the outlets and bodies that publish reports: «صحيفة …»، «منظمة …». */
const PUBLISHER_HEADS = [
  'صحيفة',
  'جريدة',
  'مجلة',
  'وكالة',
  'موقع',
  'شبكة',
  'قناة',
  'منظمة',
  'مركز',
  'معهد',
  'مؤسسة',
].map((w) => normalizeArabic(w));

/** Verbs of publishing a report, normalized stems: «نشرت»، «أصدرت»، «أعدته». */
const PUBLISH_VERBS = 'نشر|اصدر|اعد|اجر';

/**
 * Does a sentence tie a report to whoever it names («في تقرير لها»، «تقرير لمنظمة …»، «أصدرت
 * … تقريرا»، «التقرير الذي نشرته …»)? «ذكرت وكالة رويترز أن تقريرا أمميا …» does not.
 */
function publishes(plain: string, noun: string): boolean {
  const n = `(?:ال)?${noun}[اه]?`;
  return new RegExp(
    `(?:^|\\s)(?:في|ب|وفي|وب|وفق|حسب|بحسب)\\s?${n}(?=\\s|$)|${n}\\s+(?:ل|لل)|(?:${PUBLISH_VERBS})\\S*\\s+(?:\\S+\\s+){0,4}?${n}|${n}\\s+(?:الذي|التي)\\s+(?:${PUBLISH_VERBS})`,
  ).test(plain);
}

interface NameForm {
  readonly surface: string;
  readonly keys: readonly string[];
}

interface Entity {
  readonly kind: SpeakerKind;
  readonly forms: NameForm[];
  readonly profile: Set<string>;
  description: string | null;
  gender: 'm' | 'f' | null;
  readonly plural: boolean;
  lastSeen: number;
  lastSentence: number;
  /** For speakers named together («الجبير ولافروف»): the ids of each. */
  members?: readonly number[];
}

const profileWords = (text: string): string[] => nameWords(text).map(profileWord);

/** A word's form for the name lists: «علي» (Ali) apart from «على» (on), as `sentenceItems` does. */
function nameNorm(surface: string): string {
  const norm = normalizeArabic(surface);
  return norm === 'علي' && surface.replace(/[\u064B-\u0652\u0640]/g, '') === 'علي' ? 'عليي' : norm;
}

/**
 * Does the word look like a transliterated name («هايسوم»، «لوكهارت»): a long vowel after
 * the first letter, no article, no verb prefix before a consonant («تستهدف»), no feminine or
 * pronoun ending, no feminine plural, not a word the lists know.
 */
export function looksLikeName(norm: string): boolean {
  return foreignShape(norm);
}

function foreignShape(norm: string): boolean {
  if (/^[a-z]/.test(norm)) return true;
  if (norm.length < 3 || isDefinite(norm) || isCommonWord(norm) || RELIGIOUS.has(norm)) return false;
  if (/^[يتن][^اوي]/.test(norm)) return false;
  if (norm.endsWith('ه') || (norm.length >= 5 && norm.endsWith('ات'))) return false;
  return /[اوي]/.test(norm.slice(1, -1)) || /[وي]$/.test(norm); // not a bare final ا: «جثثا»
}

/** A title word, bare or with the article: «المدرب»، «وزير». */
const isTitle = (norm: string): boolean => PERSON_TITLES.has(withoutArticle(norm));

/** Short particles inside foreign names: «جيوفانا دي بينيديتو»، «فان دايك». */
const NAME_PARTICLES = new Set(['دي', 'دا', 'دو', 'ديل', 'دل', 'فان', 'فون', 'لا', 'لو', 'بن', 'ابن', 'ال']);

/**
 * Is a new speaker phrase a person's name? A title before it vouches for it («المدرب
 * مورينيو»), and so do a given name, an Arab compound or family name, or two words of
 * transliterated shape. A lone unknown word («تعليقا»، «وثائق») must be one the article
 * introduces elsewhere with a title or a given name («جوزيه مورينيو»). Scripture has no speaker.
 */
function plausiblePerson(phrase: SubjectPhrase, introduced: (surface: string) => boolean): boolean {
  const surfaces = phrase.name.split(/\s+/).filter(Boolean);
  const norms = surfaces.map(nameNorm);
  if (norms.length === 0 || norms.some((n) => RELIGIOUS.has(n)) || RELIGIOUS_HEADS.has(norms[0]!)) return false;
  if (phrase.certain) return true;
  // «أجرته»، «نشرته»: one word with an attached pronoun is a verb or a noun of the clause, not a name.
  if (surfaces.length === 1 && /(?:ته|ها|هم)$/.test(surfaces[0]!)) return false;
  if (phrase.description && vouches(phrase.description)) return true;
  if (norms.some(isGivenName)) return true;
  if (norms.some((n) => COMPOUND_NAME_HEADS.has(n) || n === 'الدين' || /^عبد(?:ال|ول)/.test(n))) return true;
  if (norms.length >= 2 && isFamilyName(norms[norms.length - 1]!) && foreignShape(norms[0]!)) return true;
  // «باسم العيثان»: the given name «باسم» is also a common word ("in the name of").
  if (norms.length === 2 && norms[0] === 'باسم' && isFamilyName(norms[1]!)) return true;
  if (norms.length >= 2 && norms.every((n) => foreignShape(n) || NAME_PARTICLES.has(n))) return true;
  return introduced(surfaces[surfaces.length - 1]!);
}

/**
 * Does a description vouch for the words after it being a name? Only when it holds a title,
 * a person noun or a nationality («الخبير الأميركي»، «مسؤول في»); «كل شخص»، «في كل مراحل
 * التاريخ»، «ذكر لي أني» read words before a non-name as a description.
 */
function vouches(description: string): boolean {
  return nameWords(description).some((w) => {
    const norm = normalizeArabic(w);
    return inLexicon(PERSON_TITLES, norm) || inLexicon(ANONYMOUS_HEADS, norm) || isNisba(norm);
  });
}

/** Speaker tracking for one article; build a new one per article. */
export class ArticleSpeakers {
  private readonly entities: Entity[] = [];
  private clock = 0;
  private text: string | null = null;
  private unknownLatest = false;

  private readonly mentions = new Map<string, string | null>();
  /** People the article names anywhere (not only speakers), read only when needed. */
  private readonly named: ArticleMentions;

  /**
   * `articleText` gives the whole article, read only when a lone unknown name needs checking;
   * `sentenceText(i)` one sentence of it, read only when a generic organization noun needs its name;
   * `sentenceItemsOf(i)`, when given, that sentence's `sentenceItems` as the caller already read them.
   */
  constructor(
    private readonly articleText: () => string = () => '',
    private readonly sentenceText: (i: number) => string | undefined = () => undefined,
    sentenceItemsOf?: (i: number) => readonly SentenceItem[],
  ) {
    this.named = new ArticleMentions(sentenceText, sentenceItemsOf);
  }

  /** The speaker a subject phrase stands for (created when new), or null when it cannot tell. */
  resolve(phrase: SubjectPhrase, cue: AttributionCue | null, sentence: number): number | null {
    if (phrase.kind === 'pronoun')
      return this.honorific(phrase.name, cue, sentence) ?? (cue ? this.anaphor(cue, sentence) : null);
    if (phrase.kind === 'title') return this.title(phrase, cue, sentence);
    if (phrase.also) return this.group(phrase, cue, sentence);
    const keys = nameKeys(phrase.name);
    if (keys.length === 0) return null;
    if (phrase.kind === 'anonymous') {
      // «وقال ولي عهد أبوظبي» after «الشيخ محمد بن زايد آل نهيان، ولي عهد أبوظبي»: the person so described.
      const described = this.byDescription(phrase.name, cue, sentence);
      if (described !== null) return described;
    }
    const kind: SpeakerKind = phrase.kind === 'named' ? 'person' : phrase.kind;
    let id =
      this.latest(
        (e) =>
          e.kind === kind &&
          !e.members &&
          this.sameName(kind, keys, fullest(e).keys) &&
          (kind !== 'person' || this.sameArticles(phrase.name, fullest(e).surface)),
      ) ?? (kind === 'organization' ? this.organizationByHead(phrase.name) : null);
    if (id === null && kind === 'organization') {
      // «وقالت الشركة» where the article named «شركة بيرسون» (and no other شركة) before: that company.
      const named = this.organizationInText(phrase.name, sentence);
      if (named !== null) {
        id = this.create('organization', { ...phrase, name: named }, cue, sentence);
        this.addForm(this.entities[id]!, phrase.name, keys);
        return id;
      }
    }
    if (id === null && kind === 'organization') {
      // «وقال التقرير» after «ذكرت صحيفة نيويورك تايمز في تقرير»: the report speaks for its publisher.
      const publisher = this.publisherInText(phrase.name, sentence);
      if (publisher !== null) {
        const publisherKeys = nameKeys(publisher);
        id =
          this.latest(
            (e) => e.kind === 'organization' && this.sameName('organization', publisherKeys, fullest(e).keys),
          ) ?? this.create('organization', { ...phrase, name: publisher }, cue, sentence);
        this.addForm(this.entities[id]!, phrase.name, keys);
        return this.touch(id, sentence);
      }
    }
    if (id === null && kind === 'person' && isDefinite(nameWords(phrase.name)[0] ?? '')) {
      // «وقال الحلف» after «أعلن حلف شمال الأطلسي»: the organization, not a person.
      const body = this.latest((e) => e.kind === 'organization' && e.forms.some((f) => isNamePart(keys, f.keys)));
      if (body !== null) return this.touch(body, sentence);
    }
    if (id === null && (kind === 'person' || (kind === 'organization' && nameWords(phrase.name).length === 1))) {
      // «وقال السيسي» / «وقال الرئيس السيسي» after «استقبل الرئيس عبد الفتاح السيسي …»: the full name.
      const mention = this.named.byFamilyName(phrase.name, sentence);
      if (mention) return this.fromMention(mention, phrase.name, phrase.description, cue, sentence);
    }
    if (id === null) {
      if (kind === 'person' && !plausiblePerson(phrase, (w) => this.introduced(w))) return null;
      return this.create(kind, phrase, cue, sentence);
    }
    const entity = this.entities[id]!;
    this.addForm(entity, phrase.name, keys);
    if (!entity.description && phrase.description) this.describe(entity, phrase.description);
    if (phrase.apposition) for (const w of profileWords(phrase.apposition)) entity.profile.add(w);
    entity.gender ??= genderOf(phrase, cue);
    return this.touch(id, sentence);
  }

  /**
   * A verb's subject was there but could not be told («وتقول كولوتا» with «كولوتا» never
   * introduced): until someone is named again, a verb without a subject is that unknown
   * speaker's, so it goes to nobody rather than to an earlier speaker.
   */
  unknownSpeaker(): void {
    this.unknownLatest = true;
  }

  /** The latest speaker agreeing with a verb that has no stated subject. */
  anaphor(cue: AttributionCue, sentence: number): number | null {
    if (this.unknownLatest) return null;
    // Right after «قال الجبير ولافروف», a singular «وأضاف» could be either of them.
    const top = this.latest(() => true);
    if (top !== null && this.entities[top]!.members && !cue.plural) return null;
    // A speaker not seen for several sentences is too far back to be sure of: nobody.
    const id = this.latest((e) => agrees(e, cue));
    if (id === null || sentence - this.entities[id]!.lastSentence > ANAPHOR_REACH) return null;
    return this.touch(id, sentence);
  }

  /** True when the phrase names a speaker already seen (a cue that a preverbal noun is the subject). */
  knows(phrase: SubjectPhrase): boolean {
    if (phrase.kind === 'title') return this.described(phrase.name, null) !== null;
    const keys = nameKeys(phrase.name);
    return this.entities.some((e) => e.forms.some((f) => isNamePart(keys, f.keys)));
  }

  /** Does the latest speaker (the one an anaphor would take) carry this name word? */
  latestHasName(norm: string): boolean {
    const id = this.latest(() => true);
    if (id === null) return false;
    const key = nameKeys(norm.replace(/^عليي$/, 'علي'))[0];
    return key !== undefined && this.entities[id]!.forms.some((f) => f.keys.includes(key));
  }

  /**
   * «وقال معاليه» after «رفع معالي وزير الخدمة المدنية خالد العرج …»: an honorific pronoun
   * stands for the latest person given that honorific title, a speaker or anyone the article names.
   */
  private honorific(surface: string, cue: AttributionCue | null, sentence: number): number | null {
    const title = HONORIFIC_TITLES.get(normalizeArabic(surface).replace(/^[وف]/, ''));
    if (!title) return null;
    const known = this.described(title, cue);
    if (known !== null) return this.touch(known, sentence);
    const mention = this.named.byTitle(title, sentence, () => false);
    return mention ? this.fromMention(mention, null, null, cue, sentence) : null;
  }

  /**
   * The person a description of a title and its genitive stands for («ولي عهد أبوظبي»، «كبير
   * الصيادين بفرضة القطيف»): the latest speaker, else person the article names, whose title,
   * name and apposition hold every word. A description with an unnamed head («مسؤول حكومي»،
   * «مصدر أمني») or of one word is never anyone's: many people fit those.
   */
  byDescription(text: string, cue: AttributionCue | null, sentence: number): number | null {
    const words = nameWords(text).map(normalizeArabic);
    const head = words[0];
    if (words.length < MIN_DESCRIPTION_WORDS || !head || !inLexicon(PERSON_TITLES, head)) return null;
    if (inLexicon(ANONYMOUS_HEADS, head) || words.slice(1).every((w) => isAdjective(w) || isNisba(w))) return null;
    const known = this.described(text, cue);
    if (known !== null && this.isPersonName(this.entities[known]!)) return this.touch(known, sentence);
    const mention = this.named.byTitle(text, sentence, (w) => PREPOSITIONS.has(w) || w === 'باسم');
    return mention && this.readsAsName(mention.name) ? this.fromMention(mention, null, text, cue, sentence) : null;
  }

  /**
   * A subject the classifier could not read («وقال كبير الصيادين بفرضة القطيف:») is the
   * speaker introduced with exactly those words, when it has at least three of them: the
   * description repeated in full, not a generic head.
   */
  byRepeatedDescription(text: string, cue: AttributionCue | null, sentence: number): number | null {
    const words = profileWords(text).filter((w) => !PREPOSITIONS.has(w));
    if (words.length < MIN_REPEATED_DESCRIPTION_WORDS) return null;
    const id = this.latest((e) => !e.members && words.every((w) => e.profile.has(w)) && agrees(e, cue));
    return id !== null && this.isPersonName(this.entities[id]!) ? this.touch(id, sentence) : null;
  }

  /** Is the speaker a person with a name that reads as one (not a clause read as a name earlier)? */
  private isPersonName(e: Entity): boolean {
    if (e.kind !== 'person' || e.members) return false;
    return this.readsAsName(fullest(e).surface);
  }

  /**
   * Would these words be taken for a person's name on their own shape (a given name, an Arab
   * compound, transliterated words), with no title vouching and no other mention helping?
   */
  private readsAsName(name: string): boolean {
    const phrase: SubjectPhrase = { kind: 'named', name, description: null, plural: false, feminine: null };
    return plausiblePerson(phrase, () => false);
  }

  /** Does the article name anyone in full, one person or several, with this family name? */
  familyNameTaken(surface: string): boolean {
    return this.named.hasFamilyName(surface);
  }

  /** Does the article name someone in full whose family name this lone word is («السنين» of «سامي السنين»)? */
  namesInFull(surface: string, sentence: number): boolean {
    return this.named.byFamilyName(surface, sentence) !== null;
  }

  /** The speaker for a person the article named outside any attribution, with the short form or title used here. */
  private fromMention(
    m: Mention,
    short: string | null,
    description: string | null,
    cue: AttributionCue | null,
    sentence: number,
  ): number {
    const keys = nameKeys(m.name);
    const known = this.latest(
      (e) => e.kind === 'person' && !e.members && this.sameName('person', keys, fullest(e).keys),
    );
    const id =
      known ??
      this.create(
        'person',
        { kind: 'named', name: m.name, description: null, plural: false, feminine: null },
        cue,
        sentence,
      );
    const entity = this.entities[id]!;
    if (known !== null) this.addForm(entity, m.name, keys);
    if (short && nameWords(short).length > 0) this.addForm(entity, short, nameKeys(short));
    if (!entity.description && (m.description ?? description)) this.describe(entity, (m.description ?? description)!);
    for (const w of m.profile) entity.profile.add(w);
    entity.gender ??= cue && !cue.plural ? cue.gender : null;
    return this.touch(id, sentence);
  }

  /** The speakers an id stands for: itself, or each of a group named together. */
  members(id: number): readonly number[] {
    return this.entities[id]!.members ?? [id];
  }

  /** The speaker as quotes carry it: the fullest name, the other forms as aliases. */
  speaker(id: number): Speaker {
    const e = this.entities[id]!;
    const best = fullest(e);
    const aliases = e.forms.filter((f) => f !== best).map((f) => f.surface);
    return { name: best.surface, aliases, kind: e.kind, description: e.description };
  }

  /**
   * «وقالت الوزارة» after «وزارة الداخلية»: a bare definite organization head stands for the
   * latest organization named with that head.
   */
  private organizationByHead(name: string): number | null {
    const words = nameWords(name);
    if (words.length !== 1 || !isDefinite(words[0]!)) return null;
    const head = withoutArticle(words[0]!);
    if (!ORGANIZATION_HEADS.has(head)) return null;
    return this.latest((e) => e.kind === 'organization' && e.forms.some((f) => nameWords(f.surface)[0] === head));
  }

  /**
   * «الشركة»، «النادي»، «اللجنة»: the one organization with that head the article has named up
   * to this sentence («شركة أرامكو السعودية»، «لنادي الهلال»), or null when it named none or
   * several («وزارة الداخلية» and «وزارة الخارجية» leave «الوزارة» as it is).
   */
  private organizationInText(name: string, sentence: number): string | null {
    const words = nameWords(name);
    if (words.length !== 1 || !/^ال/.test(normalizeArabic(words[0]!))) return null;
    const head = withoutArticle(normalizeArabic(words[0]!));
    if (!GENERIC_ORGANIZATION_HEADS.has(head)) return null;
    const key = `${head}\u0000${sentence}`;
    if (this.mentions.has(key)) return this.mentions.get(key)!;
    const found = new Map<string, string>(); // genitive → fullest name
    for (let s = 0; s <= sentence; s++) {
      const text = this.sentenceText(s);
      if (text === undefined) break;
      if (!text.includes(words[0]!.replace(/^ال/, '').slice(0, 2))) continue;
      for (const named of namedOrganizations(text, head)) {
        const genitive = withoutArticle(normalizeArabic(named.split(/\s+/)[1]!));
        const before = found.get(genitive);
        if (!before || before.length < named.length) found.set(genitive, named);
      }
    }
    const result = found.size === 1 ? [...found.values()][0]! : null;
    this.mentions.set(key, result);
    return result;
  }

  /**
   * «التقرير»، «الدراسة»: the one outlet or body the article names, up to this sentence, in a
   * sentence that speaks of that report («ذكرت صحيفة الغارديان في تقرير لها»، «تقرير لمنظمة
   * العفو الدولية»). Null when none or several: a bare report stays itself, never a guess.
   */
  private publisherInText(name: string, sentence: number): string | null {
    const words = nameWords(name);
    if (words.length !== 1) return null;
    const norm = normalizeArabic(words[0]!);
    const noun = REPORT_NOUNS.find((n) => norm === `ال${n}`);
    if (noun === undefined) return null;
    const key = `report\u0000${noun}\u0000${sentence}`;
    if (this.mentions.has(key)) return this.mentions.get(key)!;
    const found = new Map<string, string>(); // name keys → fullest name
    for (let s = 0; s <= sentence; s++) {
      const text = this.sentenceText(s);
      if (text === undefined) break;
      const plain = normalizeArabic(text);
      if (!plain.includes(noun) || !publishes(plain, noun)) continue;
      for (const head of PUBLISHER_HEADS) {
        if (!plain.includes(head)) continue;
        for (const full of namedOrganizations(text, head)) {
          const parts = full.split(/\s+/);
          const cut = parts.findIndex((w, i) => i > 0 && normalizeArabic(w).includes(noun)); // «مجلة تايم تقريرا»
          const named = (cut > 0 ? parts.slice(0, cut) : parts).join(' ');
          if (named.split(' ').length < 2) continue;
          const k = nameKeys(named).join(' ');
          const before = found.get(k);
          if (!before || before.length < named.length) found.set(k, named);
        }
      }
    }
    const names = [...found.values()].filter((n) => ![...found.values()].some((m) => m !== n && m.startsWith(n)));
    const result = names.length === 1 ? names[0]! : null;
    this.mentions.set(key, result);
    return result;
  }

  /** Does the article write this word after a title, a first name or a nationality somewhere («جوزيه مورينيو»)? */
  private introduced(surface: string): boolean {
    this.text ??= this.articleText();
    const text = this.text;
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + surface.length)) {
      const before = /([\p{L}\p{M}]+)[\s،,]*$/u.exec(text.slice(Math.max(0, at - 40), at));
      if (!before) continue;
      const prev = nameNorm(before[1]!);
      if (attributionCue(prev)) continue; // «وقالت تقارير» is this very mention
      // «المدرب مورينيو»، «جوزيه مورينيو»، «ميك فانينج»، «الأسترالي فانينج»
      if (
        isTitle(prev) ||
        GIVEN_NAMES.has(prev) ||
        (foreignShape(prev) && !isNisba(prev)) ||
        (isDefinite(prev) && isNisba(prev))
      )
        return true;
    }
    return false;
  }

  /** Speakers named together: each is resolved on its own; the group answers «وأضافا». */
  private group(phrase: SubjectPhrase, cue: AttributionCue | null, sentence: number): number | null {
    const parts = [{ ...phrase, also: undefined, joined: undefined, plural: false }, ...(phrase.also ?? [])];
    const introduced = (w: string): boolean => this.introduced(w);
    if (!parts.every((p) => this.knows(p) || plausiblePerson(p, introduced))) {
      // «علي أكبر ولايتي»: when the word after و is no name the article knows, it was part of the name.
      // After a family name («عادل الجبير ولافروف») a name never goes on: unsure, so nobody.
      const familyLast = isDefinite(nameWords(phrase.name).at(-1) ?? '');
      return phrase.joined && !familyLast ? this.resolve({ ...parts[0]!, name: phrase.joined }, cue, sentence) : null;
    }
    const ids = parts.map((p) => this.resolve(p, null, sentence));
    if (ids.some((id) => id === null)) return null; // unsure who the others are: nobody
    const entity: Entity = {
      kind: 'person',
      forms: [],
      profile: new Set(),
      description: null,
      gender: cue?.gender ?? null,
      plural: true,
      lastSeen: 0,
      lastSentence: sentence,
      members: ids as number[],
    };
    this.addForm(entity, parts.map((p) => p.name).join(' و'), nameKeys(phrase.name));
    this.entities.push(entity);
    return this.touch(this.entities.length - 1, sentence);
  }

  /** «بوتين» is not the «البابطين» of «عبدالعزيز سعود البابطين», though their keys agree. */
  private sameArticles(a: string, b: string): boolean {
    return nameWords(a).length <= nameWords(b).length ? articlesAgree(a, b) : articlesAgree(b, a);
  }

  private sameName(kind: SpeakerKind, a: readonly string[], b: readonly string[]): boolean {
    if (kind === 'anonymous') return a.length === b.length && isNamePart(a, b);
    return isNamePart(a, b) || isNamePart(b, a);
  }

  private title(phrase: SubjectPhrase, cue: AttributionCue | null, sentence: number): number | null {
    const described = this.described(phrase.name, cue);
    if (described !== null) return this.touch(described, sentence);
    // «وقال الوزير» after «التقى وزير الخارجية المصري سامح شكري …»: the person the title named.
    const mention = this.named.byTitle(phrase.name, sentence, (w) => PREPOSITIONS.has(w) || w === 'باسم');
    if (mention) return this.fromMention(mention, null, phrase.name, cue, sentence);
    const head = profileWords(phrase.name)[0] ?? '';
    if (PERSON_TITLES.has(head)) {
      // «قال فولوديمير زيلينسكي …» then «وقال الرئيس الأوكراني: …» — the title names him.
      const id = this.latest(
        (e) => e.kind === 'person' && !e.description && agrees(e, cue) && sentence - e.lastSentence <= TITLE_REACH,
      );
      if (id !== null) {
        this.describe(this.entities[id]!, phrase.name);
        return this.touch(id, sentence);
      }
    }
    // «وأضاف الدكتور التويجري» with his full name nowhere in the article: the family name, so titled.
    const family = titledFamilyName(phrase.name);
    if (family !== null) {
      const named: SubjectPhrase = { ...phrase, kind: 'named', name: family, description: phrase.name, certain: true };
      return this.resolve(named, cue, sentence);
    }
    // «وقال اللاعب لموقع ميلان: …» with no player named: an unnamed speaker, not a person to list.
    return this.create('anonymous', phrase, cue, sentence);
  }

  /** The latest speaker whose names and description hold every word of a title. */
  private described(title: string, cue: AttributionCue | null): number | null {
    const words = profileWords(title).filter((w) => !PREPOSITIONS.has(w) && w !== 'باسم');
    if (words.length === 0) return null;
    return this.latest((e) => words.every((w) => e.profile.has(w)) && agrees(e, cue));
  }

  private create(kind: SpeakerKind, phrase: SubjectPhrase, cue: AttributionCue | null, sentence: number): number {
    const entity: Entity = {
      kind,
      forms: [],
      profile: new Set(),
      description: null,
      gender: genderOf(phrase, cue),
      plural: phrase.plural,
      lastSeen: 0,
      lastSentence: sentence,
    };
    this.addForm(entity, phrase.name, nameKeys(phrase.name));
    if (phrase.description) this.describe(entity, phrase.description);
    if (phrase.apposition) for (const w of profileWords(phrase.apposition)) entity.profile.add(w);
    this.entities.push(entity);
    return this.touch(this.entities.length - 1, sentence);
  }

  private addForm(entity: Entity, surface: string, keys: readonly string[]): void {
    if (entity.forms.some((f) => f.surface === surface)) return;
    entity.forms.push({ surface, keys });
    for (const w of profileWords(surface)) entity.profile.add(w);
  }

  private describe(entity: Entity, description: string): void {
    entity.description = description;
    for (const w of profileWords(description)) entity.profile.add(w);
  }

  private latest(test: (e: Entity) => boolean): number | null {
    let best: number | null = null;
    this.entities.forEach((e, i) => {
      if (test(e) && (best === null || e.lastSeen > this.entities[best]!.lastSeen)) best = i;
    });
    return best;
  }

  private touch(id: number, sentence: number): number {
    this.unknownLatest = false;
    const e = this.entities[id]!;
    e.lastSeen = ++this.clock;
    e.lastSentence = sentence;
    return id;
  }
}

/**
 * Titles written before a person's name, hardly ever before an adjective: «المدرب الكرواتي»،
 * «المستشار القانوني»، «الطبيب المعالج» are descriptions, «الدكتور التويجري» a person.
 */
const NAME_TITLES = new Set(
  ['دكتور', 'دكتورة', 'شيخ', 'مهندس', 'مهندسة', 'لواء', 'عميد', 'عقيد', 'نقيب', 'أستاذ', 'أستاذة'].map((w) =>
    normalizeArabic(w),
  ),
);

/**
 * «الدكتور التويجري»، «الشيخ المطلق»: a definite title and one family name is that person,
 * named by the family name. Not a genitive after an indefinite title («رئيس البلدية»), not a
 * word in ة («المدير الجديدة» is no name).
 */
function titledFamilyName(phrase: string): string | null {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length !== 2) return null;
  const [title, family] = words.map((w) => normalizeArabic(w)) as [string, string];
  const definiteTitle = title === 'د' || (title.startsWith('ال') && NAME_TITLES.has(title.slice(2))); // «د.» is «الدكتور»
  if (!definiteTitle) return null;
  return isFamilyName(family) && !family.endsWith('ه') ? words[1]! : null;
}

/** Honorific pronouns and the title they stand for: «معاليه» is the «معالي …» named before. */
const HONORIFIC_TITLES: ReadonlyMap<string, string> = new Map(
  [
    ['معاليه', 'معالي'],
    ['سموه', 'سمو'],
    ['سموها', 'سمو'],
    ['سعادته', 'سعادة'],
    ['جلالته', 'جلالة'],
    ['فخامته', 'فخامة'],
    ['سماحته', 'سماحة'],
  ].map(([pronoun, title]) => [normalizeArabic(pronoun!), title!] as const),
);

/** The longest name form of a speaker (the first seen among equals). A new name is compared
 * with it: «الجهني» may be «فيصل الجهني», but «متعب الجهني» is someone else. */
function fullest(e: Entity): NameForm {
  let best = e.forms[0]!;
  for (const f of e.forms) if (f.keys.length > best.keys.length) best = f;
  return best;
}

function genderOf(phrase: SubjectPhrase, cue: AttributionCue | null): 'm' | 'f' | null {
  if (phrase.feminine !== null) return phrase.feminine ? 'f' : 'm';
  // «وكالة الأنباء الألمانية»، «الوزارة»: a body named by a head in ة is «قالت», never «وأوضح».
  if (phrase.kind === 'organization' && /ة$/.test(phrase.name.split(/\s+/)[0] ?? '')) return 'f';
  return cue && !cue.plural ? cue.gender : null;
}

/** Gender and number agreement between a speaker and a verb form. */
function agrees(e: Entity, cue: AttributionCue | null): boolean {
  if (!cue) return true;
  if (e.plural !== cue.plural) return false;
  return cue.plural || cue.gender === null || e.gender === null || e.gender === cue.gender;
}
