import { distinctSentence } from '../support/distinct-text.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/core/commands/create-command-handler.js';
import { t } from '../../src/core/commands/messages.js';
import { createMemoryPageStore, PAGE_TTL_MS } from '../../src/store/create-memory-page-store.js';
import type { Locale } from '../../src/core/commands/reply.js';
import { FSI, PDI } from '../../src/core/render/bidi.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { ARABIC_USER, type BotMessage, ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import { type BotUnderTest, startBot } from './support/start-bot.js';

/**
 * nashra on "Telegram", end to end: the real command handler over a real SQLite index of
 * the seed corpus plus eight long articles (so search paginates and the digest outgrows
 * one message), driven through the real grammY bot and the Bot API emulator. Tests read
 * what a user would see: the text of the messages, their language, their buttons.
 */

const SENTENCE_PARTS = [
  'وأكد المشاركون في قمة المناخ أن خفض الانبعاثات يتطلب تمويلا أكبر للدول النامية',
  'وأن الاتفاقات السابقة لم تنفذ كما ينبغي بسبب الخلافات حول تقاسم الأعباء بين الدول الصناعية والدول الفقيرة',
  'فيما دعت منظمات البيئة إلى جدول زمني ملزم للتخلي عن الفحم والنفط والغاز خلال العقدين المقبلين',
  'وأشار خبراء إلى أن موجات الحر والفيضانات التي شهدها العام الماضي تظهر كلفة التأخر في العمل المناخي على الاقتصاد والصحة العامة',
];

/** An article of long sentences, each near 450 characters, with a quote from a named speaker. */
function climateArticle(n: number): string {
  // Each article its own story: a distinct sentence in every paragraph, or the eight would be copies of one.
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `${SENTENCE_PARTS.join('، ')}، بحسب ما جاء في الجلسة رقم ${n * 10 + i} من أعمال القمة. ${distinctSentence(`climate-${n}-${i}`)}`,
  );
  return [
    `title: قمة المناخ ${n}: خلافات حول التمويل & الفحم`,
    `date: 2024-11-${String(10 + n).padStart(2, '0')}`,
    'source: وكالة الأنباء',
    `url: https://news.example/climate/${n}?lang=ar&src=test`,
    '',
    body.slice(0, 3).join(' '),
    `وقال أنطونيو غوتيريش: «إن العالم لا يملك ترف الانتظار، وعلى الدول الكبرى أن تفي بوعودها الآن».`,
    body.slice(3).join(' '),
  ].join('\n');
}

let ti: TestIndex;
let bot: BotUnderTest;

beforeAll(async () => {
  ti = await createTestIndex();
  for (let n = 1; n <= 8; n++) writeFileSync(join(ti.corpusDir, `climate_${n}.txt`), climateArticle(n));
  await ti.reindex();
  bot = await startBot(ti.handler);
});

afterAll(async () => {
  await bot?.close();
  ti?.close();
});

const userFor = (locale: Locale) => (locale === 'ar' ? ARABIC_USER : ENGLISH_USER);
/** The text as read, without the invisible bidi isolates. */
const seen = (messages: readonly BotMessage[]) =>
  messages
    .map((m) => m.text)
    .join('\n')
    .replaceAll(FSI, '')
    .replaceAll(PDI, '');

