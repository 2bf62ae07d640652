import { distinctSentence } from '../support/distinct-text.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/commands/messages.js';
import type { Locale } from '../../src/core/commands/reply.js';
import { DISCORD_EPHEMERAL_FLAG, DISCORD_INTERACTION_WINDOW_MS } from '../../src/discord/discord-limits.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { type InteractionState, visibleText } from '../../emulators/discord-emulator.js';
import { type Harness, startHarness } from './bot-harness.js';

/** What a person reads: markdown escapes and bidi isolates removed. */
const plain = (text: string) => text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1').replace(/[\u2066-\u2069\u200B]/g, '');
const seen = (s: InteractionState) =>
  plain(
    [s.original, ...s.followUps]
      .filter((m) => m && !m.deleted)
      .map(visibleText)
      .join('\n'),
  );
const title = (s: InteractionState) => plain(s.original?.embeds[0]?.title ?? '');

let test: TestIndex;
let h: Harness;
const handlerOrder: string[] = [];

beforeAll(async () => {
  test = await createTestIndex();
  // More articles about Korea, so a search has several pages.
  for (let i = 0; i < 9; i++) {
    writeFileSync(
      join(test.corpusDir, `9${i}_korea.txt`),
      `title: كوريا الشمالية تجري اختبارا رقم ${i}\ndate: 2024-01-0${i + 1}\n\nأجرت كوريا الشمالية اختبارا جديدا رقم ${i} في بحر اليابان. وقال مسؤول إن الاختبار ناجح. ${distinctSentence(`korea-${i}`)}\n`,
    );
  }
  await test.reindex();
  const handler = {
    run: (...args: Parameters<typeof test.handler.run>) => {
      handlerOrder.push(`run:${args[1]}`);
      return test.handler.run(...args);
    },
    page: async (...args: Parameters<typeof test.handler.page>) => {
      handlerOrder.push('page');
      return await test.handler.page(...args);
    },
  };
  h = await startHarness({ handler, index: test.index });
  h.emulator.events.on('call', (c) => {
    if (c.path.endsWith('/callback')) handlerOrder.push(`callback:${c.body?.type}`);
  });
});
afterAll(async () => {
  await h?.stop();
  test?.close();
});

describe('every command, in Arabic and in English', () => {
  const rows: [
    string,
    Record<string, string>,
    Locale,
    (s: InteractionState, locale: Locale) => void | Promise<void>,
  ][] = [];
  for (const locale of ['ar', 'en'] as const) {
    rows.push(
      [
        'help',
        {},
        locale,
        (s, l) => {
          expect(title(s)).toBe(t(l, 'helpTitle'));
          expect(seen(s)).toContain('/quotes');
        },
      ],
      [
        'search',
        { topic: 'كوريا الشمالية' },
        locale,
        (s, l) => {
          expect(title(s)).toBe(t(l, 'searchTitle')('كوريا الشمالية'));
          expect(s.original!.embeds[0]!.footer!.text).toBe(t(l, 'pageFooter')(1, 3, 14));
        },
      ],
      [
        'summary',
        { 'article-or-topic': '003_3ddc96a2e226cfb4' },
        locale,
        async (s) => {
          expect(title(s)).toBe((await test.index.getArticle('003_3ddc96a2e226cfb4'))!.title);
          expect(seen(s)).toContain((await test.index.getSentences('003_3ddc96a2e226cfb4'))[0]!.text.slice(0, 20));
        },
      ],
      [
        'summary',
        { 'article-or-topic': 'قمة بريكس' },
        locale,
        (s) => {
          expect(seen(s)).toContain('003_3ddc96a2e226cfb4');
        },
      ],
      [
        'summary',
        { 'article-or-topic': 'معاهدة دفاعية' },
        locale,
        (s, l) => {
          expect(title(s)).toBe(t(l, 'summaryTopicTitle')('معاهدة دفاعية'));
          const text = seen(s);
          expect(text).toContain('003_3ddc96a2e226cfb4');
          expect(text).toContain('صوّت البرلمان الروسي بالإجماع');
          expect(text).toContain('بأغلبية 397 صوتًا');
          expect(text).not.toContain('حسابات وهمية');
          // The topic words are bold, as in search results.
          const raw = [s.original, ...s.followUps].map((m) => (m ? visibleText(m) : '')).join('\n');
          expect(raw).toContain('**معاهدة**');
          expect(raw).toContain('**المعاهدة**');
        },
      ],
      [
        'quotes',
        { person: 'بوتين' },
        locale,
        (s, l) => {
          expect(title(s).startsWith(t(l, 'quotesTitle')(''))).toBe(true);
          expect(seen(s)).toContain('«');
        },
      ],
      [
        'people',
        {},
        locale,
        (s, l) => {
          expect(title(s)).toBe(t(l, 'peopleTitle'));
          expect(seen(s)).toContain('تسوكرمان');
        },
      ],
      [
        'latest',
        {},
        locale,
        (s, l) => {
          expect(title(s)).toBe(t(l, 'latestTitle'));
        },
      ],
      [
        'digest',
        {},
        locale,
        (s, l) => {
          expect(title(s)).toBe(t(l, 'digestTitle'));
        },
      ],
    );
  }

  it.each(rows)('/%s %j (%s)', async (name, options, locale, expectations) => {
    const s = await h.answered(h.emulator.command(name, options, { locale: locale === 'en' ? 'en-US' : 'ar' }));
    const first = h.emulator.calls.find((c) => c.path === `/interactions/${s.id}/${s.token}/callback`)!;
    expect(first.at - s.dispatchedAt).toBeLessThan(DISCORD_INTERACTION_WINDOW_MS);
    expect(s.callbacks).toEqual([name === 'help' ? 4 : 5]);
    expect(s.original!.flags & DISCORD_EPHEMERAL_FLAG).toBe(0);
    expect(s.original!.loading).toBe(false);
    await expectations(s, locale);
  });

  it('English is chosen for en-GB too, Arabic for any other locale', async () => {
    const gb = await h.answered(h.emulator.command('help', {}, { locale: 'en-GB' }));
    const fr = await h.answered(h.emulator.command('help', {}, { locale: 'fr' }));
    expect(title(gb)).toBe(t('en', 'helpTitle'));
    expect(title(fr)).toBe(t('ar', 'helpTitle'));
  });

  it('works in a direct message (a user, no member or guild)', async () => {
    const s = await h.answered(h.emulator.command('latest', {}, { guildId: null, locale: 'en-US' }));
    expect(title(s)).toBe(t('en', 'latestTitle'));
  });

  it('answers a command it does not know (a stale registration) privately', async () => {
    const s = await h.answered(h.emulator.command('frobnicate', { value: 'daily' }, { locale: 'en-US' }));
    expect(s.callbacks).toEqual([4]);
    expect(s.original!.content).toBe(t('en', 'unknownCommand'));
    expect(s.original!.flags & DISCORD_EPHEMERAL_FLAG).toBe(DISCORD_EPHEMERAL_FLAG);
  });

  it('defers before doing index work, so a slow lookup cannot miss the 3-second window', async () => {
    handlerOrder.length = 0;
    await h.answered(h.emulator.command('digest'));
    expect(handlerOrder).toEqual(['callback:5', 'run:digest']);
  });
});

