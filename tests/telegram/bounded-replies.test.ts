import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_LIMITS } from '../../src/core/commands/bound-reply.js';
import { createCommandHandler } from '../../src/core/commands/create-command-handler.js';
import { createMemoryPageStore } from '../../src/store/create-memory-page-store.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { type BotUnderTest, startBot } from './support/start-bot.js';

/**
 * Issue 17, point 6: a hostile article used to turn `/quotes المتحدث` into 110 Telegram
 * messages and a `/summary` of an article with no sentence breaks into 50. Every reply is
 * now a few messages at most, with long sentences and quotes cut at a word.
 */
const MAX_MESSAGES = 3;

describe('bounded replies on Telegram', () => {
  let ti: TestIndex;
  let bot: BotUnderTest;
  beforeAll(async () => {
    ti = await createTestIndex();
    writeFileSync(join(ti.corpusDir, 'hostile.txt'), `title: t\n\n${'قال المتحدث: «'.repeat(4000)} نهاية.\n`);
    const words = Array.from(
      { length: 6000 },
      (_, i) => ['الاقتصاد', 'السعودي', 'ينمو', 'بسرعة', `رقم${i}`][i % 5],
    ).join(' ');
    writeFileSync(join(ti.corpusDir, 'no-breaks.txt'), `title: تقرير بلا نقاط\n\n${words}\n`);
    await ti.reindex();
    bot = await startBot(createCommandHandler({ index: ti.index, pages: createMemoryPageStore() }));
  });
  afterAll(async () => {
    await bot?.close();
    ti?.close();
  });

  it.each([
    ['/quotes المتحدث', 'a hostile article'],
    ['/summary no-breaks', 'an article with no sentence breaks'],
    ['/summary hostile', 'the hostile article'],
    ['/search المتحدث', 'search snippets of the hostile article'],
    ['/digest', 'a digest carrying both'],
  ])('%s (%s) is at most a few messages, cut at a word', async (command) => {
    const { messages } = await bot.em.ask(command, { timeoutMs: 15_000 });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
    const text = messages.map((m) => m.text).join('\n');
    expect(text.length).toBeLessThan(REPLY_LIMITS.totalChars * 2);
    if (command.startsWith('/summary') || command.startsWith('/quotes')) expect(text).toContain('…');
  });
});
