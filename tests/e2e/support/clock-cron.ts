import type { ManualClock } from '../../support/manual-clock.js';
import { nextSlot, parseCron } from '../../../src/core/schedule/cron.js';
import type { CronJob, CronRunner } from '../../../src/scheduler/cron-runner.js';

interface Job {
  readonly name: string;
  readonly expression: string;
  readonly timezone: string;
  readonly onTick: (slot: Date) => void;
  next: Date | null;
  stopped: boolean;
}

/** A job's slot that fired while the clock moved. */
export interface Fired {
  readonly name: string;
  readonly slot: string;
}

/**
 * A CronRunner that fires when a manual clock is moved forward, never in real time: each
 * job's next slot is computed from its expression in its IANA zone (nashra's cron maths,
 * which tests/scheduler/node-cron.test.ts checks against node-cron's own `getNextRuns`),
 * and `advanceTo` walks the clock through every slot on the way, in time order, setting
 * the clock to the slot before ticking, as node-cron would fire it. So a test reads
 * "move to 04:59:59: nothing; move to 05:00: the digest is posted".
 */
export class ClockCron implements CronRunner {
  private readonly jobs: Job[] = [];
  /** Every tick fired, in order. */
  readonly fired: Fired[] = [];

  constructor(private readonly clock: ManualClock) {}

  schedule(expression: string, timezone: string, onTick: (slot: Date) => void, name?: string): CronJob {
    const parsed = parseCron(expression);
    if (!parsed.ok) throw new Error(`bad cron expression ${expression}`);
    const job: Job = {
      name: name ?? expression,
      expression,
      timezone,
      onTick,
      next: nextSlot(parsed.spec, timezone, this.clock.now()),
      stopped: false,
    };
    this.jobs.push(job);
    return {
      stop: () => {
        job.stopped = true;
      },
    };
  }

  /** The jobs still scheduled. */
  active(): { name: string; expression: string; timezone: string }[] {
    return this.jobs
      .filter((j) => !j.stopped)
      .map(({ name, expression, timezone }) => ({ name, expression, timezone }));
  }

  /** Moves the clock forward to `at`, firing every slot reached on the way; returns them. */
  advanceTo(at: Date | string): Fired[] {
    const target = new Date(at).getTime();
    if (target < this.clock.now().getTime()) throw new Error('the clock only moves forward');
    const fired: Fired[] = [];
    for (;;) {
      const due = this.jobs
        .filter((j) => !j.stopped && j.next !== null && j.next.getTime() <= target)
        .sort((a, b) => a.next!.getTime() - b.next!.getTime())[0];
      if (!due) break;
      const slot = due.next!;
      const parsed = parseCron(due.expression);
      due.next = parsed.ok ? nextSlot(parsed.spec, due.timezone, slot) : null;
      if (slot.getTime() > this.clock.now().getTime()) this.clock.set(slot);
      const tick = { name: due.name, slot: slot.toISOString() };
      fired.push(tick);
      this.fired.push(tick);
      due.onTick(slot);
    }
    this.clock.set(new Date(target));
    return fired;
  }
}
