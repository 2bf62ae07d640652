/**
 * A bounded memo with two generations: when the young map fills, it becomes the old
 * one and the previous old one is dropped; a hit in the old map moves the entry back to
 * the young one. Frequent words stay cached across turnovers (a plain clear-when-full
 * cache forgets them all at once), and memory stays within twice the generation size.
 */
export interface GenerationalCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export function createGenerationalCache<V>(generationSize: number): GenerationalCache<V> {
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  const set = (key: string, value: V) => {
    if (young.size >= generationSize) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
  };
  return {
    get(key) {
      const hit = young.get(key);
      if (hit !== undefined) return hit;
      const aged = old.get(key);
      if (aged !== undefined) set(key, aged);
      return aged;
    },
    set,
  };
}
