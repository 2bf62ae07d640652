/**
 * Work in flight (chat answers, deliveries, rescans), so that a stop can wait for it —
 * for a bounded time. One implementation for every service that stops gracefully.
 */
export interface InFlight {
  /** Records `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves true when everything settled, false when `ms` ran out first (the work goes on). */
  settle(ms: number): Promise<boolean>;
}

/** An empty tracker. */
export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      running.add(work);
      const done = () => void running.delete(work);
      work.then(done, done);
      return work;
    },
    get size() {
      return running.size;
    },
    async settle(ms) {
      if (running.size === 0) return true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
        timer.unref?.();
      });
      const all = Promise.allSettled([...running]).then(() => true as const);
      try {
        return await Promise.race([all, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
