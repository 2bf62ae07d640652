/**
 * Story grouping on a real index: counts, and a seeded random sample of grouped pairs and
 * of pairs just under the threshold, printed as ids, similarity and a few words of title
 * and lead for a person to judge (docs/story-grouping-sample.md holds the verdicts).
 *
 *   npm run -s cli -- index --corpus ../shared/bench/saudinewsnet_20k.jsonl.gz --db /tmp/i14.sqlite
 *   npx tsx scripts/sample-stories.ts /tmp/i14.sqlite [seed]
 *
 * Reads only the database given; prints no more than a few words of any article.
 */
import Database from 'better-sqlite3';
import { estimateJaccard } from '../src/core/stories/minhash.js';
import { STORY_LIMITS } from '../src/core/stories/story-limits.js';
import { decodeSignature } from '../src/store/story-signature-blob.js';
import { seededRandom } from './lib/seeded-random.js';

const [file, seedArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: sample-stories.ts DB [seed]');
  process.exit(2);
}
const db = new Database(file, { readonly: true });
const random = seededRandom(Number(seedArg ?? 14));
const SAMPLE = 50;
/** "Just under": the band below the threshold that LSH still brings together. */
const UNDER_FROM = 0.3;

const total = db
  .prepare<[], { n: number; stories: number }>(
    'SELECT count(*) AS n, count(DISTINCT coalesce(story, num)) AS stories FROM articles',
  )
  .get()!;
const multi = db
  .prepare<[], { n: number; s: number }>(`SELECT count(*) AS n, count(DISTINCT story) AS s FROM articles WHERE story IN
  (SELECT story FROM articles WHERE story IS NOT NULL GROUP BY story HAVING count(*) > 1)`)
  .get()!;
const sizes = db
  .prepare<[], { size: number; k: number }>(
    'SELECT size, count(*) AS k FROM (SELECT count(*) AS size FROM articles GROUP BY coalesce(story, num)) GROUP BY size ORDER BY size',
  )
  .all();
console.log(`articles ${total.n}, stories ${total.stories}; ${multi.n} articles in ${multi.s} multi-article stories`);
console.log(`story sizes: ${sizes.map((r) => `${r.size}×${r.k}`).join(', ')}`);

const sig = new Map<number, Uint32Array>();
for (const r of db
  .prepare<[], { article_num: number; signature: Buffer }>('SELECT article_num, signature FROM story_signatures')
  .iterate())
  sig.set(r.article_num, decodeSignature(r.signature));
const info = db.prepare<[number], { id: string; title: string; body: string; story: number | null }>(
  'SELECT id, title, body, story FROM articles WHERE num = ?',
);
const words = (text: string, n: number) => text.replace(/\s+/g, ' ').trim().split(' ').slice(0, n).join(' ');
const show = (a: number, b: number) => {
  const x = info.get(a)!;
  const y = info.get(b)!;
  const j = estimateJaccard(sig.get(a)!, sig.get(b)!).toFixed(2);
  console.log(
    `${x.id} | ${y.id} | J≈${j}\n   A: ${words(x.title, 8)} — ${words(x.body, 8)}\n   B: ${words(y.title, 8)} — ${words(y.body, 8)}`,
  );
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// Grouped pairs: a random multi-article story, a random member paired with another member.
const groups = new Map<number, number[]>();
for (const r of db
  .prepare<[], { num: number; story: number }>(
    'SELECT num, story FROM articles WHERE story IN (SELECT story FROM articles GROUP BY story HAVING count(*) > 1) ORDER BY num',
  )
  .iterate()) {
  groups.set(r.story, [...(groups.get(r.story) ?? []), r.num]);
}
const storyList = [...groups.values()];
console.log(`\n## ${SAMPLE} grouped pairs (seeded)`);
const seenStories = new Set<number>();
for (let i = 0; i < SAMPLE && seenStories.size < storyList.length; ) {
  const k = Math.floor(random() * storyList.length);
  if (seenStories.has(k)) continue;
  seenStories.add(k);
  const members = storyList[k]!;
  const a = pick(members);
  const b = pick(members.filter((m) => m !== a));
  show(a, b);
  i++;
}

// Just under: pairs sharing an LSH bucket, in different stories, with estimate in [UNDER_FROM, threshold).
const under: [number, number][] = [];
const seenPairs = new Set<string>();
for (const r of db
  .prepare<[], { nums: string }>(
    'SELECT group_concat(article_num) AS nums FROM story_bands GROUP BY band_key HAVING count(*) > 1',
  )
  .iterate()) {
  const nums = r.nums.split(',').map(Number);
  for (const a of nums)
    for (const b of nums) {
      if (a >= b || seenPairs.has(`${a},${b}`)) continue;
      seenPairs.add(`${a},${b}`);
      const j = estimateJaccard(sig.get(a)!, sig.get(b)!);
      if (j >= UNDER_FROM && j < STORY_LIMITS.threshold && info.get(a)!.story !== info.get(b)!.story)
        under.push([a, b]);
    }
}
console.log(
  `\n## ${SAMPLE} of ${under.length} candidate pairs just under the threshold (${UNDER_FROM} ≤ J < ${STORY_LIMITS.threshold}), seeded`,
);
for (let i = 0; i < SAMPLE && under.length > 0; i++) {
  const k = Math.floor(random() * under.length);
  const [a, b] = under.splice(k, 1)[0]!;
  show(a, b);
}
