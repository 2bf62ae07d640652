/**
 * ROUGE-N (Lin 2004) for judging summaries against human references. Lives in core (not
 * in the script) so that its arithmetic is unit-tested: a wrong ROUGE silently turns
 * every summary-quality claim into noise. Inputs are token arrays; nashra compares
 * `summaryWords` (normalized, unstemmed) so ROUGE counts words the way the budget does.
 */

/** Precision, recall and F1 of one candidate against one reference. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f: number;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N with clipped counts: an n-gram matches at most as often as it occurs in the
 * reference. Precision is over the candidate's n-grams, recall over the reference's; an
 * empty side scores 0 rather than NaN so averages stay finite.
 */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`rougeN: n must be a positive integer, got ${n}`);
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  const candTotal = Math.max(0, candidate.length - n + 1);
  const refTotal = Math.max(0, reference.length - n + 1);
  const precision = candTotal > 0 ? overlap / candTotal : 0;
  const recall = refTotal > 0 ? overlap / refTotal : 0;
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f };
}
