import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/console/render-plain.js';
import type { CommandContext } from '../../../src/core/commands/create-command-handler.js';
import { type TestIndex, createTestIndex } from '../../support/create-test-index.js';

const ctx = (locale: 'ar' | 'en' = 'ar'): CommandContext => ({ locale, userId: 'u1' });

describe('list replies over the seed corpus', () => {
  let ti: TestIndex;
  beforeAll(async () => {
    ti = await createTestIndex();
  });
  afterAll(async () => ti.close());

  it('does not repeat the name just typed, or a plain part of the full name, as another spelling', async () => {
    const reply = await ti.handler.run(ctx(), 'quotes', 'تسوكرمان');
    expect(reply.title).toBe('أقوال إيرينا تسوكرمان');
    expect(renderPlain(reply)).not.toContain('ويُكتب أيضا');
    const people = await ti.handler.run(ctx(), 'people', '');
    const first = people.items![0]!;
    expect(first.heading).toBe('إيرينا تسوكرمان');
    expect(first.lines).toEqual([]);
  });

  it('counts in grammatical Arabic', async () => {
    const people = await ti.handler.run(ctx(), 'people', '');
    const second = await ti.handler.page(ctx(), people.pager!.token, 1);
    const refs = [...people.items!, ...second.items!].map((i) => i.ref);
    expect(refs[0]).toBe('7 اقتباسات');
    expect(refs).toContain('اقتباسان');
    expect(refs.some((r) => r!.endsWith('اقتباس واحد'))).toBe(true);
    expect(refs.join(' ')).not.toMatch(/\d+ اقتباس(?!ات|ا)/); // never «7 اقتباس»
    expect(people.footer).toMatch(/^صفحة 1 من \d+ · \d+ (نتائج|نتيجة)$/);
  });

  it('numbers page 2 from where page 1 stopped', async () => {
    const first = await ti.handler.run(ctx(), 'people', '');
    expect(first.numberFrom).toBe(1);
    const second = await ti.handler.page(ctx(), first.pager!.token, 1);
    expect(second.numberFrom).toBe(first.items!.length + 1);
    expect(renderPlain(second)).toMatch(/^11\. /m);
  });
});
