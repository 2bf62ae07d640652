import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/commands/reply.js';
import { FSI, PDI } from '../../src/core/render/bidi.js';
import { renderReply } from '../../src/telegram/render-reply.js';
import { TELEGRAM_MAX_MESSAGE } from '../../src/telegram/telegram-limits.js';
import type { TelegramMessage } from '../../src/telegram/telegram-message.js';
import { checkTelegramEntities } from '../../emulators/check-telegram-entities.js';

/** What the user reads, and which parts are bold, for one rendered message (its entities checked as Telegram would). */
function read(message: TelegramMessage) {
  const { text } = message;
  const entities = checkTelegramEntities(text, message.entities);
  return {
    text,
    bold: entities.filter((e) => e.type === 'bold').map((e) => text.slice(e.offset, e.offset + e.length)),
    entities,
  };
}

const strip = (s: string) => s.replaceAll(FSI, '').replaceAll(PDI, '');

describe('renderReply: user text stays text', () => {
  it.each([
    ['a title', { locale: 'en', title: '<b>not bold</b>' } as Reply, '<b>not bold</b>'],
    [
      'a paragraph',
      { locale: 'ar', text: ['نتائج <script>alert(1)</script>'] } as Reply,
      'نتائج <script>alert(1)</script>',
    ],
    ['a heading', { locale: 'en', items: [{ heading: 'A & B "quoted"', lines: [] }] } as Reply, 'A & B "quoted"'],
    [
      'a line',
      { locale: 'en', items: [{ heading: 'h', lines: [{ text: 'x < y > z &amp;' }] }] } as Reply,
      'x < y > z &amp;',
    ],
    [
      'a quote',
      { locale: 'ar', items: [{ heading: 'h', lines: [], quote: { speaker: '<i>X</i>', text: 'قال <b>' } }] } as Reply,
      '<i>X</i>',
    ],
    [
      'FTS5 operators',
      { locale: 'en', title: 'Results for: "a" AND b* NEAR(c)' } as Reply,
      'Results for: "a" AND b* NEAR(c)',
    ],
  ])('shows %s as typed, with no markup taking effect', (_, reply, visible) => {
    const [message] = renderReply(reply);
    expect(strip(read(message!).text)).toContain(visible);
  });

  it('links a heading only to http(s) addresses', () => {
    const link = renderReply({
      locale: 'en',
      items: [{ heading: 'Story', url: 'https://example.com/a?b=1&c="2"', lines: [] }],
    })[0]!;
    expect(read(link).entities).toContainEqual(
      expect.objectContaining({ type: 'text_link', url: 'https://example.com/a?b=1&c=%222%22' }),
    );
    const script = renderReply({
      locale: 'en',
      items: [{ heading: 'Story', url: 'javascript:alert(1)', lines: [] }],
    })[0]!;
    expect(script.entities.map((e) => e.type)).not.toContain('text_link');
  });

  it('bolds search highlights, merging overlapping marks so entities never cross', () => {
    const reply: Reply = {
      locale: 'ar',
      items: [
        {
          heading: 'h',
          lines: [
            {
              text: 'قمة بريكس في جوهانسبرغ',
              marks: [
                [4, 9],
                [6, 9],
                [13, 22],
                [40, 50],
              ],
            },
          ],
        },
      ],
    };
    expect(read(renderReply(reply)[0]!).bold).toEqual(['h', 'بريكس', 'جوهانسبرغ']);
  });

  it('removes characters that would override the direction of the text', () => {
    const [message] = renderReply({ locale: 'en', title: 'evil\u202Etxt.exe\u2066x\u0007' });
    expect(read(message!).text).toBe('eviltxt.exex');
  });
});

describe('renderReply: bidi isolation', () => {
  it.each([
    [
      'Latin run in an Arabic reply',
      'ar',
      'قال Kim Jong Un إن T-54 جاهزة',
      [`${FSI}Kim Jong Un${PDI}`, `${FSI}T-54${PDI}`],
    ],
    ['Arabic run in an English reply', 'en', 'Results for: كوريا الشمالية', [`${FSI}كوريا الشمالية${PDI}`]],
    ['an English help line with an Arabic example', 'en', 'e.g. /search قمة بريكس now', [`${FSI}قمة بريكس${PDI}`]],
  ] as const)('isolates a %s', (_, locale, title, runs) => {
    const { text } = read(renderReply({ locale, title })[0]!);
    for (const run of runs) expect(text).toContain(run);
  });

  it.each([
    ['pure Arabic', 'ar', 'أحدث المقالات'],
    ['pure English', 'en', 'Latest articles'],
    ['English in an Arabic reply, alone on its line', 'ar', 'BRICS summit'],
  ] as const)('leaves %s alone', (_, locale, title) => {
    expect(read(renderReply({ locale, title })[0]!).text).toBe(title);
  });

  it('keeps an isolated run inside the entity that styles it', () => {
    const message = renderReply({
      locale: 'ar',
      items: [{ heading: 'قمة BRICS', url: 'https://example.com/1', lines: [] }],
    })[0]!;
    expect(message.text).toBe(`قمة ${FSI}BRICS${PDI}`);
    const { entities } = read(message);
    expect(entities.map((e) => [e.type, e.offset, e.length])).toEqual([
      ['bold', 0, message.text.length],
      ['text_link', 0, message.text.length],
    ]);
  });

  it('isolates an article reference whole, so an id and a date keep their order in Arabic', () => {
    const { text } = read(
      renderReply({ locale: 'ar', items: [{ heading: 'قمة بريكس', ref: '000_5d4cb6ab · 2023-08-22', lines: [] }] })[0]!,
    );
    expect(text).toBe(`قمة بريكس · ${FSI}000_5d4cb6ab · 2023-08-22${PDI}`);
  });

  it('puts a quote in a blockquote with the locale’s quotation marks and the speaker in bold', () => {
    const item = { heading: 'h', lines: [], quote: { speaker: 'بوتين', text: 'نحن مستعدون' } };
    const ar = read(renderReply({ locale: 'ar', items: [item] })[0]!);
    expect(ar.text).toContain('«نحن مستعدون»\n— بوتين');
    expect(ar.entities.map((e) => e.type)).toContain('blockquote');
    expect(ar.bold).toContain('بوتين');
    const en = read(renderReply({ locale: 'en', items: [item] })[0]!);
    expect(strip(en.text)).toContain('“نحن مستعدون”\n— بوتين');
  });
});

