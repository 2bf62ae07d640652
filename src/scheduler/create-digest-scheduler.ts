import type { ArticleIndex } from '../core/ports/article-index.js';
import { createInFlight } from '../core/lifecycle/in-flight.js';
import { STOP_LIMITS } from '../core/lifecycle/stop-limits.js';
import type { ChatDelivery, DeliveryProgress, Platform } from '../core/ports/chat-delivery.js';
import type { Clock } from '../core/schedule/clock.js';
import { previousSlot } from '../core/schedule/cron.js';
import { buildSubscriptionDigest } from '../core/subscriptions/build-subscription-digest.js';
import { subscriptionSpec } from '../core/subscriptions/create-subscription-commands.js';
import type { Subscription, SubscriptionStore } from '../core/ports/subscription-store.js';
import type { Logger } from '../logging/create-logger.js';
import { createNodeCronRunner, type CronJob, type CronRunner } from './cron-runner.js';
import { DEFAULT_RETRY, type RetryPolicy, sendWithRetry } from './send-with-retry.js';

/** How late a slot may still be delivered (missed while down, or node-cron running late). */
export const DEFAULT_GRACE_MS = 6 * 60 * 60_000;

export type SlotOutcome = 'sent' | 'skipped' | 'duplicate' | 'disabled' | 'failed';

export interface DigestSchedulerDeps {
  readonly store: SubscriptionStore;
  readonly index: ArticleIndex;
  /** The platforms that can post; a subscription on a platform not here waits (its slot unclaimed). */
  readonly deliveries: Partial<Record<Platform, ChatDelivery>>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Default 6 h. */
  readonly graceMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Default: node-cron. */
  readonly cron?: CronRunner;
  /** How long `stop` waits for deliveries in flight; default `STOP_LIMITS.graceMs`. */
  readonly stopTimeoutMs?: number;
  /**
   * Re-read the subscriptions this often (ms); default never (only `refresh` calls). With
   * several instances a /subscribe answered by one calls `refresh` there only: the others
   * schedule it at their next periodic refresh.
   */
  readonly refreshEveryMs?: number;
}

export interface DigestScheduler {
  /** Schedules every active subscription, then delivers the latest slot each missed while down (within the grace window). */
  start(): Promise<void>;
  /** Re-reads subscriptions after subscribe/unsubscribe: new ones scheduled, changed ones rescheduled, gone ones stopped. */
  refresh(): Promise<void>;
  /** Stops every job, aborts retry waits, and waits for deliveries in flight. */
  stop(): Promise<void>;
  /** Delivers one slot now (what a tick does, without the grace check). */
  runSlot(subscriptionId: number, slot: Date): Promise<SlotOutcome>;
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * The digest scheduler: one node-cron job per active subscription, in its time zone.
 *
 * Delivery guarantee: each (subscription, slot) is posted at most once, across restarts
 * and crashes. The slot is claimed in the SQLite delivery log, in a transaction, before
 * anything is sent, and a claimed slot is never claimed again. So a crash after claiming
 * means that slot is not re-sent: if the crash came before the post, that post is lost
 * (its articles come in the next digest, since only a successful send records them as
 * received); if it came after the post but before the log was updated, the next digest
 * repeats those articles (the log could not know they went out). A digest split into
 * several messages is posted part by part, and a retry resumes at the part that failed
 * (`DeliveryProgress`), so within one run no part is posted twice. A send that is still
 * failing when the bot stops is un-claimed when none of its parts was posted, so start-up
 * catch-up can deliver it; once a part is in the chat the slot stays finished instead.
 *
 * Several instances on one database (PostgreSQL): every instance runs this scheduler over
 * the same subscriptions, so every instance's node-cron fires for every slot. node-cron only
 * says "now"; the claim decides: each instance normalizes the fired instant to the slot
 * (`previousSlot`), and `claimSlot` is one INSERT on the delivery log's primary key
 * (subscription, slot), so exactly one instance wins and posts, the others log "slot
 * already claimed" and send nothing. A slot missed while every instance was down is caught
 * up by `start` on each instance as it comes back, through the same claim: once. An
 * instance killed mid-send (`kill -9`) leaves its slot claimed and unfinished: no instance
 * claims it again (at most once wins over at least once), the parts already posted stay,
 * the remaining parts of that digest are never posted (part progress lives in the sending
 * process only), and since the slot never recorded what it showed, its articles come again
 * in the next slot's digest. A clean stop (SIGTERM) waits up to `stopTimeoutMs` for a send in
 * flight to finish; a send still waiting to retry is cut short, and its slot released when
 * none of its parts went out (catch-up then delivers it), kept (failed) otherwise.
 * Subscriptions changed through another instance are picked up by `refreshEveryMs`; until
 * then a stale job here can only claim a slot of the subscription's current schedule
 * (the slot is recomputed from the stored schedule), so it never posts twice.
 *
 * Each subscription's deliveries run one after another (a slot's digest is built only
 * after the previous slot recorded what it sent); different subscriptions run
 * concurrently, so one slow or failing chat delays no other.
 */
