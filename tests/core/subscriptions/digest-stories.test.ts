import { afterEach, describe, expect, it } from 'vitest';
import { buildSubscriptionDigest } from '../../../src/core/subscriptions/build-subscription-digest.js';
import { buildDigest } from '../../../src/core/services/build-digest.js';
import { createManualClock } from '../../support/manual-clock.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';
import { ORIGINAL_ID, writeSyndicatedCopies } from '../../support/syndicated-copies.js';

describe('digests list each story once', () => {
  let ti: TestIndex;
  afterEach(async () => ti?.close());

  async function subscribed() {
    const clock = createManualClock('2026-03-27T00:00:00Z');
    ti = await createTestIndex({ clock });
    const { subscription } = await ti.subscriptionStore.subscribe(
      {
        platform: 'telegram',
        chatId: '42',
        schedule: '0 8 * * *',
        timezone: 'UTC',
        locale: 'ar',
        whenEmpty: 'skip',
        userId: '1',
      },
      clock.now(),
    );
    // the welcome digest takes the seed articles
    const welcome = await buildSubscriptionDigest(
      { index: ti.index, store: ti.subscriptionStore },
      subscription,
      clock.now(),
    );
    await ti.subscriptionStore.claimSlot(subscription.id, clock.now(), clock.now());
    await ti.subscriptionStore.finishSlot(
      subscription.id,
      clock.now(),
      { status: 'sent', attempts: 1, shown: welcome.shown, more: welcome.more },
      clock.now(),
    );
    clock.advance(60_000);
    return { clock, sub: (await ti.subscriptionStore.get(subscription.id))! };
  }

  it('shows a story told by several sources once, with the other copies as also', async () => {
    const clock = createManualClock('2026-03-27T00:00:00Z');
    ti = await createTestIndex({ clock });
    clock.advance(60_000);
    writeSyndicatedCopies(ti.corpusDir, ['copy-cut', 'copy-headline', 'copy-source']);
    await ti.reindex();
    const items = await buildDigest(ti.index, { since: '2026-03-27T00:00:30Z' });
    expect(items.map((i) => i.id)).toEqual(['copy-source']);
    expect([...items[0]!.also].sort()).toEqual([ORIGINAL_ID, 'copy-cut', 'copy-headline'].sort());
  });

  it("narrows a digest to stories about a topic (digest --topic), with search's spelling variants", async () => {
    ti = await createTestIndex();
    expect((await buildDigest(ti.index, { topics: ['قمة بريكس'] })).map((i) => i.id)).toEqual(['003_3ddc96a2e226cfb4']);
    expect((await buildDigest(ti.index, { topics: ['زيلنسكي'] })).map((i) => i.id)).toContain(ORIGINAL_ID);
    expect(await buildDigest(ti.index, { topics: ['الطاقة الشمسية'] })).toEqual([]);
    expect(await buildDigest(ti.index, { topics: [] })).toHaveLength(5);
  });

  it('does not send a story again when another copy arrives later', async () => {
    const { clock, sub } = await subscribed();
    writeSyndicatedCopies(ti.corpusDir, ['copy-cut', 'copy-headline']);
    await ti.reindex();
    const first = await buildSubscriptionDigest({ index: ti.index, store: ti.subscriptionStore }, sub, clock.now());
    // the seed original was in the welcome digest, so its copies are not news
    expect(first.reply).toBeNull();

    // a new story told by three sources: one item, «3 مصادر»
    const fresh = (n: number) =>
      `خبر عاجل ${n}\n${'أعلنت وزارة الصحة افتتاح مستشفى جديد للأطفال في مدينة الرياض بسعة مئتي سرير، ويضم أقساما متخصصة للطوارئ والعناية المركزة وجراحة القلب، على أن يبدأ استقبال المرضى الشهر المقبل. '.repeat(2)}${n === 3 ? 'المصدر: واس' : ''}`;
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const n of [1, 2]) writeFileSync(join(ti.corpusDir, `hospital-${n}.txt`), fresh(n));
    clock.advance(60_000);
    await ti.reindex();
    const second = await buildSubscriptionDigest({ index: ti.index, store: ti.subscriptionStore }, sub, clock.now());
    expect(second.reply?.items).toHaveLength(1);
    expect(second.reply!.items![0]!.ref).toContain('مصدران');
    await ti.subscriptionStore.claimSlot(sub.id, clock.now(), clock.now());
    await ti.subscriptionStore.finishSlot(
      sub.id,
      clock.now(),
      { status: 'sent', attempts: 1, shown: second.shown, more: second.more },
      clock.now(),
    );
    expect(await ti.subscriptionStore.received(sub.id)).toEqual(expect.arrayContaining(['hospital-1', 'hospital-2']));

    // a third copy arrives after the digest went out: not sent again
    writeFileSync(join(ti.corpusDir, 'hospital-3.txt'), fresh(3));
    clock.advance(60_000);
    await ti.reindex();
    const third = await buildSubscriptionDigest({ index: ti.index, store: ti.subscriptionStore }, sub, clock.now());
    expect(third.reply).toBeNull();
  });
});