describe('every command, in Arabic and in English', () => {
  const cases: [string, (l: Locale) => string][] = [
    ['/start', (l) => t(l, 'helpTitle')],
    ['/help', (l) => t(l, 'helpTitle')],
    ['/search كوريا الشمالية', (l) => t(l, 'searchTitle')('كوريا الشمالية')],
    ['/summary 003_3ddc96a2e226cfb4', () => 'قمة بريكس'],
    ['/quotes بوتين', (l) => t(l, 'quotesTitle')('فلاديمير بوتين')],
    ['/people', (l) => t(l, 'peopleTitle')],
    ['/latest', (l) => t(l, 'latestTitle')],
    ['/digest', (l) => t(l, 'digestTitle')],
    ['/search', (l) => t(l, 'usageSearch')],
    ['/summary', (l) => t(l, 'usageSummary')],
    ['/quotes', (l) => t(l, 'usageQuotes')],
    ['/frobnicate', (l) => t(l, 'unknownCommand')],
    ['/subscribe daily 08:00 Asia/Riyadh', (l) => t(l, 'subscribedTitle')],
    ['/subscriptions', (l) => t(l, 'subscriptionsTitle')],
    ['/unsubscribe', (l) => t(l, 'unsubscribed')],
    ['/subscribe every full moon', (l) => t(l, 'scheduleUnreadable')('every full moon')],
  ];
  const table = cases.flatMap(([command, expected]) =>
    (['ar', 'en'] as const).map((locale) => ({ command, locale, expected: expected(locale) })),
  );

  it.each(table)('$command ($locale)', async ({ command, locale, expected }) => {
    const { messages } = await bot.em.ask(command, { user: userFor(locale) });
    expect(messages.length).toBeGreaterThan(0);
    expect(seen(messages)).toContain(expected);
    for (const m of messages) expect(m.parseMode).toBeUndefined(); // styled with entities: nothing to escape
  });

  it('highlights the searched words', async () => {
    const { messages } = await bot.em.ask('/search قمة المناخ');
    const [m] = messages;
    const bold = m!.entities.filter((e) => e.type === 'bold').map((e) => m!.text.slice(e.offset, e.offset + e.length));
    expect(bold).toContain('المناخ');
    expect(seen(messages)).toMatch(/قمة المناخ \d: خلافات حول التمويل & الفحم · climate_\d · 2024-11-1\d/);
  });

  it.each(['ar', 'en'] as const)(
    'summarizes a topic: the treaty sentences of the article, the topic words in bold (%s)',
    async (locale) => {
      const { messages } = await bot.em.ask('/summary معاهدة دفاعية', { user: userFor(locale) });
      const text = seen(messages);
      expect(text).toContain(t(locale, 'summaryTopicTitle')('معاهدة دفاعية'));
      expect(text).toContain('003_3ddc96a2e226cfb4');
      expect(text).toContain('صوّت البرلمان الروسي بالإجماع');
      expect(text).toContain('بأغلبية 397 صوتًا');
      expect(text).not.toContain('حسابات وهمية');
      const bold = messages.flatMap((m) =>
        m.entities.filter((e) => e.type === 'bold').map((e) => m.text.slice(e.offset, e.offset + e.length)),
      );
      expect(bold).toEqual(expect.arrayContaining(['معاهدة', 'دفاعية', 'المعاهدة']));
    },
  );

  it('summarizes an article by id without its subheadings', async () => {
    const text = seen((await bot.em.ask('/summary 003_3ddc96a2e226cfb4')).messages);
    expect(text).toContain('قمة بريكس');
    expect(text).not.toMatch(/^(معاهدة دفاعية مع بيونغيانغ|قلق غربي)$/m);
  });

  it('links an article’s title to its web address', async () => {
    const [m] = (await bot.em.ask('/latest')).messages;
    expect(m!.entities.filter((e) => e.type === 'text_link').map((e) => e.url)).toContain(
      'https://news.example/climate/8?lang=ar&src=test',
    );
  });

  it('shows quotes as blockquotes with the speaker', async () => {
    const { messages } = await bot.em.ask('/quotes غوتيريش', { user: ENGLISH_USER });
    expect(seen(messages)).toContain('“إن العالم لا يملك ترف الانتظار');
    expect(messages[0]!.entities.some((e) => e.type === 'blockquote')).toBe(true);
  });

  it('answers in a group when addressed by name', async () => {
    const chat = { id: -100777, type: 'supergroup', title: 'أخبار' } as const;
    const { messages } = await bot.em.ask('/search@nashra_test_bot بريكس', { chat });
    expect(seen(messages)).toContain(t('ar', 'searchTitle')('بريكس'));
  });
});

