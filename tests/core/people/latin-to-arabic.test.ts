import { describe, expect, it } from 'vitest';
import { nameKeys } from '../../../src/core/people/person-name-keys.js';

describe('Latin names key like their Arabic spelling', () => {
  it.each([
    ['Putin', 'بوتين'],
    ['Vladimir', 'فلاديمير'],
    ['Zelensky', 'زيلينسكي'],
    ['Zelenskyy', 'زيلنسكي'],
    ['Korotchenko', 'كوروتشينكو'],
    ['Tsukerman', 'تسوكرمان'],
    ['Kim Jong Un', 'كيم جونغ أون'],
    ['Peskov', 'بيسكوف'],
    ['Hertling', 'هيرتلينج'],
    ['Biden', 'بايدن'],
    ['Trump', 'ترامب'],
    ['Erdogan', 'أردوغان'],
    ['Macron', 'ماكرون'],
    ['Yoon Suk Yeol', 'يون سوك يول'],
  ])('%s ≡ %s', (latin, arabic) => {
    expect(nameKeys(latin)).toEqual(nameKeys(arabic));
  });

  it.each([
    ['Putin', 'بيسكوف'],
    ['Kim Jong Un', 'كيم يونغ هيون'],
  ])('%s ≢ %s', (latin, arabic) => {
    expect(nameKeys(latin)).not.toEqual(nameKeys(arabic));
  });
});
