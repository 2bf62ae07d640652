import type { SentenceSpan } from '../text/split-sentences.js';
import { findTriggers, namesNewPerson, narratedSubject, type Trigger } from './attribution-triggers.js';
import { isDenial } from './reporting-verbs.js';
import type { ExtractedQuote, Speaker } from './quote.js';
import { quoteRole } from './quote-role.js';
import { isWord, sentenceItems, type SentenceItem } from './sentence-items.js';
import { ArticleSpeakers } from './speaker-registry.js';
import { QUOTE_LIMITS } from './quote-limits.js';
import { cutAtWord } from '../text/cut-at-word.js';
import { isBareQuoteLine, parentheticalSource } from './parenthetical-source.js';

/**
 * Quote extraction with speaker attribution for one article, run once at index time.
 *
 * Each sentence is read as narration plus quoted spans. Every attribution word in the
 * narration is first resolved to a speaker (see `findTriggers`). Then each real quotation
 * (see `quoteRole`) takes the nearest attribution before it in its sentence («أكد X: "…"»,
 * «ولفتت إلى أن "…"», «أعرب X عن "…"»), else one right after it («"…"، وأضاف زيلينسكي»),
 * else — when it opens its sentence — the speaker of the sentence before in the same
 * paragraph (a quote that runs on). A quote nobody can be found for is dropped: a wrong
 * speaker is worse than a missing quote.
 */

/** A quote at the start of a sentence looks this many items ahead for «، وأضاف X». */
const FORWARD_REACH = 3;

interface Found {
  readonly text: string;
  readonly speaker: number;
  readonly at: number;
}

/** «رابط الخبر بصحيفة الوئام: «طالبان» باكستان تنفي …»: a headline link, not narration. */
function isLinkLine(items: readonly SentenceItem[]): boolean {
  const first = items.find(isWord);
  return first !== undefined && (first.norm === 'رابط' || first.norm === 'المصدر');
}

/** «قال: «في كل ذات كبد رطبة أجر» متفق عليه»: a hadith with its source, not a speaker's words. */
const HADITH_SOURCES = new Set(['متفق', 'رواه', 'اخرجه', 'صححه', 'حسنه']);

/** The speaker of the quote item at `index`: the attribution before it, else right after it. */
function attribute(
  items: readonly SentenceItem[],
  index: number,
  triggers: readonly Trigger[],
  opensSentence: boolean,
): number | null {
  const next = triggers.find((t) => t.at > index);
  const close = next && items.slice(index + 1, next.at).filter((it) => it.kind !== 'punct').length < FORWARD_REACH;
  const after = close ? next.speaker : null;
  if (opensSentence) return after;
  return triggers.findLast((t) => t.at < index)?.speaker ?? after;
}

