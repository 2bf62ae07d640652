import { isNamePart, nameKeys, nameWords } from '../people/person-name-keys.js';
import type { Speaker, SpeakerKind } from './quote.js';
import type { AttributionCue } from './reporting-verbs.js';
import { PERSON_TITLES, PREPOSITIONS, withoutArticle } from './speaker-lexicon.js';
import type { SubjectPhrase } from './subject-phrase.js';

/**
 * The speakers of one article, in the order the text brings them up. It answers the two
 * questions attribution keeps asking: who is this phrase («كوروتشينكو» is the «إيغور
 * كوروتشينكو» quoted before; «الرئيس الأوكراني» is the Zelensky just named; «المسؤول» is
 * the «مسؤول حكومي» of the previous sentence), and who is the subject of a verb without
 * one (وأوضحت: → the latest feminine singular speaker).
 */

/** How many sentences back a bare title («الرئيس الأوكراني») may reach for an undescribed person. */
const TITLE_REACH = 3;

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
}

const profileWords = (text: string): string[] => nameWords(text).map(withoutArticle);

/** Speaker tracking for one article; build a new one per article. */
export class ArticleSpeakers {
  private readonly entities: Entity[] = [];
  private clock = 0;

  /** The speaker a subject phrase stands for (created when new), or null when it cannot tell. */
  resolve(phrase: SubjectPhrase, cue: AttributionCue | null, sentence: number): number | null {
    if (phrase.kind === 'pronoun') return cue ? this.anaphor(cue, sentence) : null;
    if (phrase.kind === 'title') return this.title(phrase, cue, sentence);
    const keys = nameKeys(phrase.name);
    if (keys.length === 0) return null;
    const kind: SpeakerKind = phrase.kind === 'named' ? 'person' : phrase.kind;
    const id = this.latest((e) => e.kind === kind && this.sameName(kind, keys, fullest(e).keys));
    if (id === null) return this.create(kind, phrase, cue, sentence);
    const entity = this.entities[id]!;
    this.addForm(entity, phrase.name, keys);
    if (!entity.description && phrase.description) this.describe(entity, phrase.description);
    entity.gender ??= genderOf(phrase, cue);
    return this.touch(id, sentence);
  }

  /** The latest speaker agreeing with a verb that has no stated subject. */
  anaphor(cue: AttributionCue, sentence: number): number | null {
    const id = this.latest((e) => agrees(e, cue));
    return id === null ? null : this.touch(id, sentence);
  }

  /** True when the phrase names a speaker already seen (a cue that a preverbal noun is the subject). */
  knows(phrase: SubjectPhrase): boolean {
    if (phrase.kind === 'title') return this.described(phrase.name, null) !== null;
    const keys = nameKeys(phrase.name);
    return this.entities.some((e) => e.forms.some((f) => isNamePart(keys, f.keys)));
  }

  /** The speaker as quotes carry it: the fullest name, the other forms as aliases. */
  speaker(id: number): Speaker {
    const e = this.entities[id]!;
    const best = fullest(e);
    const aliases = e.forms.filter((f) => f !== best).map((f) => f.surface);
    return { name: best.surface, aliases, kind: e.kind, description: e.description };
  }

  private sameName(kind: SpeakerKind, a: readonly string[], b: readonly string[]): boolean {
    if (kind === 'anonymous') return a.length === b.length && isNamePart(a, b);
    return isNamePart(a, b) || isNamePart(b, a);
  }

  private title(phrase: SubjectPhrase, cue: AttributionCue | null, sentence: number): number | null {
    const described = this.described(phrase.name, cue);
    if (described !== null) return this.touch(described, sentence);
    const head = profileWords(phrase.name)[0] ?? '';
    if (PERSON_TITLES.has(head)) {
      // «قال فولوديمير زيلينسكي …» then «وقال الرئيس الأوكراني: …» — the title names him.
      const id = this.latest((e) => e.kind === 'person' && !e.description && agrees(e, cue) && sentence - e.lastSentence <= TITLE_REACH);
      if (id !== null) {
        this.describe(this.entities[id]!, phrase.name);
        return this.touch(id, sentence);
      }
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
      kind, forms: [], profile: new Set(), description: null, gender: genderOf(phrase, cue),
      plural: phrase.plural, lastSeen: 0, lastSentence: sentence,
    };
    this.addForm(entity, phrase.name, nameKeys(phrase.name));
    if (phrase.description) this.describe(entity, phrase.description);
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
    const e = this.entities[id]!;
    e.lastSeen = ++this.clock;
    e.lastSentence = sentence;
    return id;
  }
}

/** The longest name form of a speaker (the first seen among equals). A new name is compared
 * with it: «الجهني» may be «فيصل الجهني», but «متعب الجهني» is someone else. */
function fullest(e: Entity): NameForm {
  let best = e.forms[0]!;
  for (const f of e.forms) if (f.keys.length > best.keys.length) best = f;
  return best;
}

function genderOf(phrase: SubjectPhrase, cue: AttributionCue | null): 'm' | 'f' | null {
  if (phrase.feminine !== null) return phrase.feminine ? 'f' : 'm';
  return cue && !cue.plural ? cue.gender : null;
}

/** Gender and number agreement between a speaker and a verb form. */
function agrees(e: Entity, cue: AttributionCue | null): boolean {
  if (!cue) return true;
  if (e.plural !== cue.plural) return false;
  return cue.plural || cue.gender === null || e.gender === null || e.gender === cue.gender;
}
