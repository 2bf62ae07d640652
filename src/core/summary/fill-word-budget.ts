/**
 * The set of items (sentences) of greatest total value whose words fit a budget, with at
 * most `count` items: a 0/1 knapsack by dynamic programming over word counts. A summary's
 * word budget is small (tens to a few hundred words) and an article has tens of
 * sentences, so this is a few thousand steps per request.
 *
 * Why not best-first: under a strict word cap, taking the best sentence and skipping what
 * no longer fits often leaves much of the budget unused or fills it with whatever short
 * sentence comes next; on EASC choosing the best-filling set is what moves nashra ahead
 * of the lead baseline under the cap (see `npm run eval:summary`).
 */

/** An item offered to the knapsack. Items of value ≤ 0 are never taken. */
export interface BudgetItem {
  readonly words: number;
  readonly value: number;
}

interface Usable extends BudgetItem {
  readonly i: number;
}

/** The knapsack without a count bound: one layer of states. */
function unlimitedCount(usable: readonly Usable[], words: number): number[] {
  const best = new Float64Array(words + 1);
  const take = usable.map(() => new Uint8Array(words + 1));
  usable.forEach((it, n) => {
    for (let b = words; b >= it.words; b--) {
      const v = best[b - it.words]! + it.value;
      if (v > best[b]!) {
        best[b] = v;
        take[n]![b] = 1;
      }
    }
  });
  const chosen: number[] = [];
  let b = words;
  for (let n = usable.length - 1; n >= 0; n--) {
    if (take[n]![b]) {
      chosen.push(usable[n]!.i);
      b -= usable[n]!.words;
    }
  }
  return chosen.sort((x, y) => x - y);
}

/**
 * Indices (into `items`) of the chosen set, ascending. On equal value the set found first
 * in `items` order wins, so callers pass items best-ranked first.
 */
export function fillWordBudget(items: readonly BudgetItem[], budget: number, count = Infinity): number[] {
  const usable: Usable[] = items
    .map((it, i) => ({ ...it, i }))
    .filter((it) => it.value > 0 && it.words > 0 && it.words <= budget);
  if (usable.length === 0 || budget <= 0 || count < 1) return [];
  const total = usable.reduce((n, it) => n + it.words, 0);
  const words = Math.min(budget, total);
  if (count >= usable.length) return unlimitedCount(usable, words);
  const k = count;
  // best[c][b]: most value with exactly c items and at most b words; take[n][c][b]: item n taken there.
  const best = Array.from({ length: k + 1 }, (_, c) => new Float64Array(words + 1).fill(c === 0 ? 0 : -Infinity));
  const take = usable.map(() => Array.from({ length: k + 1 }, () => new Uint8Array(words + 1)));
  usable.forEach((it, n) => {
    for (let c = k; c >= 1; c--) {
      const here = best[c]!;
      const below = best[c - 1]!;
      for (let b = words; b >= it.words; b--) {
        const v = below[b - it.words]! + it.value;
        if (v > here[b]!) {
          here[b] = v;
          take[n]![c]![b] = 1;
        }
      }
    }
  });
  let bestC = 0;
  for (let c = 1; c <= k; c++) if (best[c]![words]! > best[bestC]![words]!) bestC = c;
  const chosen: number[] = [];
  let b = words;
  let c = bestC;
  for (let n = usable.length - 1; n >= 0 && c > 0; n--) {
    if (take[n]![c]![b]) {
      chosen.push(usable[n]!.i);
      b -= usable[n]!.words;
      c--;
    }
  }
  return chosen.sort((x, y) => x - y);
}
