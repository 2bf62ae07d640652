import { parseHTML } from 'linkedom';

/** Elements that end a paragraph: their text becomes its own line. */
const BLOCKS =
  'p, div, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, section, article, header, footer, figcaption, dd, dt';
/** Elements whose text is never article text. */
const DROP =
  'script, style, noscript, template, iframe, object, embed, svg, math, form, button, select, textarea, nav, figure > img';

/**
 * Turns an HTML fragment (a feed's content or Readability's output) into plain
 * paragraphs, one a line. Parsed by linkedom, which builds a DOM and never runs a script;
 * scripts, styles and forms are dropped, block elements and `<br>` end lines.
 */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return splitLines(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  for (const br of [...document.querySelectorAll('br')]) br.replaceWith(document.createTextNode('\n'));
  for (const el of [...document.querySelectorAll(BLOCKS)]) {
    el.before(document.createTextNode('\n'));
    el.after(document.createTextNode('\n'));
  }
  return splitLines(document.body?.textContent ?? '');
}

function splitLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** Words in the text of an HTML fragment: how a teaser is told from a full article. */
export function countWords(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return n;
}
