import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';
import { quotesOf, speakersOf } from './quotes-of.js';

/**
 * How Arab officials are quoted in news (issue 10): a family name alone, a title or rank
 * instead of the name, a subject-less verb after a titled introduction, names of three
 * parts. Every sentence here is written for the test, in the style of the news it mimics.
 */

describe('a family name alone is the person the article named in full', () => {
  it.each([
    [
      'SISI after a titled introduction',
      'استقبل الرئيس عبد الفتاح السيسي وفدا من المستثمرين أمس.\nوقال السيسي إن «مصر ماضية في طريق الإصلاح دون تردد».',
      'عبد الفتاح السيسي',
    ],
    [
      'Burhan after his rank',
      'التقى رئيس مجلس السيادة الفريق أول عبد الفتاح البرهان المبعوث الأممي.\nوقال البرهان إن «الجيش لن يسلم السلطة إلا لحكومة منتخبة».',
      'عبد الفتاح البرهان',
    ],
    [
      'Dbeibah, a family name in ة',
      'استقبل رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة وزير الداخلية.\nوأكد الدبيبة أن «الانتخابات ستجري في موعدها دون أي تأجيل».',
      'عبد الحميد الدبيبة',
    ],
    [
      'a family name that is also a common word',
      'أوضح مدير الأمن العام اللواء سامي السنين أن الحملة مستمرة.\nوقال السنين: «رجال الأمن لن يتهاونوا مع أي مخالف».',
      'سامي السنين',
    ],
    [
      'a family name in quotation marks',
      'أعلن المتحدث الرسمي للهيئة الشيخ فهد بن ناصر العمري أن البلاغات تزيد.\nوقال "العمري": «الهيئة تستقبل كل البلاغات على مدار الساعة».',
      'فهد بن ناصر العمري',
    ],
    [
      'a given name alone',
      'وتمكن نيل أروسميث من تصوير الحادث بهاتفه.\nوقال نيل لوسائل الإعلام: «كان الرجل يصرخ في وجه الجميع».',
      'نيل أروسميث',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it('lists the short form as an alias of the full name', () => {
    const body =
      'استقبل الرئيس عبد الفتاح السيسي وفدا من المستثمرين أمس.\nوقال السيسي إن «مصر ماضية في طريق الإصلاح دون تردد».';
    expect(extractQuotes(splitSentences(body))[0]!.speaker.aliases).toEqual(['السيسي']);
  });

  it("never takes a father's name after «بن» for the person", () => {
    const body =
      'وأكد ولي ولي العهد الأمير محمد بن سلمان أن العلاقات قوية.\nوقال الملك سلمان في برقية: «إننا نستنكر هذه الأعمال الإجرامية بكل قوة».';
    expect(speakersOf(body)).not.toContain('محمد بن سلمان');
  });

  it('keeps the family name alone when no full name is anywhere in the article (people join it across articles)', () => {
    expect(quotesOf('وقال السيسي إن «مصر ماضية في طريق الإصلاح دون تردد».')).toEqual([
      ['السيسي', 'مصر ماضية في طريق الإصلاح دون تردد'],
    ]);
  });

  it.each([
    [
      'two people share the family name',
      'التقى خالد العمري بالوزير سعد العمري أمس.\nوقال العمري: «الاجتماع كان مثمرا جدا للطرفين».',
    ],
  ])('gives no speaker when %s', (_case, body) => {
    expect(quotesOf(body)).toEqual([]);
  });

  it('never joins a foreign name to an Arab family name with the same letters', () => {
    const body = [
      'كرم الشاعر عبدالعزيز سعود البابطين الفائزين بالجائزة.',
      'وقال بوتين إن «روسيا لن تتراجع عن مواقفها أبدا».',
    ].join('\n');
    for (const q of extractQuotes(splitSentences(body))) {
      expect(q.speaker.name).not.toContain('البابطين');
      expect(q.speaker.aliases).not.toContain('بوتين');
    }
  });
});

describe('titles and ranks are not the name, and name the person', () => {
  it.each([
    [
      'a rank of two words before the name',
      'وقال الفريق أول عبد الفتاح البرهان: «لن نتفاوض مع من حمل السلاح ضد الدولة».',
      'عبد الفتاح البرهان',
    ],
    [
      'the title with the family name',
      'افتتح الرئيس عبد الفتاح السيسي مشروعا جديدا في الصعيد.\nوقال الرئيس السيسي: «هذا المشروع سيوفر آلاف الوظائف للشباب».',
      'عبد الفتاح السيسي',
    ],
    [
      'a bare title after a narrated introduction',
      'التقى وزير الخارجية المصري سامح شكري نظيره الأردني.\nوقال الوزير: «العلاقات بين البلدين راسخة منذ عقود».',
      'سامح شكري',
    ],
    [
      'a bare title after a quoted introduction',
      'وقال وزير الخارجية المصري سامح شكري إن العلاقات متينة.\nوأضاف الوزير: «سنواصل التنسيق في كل الملفات الإقليمية».',
      'سامح شكري',
    ],
    [
      'a general rank with «العام»',
      'وقال مدير الأمن العام اللواء سامي السنين: «الحملة مستمرة في كل المناطق».',
      'سامي السنين',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it('keeps the title as the description', () => {
    const body =
      'التقى وزير الخارجية المصري سامح شكري نظيره الأردني.\nوقال الوزير: «العلاقات بين البلدين راسخة منذ عقود».';
    expect(extractQuotes(splitSentences(body))[0]!.speaker.description).toBe('وزير الخارجية المصري');
  });

  it('does not read «الفريق» (the team) as a rank without a name after it', () => {
    expect(quotesOf('وقال الفريق في بيان: «سنعود أقوى في الموسم المقبل».')).toEqual([]);
  });
});

describe('names of three or more parts stay whole', () => {
  it.each([
    [
      'a nisba family name',
      'وقال رئيس الوزراء العراقي محمد شياع السوداني إن «العراق لن يكون ساحة لتصفية الحسابات».',
      'محمد شياع السوداني',
    ],
    [
      'a name after a place in the description',
      'وقال رئيس القسم العلمي في ناسا جون جرونسفيلد: «النتيجة مثيرة جدا للعلماء».',
      'جون جرونسفيلد',
    ],
    [
      'a nickname after the place',
      'وقال المدير في ناسا "بيل" جون جرونسفيلد: «النتيجة مثيرة جدا للعلماء».',
      'جون جرونسفيلد',
    ],
    [
      'three words and an object after them',
      'وقدم المهندس خالد محفوظ بحاح الشكر للحكومة على دعمها، وقال: «إنها مواقف لا تنسى أبدا».',
      'خالد محفوظ بحاح',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });
});

describe('a verb without a subject takes the speaker in focus', () => {
  it.each([
    [
      '«وأكد أن» after a titled introduction',
      'أوضح مدير الأمن العام اللواء سامي السنين أن الحملة مستمرة.\nوأكد أن «رجال الأمن لن يتهاونوا مع أي مخالف».',
      'سامي السنين',
    ],
    [
      '«وأعلن أن» after a titled introduction',
      'صرح وزير الصحة الدكتور فهد الجلاجل بأن الحملة بدأت.\nوأعلن أن «التطعيم سيشمل جميع المناطق هذا الشهر».',
      'فهد الجلاجل',
    ],
    [
      '«وأضاف:» after a narrated verb and title',
      'وتطرق الدكتور راشد الزهراني إلى خطط المؤسسة للعام الجديد.\nوأضاف: «بلغ عدد المتقدمين هذا العام أكثر من تسعين ألفا».',
      'راشد الزهراني',
    ],
    [
      '«وبين» before a title is the verb بيّن',
      'وبين الدكتور راشد الزهراني أن المؤسسة تسعى للتوسع.\nوأضاف: «سنفتتح عشرين فرعا جديدا هذا العام».',
      'راشد الزهراني',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });
});

describe('speakers a reader still knows', () => {
  it.each([
    [
      'an honorific pronoun after a narrated title',
      'رفع معالي وزير الخدمة المدنية خالد بن عبدالله العرج التعازي إلى القيادة.\nوقال معاليه «إن بشاعة هذا الجرم لن تزيد الوطن إلا تماسكا».',
      [['خالد بن عبدالله العرج', 'إن بشاعة هذا الجرم لن تزيد الوطن إلا تماسكا']],
    ],
    [
      '«واختتم بقوله:»',
      'وقال الوزير خالد العمري إن الحملة مستمرة.\nواختتم بقوله: "الوزارة تستقبل البلاغات على مدار الساعة".',
      [['خالد العمري', 'الوزارة تستقبل البلاغات على مدار الساعة']],
    ],
    [
      '«وقال آخر:» is another unnamed speaker',
      'وقال أحد الساخرين: "هذا المشهد تجاوب مع ما عرضه الإعلام".\nوقال آخر: "الحيوانات تجاوبت مع المعاناة أكثر من المسؤولين".',
      [
        ['أحد الساخرين', 'هذا المشهد تجاوب مع ما عرضه الإعلام'],
        ['آخر', 'الحيوانات تجاوبت مع المعاناة أكثر من المسؤولين'],
      ],
    ],
    [
      'a closing glyph used to open after a colon',
      'ونقلت الوكالة عن وزارة الداخلية قولها :” إن التفجير أصاب ستة من رجال الشرطة “.',
      [['وزارة الداخلية', 'إن التفجير أصاب ستة من رجال الشرطة']],
    ],
    [
      'a quote after a definite subject of the clause',
      'وقالت المتحدثة باسم الوزارة سارة ميلر إن الحكومة "وافقت على الصفقة بشكل نهائي".',
      [['سارة ميلر', 'وافقت على الصفقة بشكل نهائي']],
    ],
  ])('%s', (_case, body, expected) => {
    expect(quotesOf(body)).toEqual(expected);
  });
});

describe('a denial keeps its framing', () => {
  it.each([
    [
      'استبعد',
      'استبعد الخبير العسكري تيرينس روهريج أن تكون الإمدادات "حاسمة على المدى القصير، لكنها ستطيل الحرب".',
      'استبعد',
    ],
    ['نفت', 'ونفت المتحدثة باسم الوزارة سارة ميلر أن تكون الحكومة "قد وافقت على الصفقة بشكل نهائي".', 'ونفت'],
    ['رفض', 'ورفض الوزير خالد العمري أن يكون الاتفاق "تنازلا عن حقوق البلاد في المنطقة".', 'ورفض'],
    ['نافيا', 'وقال الوزير خالد العمري إن الاتفاق قائم، نافيا أن يكون "تنازلا عن حقوق البلاد في المنطقة".', 'نافيا'],
  ])('%s: the quote is shown with the verb that denies it', (_case, body, verb) => {
    const quotes = quotesOf(body);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]![1].startsWith(verb)).toBe(true);
  });

  it('a denial followed by a colon quotes the words as they are', () => {
    expect(quotesOf('ونفى الوزير خالد العمري ذلك، وقال: «لم نوقع أي اتفاق مع الشركة».')).toEqual([
      ['خالد العمري', 'لم نوقع أي اتفاق مع الشركة'],
    ]);
  });
});

describe('names in quotation marks are not quotes', () => {
  it.each([
    ['a mall after «الذي يقام في»', 'وقالت إدارة المكتبة إن المعرض الذي يقام في "بانوراما مول التجاري" يستمر أسبوعا.'],
    ['a mall after «في»', 'وقالت إدارة المكتبة إن المعرض يقام في «بانوراما مول التجاري» ويستمر أسبوعا كاملا.'],
    ['a venue after «تعقد في»', 'وأعلنت اللجنة أن الندوة تعقد في "قاعة الملك فهد الكبرى" مساء الخميس.'],
    ['a programme', 'وأعلنت الوزارة إطلاق برنامج "صيف آمن للجميع" في المدارس.'],
    ['a campaign', 'وقال مدير الصحة إن حملة «صحتك أولا وأخيرا» بدأت اليوم.'],
    ['an initiative', 'وأكد المحافظ أن مبادرة «بيئتنا أمانة في أعناقنا» حققت أهدافها.'],
    [
      'a web address opening the span',
      'وأوضح المتحدث خالد العمري أن التسجيل عبر "tkml.example.sa/portal ثم الضغط على أيقونة التسجيل".',
    ],
    ['a figure', 'وقال الصياد خالد العمري إن وزن الصيد بلغ "32 و35 كيلو للبانة".'],
    ['a planet', 'وقال العالم جون جرونسفيلد إن كوكب "كيبلر 452 ب" يشبه الأرض.'],
  ])('%s', (_case, body) => {
    expect(quotesOf(body)).toEqual([]);
  });
});
