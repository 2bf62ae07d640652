import { describe, expect, it } from 'vitest';
import { fillWordBudget } from '../../../src/core/summary/fill-word-budget.js';
import { seededRandom } from '../../../scripts/lib/seeded-random.js';

const item = (words: number, value: number) => ({ words, value });

/** Every subset, for checking the dynamic programme on small inputs. */
function bruteForce(items: readonly { words: number; value: number }[], budget: number, count: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let w = 0,
      v = 0,
      c = 0;
    items.forEach((it, i) => {
      if (mask & (1 << i) && it.value > 0) {
        w += it.words;
        v += it.value;
        c++;
      }
    });
    if (w <= budget && c <= count) best = Math.max(best, v);
  }
  return best;
}

describe('fillWordBudget', () => {
  it.each([
    ['one item fits', [item(5, 1)], 10, Infinity, [0]],
    ['nothing fits', [item(11, 1)], 10, Infinity, []],
    ['two small beat one large', [item(8, 5), item(5, 3), item(5, 3)], 10, Infinity, [1, 2]],
    ['a count bound', [item(8, 5), item(5, 3), item(5, 3)], 10, 1, [0]],
    ['worthless items are left out', [item(3, 0), item(3, -1), item(3, 2)], 10, Infinity, [2]],
    ['a zero budget', [item(1, 1)], 0, Infinity, []],
  ])('%s', (_name, items, budget, count, expected) => {
    expect(fillWordBudget(items, budget, count)).toEqual(expected);
  });

  it('finds the best set, with and without a count bound (checked against every subset)', () => {
    const random = seededRandom(16);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 9) }, () =>
        item(1 + Math.floor(random() * 30), random() * 20 - 2),
      );
      const budget = Math.floor(random() * 80);
      const count = random() < 0.5 ? Infinity : 1 + Math.floor(random() * 4);
      const chosen = fillWordBudget(items, budget, count);
      expect(chosen.reduce((n, i) => n + items[i]!.words, 0)).toBeLessThanOrEqual(budget);
      expect(chosen.length).toBeLessThanOrEqual(count);
      expect(chosen.reduce((v, i) => v + items[i]!.value, 0)).toBeCloseTo(bruteForce(items, budget, count), 9);
    }
  });
});
