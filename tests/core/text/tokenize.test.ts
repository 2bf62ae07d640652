import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/text/tokenize.js';

const surfaces = (text: string) => tokenize(text).map((t) => t.surface);

describe('tokenize', () => {
  it.each([
    ['Arabic words and punctuation', 'قال بوتين، «نعم»؟', ['قال', 'بوتين', 'نعم']],
    ['harakat stay inside the word', 'صَوَّتَ البرلمانُ', ['صَوَّتَ', 'البرلمانُ']],
    ['tatweel stays inside the word', 'بـــوتين', ['بـــوتين']],
    ['Latin, digits and hyphens', 'T-54 and BRICS 2024', ['T', '54', 'and', 'BRICS', '2024']],
    ['Arabic-Indic digits', 'عام ٢٠٢٤', ['عام', '٢٠٢٤']],
    ['emoji split words and vanish', 'كيم😀جونغ 🔥', ['كيم', 'جونغ']],
    ['a letter outside the BMP is a letter', 'x𝐀y', ['x𝐀y']],
    ['accented Latin', 'Zelenskyy café', ['Zelenskyy', 'café']],
    ['FTS5 syntax is not a word', '"a" OR b* NEAR(c)', ['a', 'OR', 'b', 'NEAR', 'c']],
    ['nothing', ' ... ', []],
  ])('%s', (_name, text, expected) => expect(surfaces(text)).toEqual(expected));

  it('gives offsets into the source and folded forms', () => {
    const [first, second] = tokenize('  الحربُ وبالحرب');
    expect(first).toMatchObject({ start: 2, end: 8, norm: 'الحرب', stem: 'حرب' });
    expect(second).toMatchObject({ norm: 'وبالحرب', stem: 'حرب' });
  });

  it('drops a lone haraka', () => {
    expect(tokenize('\u064E')).toEqual([]);
  });
});
