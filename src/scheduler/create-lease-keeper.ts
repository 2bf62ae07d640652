import type { Leases } from '../core/ports/leases.js';
import type { Logger } from '../logging/create-logger.js';
import { scrubError } from '../logging/scrub-secrets.js';

/**
 * Lease timing. An instance renews its lease every third of the TTL, so one or two slow
 * renewals do not lose it; a standby asks as often, so it takes over a lease its dead holder
 * stopped renewing at most `ttl + ttl/3` after the holder's last renewal.
 */
export const LEASE_TIMING = {
  /** How long a lease lasts without renewal (NASHRA_LEASE_SECONDS, default). */
  ttlMs: 15_000,
  /** Renewals (and a standby's attempts) per TTL. */
  attemptsPerTtl: 3,
} as const satisfies Record<string, number>;

export interface LeaseKeeperDeps {
  readonly leases: Leases;
  /** The job's lease, e.g. `telegram-polling`. */
  readonly name: string;
  /** This instance (unique per start). */
  readonly holder: string;
  readonly ttlMs?: number;
  /** Starts the job: called when the lease is taken. A throw gives the lease back. */
  readonly onAcquire: () => Promise<void> | void;
  /** Stops the job: called when the lease is lost, and on `stop` before it is released. */
  readonly onRelease: () => Promise<void> | void;
  readonly logger: Logger;
}

export interface LeaseKeeper {
  /** Asks for the lease now, then every TTL/3: renewing it while held, waiting for it while not. */
  start(): void;
  /** Stops the job if this instance runs it, then releases the lease, so a standby takes over at its next attempt. */
  stop(): Promise<void>;
  /** True while this instance holds the lease and runs the job. */
  held(): boolean;
}

/**
 * Runs a job on exactly one instance at a time, by a lease in the shared database. While
 * the lease is held the job runs and the lease is renewed; a renewal refused (another
 * instance took an expired lease: this one was paused longer than the TTL) stops the job
 * at once, and renewals that fail (database unreachable) stop it once less than a third of
 * the TTL may be left (after two failed renewals), before any standby can take the lease:
 * two instances do not both run the job while their clocks run at the same rate.
 * A killed holder renews nothing: its lease expires and a standby starts the job.
 */
export function createLeaseKeeper(deps: LeaseKeeperDeps): LeaseKeeper {
  const { leases, name, holder } = deps;
  const ttlMs = deps.ttlMs ?? LEASE_TIMING.ttlMs;
  const everyMs = Math.max(1, Math.floor(ttlMs / LEASE_TIMING.attemptsPerTtl));
  const log = deps.logger.child({ lease: name, holder });
  let held = false;
  /** When the lease was last taken or renewed (this machine's clock). */
  let renewedAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  /** Stops the job this instance runs (the lease is then not ours to renew). */
  async function stopJob(): Promise<void> {
    held = false;
    try {
      await deps.onRelease();
    } catch (err) {
      log.error({ err: scrubError(err) }, 'job did not stop cleanly');
    }
  }

  async function letGo(reason: string): Promise<void> {
    log.warn({ reason }, 'lease lost; stopping the job');
    await stopJob();
  }

  async function attempt(): Promise<void> {
    let ours: boolean | null;
    try {
      ours = await leases.acquire(name, holder, ttlMs);
    } catch (err) {
      log.warn({ err: scrubError(err) }, 'could not reach the lease');
      ours = null;
    }
    if (stopped) return;
    if (ours === true) {
      renewedAt = Date.now();
      if (held) return;
      held = true;
      log.info({ ttlMs }, 'lease taken; starting the job');
      try {
        await deps.onAcquire();
      } catch (err) {
        log.error({ err: scrubError(err) }, 'job failed to start; giving the lease back');
        await letGo('start failed');
        await leases.release(name, holder).catch(() => undefined);
      }
      return;
    }
    if (!held) return;
    if (ours === false) await letGo('another instance holds it');
    else if (Date.now() - renewedAt >= ttlMs - everyMs) await letGo('not renewed in time');
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = attempt().finally(schedule);
    }, everyMs);
    timer.unref?.();
  }

  return {
    start() {
      if (running || timer || stopped) return;
      running = attempt().finally(schedule);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      if (!held) return;
      await stopJob();
      await leases
        .release(name, holder)
        .then(() => log.info('lease released'))
        .catch((err: unknown) => log.warn({ err: scrubError(err) }, 'could not release the lease; it expires'));
    },
    held: () => held,
  };
}