describe('renderReply: splitting', () => {
  const sentence = (i: number) => `هذه الجملة رقم ${i} من مقال طويل جدا عن القمة & <الوفود>. `;
  const longText = Array.from({ length: 200 }, (_, i) => sentence(i)).join('');

  it.each([
    ['one very long line', { locale: 'ar', items: [{ heading: 'مقال طويل', lines: [{ text: longText }] }] } as Reply],
    ['a long paragraph', { locale: 'ar', title: 'عنوان', text: [longText] } as Reply],
    [
      'a long quote',
      { locale: 'en', items: [{ heading: 'h', lines: [], quote: { speaker: 'X', text: longText } }] } as Reply,
    ],
    [
      'many items',
      {
        locale: 'en',
        title: 'Digest',
        items: Array.from({ length: 40 }, (_, i) => ({
          heading: `Item ${i}`,
          ref: `id-${i}`,
          lines: [{ text: sentence(i).repeat(3) }],
        })),
      } as Reply,
    ],
    ['markup-like text', { locale: 'en', text: ['&<>"'.repeat(3000)] } as Reply],
  ])('cuts %s into valid messages under 4096', (_, reply) => {
    const chunks = renderReply(reply);
    expect(chunks.length).toBeGreaterThan(1);
    for (const message of chunks) {
      expect(message.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_MESSAGE);
      expect(() => read(message)).not.toThrow();
    }
  });

  it('fills a message up to exactly the limit: length is measured as Telegram measures it', () => {
    const text = 'a'.repeat(TELEGRAM_MAX_MESSAGE - 2);
    const chunks = renderReply({ locale: 'en', title: 'T', text: [text] });
    expect(chunks.map((m) => m.text.length)).toEqual([TELEGRAM_MAX_MESSAGE]);
    expect(read(chunks[0]!).bold).toEqual(['T']);
  });

  it('cuts a long line at sentence ends and loses nothing', () => {
    const chunks = renderReply({ locale: 'ar', items: [{ heading: 'مقال', lines: [{ text: longText }] }] });
    const texts = chunks.map((m) => read(m).text);
    for (const t of texts.slice(0, -1)) expect(t.trimEnd()).toMatch(/\.$/);
    expect(texts.join(' ').replace(/\s+/g, ' ').trim()).toBe(`مقال ${longText}`.replace(/\s+/g, ' ').trim());
  });

  it('keeps each item whole when items fit', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      heading: `Item ${i}`,
      lines: [{ text: `${'word '.repeat(60)}end.` }],
    }));
    for (const message of renderReply({ locale: 'en', items })) {
      const { text } = read(message);
      expect(text.match(/Item \d+/g)!.length).toBe(text.match(/end\./g)!.length);
    }
  });

  it('never splits a surrogate pair (emoji) or leaves an entity outside its message', () => {
    const chunks = renderReply({ locale: 'en', text: ['😀&'.repeat(2500)] });
    for (const message of chunks) {
      expect(message.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(() => read(message)).not.toThrow();
    }
    expect(chunks.map((m) => read(m).text).join('')).toBe('😀&'.repeat(2500));
  });

  it('keeps highlights on both sides of a cut', () => {
    const text = `${'كلمة '.repeat(700)}بريكس. ${'كلمة '.repeat(700)}بريكس.`;
    const marks: [number, number][] = [...text.matchAll(/بريكس/g)].map((m) => [m.index, m.index + 5]);
    const chunks = renderReply({ locale: 'ar', items: [{ heading: 'h', lines: [{ text, marks }] }] });
    expect(chunks.length).toBe(2);
    expect(chunks.flatMap((m) => read(m).bold)).toEqual(['h', 'بريكس', 'بريكس']);
  });

  it('never cuts inside an isolated Latin run', () => {
    const text = `${'كلمة '.repeat(817)}قال Kim Jong Un إن ${'كلمة '.repeat(100)}`;
    const chunks = renderReply({ locale: 'ar', text: [text] });
    expect(chunks.length).toBe(2);
    for (const { text: part } of chunks) expect(part.split(FSI).length).toBe(part.split(PDI).length);
    expect(chunks.map((m) => m.text).join(' ')).toContain(`${FSI}Kim Jong Un${PDI}`);
  });

  it('never sends an empty message', () => {
    expect(renderReply({ locale: 'ar' })).toEqual([{ text: '…', entities: [] }]);
  });
});
