import { describe, expect, it } from 'vitest';
import type { Reply, ReplyItem } from '../../src/core/commands/reply.js';
import { FSI, PDI } from '../../src/core/render/bidi.js';
import {
  DISCORD_MAX_CONTENT,
  DISCORD_MAX_EMBED_DESCRIPTION,
  DISCORD_MAX_EMBED_TITLE,
  DISCORD_MAX_EMBED_TOTAL,
  DISCORD_MAX_EMBEDS,
} from '../../src/discord/discord-limits.js';
import { escapeDiscord } from '../../src/discord/escape-discord.js';
import { renderPager } from '../../src/discord/render-pager.js';
import { type DiscordMessage, renderReply, truncate } from '../../src/discord/render-reply.js';
import { validateMessage, visibleText } from '../../emulators/discord-emulator.js';

const sentence = (n: number) => `جملة رقم ${n} في خبر طويل عن قمة بريكس في قازان والحرب في أوكرانيا.`;
const item = (i: number, words = 10): ReplyItem => ({
  heading: `عنوان المقال ${i}`,
  ref: `00${i}_abc · 2024-10-24`,
  lines: [{ text: Array.from({ length: words }, (_, k) => sentence(k)).join(' ') }],
});

function embedTotal(m: DiscordMessage): number {
  return m.embeds.reduce(
    (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0),
    0,
  );
}

/** Every message must pass Discord's own checks (the emulator's validator) and our limits. */
function expectWithinLimits(messages: readonly DiscordMessage[]): void {
  for (const m of messages) {
    expect(() => validateMessage({ content: m.content, embeds: m.embeds, components: m.components })).not.toThrow();
    expect((m.content ?? '').length).toBeLessThanOrEqual(DISCORD_MAX_CONTENT);
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_MAX_EMBEDS);
    expect(embedTotal(m)).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TOTAL);
    for (const e of m.embeds) {
      expect((e.description ?? '').length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_DESCRIPTION);
      expect((e.title ?? '').length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TITLE);
    }
  }
}

describe('escapeDiscord', () => {
  it.each([
    ['bold markers', '**عاجل**', '\\*\\*عاجل\\*\\*'],
    ['underscores and tildes', '__x__ ~~y~~', '\\_\\_x\\_\\_ \\~\\~y\\~\\~'],
    ['code and spoilers', '`rm -rf` ||سر||', '\\`rm -rf\\` \\|\\|سر\\|\\|'],
    ['masked links', '[اضغط](https://evil.example)', '\\[اضغط\\]\\(https://evil.example\\)'],
    ['user and role mentions', '<@123> <@&456> <#789>', '\\<@123\\> \\<@&456\\> \\<#789\\>'],
    ['mass mentions', '@everyone @here', '@\u200Beveryone @\u200Bhere'],
    ['headings and quotes at line start', '# كبير\n> اقتباس\n- بند', '\\# كبير\n\\> اقتباس\n\\- بند'],
    ['plain Arabic', 'قال بوتين إن الحرب طويلة', 'قال بوتين إن الحرب طويلة'],
    ['emoji', '🔥🇸🇦 خبر', '🔥🇸🇦 خبر'],
    ['backslashes', 'a\\*b', 'a\\\\\\*b'],
  ])('%s', (_name, input, expected) => {
    expect(escapeDiscord(input)).toBe(expected);
  });
});

describe('renderPager', () => {
  it.each([
    ['ar', 0, 3, ['التالي', 'السابق'], [false, true], ['p:abcdefghij:1', 'p:abcdefghij:0']],
    ['ar', 2, 3, ['التالي', 'السابق'], [true, false], ['p:abcdefghij:2', 'p:abcdefghij:1']],
    ['en', 1, 3, ['Previous', 'Next'], [false, false], ['p:abcdefghij:0', 'p:abcdefghij:2']],
  ] as const)('%s page %i of %i', (locale, page, pages, labels, disabled, ids) => {
    const row = renderPager({ token: 'abcdefghij', page, pages }, locale)!;
    expect(row.components.map((b) => b.label)).toEqual(labels);
    expect(row.components.map((b) => b.disabled)).toEqual(disabled);
    expect(row.components.map((b) => b.custom_id)).toEqual(ids);
  });

  it('draws no row for a single page', () => {
    expect(renderPager({ token: 'abcdefghij', page: 0, pages: 1 }, 'en')).toBeNull();
  });
});

