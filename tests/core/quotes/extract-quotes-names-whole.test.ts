import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';
import { speakersOf } from './quotes-of.js';

/**
 * Names kept whole and sources a reader would name (issue 10, round 6): organization names
 * with their adjectives and remit, a report speaking for the outlet that published it, a
 * columnist's citation with its source in parentheses, a place or a word of the clause never
 * read into a person's name. Every sentence is written for the test, in the style of the news.
 */

describe("an organization's name is kept whole", () => {
  it.each([
    [
      'a relational adjective the lists do not know',
      'وقالت وكالة الطاقة الذرية الدولية إن «المفتشين سيعودون الشهر المقبل».',
      'وكالة الطاقة الذرية الدولية',
    ],
    [
      'an adjective after the remit',
      'وقالت الهيئة العامة للطيران المدني إن «الرحلات ستعود إلى مواعيدها».',
      'الهيئة العامة للطيران المدني',
    ],
    [
      'a remit after a name inside the body',
      'وقال مركز الملك فيصل للبحوث إن «الندوة تفتتح مساء الأحد».',
      'مركز الملك فيصل للبحوث',
    ],
    ['an audience is not the remit', 'وقالت وزارة الخارجية للصحفيين إن «السفير سيعود قريبا».', 'وزارة الخارجية'],
    ['a party takes no remit', 'وقال حزب العمال للناخبين إن «البرنامج سيعلن قريبا».', 'حزب العمال'],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });
});

