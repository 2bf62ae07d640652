/** A chat update a stopping adapter could not answer in time, kept to answer after restart. */
export interface HandedBackUpdate {
  /** The platform's id of the update (Telegram's `update_id`). */
  readonly id: number;
  /** The update as the platform sent it (JSON). */
  readonly payload: string;
}

/**
 * Updates handed back on a graceful stop. Telegram counts an update as delivered once a
 * later `getUpdates` has been asked for, which the poller does long before the update is
 * answered; so what was fetched but not answered at stop is kept here, not left to Telegram.
 */
export interface HandedBackUpdates {
  save(platform: string, updates: readonly HandedBackUpdate[]): Promise<void>;
  /** Every saved update of the platform, oldest first. */
  load(platform: string): Promise<HandedBackUpdate[]>;
  /** Drops one once it has been answered. */
  remove(platform: string, id: number): Promise<void>;
}