describe('renderReply', () => {
  const cases: [string, Reply, (m: DiscordMessage[]) => void][] = [
    [
      'a notice is plain ephemeral text',
      { locale: 'en', notice: true, text: ['Add a topic after the command'] },
      (m) => {
        expect(m).toHaveLength(1);
        expect(m[0]).toMatchObject({ content: 'Add a topic after the command', embeds: [], ephemeral: true });
      },
    ],
    [
      'a titled reply is one embed',
      { locale: 'ar', title: 'نتائج البحث عن: كوريا', items: [item(1, 1)] },
      (m) => {
        expect(m).toHaveLength(1);
        expect(m[0]!.embeds).toHaveLength(1);
        expect(m[0]!.embeds[0]!.title).toBe('نتائج البحث عن: كوريا');
        expect(m[0]!.embeds[0]!.description).toContain('**عنوان المقال 1**');
        expect(m[0]!.embeds[0]!.description).toContain('-# 001\\_abc · 2024-10-24');
        expect(m[0]!.ephemeral).toBe(false);
      },
    ],
    [
      'search marks become bold, escaped around them',
      { locale: 'ar', title: 't', items: [{ heading: 'h', lines: [{ text: 'قال *بوتين* اليوم', marks: [[5, 10]] }] }] },
      (m) => {
        expect(m[0]!.embeds[0]!.description).toContain('قال \\***بوتين**\\* اليوم');
      },
    ],
    [
      'a quote shows its words and speaker',
      {
        locale: 'ar',
        title: 'أقوال بوتين',
        items: [
          { heading: 'قمة', ref: '003', lines: [], quote: { speaker: 'فلاديمير بوتين', text: 'إنهم لا يخفون هدفهم' } },
        ],
      },
      (m) => {
        expect(m[0]!.embeds[0]!.description).toContain('> «إنهم لا يخفون هدفهم»\n> — **فلاديمير بوتين**');
      },
    ],
    [
      'a summary links its article and does not repeat the title',
      {
        locale: 'ar',
        title: 'قمة بريكس',
        items: [{ heading: 'قمة بريكس', ref: '003', url: 'https://example.com/a', lines: [{ text: sentence(1) }] }],
      },
      (m) => {
        expect(m[0]!.embeds[0]!.url).toBe('https://example.com/a');
        expect(m[0]!.embeds[0]!.description!.startsWith('-# 003')).toBe(true);
      },
    ],
    [
      'a javascript: url is not linked',
      {
        locale: 'en',
        title: 'x',
        items: [
          { heading: 'h', url: 'javascript:alert(1)', lines: [] },
          { heading: 'g', lines: [] },
        ],
      },
      (m) => {
        expect(m[0]!.embeds[0]!.description).not.toContain('javascript');
      },
    ],
    [
      'Latin inside Arabic is isolated',
      { locale: 'ar', title: 'قمة BRICS في قازان', items: [] },
      (m) => {
        expect(m[0]!.embeds[0]!.title).toBe(`قمة ${FSI}BRICS${PDI} في قازان`);
      },
    ],
    [
      'an Arabic line in an English reply keeps its direction; only its Latin runs are isolated',
      {
        locale: 'en',
        title: 'Latest articles',
        items: [{ heading: 'قمة BRICS في قازان', lines: [{ text: 'Putin said: نعم' }] }],
      },
      (m) => {
        expect(m[0]!.embeds[0]!.description).toContain(`**قمة ${FSI}BRICS${PDI} في قازان**`);
        expect(m[0]!.embeds[0]!.description).toContain('\nPutin said: نعم');
      },
    ],
    [
      'a 300-character title is cut to 256',
      { locale: 'ar', title: 'ع'.repeat(300), items: [item(1, 1)] },
      (m) => {
        expect(m[0]!.embeds[0]!.title).toHaveLength(DISCORD_MAX_EMBED_TITLE);
        expect(m[0]!.embeds[0]!.title!.endsWith('…')).toBe(true);
      },
    ],
    [
      'a long digest splits between items across embeds and messages',
      { locale: 'ar', title: 'نشرة', footer: 'f', items: Array.from({ length: 12 }, (_, i) => item(i, 30)) },
      (m) => {
        expect(m.length).toBeGreaterThan(1);
        const all = m.flatMap((x) => x.embeds);
        expect(all[0]!.title).toBe('نشرة');
        expect(all.filter((e) => e.title)).toHaveLength(1);
        expect(all.at(-1)!.footer?.text).toBe('f');
        for (let i = 0; i < 12; i++)
          expect(all.filter((e) => e.description?.includes(`**عنوان المقال ${i}**`))).toHaveLength(1);
      },
    ],
    [
      'a paged list always fits one message with its buttons',
      {
        locale: 'en',
        title: 'Quotes',
        footer: 'page 1 of 3 · 14 results',
        pager: { token: 'abcdefghij', page: 0, pages: 3 },
        items: Array.from({ length: 5 }, (_, i) => ({
          heading: `h${i}`,
          lines: [],
          quote: { speaker: 's', text: 'ق'.repeat(1200) },
        })),
      },
      (m) => {
        expect(m).toHaveLength(1);
        expect(m[0]!.embeds).toHaveLength(1);
        expect(m[0]!.components).toHaveLength(1);
        expect(m[0]!.embeds[0]!.footer?.text).toBe('page 1 of 3 · 14 results');
      },
    ],
    [
      'a wall of text splits under 2000 characters',
      { locale: 'ar', text: Array.from({ length: 60 }, (_, i) => sentence(i)) },
      (m) => {
        expect(m.length).toBeGreaterThan(1);
        expect(m.map((x) => x.content).join(' ')).toContain(sentence(59));
      },
    ],
    [
      'hostile text is escaped everywhere',
      {
        locale: 'en',
        title: '**@everyone**',
        text: ['<@1> [x](http://e)'],
        items: [{ heading: '`h`', ref: '@here', lines: [{ text: '# big' }] }],
      },
      (m) => {
        const text = visibleText(m[0]);
        expect(text).not.toMatch(/(^|[^\\])\*\*@everyone/);
        expect(text).not.toContain('@everyone');
        expect(text).not.toContain('@here');
        expect(text).toContain('\\<@1\\>');
        expect(text).toContain('\\# big');
      },
    ],
  ];

  it.each(cases)('%s', (_name, reply, expectations) => {
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    expectations(messages);
  });

  it('never cuts inside a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