export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { store, index, deliveries, clock, logger } = deps;
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const stopTimeoutMs = deps.stopTimeoutMs ?? STOP_LIMITS.graceMs;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const log = logger.child({ component: 'digest-scheduler' });
  const cron = deps.cron ?? createNodeCronRunner({ logger: log, missedToleranceMs: Math.min(graceMs, 10 * 60_000) });
  const jobs = new Map<number, { key: string; job: CronJob }>();
  const queues = new Map<number, Promise<unknown>>();
  const inFlight = createInFlight();
  const abort = new AbortController();
  let started = false;
  let stopped = false;
  let refresher: ReturnType<typeof setInterval> | null = null;

  const track = <T>(p: Promise<T>): Promise<T> => inFlight.track(p);

  async function deliver(id: number, slot: Date): Promise<SlotOutcome> {
    const jobLog = logger.child({ job: 'digest', subscription: id, slot: slot.toISOString() });
    try {
      const sub = await store.get(id);
      if (sub?.status !== 'active') return 'disabled';
      const delivery = deliveries[sub.platform];
      if (!delivery) {
        jobLog.warn({ platform: sub.platform }, 'no delivery for this platform; slot left for later');
        return 'failed';
      }
      const claim = await store.claimSlot(id, slot, clock.now());
      if (claim === 'inactive') return 'disabled';
      if (claim === 'duplicate') {
        jobLog.info('slot already claimed; not posting again');
        return 'duplicate';
      }
      return await send(sub, delivery, slot, jobLog);
    } catch (err) {
      jobLog.error({ err }, 'digest delivery failed');
      try {
        if ((await store.delivery(id, slot))?.status === 'claimed')
          await store.finishSlot(id, slot, { status: 'failed', attempts: 0, error: errorText(err) }, clock.now());
      } catch (logErr) {
        jobLog.error({ err: logErr }, 'could not record the failure');
      }
      return 'failed';
    }
  }

  async function send(sub: Subscription, delivery: ChatDelivery, slot: Date, jobLog: Logger): Promise<SlotOutcome> {
    const { id } = sub;
    const digest = await buildSubscriptionDigest({ index, store }, sub, slot);
    if (!digest.reply) {
      await store.finishSlot(id, slot, { status: 'skipped', attempts: 0 }, clock.now());
      jobLog.info('nothing new; no post');
      return 'skipped';
    }
    const reply = digest.reply;
    // One progress record per slot delivery, shared by its retries: a digest split into
    // several messages resumes at the part that failed instead of re-posting the others.
    const progress: DeliveryProgress = { sent: 0 };
    const outcome = await sendWithRetry((p) => delivery.send(sub.chatId, reply, p), {
      policy,
      clock,
      signal: abort.signal,
      logger: jobLog,
      progress,
    });
    switch (outcome.kind) {
      case 'sent':
        await store.finishSlot(
          id,
          slot,
          { status: 'sent', attempts: outcome.attempts, shown: digest.shown, more: digest.more },
          clock.now(),
        );
        jobLog.info(
          { items: digest.shown.length, more: digest.more.length, attempts: outcome.attempts },
          'digest sent',
        );
        return 'sent';
      case 'gone':
        await store.disable(id, errorText(outcome.error), clock.now());
        await store.finishSlot(
          id,
          slot,
          { status: 'gone', attempts: outcome.attempts, error: errorText(outcome.error) },
          clock.now(),
        );
        jobLog.warn(
          { err: outcome.error, platform: sub.platform, chat: sub.chatId },
          'chat gone; subscription disabled',
        );
        await refresh();
        return 'disabled';
      case 'aborted':
        if (progress.sent > 0) {
          // Part of the digest is in the chat: releasing the slot would let catch-up post those parts again.
          await store.finishSlot(
            id,
            slot,
            {
              status: 'failed',
              attempts: outcome.attempts,
              error: `stopped after ${progress.sent} part(s): ${errorText(outcome.error)}`,
            },
            clock.now(),
          );
          jobLog.warn(
            { err: outcome.error, partsSent: progress.sent },
            'stopped part-way through a digest; slot kept so no part is posted twice',
          );
          return 'failed';
        }
        await store.releaseSlot(id, slot);
        jobLog.warn({ err: outcome.error }, 'stopped before the digest could be sent; slot released for catch-up');
        return 'failed';
      case 'failed':
        await store.finishSlot(
          id,
          slot,
          { status: 'failed', attempts: outcome.attempts, error: errorText(outcome.error) },
          clock.now(),
        );
        jobLog.error(
          { err: outcome.error, attempts: outcome.attempts, partsSent: progress.sent },
          'digest not sent; its articles go in the next one',
        );
        return 'failed';
    }
  }

  function runSlot(subscriptionId: number, slot: Date): Promise<SlotOutcome> {
    const previous = queues.get(subscriptionId) ?? Promise.resolve();
    const run = previous.then(() => deliver(subscriptionId, slot));
    queues.set(subscriptionId, run);
    void run.finally(() => {
      if (queues.get(subscriptionId) === run) queues.delete(subscriptionId);
    });
    return track(run);
  }

  /** A slot is delivered when it is the latest one due and not older than the grace window. */
  function due(sub: Subscription, slot: Date, now: Date): boolean {
    const spec = subscriptionSpec(sub);
    const latest = spec ? previousSlot(spec, sub.timezone, now) : null;
    if (latest && latest.getTime() > slot.getTime()) return false; // superseded by a newer slot
    return now.getTime() - slot.getTime() <= graceMs;
  }

  function tick(id: number, fired: Date): void {
    if (stopped) return;
    // Tracked from the first read, so a stop waits for a slot that is about to be claimed.
    void track(
      tickSlot(id, fired).catch((err: unknown) =>
        logger.child({ job: 'digest', subscription: id }).error({ err }, 'digest slot could not start'),
      ),
    );
  }

  async function tickSlot(id: number, fired: Date): Promise<void> {
    const sub = await store.get(id);
    if (stopped || sub?.status !== 'active') return;
    const spec = subscriptionSpec(sub);
    // The slot as nashra computes it (node-cron's instant, normalized to the same rule).
    const slot = (spec && previousSlot(spec, sub.timezone, fired)) ?? fired;
    const now = clock.now();
    if (!due(sub, slot, now)) {
      logger
        .child({ job: 'digest', subscription: id, slot: slot.toISOString() })
        .warn('slot too late or superseded; not delivered');
      return;
    }
    void runSlot(id, slot);
  }

  async function refresh(): Promise<void> {
    if (!started || stopped) return;
    let active: Subscription[];
    try {
      active = await store.active();
      if (stopped) return;
    } catch (err) {
      log.error({ err }, 'could not read subscriptions');
      return;
    }
    const seen = new Set<number>();
    for (const sub of active) {
      seen.add(sub.id);
      const key = `${sub.schedule}|${sub.timezone}`;
      const existing = jobs.get(sub.id);
      if (existing?.key === key) continue;
      existing?.job.stop();
      jobs.delete(sub.id);
      try {
        const job = cron.schedule(sub.schedule, sub.timezone, (slot) => tick(sub.id, slot), `digest-${sub.id}`);
        jobs.set(sub.id, { key, job });
      } catch (err) {
        log.error(
          { err, subscription: sub.id, schedule: sub.schedule, timezone: sub.timezone },
          'could not schedule subscription',
        );
      }
    }
    for (const [id, { job }] of jobs) {
      if (seen.has(id)) continue;
      job.stop();
      jobs.delete(id);
    }
    log.debug({ jobs: jobs.size }, 'subscriptions scheduled');
  }

  async function catchUp(): Promise<void> {
    const now = clock.now();
    const runs: Promise<SlotOutcome>[] = [];
    for (const sub of await store.active()) {
      const spec = subscriptionSpec(sub);
      const slot = spec ? previousSlot(spec, sub.timezone, now) : null;
      if (!slot || slot.getTime() < Date.parse(sub.scheduledSince)) continue;
      if (await store.delivery(sub.id, slot)) continue;
      const slotLog = logger.child({ job: 'digest', subscription: sub.id, slot: slot.toISOString() });
      if (now.getTime() - slot.getTime() > graceMs) {
        slotLog.info({ graceMs }, 'missed slot is older than the grace window; not caught up');
        continue;
      }
      slotLog.info('catching up a slot missed while down');
      runs.push(runSlot(sub.id, slot));
    }
    await Promise.all(runs);
  }

  return {
    async start() {
      if (started) return;
      started = true;
      await refresh();
      if (deps.refreshEveryMs) {
        refresher = setInterval(() => void refresh(), deps.refreshEveryMs);
        refresher.unref?.();
      }
      await catchUp();
    },
    refresh,
    async stop() {
      stopped = true;
      if (refresher) clearInterval(refresher);
      for (const { job } of jobs.values()) job.stop();
      jobs.clear();
      abort.abort();
      // A send stuck in an adapter must not hang shutdown: wait a bounded time (real time).
      const settled = await inFlight.settle(stopTimeoutMs);
      if (!settled)
        log.warn(
          { inFlight: inFlight.size, stopTimeoutMs },
          'stopped with deliveries still in flight (their slots stay claimed)',
        );
    },
    runSlot,
  };
}
