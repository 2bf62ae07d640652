import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countDigests } from '../../src/metrics/count-digests.js';
import { createMetrics } from '../../src/metrics/create-metrics.js';
import { type TestIndex, createTestIndex } from '../support/create-test-index.js';

describe('countDigests', () => {
  let ti: TestIndex;
  beforeEach(async () => {
    ti = await createTestIndex();
  });
  afterEach(async () => ti.close());

  it('counts every finished slot by outcome and still records it in the delivery log', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const store = countDigests(ti.subscriptionStore, metrics);
    const now = new Date('2026-03-27T00:00:00Z');
    const { subscription } = await store.subscribe(
      {
        platform: 'telegram',
        chatId: '1',
        schedule: '0 8 * * *',
        timezone: 'UTC',
        locale: 'ar',
        whenEmpty: 'skip',
        userId: 'u',
      },
      now,
    );
    const slots = ['2026-03-27T08:00:00Z', '2026-03-28T08:00:00Z', '2026-03-29T08:00:00Z'].map((s) => new Date(s));
    for (const slot of slots) await store.claimSlot(subscription.id, slot, now);
    await store.finishSlot(
      subscription.id,
      slots[0]!,
      { status: 'sent', attempts: 1, shown: ['003_3ddc96a2e226cfb4'], more: [] },
      now,
    );
    await store.finishSlot(subscription.id, slots[1]!, { status: 'skipped', attempts: 0 }, now);
    await store.finishSlot(subscription.id, slots[2]!, { status: 'failed', attempts: 5, error: 'HTTP 502' }, now);

    const page = await metrics.render();
    expect(page).toContain('nashra_digests_total{outcome="sent"} 1');
    expect(page).toContain('nashra_digests_total{outcome="skipped"} 1');
    expect(page).toContain('nashra_digests_total{outcome="failed"} 1');
    expect(page).toContain('nashra_digests_total{outcome="gone"} 0');
    expect((await ti.subscriptionStore.deliveries(subscription.id)).map((d) => d.status).sort()).toEqual([
      'failed',
      'sent',
      'skipped',
    ]);
  });
});
