import type { SubscriptionStore } from '../core/ports/subscription-store.js';
import type { Metrics } from './create-metrics.js';

/**
 * The subscription store the scheduler writes through, counting each finished digest slot
 * by outcome (`nashra_digests_total`). Every outcome goes through `finishSlot`, so the
 * scheduler itself knows nothing of metrics.
 */
export function countDigests(store: SubscriptionStore, metrics: Metrics): SubscriptionStore {
  return {
    ...store,
    async finishSlot(id, slot, result, now) {
      await store.finishSlot(id, slot, result, now);
      metrics.countDigest(result.status);
    },
  };
}
