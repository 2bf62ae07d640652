import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/feeds/decode-text.js';
import { parseFeedDocument } from '../../src/feeds/parse-feed-document.js';
import { rss2 } from './support/compose-feeds.js';
import { toWindows1256 } from './support/arabic-news.js';

const ENTITY_BOMB = `<?xml version="1.0"?><!DOCTYPE z [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>t</title><item><title>&bbbbbbbb;</title></item></channel></rss>`;
const EXTERNAL_ENTITY = `<?xml version="1.0"?><!DOCTYPE z [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>x</title><description>&x;</description></item></channel></rss>`;

describe('parseFeedDocument', () => {
  it.each([
    ['an HTML page', '<!doctype html><html><body><p>hello</p></body></html>'],
    ['truncated XML', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti'],
  ])('refuses %s with a message', (_what, text) => {
    expect(() => parseFeedDocument(text, 'http://example.org/feed', 10)).toThrow(
      /not a readable RSS, Atom or RDF feed/,
    );
  });

  it('does not expand nested DOCTYPE entities (no entity-expansion bomb)', () => {
    const title = parseFeedDocument(ENTITY_BOMB, 'http://example.org/feed', 10).items[0]?.title ?? '';
    expect(title.length).toBeLessThan(1000);
  });

  it('never reads a file named by an external entity', () => {
    let summary: string | null = null;
    try {
      summary = parseFeedDocument(EXTERNAL_ENTITY, 'http://example.org/feed', 10).items[0]?.summary ?? null;
    } catch {
      summary = null;
    }
    expect(summary ?? '').not.toMatch(/root:/);
  });

  it.each([
    ['/news/1', 'http://example.org/news/1'],
    ['https://other.example/a?b=1', 'https://other.example/a?b=1'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
  ])('link %j → %j', (link, expected) => {
    const doc = parseFeedDocument(rss2('t', [{ title: 'x', link }]), 'http://example.org/feed', 10);
    expect(doc.items[0]!.link).toBe(expected);
  });

  it('keeps at most maxItems items, in feed order', () => {
    const doc = parseFeedDocument(
      rss2(
        't',
        Array.from({ length: 5 }, (_, i) => ({ guid: `g${i}`, title: `t${i}` })),
      ),
      'http://example.org/',
      3,
    );
    expect(doc.items.map((i) => i.guid)).toEqual(['g0', 'g1', 'g2']);
  });
});

describe('decodeText', () => {
  const arabic = 'الأخبار «اليوم»';
  it.each([
    ['header', toWindows1256(arabic), 'text/xml; charset=windows-1256', 'header'],
    ['header alias cp1256', toWindows1256(arabic), 'text/xml; charset=cp1256', 'header'],
    [
      'XML declaration',
      Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1256"?>'), toWindows1256(arabic)]),
      'application/xml',
      'xml-declaration',
    ],
    [
      'HTML meta',
      Buffer.concat([
        Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'),
        toWindows1256(arabic),
      ]),
      'text/html',
      'html-meta',
    ],
    [
      'UTF-8 BOM over a wrong header',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(arabic)]),
      'text/html; charset=windows-1256',
      'bom',
    ],
    ['UTF-8 by default', Buffer.from(arabic), null, 'default'],
    ['an unknown label falls back to UTF-8', Buffer.from(arabic), 'text/html; charset=x-unknown', 'default'],
  ])('%s', (_what, bytes, type, source) => {
    const decoded = decodeText(bytes, type);
    expect(decoded.text).toContain(arabic);
    expect(decoded.source).toBe(source);
  });
});