describe('pagination by button', () => {
  it('turns the pages of a search in place, both ways', async () => {
    const [list] = (await bot.em.ask('/search المناخ')).messages;
    expect(list!.text).toContain('صفحة 1 من 2');
    expect(list!.buttons.map((b) => b.text)).toEqual(['‹ التالي']);
    const firstPage = list!.text;

    const next = await bot.em.tap(list!, list!.buttons[0]!.data);
    expect(next.messages).toEqual([]);
    expect(list!.text).toContain('صفحة 2 من 2');
    expect(list!.text).not.toBe(firstPage);
    expect(list!.buttons.map((b) => b.text)).toEqual(['السابق ›']);

    await bot.em.tap(list!, list!.buttons[0]!.data);
    expect(list!.text).toBe(firstPage);
  });

  it('pages the people list in English', async () => {
    const [list] = (await bot.em.ask('/people', { user: ENGLISH_USER })).messages;
    expect(list!.text).toMatch(/page 1 of \d/);
    await bot.em.tap(list!, list!.buttons[0]!.data, ENGLISH_USER);
    expect(list!.text).toMatch(/page 2 of \d/);
    expect(list!.buttons.map((b) => b.text)[0]).toBe('‹ Previous');
  });

  it('tells someone else pressing the buttons that the list is not theirs', async () => {
    const [list] = (await bot.em.ask('/people')).messages;
    const before = list!.text;
    const press = await bot.em.tap(list!, list!.buttons[0]!.data, ENGLISH_USER);
    expect(press.toast).toBe(t('en', 'pageNotYours'));
    expect(list!.text).toBe(before);
  });

  it('answers an expired list politely and leaves the message as it was', async () => {
    let now = 0;
    const expiring = createCommandHandler({ index: ti.index, pages: createMemoryPageStore(() => now) });
    const own = await startBot(expiring);
    try {
      const [list] = (await own.em.ask('/people', { user: ENGLISH_USER })).messages;
      now += PAGE_TTL_MS + 1;
      const press = await own.em.tap(list!, list!.buttons[0]!.data, ENGLISH_USER);
      expect(press.toast).toBe(t('en', 'pageExpired'));
      expect(list!.edits).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('a reply longer than one Telegram message', () => {
  it('splits the digest into valid messages under 4096 characters, items whole and in order', async () => {
    const { messages } = await bot.em.ask('/digest', { user: ENGLISH_USER });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(messages[0]!.text.startsWith(t('en', 'digestTitle'))).toBe(true);
    const text = seen(messages);
    const order = [8, 7, 6, 5, 4, 3, 2, 1].map((n) => text.indexOf(`قمة المناخ ${n}:`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    // No item is torn: every message that names an article also carries that article's quote.
    for (const m of messages) {
      const titles = m.text.match(/قمة المناخ \d:/g) ?? [];
      expect((m.text.match(/— أنطونيو غوتيريش/g) ?? []).length).toBe(titles.length);
    }
  });

  it('delivers every part, in order, when Telegram rate-limits one of them', async () => {
    const plain = await bot.em.ask('/digest');
    bot.em.fail(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 0.05', parameters: { retry_after: 0.05 } },
      {
        when: (p) => !String(p.text).startsWith(`<b>${t('ar', 'digestTitle')}</b>`),
      },
    );
    // The quiet window must outlast the retry_after pause, or the answer would look complete too early.
    const limited = await bot.em.ask('/digest', { quietMs: 300 });
    expect(limited.calls.filter((c) => c.method === 'sendMessage' && c.response.error_code === 429)).toHaveLength(1);
    expect(limited.messages.map((m) => m.text)).toEqual(plain.messages.map((m) => m.text));
  });
});

describe('hostile input gets a short, clear answer', () => {
  const hostile: [string, string, (l: Locale) => string][] = [
    ['an empty search', '/search    ', (l) => t(l, 'usageSearch')],
    ['5,000 characters', `/search ${'بوتين '.repeat(1000)}`, (l) => t(l, 'searchTitle')('').trim()],
    ['an HTML tag', '/search <b>بوتين</b>', (_l) => '<b>بوتين</b>'],
    ['FTS5 operators', '/search "كوريا* NEAR( AND OR', (_l) => '"كوريا* NEAR( AND OR'],
    ['only punctuation', '/search " * ( )', (l) => t(l, 'searchNothingToSearch')],
    ['only emoji', '/search 🇰🇵🔥', (l) => t(l, 'searchNothingToSearch')],
    ['a script tag as a name', '/quotes <script>alert(1)</script>', (_l) => '<script>alert(1)</script>'],
    ['SQL in a summary', '/summary " OR 1=1 --', (l) => t(l, 'summaryNone')('" OR 1=1 --')],
  ];
  const table = hostile.flatMap(([what, text, expected]) =>
    (['ar', 'en'] as const).map((locale) => ({ what, text, locale, expected: expected(locale) })),
  );

  it.each(table)('$what ($locale)', async ({ text, locale, expected }) => {
    const { messages } = await bot.em.ask(text, { user: userFor(locale) });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(2);
    expect(seen(messages)).toContain(expected);
    // Whatever the user typed shows as text, never as markup.
    for (const m of messages)
      expect(m.entities.every((e) => ['bold', 'italic', 'text_link', 'blockquote'].includes(e.type))).toBe(true);
  });

  it('still answers normally afterwards', async () => {
    const { messages } = await bot.em.ask('/help', { user: ENGLISH_USER });
    expect(seen(messages)).toContain(t('en', 'helpTitle'));
  });
});
