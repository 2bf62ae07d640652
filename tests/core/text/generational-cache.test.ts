import { describe, expect, it } from 'vitest';
import { createGenerationalCache } from '../../../src/core/text/generational-cache.js';

describe('generational cache', () => {
  it('keeps an entry that is used across a turnover, and forgets one that is not', () => {
    const cache = createGenerationalCache<number>(2);
    cache.set('frequent', 1);
    cache.set('rare', 2);
    cache.set('a', 3); // young was full: frequent and rare age
    expect(cache.get('frequent')).toBe(1); // promoted back to young
    cache.set('b', 4); // young full again: rare is dropped with the old generation
    expect(cache.get('rare')).toBeUndefined();
    expect(cache.get('frequent')).toBe(1);
  });

  it('misses what was never set', () => {
    expect(createGenerationalCache<string>(4).get('x')).toBeUndefined();
  });
});
