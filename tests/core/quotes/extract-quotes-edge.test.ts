import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';

/** Quotes of a small article (one paragraph per line) as [speaker, text] pairs. */
const quotesOf = (body: string): [string, string][] =>
  extractQuotes(splitSentences(body)).map((q) => [q.speaker.name, q.text]);

describe('quotation marks', () => {
  it.each([
    ['guillemets', 'قال الوزير أحمد سالم: «سنبني مئة مدرسة».', 'سنبني مئة مدرسة'],
    ['straight quotes', 'قال الوزير أحمد سالم: "سنبني مئة مدرسة".', 'سنبني مئة مدرسة'],
    ['curly quotes', 'قال الوزير أحمد سالم: “سنبني مئة مدرسة”.', 'سنبني مئة مدرسة'],
    ['a closing mark typed as an opening one', 'قال الوزير أحمد سالم: “سنبني مئة مدرسة“.', 'سنبني مئة مدرسة'],
    ['a quote inside a quote', 'قال الوزير أحمد سالم: «إن ما يسمى "الحل" ليس حلا».', 'إن ما يسمى "الحل" ليس حلا'],
    [
      'a quote left open to the end of the paragraph',
      'قال الوزير أحمد سالم: «سنواصل العمل حتى النهاية',
      'سنواصل العمل حتى النهاية',
    ],
    ['an emoji inside', 'قال المدرب خالد حسن: "فزنا 🎉 بجدارة اليوم".', 'فزنا 🎉 بجدارة اليوم'],
    ['Latin text', 'وقال الدبلوماسي جون سميث: "We will not give up".', 'We will not give up'],
  ])('%s', (_case, body, text) => {
    const quotes = quotesOf(body);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]![1]).toBe(text);
  });

  it.each([
    ['empty quotes', 'وقال سمير خليل: "".'],
    ['quotes holding only punctuation', 'وقال سمير خليل: «...».'],
    ['a quote nobody can be found for', '"هذا نص بلا قائل في أول المقال".'],
  ])('%s give no quote', (_case, body) => {
    expect(quotesOf(body)).toEqual([]);
  });

  it('takes the clause after «قال X:» as a quote when no mark opens it', () => {
    expect(quotesOf('وقال وزير الخارجية سامح شكري: إن مصر لن تقبل بذلك أبدا.')).toEqual([
      ['سامح شكري', 'إن مصر لن تقبل بذلك أبدا.'],
    ]);
  });
});

describe('speakers', () => {
  it('reads «علي» as the name Ali and «على» as the preposition', () => {
    expect(quotesOf('وقال الوزير علي حسن على هامش المؤتمر: "نحن مستعدون للحوار".')).toEqual([
      ['علي حسن', 'نحن مستعدون للحوار'],
    ]);
  });

  it('keeps masculine and feminine anaphora apart', () => {
    const body = [
      'وقال الخبير سامر علي: "الوضع صعب جدا".',
      'وقالت الباحثة منى حداد: "الحل سياسي قبل كل شيء".',
      'وأضاف: "لا أرى حلا قريبا في الأفق".',
      'وأضافت: "الوقت ينفد أمام الجميع".',
    ].join('\n');
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual(['سامر علي', 'منى حداد', 'سامر علي', 'منى حداد']);
  });

  it('gives a plural verb to plural speakers only', () => {
    const body = [
      'وقال الوزير كمال ناصر: "المفاوضات مستمرة حتى الآن".',
      'وقال مسؤولون أمريكيون: "لم نتلق أي رد بعد".',
      'وأضافوا: "ننتظر الجواب خلال أيام".',
      'وأضاف: "لن نتراجع عن مطالبنا".',
    ].join('\n');
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual([
      'كمال ناصر',
      'مسؤولون أمريكيون',
      'مسؤولون أمريكيون',
      'كمال ناصر',
    ]);
  });

  it('gives a quote about a person to the one who said it', () => {
    expect(quotesOf('وقال المحلل كريم سعد إن "بوتين يريد الحرب بأي ثمن".')).toEqual([
      ['كريم سعد', 'بوتين يريد الحرب بأي ثمن'],
    ]);
  });

  it('reads the speaker after the quote', () => {
    expect(quotesOf('"سنعود أقوى في الموسم المقبل"، قال المدرب يورغن كلوب.')).toEqual([
      ['يورغن كلوب', 'سنعود أقوى في الموسم المقبل'],
    ]);
  });

  it('keeps an Arab family name, and knows the person by it afterwards', () => {
    const body = [
      'وقال وزير الخارجية السعودي عادل الجبير: "نريد حلا سياسيا في اليمن".',
      'وأكد الجبير أن "الحوار هو الطريق الوحيد".',
    ].join('\n');
    const quotes = extractQuotes(splitSentences(body));
    expect(quotes.map((q) => q.speaker.name)).toEqual(['عادل الجبير', 'عادل الجبير']);
    expect(quotes[1]!.speaker.aliases).toEqual(['الجبير']);
  });

  it('reads the source of an attribution marker', () => {
    expect(quotesOf('وبحسب وزير المالية محمد الجدعان، فإن "الإنفاق سيرتفع العام المقبل".')).toEqual([
      ['محمد الجدعان', 'الإنفاق سيرتفع العام المقبل'],
    ]);
  });

  it('drops a nickname from the name and the outlet from the quotes', () => {
    expect(quotesOf('وقال اللاعب محمد "الساحر" صلاح لـ"الشرق الأوسط": "سنفوز باللقب هذا العام".')).toEqual([
      ['محمد صلاح', 'سنفوز باللقب هذا العام'],
    ]);
  });

  it('does not attribute a quote to a verb with an unrecognized subject', () => {
    expect(quotesOf('وأكدت الدراسة أن "النتائج مشجعة جدا للباحثين".')).toEqual([]);
  });
});

describe('terms and names in quotation marks', () => {
  it.each([
    ['a one-word term that the clause goes on from', 'وقال الوزير علي حسن إن "الإرهاب" يهدد المنطقة كلها.', []],
    ['a two-word quote that ends the clause', 'ووصف الوزير علي حسن التقرير بأنه "كذب محض".', [['علي حسن', 'كذب محض']]],
    ['a one-word quote right after a colon', 'وقال الوزير علي حسن: "لا".', [['علي حسن', 'لا']]],
    ['a title after «كتاب»', 'وقال الكاتب سمير أمين إن كتاب "تاريخ الشرق الأوسط الحديث" صدر أمس.', []],
  ])('%s', (_case, body, expected) => {
    expect(quotesOf(body)).toEqual(expected);
  });
});
