import { describe, expect, it } from 'vitest';
import { createInFlight } from '../../../src/core/lifecycle/in-flight.js';

const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('in-flight work', () => {
  it('settles at once when nothing runs', async () => {
    expect(await createInFlight().settle(10_000)).toBe(true);
  });

  it('waits for tracked work, rejected work included, and forgets it when done', async () => {
    const f = createInFlight();
    const ok = f.track(later(20, 'a'));
    const failed = f.track(later(10, null).then(() => Promise.reject(new Error('x'))));
    failed.catch(() => undefined);
    expect(f.size).toBe(2);
    expect(await f.settle(5_000)).toBe(true);
    expect(f.size).toBe(0);
    expect(await ok).toBe('a');
  });

  it('gives up after the deadline, leaving the work running', async () => {
    const f = createInFlight();
    void f.track(new Promise(() => {}));
    const started = Date.now();
    expect(await f.settle(50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(f.size).toBe(1);
  });
});
