/**
 * Time, injected. The scheduler asks the clock for "now" (which slot is due, what is
 * late) and sleeps through it (rate-limit waits, retry backoff), so tests move time
 * forward instead of waiting for it.
 */
export interface Clock {
  now(): Date;
  /**
   * Resolves after `ms`; rejects with an `AbortError` when `signal` aborts first, so a
   * stopping scheduler does not sit out a long `retry_after`.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The error `sleep` rejects with when aborted. */
export function abortError(): Error {
  const err = new Error('aborted');
  err.name = 'AbortError';
  return err;
}

/** Real time: `Date` and `setTimeout` (which vitest's fake timers also drive). */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