describe('a report speaks for whoever published it', () => {
  it.each([
    [
      'a newspaper «في تقرير لها»',
      'ونشرت صحيفة الغارديان البريطانية في تقرير لها تفاصيل الصفقة.\nوقال التقرير إن «المفاوضات استمرت ستة أشهر».',
      'صحيفة الغارديان البريطانية',
    ],
    [
      '«التقرير الذي نشرته …» in the same sentence',
      'وقال التقرير الذي نشرته مجلة الإيكونوميست إن «الاقتصاد سيتعافى ببطء».',
      'مجلة الإيكونوميست',
    ],
    [
      'a body that issued the report',
      'وأصدرت منظمة العفو الدولية تقريرا عن السجون.\nوأضاف التقرير أن «المعتقلين حرموا من الزيارات».',
      'منظمة العفو الدولية',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it('stays a bare report when the outlet only relays one', () => {
    const body = 'وذكرت وكالة رويترز أن تقريرا أمميا صدر أمس.\nوقال التقرير إن «الوضع الإنساني يزداد سوءا».';
    expect(speakersOf(body)).toEqual(['التقرير']);
  });
});

describe("a columnist's citation: the quote alone, its source in parentheses after it", () => {
  it('takes the person at the head of the parenthesis, past a second quote line', () => {
    const body = [
      'في الفقرات التالية اقتباسات جمعتها للقارئ:',
      '* «لن نتراجع عن خطة الإصلاح مهما كانت الكلفة».',
      '«الاقتصاد أقوى مما يظن المشككون».',
      '(وزير المالية الفرنسي ميشال سابان في مؤتمر صحفي بباريس).',
      '* «الاتفاق خطوة أولى لا أكثر».',
      '(الكاتب البريطاني روبرت فيسك، في مقال له).',
    ].join('\n');
    expect(speakersOf(body)).toEqual(['ميشال سابان', 'ميشال سابان', 'روبرت فيسك']);
  });

  it('gives nothing when the line after the quote is narration', () => {
    const body = '* «لن نتراجع عن خطة الإصلاح مهما كانت الكلفة».\nوتتواصل الاحتجاجات في العاصمة منذ أسبوع.';
    expect(speakersOf(body)).toEqual([]);
  });
});

describe('the name starts and ends where a reader sees it', () => {
  it.each([
    [
      'a city after «بمنطقة» before a given name',
      'وعلق المتحدث الرسمي بالهلال الأحمر بمنطقة تبوك خالد العنزي بقوله: «وصلت الفرقة خلال عشر دقائق».',
      'خالد العنزي',
    ],
    [
      'a province after an indefinite title',
      'وقال وكيل محافظ مأرب صالح أحمد الجبواني إن «المقاومة تتقدم في كل الجبهات».',
      'صالح أحمد الجبواني',
    ],
    [
      'a country the lists know inside the run',
      'وقال مرشد إيران علي خامنئي إن «الاتفاق لن يغير سياستنا».',
      'علي خامنئي',
    ],
    ['«باسم» as a given name', 'وقال باسم الحربي إن «الموسم المقبل سيكون مختلفا».', 'باسم الحربي'],
    [
      'a branch with its genitive before the name',
      'وقال مدير الرقابة بفرع الوزارة فهد السبيعي إن «الجولات مستمرة يوميا».',
      'فهد السبيعي',
    ],
    [
      'the object of the verb in the accusative',
      'ويوضح خالد أمرا جوهريا تطرق له البحث قائلا: «الأسر تحتاج إلى التوعية المبكرة».',
      'خالد',
    ],
    ['a participle in the accusative after the name', '(الرئيس الفرنسي فرنسوا هولاند مدافعا عن قراره).', null],
    [
      'an audience after the name',
      'وأبلغ المدرب بريندان رودجرز الصحافيين بعد المباراة: «الفريق قدم أداء رائعا».',
      'بريندان رودجرز',
    ],
    [
      'a verbal noun before the name after a marker',
      'وبحسب تعبير مايكل هايدن، وهو مسؤول سابق في الاستخبارات "كانت المنطقة تغلي منذ عقود".',
      'مايكل هايدن',
    ],
    [
      "a father's name that is also a title",
      'وأدان الأمير خالد بن مساعد بن عبدالعزيز الرئيس العام للجمعية الحادث.\nوقال سموه: «هذا عمل جبان لا يمت للإسلام بصلة».',
      'خالد بن مساعد بن عبدالعزيز',
    ],
    [
      'a name ending in «آبي» is not cut as if it were «أبي»',
      'ودافع رئيس الوزراء الياباني، شينزو آبي، عن القوانين.\nوقال آبي: «القانون يقلل خطر الحرب».',
      'شينزو آبي',
    ],
    [
      'a definite adjective in ة stays in the description',
      'وقالت النائبة المتطرفة في الكنيست الإسرائيلي إن «الاتفاق حالة شاذة».',
      'النائبة المتطرفة في الكنيست الإسرائيلي',
    ],
    [
      'a title after a whole name ends it',
      'وأكد الأمير خالد بن مساعد بن عبدالعزيز الرئيس العام للجمعية أن «القرار له إيجابيات».',
      'خالد بن مساعد بن عبدالعزيز',
    ],
    [
      '«مورلا» is a name, not a participle',
      'وقال ماتياس مورلا محامي اللاعب: «لقد طالبنا باستعادة الأموال».',
      'ماتياس مورلا',
    ],
  ])('%s', (_case, body, speaker) => {
    if (speaker === null) expect(speakersOf(body)).toEqual([]);
    else expect(speakersOf(body).at(-1)).toBe(speaker);
  });

  it('keeps a participle in the accusative out of a cited name', () => {
    const body = '* «لن نتراجع عن قرارنا».\n(الرئيس الفرنسي فرنسوا هولاند مدافعا عن قراره).';
    expect(speakersOf(body)).toEqual(['فرنسوا هولاند']);
  });
});

describe('a verbal noun that heads a body or a report still opens the subject', () => {
  it('«تنظيم» heads a body', () => {
    expect(speakersOf('وقال تنظيم داعش في بيان إن «المعركة مستمرة».')).toEqual(['تنظيم داعش']);
  });

  it('«تقرير» keeps its quote (the report is the source the article gives)', () => {
    expect(speakersOf('وذكر تقرير صادر عن البنك الدولي أن «النمو سيتباطأ هذا العام».')).toHaveLength(1);
  });
});

describe('no junk name, no borrowed speaker', () => {
  it.each([
    ['a verb after «وهم»', 'قالوا وهم يكذبون: «إننا نفعل ذلك لحماية الرئيس».'],
    ['a verbal noun as the object of the verb', 'وهدده بأن «القادم سيكون صعبا» لو رفض تمديد عقده.'],
    ['a noun in ة after a definite title', 'ونفى المسؤول صحة الأنباء التي نشرت أمس.\nوقال: «لا صحة لما نشر».'],
    ['«ابن رئيس الوزراء» is a son, not a name', 'وقال ناشطون إن تصرفات ابن رئيس الوزراء "غير لائقة بمنصب أبيه".'],
    ['a verb with its pronoun after a marker', 'ووفقا لتحليل أجرته «الاقتصادية» فإن "مخصصات المشاريع تراجعت".'],
  ])('%s', (_case, body) => {
    for (const bad of ['يكذبون', 'عقده', 'تمديد عقده', 'صحة', 'أجرته', 'ابن رئيس'])
      expect(speakersOf(body)).not.toContain(bad);
  });

  it("never gives a man's words to the agency named as the source («وفقا لوكالة …»)", () => {
    const body = [
      'أبدى فولفغانغ شويبله وزير المالية الألماني استعداده لبحث الفكرة.',
      'وأضاف وفقا لوكالة الأنباء الألمانية أن الفكرة جاءت في تقرير.',
      'وأوضح أن العناصر مترابطة: "فالحديث عن ضريبة جديدة قد يؤدي إلى فهم خاطئ".',
    ].join('\n');
    const quotes = extractQuotes(splitSentences(body));
    expect(quotes.map((q) => q.speaker.name)).not.toContain('وكالة الأنباء الألمانية');
  });
});
