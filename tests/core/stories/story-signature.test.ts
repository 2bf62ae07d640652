import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandKeys } from '../../../src/core/stories/band-keys.js';
import { estimateJaccard } from '../../../src/core/stories/minhash.js';
import { STORY_LIMITS } from '../../../src/core/stories/story-limits.js';
import { storySignature } from '../../../src/core/stories/story-signature.js';
import { tokenize } from '../../../src/core/text/tokenize.js';
import { FIXTURE_CORPUS } from '../../support/create-test-index.js';
import { ORIGINAL_ID, SAME_EVENT_IDS, SYNDICATED_COPIES } from '../../support/syndicated-copies.js';

const body = (text: string) => text.split('\n').slice(1).join('\n');
const signatureOf = (text: string) => storySignature(tokenize(body(text)))!;
const seed = (id: string) => readFileSync(join(FIXTURE_CORPUS, `${id}.txt`), 'utf8');

describe('story signatures', () => {
  const original = signatureOf(seed(ORIGINAL_ID));

  it.each(Object.keys(SYNDICATED_COPIES))('%s reaches the story threshold against the original', async (id) => {
    const copy = signatureOf(SYNDICATED_COPIES[id]!());
    expect(estimateJaccard(original, copy)).toBeGreaterThanOrEqual(STORY_LIMITS.threshold);
    // and LSH makes them candidates: at least one band key in common
    expect(bandKeys(copy).some((k) => bandKeys(original).includes(k))).toBe(true);
  });

  it('keeps two reports of the same event apart', async () => {
    const [a, b] = SAME_EVENT_IDS.map((id) => signatureOf(seed(id)));
    expect(estimateJaccard(a!, b!)).toBeLessThan(STORY_LIMITS.threshold);
  });

  it('is the same in every process: fixed hash functions', async () => {
    expect(signatureOf(seed(ORIGINAL_ID))).toEqual(original);
    expect(original).toHaveLength(STORY_LIMITS.signatureSize);
    expect(STORY_LIMITS.bands * STORY_LIMITS.rows).toBe(STORY_LIMITS.signatureSize);
  });

  it('gives no signature to a text too short to compare', async () => {
    expect(storySignature(tokenize('قال الوزير إن الاجتماع انتهى'))).toBeNull();
  });

  it('ignores diacritics and hamza forms', async () => {
    const text = body(seed(ORIGINAL_ID));
    expect(storySignature(tokenize(text.replace(/أ/g, 'ا')))).toEqual(storySignature(tokenize(text)));
  });
});
