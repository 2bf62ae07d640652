import type { DeliveryRecord, DeliveryStatus } from '../core/ports/subscription-store.js';

/** A `deliveries` row as both engines return it (the same columns, the same types). */
export interface DeliveryRow {
  subscription_id: number;
  slot: string;
  status: string;
  claimed_at: string;
  finished_at: string | null;
  attempts: number;
  items: number;
  error: string | null;
}

/** One delivery-log row as the port's record: shared by the SQLite and PostgreSQL stores. */
export function toDelivery(r: DeliveryRow): DeliveryRecord {
  return {
    subscriptionId: r.subscription_id,
    slot: r.slot,
    status: r.status as DeliveryStatus,
    claimedAt: r.claimed_at,
    finishedAt: r.finished_at,
    attempts: r.attempts,
    items: r.items,
    error: r.error,
  };
}

/** The `subscriptions` columns every read selects, in the same order on both engines. */
export const SUBSCRIPTION_COLUMNS =
  'id, platform, chat_id, schedule, timezone, locale, when_empty, status, created_by, created_at, scheduled_since, since, welcome, disabled_reason, topics';
/** The `deliveries` columns every read selects. */
export const DELIVERY_COLUMNS = 'subscription_id, slot, status, claimed_at, finished_at, attempts, items, error';
/** Longest error text kept in the log. */
export const MAX_ERROR_CHARS = 500;
