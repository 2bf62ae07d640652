import type { Person } from './person.js';
import { personQueryKeys } from './person-query-keys.js';

/**
 * The in-memory reference of the person lookup the store runs with its key index: the
 * person whose keys carry the highest summed weight of the query's keys; ties go to the
 * one with more quotes, then to the earlier entry. Used by tests and the console, and the
 * definition the SQL lookup must agree with.
 */
export function matchPerson(query: string, people: readonly Person[], quoteCounts?: readonly number[]): Person | null {
  const keys = personQueryKeys(query);
  let best: Person | null = null;
  let bestScore = 0;
  let bestQuotes = -1;
  people.forEach((person, index) => {
    const own = new Set(person.keys);
    const score = keys.reduce((sum, k) => (own.has(k.key) ? sum + k.weight : sum), 0);
    const quotes = quoteCounts?.[index] ?? 0;
    if (score > bestScore || (score > 0 && score === bestScore && quotes > bestQuotes)) {
      best = person;
      bestScore = score;
      bestQuotes = quotes;
    }
  });
  return best;
}
