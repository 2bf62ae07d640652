/**
 * Matching of system quotes against the hand-annotated gold set (eval/quotes/), shared by
 * `npm run eval:quotes`. Kept apart from the script's file reading so the rules below can
 * be read (and changed) in one place.
 *
 * Span: a gold quote is located in the article body by its `start` and `end` fragments
 * (the first occurrence of `start`, then the first occurrence of `end` from there), both
 * compared with diacritics, tatweel, quotation marks and letter variants (أ/ا، ى/ي، ة/ه)
 * folded and runs of spaces collapsed. A system quote's span is where its text stands in
 * its sentence. Two spans match when they overlap by at least one character. Gold and
 * system quotes are paired one to one, greedily, speaker-right pairs first, then by the
 * largest overlap.
 *
 * Speaker (strict, see `sameSpeaker`):
 * - person: the system gives a person, every word of its name is a word of the gold name,
 *   and it holds the gold name's first and last words (given and family name). «عبد X»
 *   counts as one word. So «السيسي» for «عبد الفتاح السيسي» is wrong (the bare family
 *   name is a damaged name), and so are «محمد شياع» (cut) and «الرئيس عبد الفتاح السيسي»
 *   (a title inside the name). A one-word gold name must be given exactly.
 * - organization: the system gives an organization and its name without a generic head
 *   («وكالة», «وزارة» …) equals the gold one's, or one is a run of the other's words of at
 *   least two words («وزارة الصحة» = «وزارة الصحة السعودية»).
 * - anonymous: the system gives an anonymous speaker with the same head noun («مصدر
 *   أمني» = «المصدر الأمني» = «مصدر»).
 * Words are compared by their phonetic name keys (the same as person lookup uses), so
 * spelling variants of a foreign name («بوتين»/«بوتن») agree.
 */
import { nameKey } from '../../src/core/text/name-key.js';
import { nameWords } from '../../src/core/people/person-name-keys.js';
import { organizationCore } from '../../src/core/people/person-keys.js';
import type { Speaker, SpeakerKind } from '../../src/core/quotes/quote.js';

export interface GoldQuote {
  readonly speaker: string;
  readonly kind: SpeakerKind;
  readonly start: string;
  readonly end: string;
  readonly form?: string;
  readonly verb?: string;
  readonly note?: string;
}

export interface GoldArticle {
  readonly id: string;
  readonly split: 'dev' | 'test';
  readonly quotes: readonly GoldQuote[];
  readonly notQuotes?: readonly { readonly text: string; readonly why?: string }[];
}

export interface SystemQuote {
  readonly text: string;
  readonly speaker: Speaker;
  /** Offsets in the article body. */
  readonly start: number;
  readonly end: number;
}

export interface LocatedGold extends GoldQuote {
  /** Offsets in the body, or null when the `start` fragment is not in the text. */
  readonly span: { readonly start: number; readonly end: number } | null;
}

/** Folds one character as the matcher compares them; '' drops it. */
function fold(ch: string): string {
  if (/[\u064B-\u065F\u0670\u0640«»“”„‟"'\u200B-\u200F]/.test(ch)) return '';
  if (/\s/.test(ch)) return ' ';
  if (/[آأإٱ]/.test(ch)) return 'ا';
  if (ch === 'ى') return 'ي';
  if (ch === 'ة') return 'ه';
  return ch;
}

/** A folded text with, for each of its characters, the offset it came from. */
function folded(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]!);
    if (f === '' || (f === ' ' && (out === '' || out.endsWith(' ')))) continue;
    out += f;
    at.push(i);
  }
  return { text: out, at };
}

const foldFragment = (fragment: string): string => folded(fragment).text.trim();

/** Locates each gold quote in the body by its start and end fragments. */
export function locateGold(body: string, quotes: readonly GoldQuote[]): LocatedGold[] {
  const b = folded(body);
  return quotes.map((q) => {
    const start = foldFragment(q.start);
    const s = start === '' ? -1 : b.text.indexOf(start);
    if (s < 0) return { ...q, span: null };
    const end = foldFragment(q.end);
    let e = end === '' ? -1 : b.text.indexOf(end, s);
    if (e < 0) e = s;
    const last = Math.max(s + start.length, e + end.length) - 1;
    return { ...q, span: { start: b.at[s]!, end: b.at[Math.min(last, b.at.length - 1)]! + 1 } };
  });
}

/** Where a fragment (a not-quote name) stands in the body, or null. */
export function locateText(body: string, fragment: string): { start: number; end: number } | null {
  const b = folded(body);
  const f = foldFragment(fragment);
  const s = f === '' ? -1 : b.text.indexOf(f);
  return s < 0 ? null : { start: b.at[s]!, end: b.at[s + f.length - 1]! + 1 };
}

