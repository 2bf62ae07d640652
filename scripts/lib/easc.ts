import { readFileSync } from 'node:fs';

/**
 * Reading EASC (Essex Arabic Summaries Corpus, CC BY-SA 3.0 / with permission; see
 * `../shared/eval/easc/COPYRIGHT`) for the summary evaluation.
 */

/** One EASC article with its five human extractive summaries. */
export interface EascRecord {
  readonly topic: string;
  readonly articleFile: string;
  readonly article: string;
  readonly summaries: readonly string[];
}

/** Reads `easc.jsonl`: one JSON record per line (topic, article_file, article, summaries[]). */
export function loadEasc(path: string): EascRecord[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (typeof raw.article !== 'string' || !Array.isArray(raw.summaries)) {
        throw new Error(`${path}:${i + 1}: expected article and summaries[]`);
      }
      return {
        topic: String(raw.topic ?? ''),
        articleFile: String(raw.article_file ?? ''),
        article: raw.article,
        summaries: (raw.summaries as unknown[]).map(String),
      };
    });
}

/**
 * A full stop glued to the next word («نوح.و تعني», «عام 1965.قدم»), after two Arabic
 * letters or a digit so that abbreviations such as «د.محمد» stay whole.
 */
const GLUED_STOP = /(\p{Script=Arabic}{2}|\d)([.؟!])(?=\p{Script=Arabic})/gu;

/** A line ending in one of these (before closing quotes, brackets, citation marks) ends a paragraph. */
const PARAGRAPH_END = /[.!?؟…:]$/;
/** Closing quotes/brackets and Wikipedia citation marks ([4] [5]) that may follow the final stop. */
const TRAILING_CLOSERS = /(?:[\s»”"')\]]|\[\d+\])+$/u;

/**
 * Undoes EASC's hard wrapping. The newspaper articles (Alwatan, Alrai) are wrapped at
 * ~80 columns, so a line break there is not a paragraph break; `splitSentences` treats
 * every line as a paragraph and would cut sentences at each wrap. A line that does not
 * end in sentence-final punctuation is therefore joined to the next with a space; blank
 * lines always end a paragraph. Wikipedia articles (one paragraph per line, each ending
 * in a full stop) pass through unchanged.
 */
export function unwrapEascArticle(article: string): string {
  const paragraphs: string[] = [];
  let current = '';
  for (const rawLine of article.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      if (current) paragraphs.push(current);
      current = '';
      continue;
    }
    current = current ? `${current} ${line}` : line;
    if (PARAGRAPH_END.test(line.replace(TRAILING_CLOSERS, ''))) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n');
}

/**
 * Puts back the space EASC often drops after a full stop («…إلى نوح.و تعني…»). The
 * annotators chose among sentences split at every full stop, so leaving these glued would
 * hand the summarizer two-to-five-sentence blocks they never saw as one unit.
 */
export function respaceEascStops(text: string): string {
  return text.replace(GLUED_STOP, '$1$2 ');
}

/** The article text as nashra would hold it: one paragraph per line, sentences spaced. */
export function prepareEascArticle(article: string): string {
  return respaceEascStops(unwrapEascArticle(article));
}
