/**
 * Named leases in the shared database: the right to do one job (long-poll Telegram, poll
 * feeds) that must run on exactly one instance at a time. A lease is held by one holder
 * until it expires, so an instance killed without a word (`kill -9`, a lost machine) stops
 * holding it `ttlMs` after its last renewal, and another instance takes over; an instance
 * that stops cleanly releases it at once.
 */
export interface Leases {
  /**
   * Takes `name` for `holder` until `ttlMs` from now, or renews it if `holder` has it; true
   * when `holder` holds it afterwards, false while another holder's lease runs. Atomic
   * across instances: of several asking at once, exactly one gets a free lease.
   */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives `name` up if `holder` has it (else does nothing), so another takes it at once. */
  release(name: string, holder: string): Promise<void>;
}