/** Name words with «عبد X» joined, as phonetic keys. */
function personWords(name: string): string[] {
  const words = nameWords(name);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === 'عبد' || w === 'ابو') && i + 1 < words.length) out.push(nameKey(w + words[++i]!));
    else out.push(nameKey(w));
  }
  return out;
}

const headNoun = (description: string): string => nameKey((nameWords(description)[0] ?? '').replace(/^ال/, ''));

const isRun = (part: readonly string[], whole: readonly string[]): boolean => {
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((k, j) => whole[i + j] === k)) return true;
  return false;
};

/** Is the system speaker the gold speaker, by the strict rules in this file's header? */
export function sameSpeaker(gold: GoldQuote, system: Speaker): boolean {
  if (gold.kind !== system.kind) return false;
  if (gold.kind === 'person') {
    const g = personWords(gold.speaker);
    const s = personWords(system.name);
    if (g.length === 0 || s.length === 0) return false;
    if (g.length === 1) return s.length === 1 && s[0] === g[0];
    return s.every((w) => g.includes(w)) && s.includes(g[0]!) && s.includes(g.at(-1)!);
  }
  if (gold.kind === 'organization') {
    const g = organizationCore(gold.speaker).map(nameKey);
    const s = organizationCore(system.name).map(nameKey);
    if (g.join(' ') === s.join(' ')) return true;
    const [short, long] = g.length <= s.length ? [g, s] : [s, g];
    return short.length >= 2 && isRun(short, long);
  }
  return headNoun(gold.speaker) === headNoun(system.name);
}

export interface ArticleResult {
  readonly id: string;
  readonly split: 'dev' | 'test';
  /** Gold quotes with the system quote paired with them, if any. */
  readonly pairs: readonly {
    readonly gold: LocatedGold;
    readonly system: SystemQuote | null;
    readonly right: boolean;
  }[];
  /** System quotes paired with no gold quote; `notQuote` when they stand on an annotated non-quote. */
  readonly extra: readonly { readonly system: SystemQuote; readonly notQuote: string | null }[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Pairs one article's system quotes with its gold quotes. */
export function matchArticle(gold: GoldArticle, body: string, system: readonly SystemQuote[]): ArticleResult {
  const located = locateGold(body, gold.quotes);
  const candidates: { g: number; s: number; right: boolean; size: number }[] = [];
  located.forEach((g, gi) => {
    if (!g.span) return;
    system.forEach((s, si) => {
      const size = overlap(g.span!, s);
      if (size > 0) candidates.push({ g: gi, s: si, right: sameSpeaker(g, s.speaker), size });
    });
  });
  candidates.sort((a, b) => Number(b.right) - Number(a.right) || b.size - a.size);
  const goldTaken = new Map<number, { s: number; right: boolean }>();
  const systemTaken = new Set<number>();
  for (const c of candidates) {
    if (goldTaken.has(c.g) || systemTaken.has(c.s)) continue;
    goldTaken.set(c.g, { s: c.s, right: c.right });
    systemTaken.add(c.s);
  }
  const notQuotes = (gold.notQuotes ?? []).map((n) => ({ text: n.text, at: locateText(body, n.text) }));
  return {
    id: gold.id,
    split: gold.split,
    pairs: located.map((g, gi) => {
      const t = goldTaken.get(gi);
      return { gold: g, system: t ? system[t.s]! : null, right: t?.right ?? false };
    }),
    extra: system
      .filter((_, si) => !systemTaken.has(si))
      .map((s) => ({
        system: s,
        notQuote: notQuotes.find((n) => n.at && overlap(n.at, s) > 0)?.text ?? null,
      })),
  };
}

export interface Scores {
  readonly gold: number;
  readonly system: number;
  readonly strict: number;
  readonly spans: number;
}

export function score(results: readonly ArticleResult[]): Scores {
  let gold = 0;
  let system = 0;
  let strict = 0;
  let spans = 0;
  for (const r of results) {
    gold += r.pairs.length;
    system += r.pairs.filter((p) => p.system).length + r.extra.length;
    strict += r.pairs.filter((p) => p.right).length;
    spans += r.pairs.filter((p) => p.system).length;
  }
  return { gold, system, strict, spans };
}

/** Precision, recall and F1 of `hits` out of `system` found and `gold` expected. */
export function prf(hits: number, system: number, gold: number): { p: number; r: number; f: number } {
  const p = system === 0 ? 1 : hits / system;
  const r = gold === 0 ? 1 : hits / gold;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
