import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedReader } from '../../src/feeds/create-feed-reader.js';
import { createFeedPoller, type FeedPoller } from '../../src/scheduler/create-feed-poller.js';
import { createSqliteFeedStore } from '../../src/store/create-sqlite-feed-store.js';
import { createSqliteIndexWriter } from '../../src/store/create-sqlite-index-writer.js';
import { WHEAT } from '../feeds/support/arabic-news.js';
import { articlePage, rss2 } from '../feeds/support/compose-feeds.js';
import { type FeedServer, startFeedServer } from '../feeds/support/feed-server.js';
import { TEST_LIMITS } from '../feeds/support/reader-world.js';
import { ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import { type DigestWorld, readable, startDigestWorld } from './support/digest-world.js';

/**
 * News from a feed reaches a chat: the feed poller of the running bot (real HTTP against a
 * local site, the real SQLite index shared with the bots), the digest scheduler and the
 * real grammY bot against the Telegram emulator, all on one manual clock.
 */

const SLOT_1 = '2026-03-27T05:00:00Z'; // 08:00 in Riyadh
const SLOT_2 = '2026-03-28T05:00:00Z';
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

let w: DigestWorld;
let srv: FeedServer;
let poller: FeedPoller;

beforeEach(async () => {
  w = await startDigestWorld();
  await w.scheduler().start();
  w.clock.set('2026-03-27T00:01:00Z');
  srv = await startFeedServer();
  srv.set('/feed', { body: rss2('الجريدة', []), headers: RSS });
  const reader = createFeedReader({
    store: createSqliteFeedStore(w.test.db),
    writer: createSqliteIndexWriter(w.test.db, () => w.clock.now()),
    clock: w.clock,
    intervalMs: 15 * 60_000,
    limits: TEST_LIMITS,
    random: () => 0,
  });
  poller = createFeedPoller({
    reader,
    feeds: () => [{ url: srv.url('/feed'), name: 'الجريدة' }],
    clock: w.clock,
    intervalMs: 15 * 60_000,
    random: () => 0,
    logger: w.logs.logger,
  });
  poller.start();
  await poller.runDue();
});

afterEach(async () => {
  await poller.stop();
  await w.close();
  await srv.close();
});

describe('feeds to digests', () => {
  it('a new feed item reaches a subscribed chat in its next digest, linked to its source', async () => {
    await w.say('/subscribe daily 08:00 Asia/Riyadh');
    const sub = await w.subscription('telegram', ENGLISH_USER.id);
    w.cron.advanceTo(SLOT_1);
    expect(await w.finished(sub.id, SLOT_1)).toBe('sent');
    const welcome = readable(w.telegramPosts(ENGLISH_USER.id)[0]!.text);
    expect(welcome).not.toContain(WHEAT.title);

    // The site publishes a teaser at 10:00; the bot's next poll after it picks it up.
    srv.set('/feed', {
      body: rss2('الجريدة', [
        {
          guid: 'wheat-1',
          link: srv.url('/news/wheat'),
          title: WHEAT.title,
          description: 'خطة وطنية للقمح',
          date: '2026-03-27T10:00:00Z',
        },
      ]),
      headers: RSS,
    });
    srv.set('/news/wheat', {
      body: articlePage(WHEAT.title, WHEAT.paragraphs),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    w.cron.advanceTo('2026-03-27T10:05:00Z');
    await poller.runDue();
    expect(srv.hits('/news/wheat')).toBe(1);

    expect(w.cron.advanceTo(SLOT_2).map((f) => f.name)).toEqual([`digest-${sub.id}`]);
    expect(await w.finished(sub.id, SLOT_2)).toBe('sent');
    const posts = w.telegramPosts(ENGLISH_USER.id);
    expect(posts).toHaveLength(2);
    const digest = posts[1]!;
    const text = readable(digest.text);
    expect(text).toMatch(/^News digest · Saturday 28 March at 08:00/);
    expect(text).toContain(WHEAT.title);
    expect(text).toContain('سنضاعف إنتاج القمح'); // the top quote, from the page's full text
    expect(digest.entities.filter((e) => e.type === 'text_link').map((e) => e.url)).toContain(srv.url('/news/wheat'));

    // Polled again later: the item is known, its page is not fetched again.
    w.cron.advanceTo('2026-03-28T06:00:00Z');
    await poller.runDue();
    expect(srv.hits('/news/wheat')).toBe(1);
  });
});
