import { describe, expect, it } from 'vitest';
import { SOURCE_FORMS, arabicCount } from '../../../src/core/commands/arabic-count.js';

describe('Arabic counted nouns', () => {
  it.each([
    [1, 'مصدر واحد'],
    [2, 'مصدران'],
    [3, '3 مصادر'],
    [10, '10 مصادر'],
    [11, '11 مصدرًا'],
    [99, '99 مصدرًا'],
    [100, '100 مصدرًا'],
    [103, '103 مصادر'],
  ])('%i → %s', (n, text) => {
    expect(arabicCount(n, SOURCE_FORMS)).toBe(text);
  });
});
