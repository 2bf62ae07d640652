import type { StoryArticle, StoryStore } from '../ports/story-store.js';
import { bandKeys } from './band-keys.js';
import { estimateJaccard } from './minhash.js';
import { STORY_LIMITS } from './story-limits.js';

/** Whether two articles tell one story: their estimated shingle Jaccard reaches the threshold. */
export function sameStory(a: StoryArticle, b: StoryArticle): boolean {
  if (!a.signature || !b.signature) return false;
  return estimateJaccard(a.signature, b.signature) >= STORY_LIMITS.threshold;
}

/** The representative of a story: the fullest copy, else the earliest, else the first indexed. */
export function representative(members: readonly StoryArticle[]): StoryArticle {
  let best = members[0]!;
  for (const m of members) {
    if (m.words > best.words) best = m;
    else if (m.words === best.words && (m.since < best.since || (m.since === best.since && m.num < best.num))) best = m;
  }
  return best;
}

/**
 * Candidate pairs (pending article, any article) sharing an LSH bucket: by a lookup of each
 * pending article's band keys, or, when most of the archive is pending, by one pass over
 * every shared bucket.
 */
async function candidatePairs(
  store: StoryStore,
  pending: readonly StoryArticle[],
  known: ReadonlyMap<number, StoryArticle>,
  keysOf: ReadonlyMap<number, readonly number[]>,
): Promise<[StoryArticle, StoryArticle][]> {
  const out: [StoryArticle, StoryArticle][] = [];
  if (pending.length < STORY_LIMITS.bulkPending) {
    for (const p of pending) {
      const keys = keysOf.get(p.num);
      if (keys) for (const c of await store.candidates(keys)) out.push([p, c]);
    }
    return out;
  }
  const pairs = new Map<number, Set<number>>();
  const wanted = new Set<number>();
  for (const bucket of await store.sharedBuckets()) {
    for (const a of bucket) {
      if (!known.has(a)) continue;
      const set = pairs.get(a) ?? new Set<number>();
      pairs.set(a, set);
      for (const b of bucket) {
        if (b === a || set.has(b) || (known.has(b) && b < a)) continue; // a pending pair once
        set.add(b);
        if (!known.has(b)) wanted.add(b);
      }
    }
  }
  const others = new Map((await store.articles([...wanted])).map((x) => [x.num, x]));
  for (const [a, set] of pairs) {
    const p = known.get(a)!;
    for (const b of set) {
      const c = known.get(b) ?? others.get(b);
      if (c) out.push([p, c]);
    }
  }
  return out;
}

/**
 * Settles every pending article's story. A story is the union of matches (`sameStory`)
 * among articles that LSH made candidates: each pending article looks up its band keys,
 * compares itself with the candidates only, and joins their stories. Stories no pending
 * article touches are left as they are, so the work is proportional to what changed.
 * Returns how many articles were (re)assigned.
 */
export async function groupStories(store: StoryStore): Promise<number> {
  const pending = await store.pending();
  if (pending.length === 0) return 0;
  // A pending article's band keys are recorded here, before any lookup, so that pending
  // articles find each other as well as the settled ones.
  const keysOf = new Map<number, number[]>();
  for (const p of pending) if (p.signature) keysOf.set(p.num, bandKeys(p.signature));
  await store.recordBandKeys(keysOf);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const node = (a: StoryArticle): string => {
    const key = a.story === null ? `a${a.num}` : `s${a.story}`;
    if (!parent.has(key)) parent.set(key, key);
    return key;
  };
  const union = (x: string, y: string) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent.set(rx, ry);
  };
  const articles = new Map<number, StoryArticle>();
  for (const p of pending) {
    articles.set(p.num, p);
    node(p);
  }
  for (const [p, c] of await candidatePairs(store, pending, articles, keysOf)) {
    if (c.num === p.num || !sameStory(p, c)) continue;
    if (!articles.has(c.num)) articles.set(c.num, c);
    union(node(p), node(c));
  }
  // Components → members: pending articles themselves, and every member of a settled story they joined.
  const members = new Map<string, StoryArticle[]>();
  const add = (root: string, a: StoryArticle) => {
    const list = members.get(root) ?? [];
    list.push(a);
    members.set(root, list);
  };
  for (const key of parent.keys()) {
    const root = find(key);
    if (key.startsWith('a')) add(root, articles.get(Number(key.slice(1)))!);
    else for (const m of await store.members(Number(key.slice(1)))) add(root, m);
  }
  const storyOf = new Map<number, number>();
  for (const list of members.values()) {
    const rep = representative(list).num;
    for (const m of list) if (m.story !== rep) storyOf.set(m.num, rep);
  }
  await store.assign(storyOf);
  return storyOf.size;
}
