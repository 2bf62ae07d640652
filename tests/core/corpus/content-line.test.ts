import { describe, expect, it } from 'vitest';
import { isContentLine } from '../../../src/core/corpus/content-line.js';

describe('isContentLine', () => {
  it.each([
    ['a related-link line', 'شاهد ايضاً: إيكيا تدفع 6 ملايين يورو للسجناء'],
    ['a related-link line with hamza', 'شاهد أيضًا: جوليان أسانج'],
    ['read also', 'اقرأ أيضا: تفاصيل أخرى'],
    ['a site blurb', 'زيلينسكي يكشف عن إرسال كوريا الشمالية لمواطنين. اكتشف المزيد عن تداعيات هذا التعاون على خَبَرَيْن.'],
    ['a bare URL', 'https://example.com/news/1'],
    ['a copyright line', 'جميع الحقوق محفوظة © 2024'],
    ['an empty line', '   '],
    ['punctuation only', '* * *'],
  ])('drops %s', (_name, line) => expect(isContentLine(line)).toBe(false));

  it.each([
    ['a news sentence', 'قال فولوديمير زيلينسكي إن كوريا الشمالية ترسل مواطنيها.'],
    ['a sentence that mentions watching', 'وشاهد المراقبون العرض العسكري.'],
    ['a headline', 'تحالفات جديدة بين روسيا وكوريا الشمالية في أوكرانيا'],
  ])('keeps %s', (_name, line) => expect(isContentLine(line)).toBe(true));
});
