import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/services/summarize.js';
import { createTestIndex, type TestIndex } from '../../support/create-test-index.js';

/** Summaries over a real SQLite index of the seed corpus (tests/fixtures/corpus). */
let ti: TestIndex;
beforeAll(async () => {
  ti = await createTestIndex();
});
afterAll(async () => ti?.close());

const ARTICLE = '003_3ddc96a2e226cfb4';
const HEADINGS = ['معاهدة دفاعية مع بيونغيانغ', 'قلق غربي'];

describe('summary of a topic', () => {
  it('answers «معاهدة دفاعية» with the treaty sentences of 003, the topic words marked', async () => {
    const s = (await summarize(ti.index, 'معاهدة دفاعية'))!;
    expect(s.id).toBe(ARTICLE);
    expect(s.topic).toBe('معاهدة دفاعية');
    const text = s.sentences.join('\n');
    expect(text).toContain('صوّت البرلمان الروسي بالإجماع');
    expect(text).toContain('بأغلبية 397 صوتًا');
    expect(text).not.toContain('حسابات وهمية');
    for (const h of HEADINGS) expect(s.sentences).not.toContain(h);
    const marked = s.sentences.flatMap((text, i) => s.marks[i]!.map(([a, b]) => text.slice(a, b)));
    expect(marked).toEqual(expect.arrayContaining(['معاهدة', 'دفاعية', 'المعاهدة']));
  });

  it('still answers «قمة بريكس» with the BRICS sentence, after the lead for context', async () => {
    const s = (await summarize(ti.index, 'قمة بريكس'))!;
    expect(s.id).toBe(ARTICLE);
    expect(s.sentences[0]).toMatch(/^اعتبر الرئيس الروسي/);
    expect(s.sentences.some((x) => x.includes('أمام قمة بريكس'))).toBe(true);
  });

  it('matches a name in its other spellings, as search does, and marks them', async () => {
    const s = (await summarize(ti.index, 'بيونج يانج'))!;
    const named = s.sentences.filter((x) => /بيون[جغ] ?يان[جغ]/.test(x));
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(named.some((x) => x.includes('بيونغ يانغ'))).toBe(true);
    const marked = s.sentences.flatMap((text, i) => s.marks[i]!.map(([a, b]) => text.slice(a, b)));
    expect(marked).toEqual(expect.arrayContaining(['بيونغ', 'يانغ']));
  });

  it('never goes over a word budget when one topic sentence fits', async () => {
    const s = (await summarize(ti.index, 'معاهدة دفاعية', { words: 30 }))!;
    expect(s.sentences.join(' ').split(/\s+/).length).toBeLessThanOrEqual(30);
    expect(s.sentences.join(' ')).toContain('397');
  });
});

describe('summary of an article by id', () => {
  it.each([10, 40, 60])('is made of real sentences, never the subheadings (--words %i)', async (words) => {
    const s = (await summarize(ti.index, ARTICLE, { words }))!;
    expect(s.topic).toBeNull();
    expect(s.sentences.length).toBeGreaterThan(0);
    for (const h of HEADINGS) expect(s.sentences).not.toContain(h);
    expect(s.sentences[0]).toMatch(/^اعتبر الرئيس الروسي/);
  });

  it('drops no prose: every sentence of the article but the two subheadings can be chosen', async () => {
    const s = (await summarize(ti.index, ARTICLE, { sentences: 100 }))!;
    const stored = await ti.index.getSentences(ARTICLE);
    expect(s.sentences).toHaveLength(stored.length - HEADINGS.length);
  });
});
