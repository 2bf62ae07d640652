/** A feed item as a test composes it; every field optional, as in real feeds. */
export interface TestItem {
  readonly guid?: string;
  readonly link?: string;
  readonly title?: string;
  readonly date?: string;
  /** Full HTML content (content:encoded in RSS, content in Atom). */
  readonly content?: string;
  /** Short text (description / summary). */
  readonly description?: string;
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const tag = (name: string, value: string | undefined, attrs = '') =>
  value === undefined ? '' : `<${name}${attrs}>${esc(value)}</${name}>`;

/** RSS 2.0 with content:encoded and dc namespaces. */
export function rss2(title: string, items: readonly TestItem[], encoding = 'UTF-8'): string {
  const body = items
    .map(
      (i) =>
        `<item>${tag('title', i.title)}${tag('link', i.link)}${tag('guid', i.guid, ' isPermaLink="false"')}${tag('pubDate', i.date ? new Date(i.date).toUTCString() : undefined)}${tag('description', i.description)}${tag('content:encoded', i.content)}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${esc(title)}</title><link>http://example.org/</link><description>test</description>
${body}
</channel></rss>`;
}

/** Atom 1.0. */
export function atom(title: string, items: readonly TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<entry>${tag('id', i.guid)}${tag('title', i.title)}${i.link ? `<link rel="alternate" href="${esc(i.link)}"/>` : ''}${tag('updated', i.date)}${tag('summary', i.description)}${tag('content', i.content, ' type="html"')}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test</id><updated>2026-03-27T00:00:00Z</updated>
${body}
</feed>`;
}

/** RDF (RSS 1.0) with dc:date. */
export function rdf(title: string, items: readonly TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item rdf:about="${esc(i.link ?? '')}">${tag('title', i.title)}${tag('link', i.link)}${tag('description', i.content ?? i.description)}${tag('dc:date', i.date)}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.org/"><title>${esc(title)}</title><link>http://example.org/</link><description>test</description></channel>
${body}
</rdf:RDF>`;
}

/** An article page as a news site serves it: navigation, the article, a footer, a script. */
export function articlePage(title: string, paragraphs: readonly string[], charsetMeta = 'utf-8'): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="${charsetMeta}"><title>${esc(title)}</title>
<script>window.secret = fetch('file:///etc/passwd')</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/economy">اقتصاد</a></nav>
<article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<aside><a href="/more">اقرأ أيضا</a></aside><footer>جميع الحقوق محفوظة</footer></body></html>`;
}