describe('autocomplete of person names', () => {
  it.each([
    ['a partial Arabic name', 'تسوك', 'إيرينا تسوكرمان'],
    ['a spelling variant', 'زيلنسكي', 'زيلينسكي'],
    ['a partial Latin name', 'Tsuk', 'تسوكرمان'],
    ['a full Latin name', 'Putin', 'بوتين'],
  ])('%s: %s', async (_what, input, expected) => {
    const s = await h.answered(h.emulator.autocomplete('quotes', 'person', input));
    expect(s.callbacks).toEqual([8]);
    expect(s.choices!.length).toBeGreaterThan(0);
    expect(s.choices![0]!.name).toContain(expected);
  });

  it('lists the most quoted people for empty input, within Discord’s limits', async () => {
    const s = await h.answered(h.emulator.autocomplete('quotes', 'person', ''));
    expect(s.choices!.length).toBeGreaterThan(1);
    expect(s.choices!.length).toBeLessThanOrEqual(25);
    for (const c of s.choices!) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('answers an empty list for nonsense rather than nothing', async () => {
    const s = await h.answered(h.emulator.autocomplete('quotes', 'person', '"* NEAR( 🔥'.repeat(20)));
    expect(s.callbacks).toEqual([8]);
    expect(s.choices).toEqual([]);
  });

  it('offers nothing for options without completions', async () => {
    const s = await h.answered(h.emulator.autocomplete('search', 'topic', 'كور'));
    expect(s.choices).toEqual([]);
  });

  it('a chosen name finds that person’s quotes', async () => {
    const suggestion = await h.answered(h.emulator.autocomplete('quotes', 'person', 'تسوك'));
    const s = await h.answered(h.emulator.command('quotes', { person: suggestion.choices![0]!.value }));
    expect(seen(s)).toContain('أشك في إمكانية تنفيذ هذه الاتفاقية');
  });
});

describe('pagination by buttons', () => {
  const owner = '300000000000000003';
  const stranger = '400000000000000004';
  const buttons = (s: InteractionState) =>
    s.original!.components[0].components as { label: string; custom_id: string; disabled: boolean }[];

  it('turns pages for the person who asked, and refuses anyone else', async () => {
    const s = await h.answered(h.emulator.command('search', { topic: 'كوريا' }, { userId: owner, locale: 'en-US' }));
    const list = s.original!;
    expect(list.embeds[0].footer.text).toBe(t('en', 'pageFooter')(1, 3, 14));
    const next = buttons(s).find((b) => b.label === 'Next')!;
    expect(next.disabled).toBe(false);
    expect(buttons(s).find((b) => b.label === 'Previous')!.disabled).toBe(true);

    const press = await h.answered(h.emulator.click(list, next.custom_id, { userId: owner, locale: 'en-US' }));
    expect(press.callbacks).toEqual([6]);
    expect(list.embeds[0].footer.text).toBe(t('en', 'pageFooter')(2, 3, 14));
    expect(press.followUps).toHaveLength(0);

    const before = JSON.stringify(list.embeds);
    const other = await h.answered(h.emulator.click(list, next.custom_id, { userId: stranger, locale: 'ar' }));
    expect(JSON.stringify(list.embeds)).toBe(before);
    expect(other.followUps).toHaveLength(1);
    expect(other.followUps[0]!.flags & DISCORD_EPHEMERAL_FLAG).toBe(DISCORD_EPHEMERAL_FLAG);
    expect(other.followUps[0]!.content).toBe(t('ar', 'pageNotYours'));
  });

  it.each([
    ['an expired list', 'p:zzzzzzzzzz:1'],
    ['a forged button id', 'p:../../etc:1'],
    ['a huge page number', 'p:zzzzzzzzzz:99999'],
  ])('answers %s politely and privately', async (_what, customId) => {
    const s = await h.answered(h.emulator.command('search', { topic: 'كوريا' }, { userId: owner }));
    const before = JSON.stringify(s.original!.embeds);
    const press = await h.answered(h.emulator.click(s.original!, customId, { userId: owner, locale: 'en-US' }));
    expect(JSON.stringify(s.original!.embeds)).toBe(before);
    const note = press.followUps[0] ?? press.original;
    expect(note!.content).toBe(t('en', 'pageExpired'));
    expect(note!.flags & DISCORD_EPHEMERAL_FLAG).toBe(DISCORD_EPHEMERAL_FLAG);
  });
});

describe('hostile input', () => {
  const allBodies = (s: InteractionState) =>
    h.emulator.calls.filter((c) => c.path.includes(s.token)).map((c) => c.body?.data ?? c.body);

  it.each([
    ['empty', 'search', { topic: '' }, (s: InteractionState) => expect(seen(s)).toBe(t('ar', 'usageSearch'))],
    ['only spaces', 'quotes', { person: '   ' }, (s: InteractionState) => expect(seen(s)).toBe(t('ar', 'usageQuotes'))],
    [
      '5,000 characters',
      'search',
      { topic: 'كوريا '.repeat(834).slice(0, 5000) },
      (s: InteractionState) => expect(seen(s).length).toBeLessThan(6000),
    ],
    [
      'mentions and markdown',
      'search',
      { topic: '@everyone **عاجل** <@123> [x](http://e.vil)' },
      (s: InteractionState) => {
        const raw = visibleText(s.followUps[0] ?? s.original);
        expect(raw).not.toMatch(/@everyone|<@123>|\]\(http/);
        expect(raw).toContain('\\*\\*');
      },
    ],
    [
      'FTS5 operators among words',
      'search',
      { topic: '"* AND NEAR( OR -' },
      (s: InteractionState) => expect(seen(s)).toBe(t('ar', 'searchNone')('"* AND NEAR( OR -')),
    ],
    [
      'FTS5 operators alone',
      'search',
      { topic: '"* ( ) ^' },
      (s: InteractionState) => expect(seen(s)).toBe(t('ar', 'searchNothingToSearch')),
    ],
    ['emoji only', 'quotes', { person: '🔥🇸🇦👍🏽' }, (s: InteractionState) => expect(seen(s)).toContain('🔥🇸🇦👍🏽')],
    [
      'a summary of nothing',
      'summary',
      { 'article-or-topic': '../../etc/passwd' },
      (s: InteractionState) => expect(seen(s)).toContain('etc/passwd'),
    ],
  ])('%s: a short clear answer, escaped, pinging nobody', async (_what, name, options, expectations) => {
    const s = await h.answered(h.emulator.command(name, options));
    expect(s.callbacks.length).toBe(1);
    expect(seen(s).length).toBeGreaterThan(0);
    for (const body of allBodies(s))
      if (body && (body.content !== undefined || body.embeds)) expect(body.allowed_mentions).toEqual({ parse: [] });
    expectations(s);
  });

  it('usage notices are shown only to the user, without a public placeholder left behind', async () => {
    const empty = await h.answered(h.emulator.command('search', { topic: '' }));
    expect(empty.callbacks).toEqual([4]);
    expect(empty.original!.flags & DISCORD_EPHEMERAL_FLAG).toBe(DISCORD_EPHEMERAL_FLAG);
    const operators = await h.answered(h.emulator.command('search', { topic: '"*' }));
    expect(operators.callbacks).toEqual([5]);
    expect(operators.original!.deleted).toBe(true);
    expect(operators.followUps[0]!.flags & DISCORD_EPHEMERAL_FLAG).toBe(DISCORD_EPHEMERAL_FLAG);
  });
});
