import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/corpus/parse-article.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/corpus/${name}`, import.meta.url)), 'utf8');

describe('parseArticle', () => {
  it('reads a header closed by a blank line', () => {
    const a = parseArticle(
      'x',
      'title: عنوان الخبر\ndate: 2024-10-24\nsource: AFP\nurl: https://e.com/1\n\nنص الخبر الأول. ثم الثاني.',
    );
    expect(a).toMatchObject({
      title: 'عنوان الخبر',
      date: '2024-10-24',
      source: 'AFP',
      url: 'https://e.com/1',
      body: 'نص الخبر الأول. ثم الثاني.',
    });
  });

  it('reads Arabic header keys', () => {
    expect(parseArticle('x', 'العنوان: قمة بريكس\nالتاريخ: 2024-10-24\n\nنص.').title).toBe('قمة بريكس');
  });

  it('does not take a body line with a colon for a header', () => {
    const a = parseArticle('x', 'source: وكالات الأنباء قالت ذلك.\nوقال بوتين: "كلام".');
    expect(a.source).toBeNull();
    expect(a.body).toContain('source: وكالات الأنباء قالت ذلك.');
  });

  it('takes a first line that reads as a headline as the title, and out of the body', () => {
    const a = parseArticle('002', fixture('002_a43548bc8f1b625e.txt'));
    expect(a.title).toBe('تحالفات جديدة بين روسيا وكوريا الشمالية في أوكرانيا');
    expect(a.body).not.toContain('تحالفات جديدة بين روسيا');
  });

  it('drops related-link lines and site blurbs from the body', () => {
    const a = parseArticle('002', fixture('002_a43548bc8f1b625e.txt'));
    expect(a.body).not.toContain('إيكيا');
    expect(a.body).not.toContain('اكتشف المزيد');
    expect(a.dropped).toBe(3);
  });

  it('shortens a lead sentence into a title when there is no headline', () => {
    const a = parseArticle('003', fixture('003_3ddc96a2e226cfb4.txt'));
    expect(a.title.startsWith('اعتبر الرئيس الروسي فلاديمير بوتين')).toBe(true);
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.title.split(' ').length).toBeLessThanOrEqual(12);
  });

  it('uses the id for an article with no content', () => {
    expect(parseArticle('empty', '\n\n').title).toBe('empty');
  });

  it('strips a byte-order mark', () => {
    expect(parseArticle('x', '\uFEFFtitle: ع\n\nنص.').title).toBe('ع');
  });
});
