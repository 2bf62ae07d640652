import { abortError, type Clock } from '../../src/core/schedule/clock.js';

/** A clock tests move by hand; `sleep` advances it at once and records how long was asked. */
export interface ManualClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
  /** Every `sleep` duration asked for, in order. */
  readonly sleeps: readonly number[];
}

/** A clock standing at `start` that only moves when told (or slept on). */
export function createManualClock(start: Date | string): ManualClock {
  let now = new Date(start).getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    set(date) {
      now = new Date(date).getTime();
    },
    advance(ms) {
      now += ms;
    },
    sleeps,
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      sleeps.push(ms);
      now += Math.max(0, ms);
      await Promise.resolve();
      if (signal?.aborted) throw abortError();
    },
  };
}
