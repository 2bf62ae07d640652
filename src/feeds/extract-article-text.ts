import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToParagraphs } from './html-to-paragraphs.js';

/** Readability's threshold of characters for a page to count as an article; Arabic news paragraphs pass it. */
const CHAR_THRESHOLD = 200;

/** A page's main text, as paragraphs, with what the page says about itself. */
export interface ExtractedArticle {
  readonly title: string | null;
  readonly paragraphs: string[];
  readonly publishedTime: string | null;
}

/**
 * Extracts an article page's main text with Mozilla's Readability (Firefox Reader View)
 * over a linkedom DOM: no script runs, nothing is loaded. Paragraphs are kept, one a
 * line. Null when Readability finds no article.
 */
export function extractArticleText(html: string, url: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  for (const el of [...document.querySelectorAll('script, style, noscript, template')]) el.remove();
  // Readability resolves relative links against the document's URL.
  try {
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  } catch {
    /* linkedom may not allow it; only link rewriting depends on it */
  }
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: CHAR_THRESHOLD,
    }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const paragraphs = htmlToParagraphs(parsed.content);
  if (paragraphs.length === 0) return null;
  return { title: parsed.title?.trim() || null, paragraphs, publishedTime: parsed.publishedTime ?? null };
}