/** The quotations of one sentence with their speakers, in sentence order. */
function sentenceQuotes(
  sentence: string,
  items: readonly SentenceItem[],
  triggers: readonly Trigger[],
  consumed: ReadonlySet<number>,
  runsOn: number | null,
  source: () => number | null,
): Found[] {
  const verbs = new Set(triggers.filter((t) => t.cue.kind === 'verb').map((t) => t.at));
  const found: Found[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'quote' || consumed.has(i) || quoteRole(items, i, (k) => verbs.has(k)) !== 'quote') return;
    const after = items[i + 1];
    if (isWord(after) && HADITH_SOURCES.has(after.norm)) return;
    const opensSentence = !items.slice(0, i).some((it) => isWord(it) && it.norm !== 'و');
    const speaker = attribute(items, i, triggers, opensSentence) ?? (opensSentence ? (source() ?? runsOn) : null);
    if (speaker === null) return;
    // «استبعد أن تكون الإمدادات "حاسمة …"»: the quote keeps the denial that frames it.
    const governing = triggers.findLast((t) => t.at < i);
    const framed =
      governing &&
      governing.speaker === speaker &&
      isDenial(governing.cue) &&
      !items.slice(governing.at + 1, i).some((it) => it.surface === ':' || it.kind === 'quote');
    const text = framed ? sentence.slice(items[governing.at]!.start, item.end) : item.span.text;
    found.push({ text, speaker, at: framed ? items[governing.at]!.start : item.start });
  });
  for (const t of triggers) {
    if (t.colonClause && t.speaker !== null)
      found.push({ text: t.colonClause.text, speaker: t.speaker, at: t.colonClause.start });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Every quotation of an article with its speaker, in article order. `sentences` are
 * `splitSentences(parseArticle(id, text).body)`; `sentenceIndex` points into them.
 */
export function extractQuotes(sentences: readonly SentenceSpan[]): ExtractedQuote[] {
  // Each sentence's items, read once: attribution reads every sentence in turn, and the
  // article's mentions (see `ArticleMentions`) read some of them again, earlier or later.
  const itemsCache: (readonly SentenceItem[] | undefined)[] = [];
  const itemsOf = (i: number): readonly SentenceItem[] => (itemsCache[i] ??= sentenceItems(sentences[i]?.text ?? ''));
  const speakers = new ArticleSpeakers(
    () => sentences.map((s) => s.text).join('\n'),
    (i) => sentences[i]?.text,
    itemsOf,
  );
  const found: (Found & { sentenceIndex: number })[] = [];
  let last: { speaker: number; sentence: number; paragraph: number } | null = null;
  for (const [sentenceIndex, sentence] of sentences.entries()) {
    if (found.length >= QUOTE_LIMITS.perArticle) break;
    const { text, items } = boundedItems(sentence.text, itemsOf(sentenceIndex));
    const consumed = new Set<number>();
    const triggers = findTriggers(text, items, speakers, sentenceIndex, consumed);
    const runsOn: number | null =
      last !== null &&
      (last.sentence === sentenceIndex - 1 ||
        (last.paragraph === sentence.paragraph && sentenceIndex - last.sentence <= 2))
        ? last.speaker
        : null;
    if (isLinkLine(items)) continue;
    // «"…". (الكاتب الأميركي نوح فيلدمان …)»: a quote alone on its line, its source in parentheses after it.
    let cited: number | null | undefined;
    const source = (): number | null => {
      if (cited === undefined)
        cited = isBareQuoteLine(items) ? parentheticalSource(sentences, sentenceIndex, speakers) : null;
      return cited;
    };
    const quotes: Found[] = sentenceQuotes(text, items, triggers, consumed, runsOn, source).slice(
      0,
      QUOTE_LIMITS.perSentence,
    );
    for (const q of quotes) found.push({ ...q, sentenceIndex });
    const active: number | null =
      quotes.at(-1)?.speaker ?? triggers.findLast((t) => t.speaker !== null)?.speaker ?? null;
    // «وتطرق الدكتور الزهراني إلى …»: a sentence with no attribution may still put someone in focus.
    const focus =
      active === null && triggers.length === 0 ? narratedSubject(text, items, speakers, sentenceIndex) : null;
    if (active !== null) last = { speaker: active, sentence: sentenceIndex, paragraph: sentence.paragraph };
    else if (focus !== null) last = { speaker: focus, sentence: sentenceIndex, paragraph: sentence.paragraph };
    else if (triggers.length === 0 && namesNewPerson(text, items, speakers, sentenceIndex)) {
      // «كان ديون فان دن بيرج دليلا …»: someone new is brought in; «ويضيف:» may be about them.
      speakers.unknownSpeaker();
      last = null;
    }
  }
  const built = new Map<number, Speaker>();
  const speakerOf = (id: number): Speaker => {
    let s = built.get(id);
    if (!s) {
      s = speakers.speaker(id);
      built.set(id, s);
    }
    return s;
  };
  // Speakers named together («قال الجبير ولافروف») each get the quote.
  const quotes = found.flatMap((f) =>
    speakers.members(f.speaker).map((id) => ({ text: f.text, speaker: speakerOf(id), sentenceIndex: f.sentenceIndex })),
  );
  return withinBudget(
    quotes,
    sentences.reduce((n, s) => n + s.text.length, 0),
  );
}

/**
 * The sentence as attribution reads it (`items` are `sentenceItems(sentence)`): at most
 * `QUOTE_LIMITS.sentenceItems` items. A longer one is cut before the first item past the
 * cap and read again, so every later step (colon clauses, spans running to the end) works
 * on the bounded text only.
 */
function boundedItems(
  sentence: string,
  items: readonly SentenceItem[],
): { text: string; items: readonly SentenceItem[] } {
  if (items.length <= QUOTE_LIMITS.sentenceItems) return { text: sentence, items };
  const text = sentence.slice(0, items[QUOTE_LIMITS.sentenceItems]!.start).trimEnd();
  return { text, items: sentenceItems(text) };
}

/**
 * Quotes cut to `QUOTE_LIMITS.quoteChars` at a word, and no more stored text in all than
 * the article's size allows: later quotes past the budget are dropped.
 */
function withinBudget(quotes: readonly ExtractedQuote[], bodyChars: number): ExtractedQuote[] {
  let budget = QUOTE_LIMITS.storedFloor + bodyChars * QUOTE_LIMITS.storedPerBodyChar;
  const kept: ExtractedQuote[] = [];
  for (const q of quotes.slice(0, QUOTE_LIMITS.perArticle)) {
    const text = cutAtWord(q.text, QUOTE_LIMITS.quoteChars);
    budget -= text.length;
    if (budget < 0) break;
    kept.push(text === q.text ? q : { ...q, text });
  }
  return kept;
}
