import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import { createCorpusWatcher } from '../../src/scheduler/create-corpus-watcher.js';
import { addArticle } from '../scheduler/support.js';
import { distinctSentence } from '../support/distinct-text.js';
import { type DigestWorld, readable, startDigestWorld } from './support/digest-world.js';

/**
 * Topic digests end to end: a Telegram chat subscribed with topics, through the real
 * grammY bot and the Telegram emulator, receives only the stories about its topics, each
 * story once however many sources told it.
 */

let w: DigestWorld;
beforeEach(async () => {
  w = await startDigestWorld();
  await w.scheduler().start();
  w.clock.set('2026-03-27T00:01:00Z');
});
afterEach(async () => {
  await w.close();
});

const day = (n: number) => `2026-03-${27 + n}T05:00:00Z`;
const SOLAR = 'افتتاح أكبر محطة للطاقة الشمسية في المنطقة';
const FOOTBALL = 'الهلال يفوز على النصر في ديربي العاصمة';

describe('topic digests', () => {
  it('a chat subscribed to topics gets only the stories about them, each once with its source count', async () => {
    const answer = await w.say('/subscribe daily 08:00 Asia/Riyadh الطاقة الشمسية، الزراعة', { user: ENGLISH_USER });
    const confirmation = readable(answer.messages[0]!.text);
    expect(confirmation).toContain('Topics: الطاقة الشمسية, الزراعة');
    const sub = await w.subscription('telegram', ENGLISH_USER.id);
    expect(sub.topics).toEqual(['الطاقة الشمسية', 'الزراعة']);
    const posts = () => w.telegramPosts(ENGLISH_USER.id).map((m) => readable(m.text));

    // The welcome digest would carry the seed articles: none is about these topics.
    w.cron.advanceTo(day(0));
    expect(await w.finished(sub.id, day(0))).toBe('skipped');
    expect(posts()).toEqual([]);

    const watcher = createCorpusWatcher({ reindex: w.test.reindex, intervalMs: 60_000, logger: w.logs.logger });
    w.cron.advanceTo('2026-03-27T12:00:00Z');
    addArticle(w.test.corpusDir, 'solar-plant', SOLAR);
    // the same story from a second source, under its own headline
    const solarCopy = join(w.test.corpusDir, 'solar-plant-copy.txt');
    const original = readFileSync(join(w.test.corpusDir, 'solar-plant.txt'), 'utf8');
    writeFileSync(solarCopy, original.replace(`title: ${SOLAR}`, 'title: محطة شمسية عملاقة تدخل الخدمة'));
    writeFileSync(
      join(w.test.corpusDir, 'derby.txt'),
      `title: ${FOOTBALL}\ndate: 2026-03-28\n\nفاز فريق الهلال على منافسه النصر بهدفين مقابل هدف في مباراة الديربي التي أقيمت مساء أمس على ملعب المملكة أرينا وسط حضور جماهيري كبير.\n${distinctSentence('derby')}\n`,
    );
    expect(await watcher.runOnce()).toMatchObject({ added: 3 });

    w.cron.advanceTo(day(1));
    expect(await w.finished(sub.id, day(1))).toBe('sent');
    const digest = posts()[0]!;
    expect(digest.match(/solar-plant/g)).toHaveLength(1); // one item for the story, by one of its ids
    expect(digest).toContain('2 sources');
    expect(digest).not.toContain(FOOTBALL);

    // /subscriptions shows the topics
    const status = await w.say('/subscriptions', { user: ENGLISH_USER });
    expect(readable(status.messages[0]!.text)).toContain('Topics: الطاقة الشمسية, الزراعة');
    await watcher.stop();
  });
});
