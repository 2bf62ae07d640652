import type { SentenceSpan } from '../text/split-sentences.js';
import type { Token } from '../text/tokenize.js';
import { tokenize } from '../text/tokenize.js';

/**
 * What a sentence is doing in its article. News pages carry lines that are not prose:
 * section headings («قلق غربي»), photo captions, datelines and bylines («ناصر الطميحي ـ
 * جدة»), teasers («...المزيد», «المقادير:»). They are short and often match a topic's
 * words exactly, so a scorer left to itself picks them, and a summary made of them says
 * nothing. Decided once at index time and stored with each sentence, so choosing a
 * summary stays a lookup.
 */
export type SentenceRole = 'body' | 'heading' | 'caption' | 'byline' | 'dateline' | 'teaser' | 'fragment';

/** Limits of the role rules, in words as `tokenize` counts them. */
export const SENTENCE_ROLE_LIMITS = {
  /** A paragraph of at most this many words with no sentence-final mark reads as a heading. */
  headingWords: 12,
  /** A line ending in a colon or an ellipsis and at most this long introduces something else. */
  teaserWords: 15,
  /** A line ending in an ellipsis with fewer words than this is a teaser, not a sentence. */
  ellipsisSentenceWords: 6,
  /** Captions and bylines that start with their marker word are at most this long. */
  markedLineWords: 20,
  /** A paragraph that is one question of at most this many words is a heading. */
  questionHeadingWords: 6,
  /** Fewer words than this is not a sentence («وأضاف:», «تصوير»). */
  fragmentWords: 3,
} as const satisfies Record<string, number>;

/** Ends a sentence of prose: a full stop, ! ? ؟, possibly before closing quotes or brackets. */
const PROSE_END = /[.!?؟]["'»”)\]]*$/u;
/** A line that hands over to what follows: «المقادير:», «وجاء في البيان ما يلي:». */
const HAND_OVER_END = /:["'»”)\]]*$/u;
/**
 * A trailing ellipsis. Many writers end full sentences with «...», so it marks a teaser
 * only in a line too short to be a sentence of its own («وهناك أمر آخر ...»).
 */
const ELLIPSIS_END = /(?:\.\.\.|…)["'»”)\]]*$/u;
/** A teaser link left in the text: «...المزيد», «التفاصيل ←». */
const TEASER = /^(?:\.\.\.|…)|(?:المزيد|التفاصيل)\s*[←»>]*$/u;
/** Caption markers at the start of a line: صورة، الصورة، تصوير، (أرشيفية)، فيديو. */
const CAPTION_START = /^[([«*•\-–\s]*(?:ال)?(?:صورة|صور|تصوير|فيديو|أرشيفية|ارشيفية|photo|caption)(?=[\s:\-–ـ)»]|$)/iu;
/** Byline markers: كتب، بقلم، إعداد، تحرير، ترجمة، المصدر، حوار. */
const BYLINE_START = /^[([«*•\-–\s]*(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|ترجمة|المصدر|حوار|بواسطة|by)(?=[\s:\-–ـ]|$)/iu;
/** What follows a caption or byline marker word: «تصوير: …», «كتب - …». */
const MARKER_PUNCT = /^\s*[:\-–ـ]/u;
/** A line wholly in brackets: «(صورة أرشيفية)», «[فيديو]». */
const PARENTHESIZED = /^[([][^()[\]]*[)\]][.]?$/u;
/** An agency credit: a dateline when it stands in a short line. */
const AGENCY =
  /\((?:أ\s*ف\s*ب|ا\s*ف\s*ب|رويترز|أ\s*ش\s*أ|واس|د\s*ب\s*أ|قنا|وام|بنا|كونا|سبأ|الأناضول|AFP|Reuters|AP)\)|\/(?:واس|سبأ|قنا|وام)\//u;
/** A question standing alone as a paragraph is a section heading when short («ما الذي تغيّر؟»). */
const QUESTION_END = /[?؟]["'»”)\]]*$/u;
/** A list bullet a heading or a sub-item begins with. */
const BULLET = /^[*•▪■◆\-–]\s*/u;

/**
 * The role of every sentence of an article. A sentence is prose (`body`) unless one of
 * these says otherwise, checked in this order:
 * - `teaser`: «...المزيد»-style links, short lines that end in a colon (they introduce a
 *   list or a quote), and very short ones that trail off in an ellipsis;
 * - `caption` / `byline`: short lines that open with a caption or byline marker;
 * - `dateline`: a short line carrying an agency credit, or «الاسم ـ المدينة»;
 * - `heading`: a paragraph that is one short sentence without a sentence-final mark (or a
 *   bulleted one of any length), or one short question;
 * - `fragment`: fewer than {@link SENTENCE_ROLE_LIMITS.fragmentWords} words.
 */
export function sentenceRoles(
  sentences: readonly SentenceSpan[],
  sentenceTokens?: readonly (readonly Token[])[],
): SentenceRole[] {
  const tokens = sentenceTokens ?? sentences.map((s) => tokenize(s.text));
  const perParagraph = new Map<number, number>();
  for (const s of sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  return sentences.map((s, i) => {
    const words = tokens[i]!.length;
    const text = s.text.trim();
    const wholeParagraph = perParagraph.get(s.paragraph) === 1;
    if (TEASER.test(text) && words <= SENTENCE_ROLE_LIMITS.teaserWords) return 'teaser';
    if (HAND_OVER_END.test(text) && words <= SENTENCE_ROLE_LIMITS.teaserWords) return 'teaser';
    if (ELLIPSIS_END.test(text) && words < SENTENCE_ROLE_LIMITS.ellipsisSentenceWords) return 'teaser';
    const prose = PROSE_END.test(text);
    // «صور الأقمار الصناعية أظهرت …» and «كتب الرئيس أن …» are prose: a marker word counts
    // only before a colon or dash, or in a short line that does not end like a sentence.
    const marked = (start: RegExp) => {
      const m = start.exec(text);
      if (!m || words > SENTENCE_ROLE_LIMITS.markedLineWords) return false;
      return MARKER_PUNCT.test(text.slice(m[0].length)) || (!prose && words <= SENTENCE_ROLE_LIMITS.headingWords);
    };
    if (marked(CAPTION_START) || (PARENTHESIZED.test(text) && words <= SENTENCE_ROLE_LIMITS.headingWords))
      return 'caption';
    if (marked(BYLINE_START)) return 'byline';
    if (!prose && words <= SENTENCE_ROLE_LIMITS.headingWords && (AGENCY.test(text) || /\s[ـ–-]\s*\S+$/u.test(text)))
      return 'dateline';
    if (wholeParagraph && QUESTION_END.test(text) && words <= SENTENCE_ROLE_LIMITS.questionHeadingWords)
      return 'heading';
    if (wholeParagraph && !prose && (words <= SENTENCE_ROLE_LIMITS.headingWords || BULLET.test(text))) return 'heading';
    if (words < SENTENCE_ROLE_LIMITS.fragmentWords) return 'fragment';
    return 'body';
  });
}

/** Whether a sentence of this role may be a summary sentence. */
export function isSummaryRole(role: SentenceRole): boolean {
  return role === 'body';
}
