import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/split-sentences.js';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it.each([
    ['full stops', 'قال بوتين كلاما. ثم غادر.', ['قال بوتين كلاما.', 'ثم غادر.']],
    [
      'Arabic question mark',
      'هل يدخل الاتفاق حيز التنفيذ؟ لا أحد يعرف.',
      ['هل يدخل الاتفاق حيز التنفيذ؟', 'لا أحد يعرف.'],
    ],
    ['comma and semicolon do not split', 'أولا، ثانيا؛ ثالثا.', ['أولا، ثانيا؛ ثالثا.']],
    [
      'a quote of several sentences stays whole',
      'وقال: "نرى تحالفا. لم يعد الأمر كذلك". ثم غادر.',
      ['وقال: "نرى تحالفا. لم يعد الأمر كذلك".', 'ثم غادر.'],
    ],
    ['guillemets', 'قال: «جملة. وأخرى.» وانتهى.', ['قال: «جملة. وأخرى.» وانتهى.']],
    [
      'a closing mark typed as an opening one',
      'قالت: “أشك. هذا صعب“. ثم أضافت.',
      ['قالت: “أشك. هذا صعب“.', 'ثم أضافت.'],
    ],
    ['decimals', 'ارتفع بنسبة 3.5 في المئة.', ['ارتفع بنسبة 3.5 في المئة.']],
    ['a Latin initial', 'قال J. Smith ذلك.', ['قال J. Smith ذلك.']],
    ['«د.» before a name', 'وقال د. خالد النمر ذلك. ثم غادر.', ['وقال د. خالد النمر ذلك.', 'ثم غادر.']],
    ['a word ending in «د» still ends a sentence', 'وصل الوفد. ثم غادر.', ['وصل الوفد.', 'ثم غادر.']],
    ['lines are paragraphs', 'سطر أول\nسطر ثان', ['سطر أول', 'سطر ثان']],
    ['punctuation-only pieces vanish', '... !!', []],
    ['empty', '', []],
  ])('%s', (_name, input, expected) => expect(texts(input)).toEqual(expected));

  it('an unclosed quote does not swallow the next line', () => {
    expect(texts('قال: "بدون إغلاق. جملة\nسطر جديد. آخر.')).toEqual(['قال: "بدون إغلاق. جملة', 'سطر جديد.', 'آخر.']);
  });

  it('records the paragraph of each sentence', () => {
    expect(splitSentences('أ. ب.\nج.').map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});

describe('splitSentences offsets', () => {
  it.each([['أ. ب.\nج.'], ['  قال: "نعم. لا".  ثم غادر.\r\nسطر آخر'], ['\n\nبعد سطرين فارغين.'], ['']])(
    'slice back to each sentence in %j',
    (text) => {
      for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    },
  );
});
