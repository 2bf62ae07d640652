import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';
import { quotesOf, speakersOf } from './quotes-of.js';

/**
 * Attribution errors seen on real news (SaudiNewsNet), one table per kind, on sentences
 * written in the style of those articles. Where the speaker cannot be told for sure the
 * quote must go to nobody: a wrong speaker is worse than a missing quote.
 */

describe('common words are not names', () => {
  it.each([
    ['a verbal noun after the verb', 'وقال تعليقا على ذلك: «هذا أمر مؤسف جدا للجميع».'],
    ['a hal adverb after the verb', 'وأضاف مازحا: «سنلعب المباراة المقبلة بلا حارس».'],
    ['a complementizer with ب', 'وطالبت بألا ينحصر دورها في "مناصحة الموقوف وتنويره داخل السجن".'],
    [
      'a noun with a pronoun',
      'وقال المسؤول الذي طلب عدم كشف هويته "حصلنا على معلومات جديدة مهمة".'.replace('المسؤول الذي', 'الذي'),
    ],
    ['a plural noun as subject', 'وقالت تقارير صحفية إن «المفاوضات وصلت إلى طريق مسدود تماما».'],
    ['a verb and its object', 'وأكد تستهدف تحقيق أن «الخطة ستنفذ في الموعد المحدد لها».'],
    ['scripture', 'وقال تعالى: «وإذا جاءهم أمر من الأمن أو الخوف أذاعوا به».'],
    ['a hadith formula', 'قال رسول الله صلى الله عليه وسلم: «المسلم من سلم المسلمون من لسانه ويده».'],
  ])('%s gives no speaker', (_case, body) => {
    expect(quotesOf(body)).toEqual([]);
  });

  it.each([
    [
      'a lone surname the article introduced with a first name',
      'وصل المدرب جوزيه مورينيو إلى الملعب.\nوقال مورينيو: «الفريق جاهز للموسم الجديد».',
      'جوزيه مورينيو',
    ],
    [
      'a lone surname introduced with a title',
      'التقى الرئيس أوباما بالوفد.\nوقال أوباما: «نحن ملتزمون بأمن المنطقة».',
      'أوباما',
    ],
    ['a given name', 'وقال خالد: «سنعود أقوى من قبل».', 'خالد'],
    ['two transliterated words', 'وقال نيكولاس هايسوم: «الوضع الإنساني يزداد سوءا».', 'نيكولاس هايسوم'],
    ['an Arab name with a family name', 'وقال سعد الثويني: «المشروع سيكتمل قبل نهاية العام».', 'سعد الثويني'],
    ['a compound name with «الدين»', 'وأوضح نجم الدين: «ما زالت هناك بعض العقبات الصعبة».', 'نجم الدين'],
    ['a name with a particle', 'وقالت جيوفانا دي بينيديتو: «علمنا أن أربعين شخصا لقوا حتفهم».', 'جيوفانا دي بينيديتو'],
    ['a name that opens with و', 'وقال مستشار الرئيس علي أكبر ولايتي: «لن نقبل بأي تفاوض حول ذلك».', 'علي أكبر ولايتي'],
  ])('%s is a speaker', (_case, body, speaker) => {
    expect(speakersOf(body).at(-1)).toBe(speaker);
  });

  it('does not take a lone word the article never introduces for a name', () => {
    expect(quotesOf('وقال وثائق: «لا توجد أي مخالفات في العقود الموقعة».')).toEqual([]);
  });
});

describe('name and description written together', () => {
  it.each([
    [
      'a role noun with its genitive',
      'من جانبه، قال ماركوس بيكيدال مشغل الموقع للصحيفة إن "التبرعات أمنتنا بعض الشيء".',
      'ماركوس بيكيدال',
    ],
    ['a title right after the name', 'وقال مانويل نيوير حارس مرمى بايرن ميونيخ: «سنقاتل حتى النهاية».', 'مانويل نيوير'],
    [
      'a manner adverb after the name',
      'التقى جون كيري بالوفد.\nوقال كيري مازحا في بداية الاجتماع "هذه العصا لها تاريخ طويل".',
      'جون كيري',
    ],
    [
      'a foreign name ending in ه',
      'وقال الخبير ريتشارد توتاه لوكالة الصحافة الفرنسية إن «الرئيس هدف ثمين جدا».',
      'ريتشارد توتاه',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body).at(-1)).toBe(speaker);
  });

  it('keeps a title written after the name as the description', () => {
    const [quote] = extractQuotes(
      splitSentences('وقالت أمبر رود وزيرة الطاقة وتغير المناخ لراديو الهيئة: «لا يمكن أن نقبل بذلك».'),
    );
    expect(quote?.speaker).toMatchObject({ name: 'أمبر رود', description: 'وزيرة الطاقة وتغير المناخ' });
  });
});

describe('family names after verbs that take an object', () => {
  it.each([
    ['the object after the family name', 'رفض عادل الجبير التعليق وقال: «لا نريد الحديث عن ذلك الآن».', 'عادل الجبير'],
    [
      'a nisba family name',
      'وحذرت ميسون الدملوجي، المتحدثة باسم الائتلاف، من «نشوء ديكتاتورية جديدة في البلاد».',
      'ميسون الدملوجي',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it.each([
    ['«رفض بوتين التعليق»', 'رفض بوتين التعليق على «الاتهامات الغربية الأخيرة ضد بلاده» في المؤتمر.'],
    [
      '«وصف أوباما الخيار بأنه»',
      'قال الرئيس باراك أوباما إن الاتفاق جيد.\nووصف أوباما الخيار بأنه «بين الدبلوماسية وشكل من أشكال الحرب».',
    ],
  ])('does not read the object as a family name: %s', (_case, body) => {
    for (const name of speakersOf(body)) expect(name).not.toMatch(/التعليق|الخيار/);
  });
});

describe('speakers named together', () => {
  it('gives the quote to each of them, and their dual verb to both', () => {
    const body = [
      'وصل وزير الخارجية الروسي سيرغي لافروف إلى الدوحة.',
      'وقال عادل الجبير ولافروف في مؤتمر صحفي: «نحن متفقون على ضرورة الحل السياسي».',
      'وأضافا: «سنواصل التشاور بشأن الأزمة السورية».',
    ].join('\n');
    expect(quotesOf(body)).toEqual([
      ['عادل الجبير', 'نحن متفقون على ضرورة الحل السياسي'],
      ['سيرغي لافروف', 'نحن متفقون على ضرورة الحل السياسي'],
      ['عادل الجبير', 'سنواصل التشاور بشأن الأزمة السورية'],
      ['سيرغي لافروف', 'سنواصل التشاور بشأن الأزمة السورية'],
    ]);
  });

  it.each([
    [
      'a singular verb right after them could be either',
      'قال سيرغي لافروف إن الحل سياسي.\nوقال عادل الجبير ولافروف: «نحن متفقون تماما».\nوأضاف: «لن نقبل بأي تدخل خارجي».',
      2,
    ],
    [
      'a second name the article never introduces',
      'وقال عادل الجبير وكامينسكي في مؤتمر صحفي: «نحن متفقون على كل شيء».',
      0,
    ],
  ])('%s', (_case, body, count) => {
    expect(quotesOf(body)).toHaveLength(count);
  });
});

describe('anaphora stays with its own sentence', () => {
  it.each([
    [
      'another person is the subject of the sentence',
      'وقال الوزير أحمد سالم: «سنبني مئة مدرسة».\nورفع عزيز شعيب الشكر للقيادة، وقال: «هذا يدل على العدل والرحمة».',
      ['أحمد سالم'],
    ],
    [
      'a participle continues a verb whose subject was not recognized',
      'قال عمر بن لزرق رئيس التحرير: «نعمل في ظروف صعبة للغاية».\nويشير الشعيبي إلى أن موقفا صعبا يتكرر، مضيفا «كان المقاتلون يحرصون على سلامتي».',
      ['عمر بن لزرق'],
    ],
    [
      'a participle after a named verb',
      'قال عمر بن لزرق: «نعمل في ظروف صعبة».\nوأكد الوزير خالد سعيد أن الدعم مستمر، مضيفا «لن نتخلى عن الصحفيين».',
      ['عمر بن لزرق', 'خالد سعيد'],
    ],
    [
      'the same speaker named again before the verb',
      'وقال الوزير أحمد سالم: «سنبني مئة مدرسة».\nوزار أحمد سالم المدينة، وقال: «المدارس الجديدة جاهزة».',
      ['أحمد سالم', 'أحمد سالم'],
    ],
  ])('%s', (_case, body, speakers) => {
    expect(speakersOf(body)).toEqual(speakers);
  });

  it('gives a quote relayed by an agency to the speaker, not the agency', () => {
    const body =
      'قال مصدر عسكري مالي إن مسلحين هاجموا الفندق.\nوأضاف المصدر العسكري - حسب وكالة الصحافة الفرنسية - أن «قتيلين وثلاثة جرحى سقطوا في صفوف القوات».';
    expect(speakersOf(body)).toEqual(['مصدر عسكري مالي']);
  });
});

describe('what is not a quote', () => {
  it.each([
    ['a list of brand names', 'وكشف فالكه أنه سيتحدث مع رعاة «الفيفا»: «فيزا»، و«كوكاكولا» و«ماكدونالدز».', 'فيزا'],
    [
      'a song title',
      'وقال الفنان محمد عبده إن أغنية «يا لخفوق اللي أحبه حيل» من أجمل أعماله.',
      'يا لخفوق اللي أحبه حيل',
    ],
    [
      'a place name after a preposition',
      'وقال الوزير أحمد سالم إنه سيزور مدينة «رأس الخيمة الجديدة» الأسبوع المقبل.',
      'رأس الخيمة الجديدة',
    ],
  ])('%s', (_case, body, text) => {
    expect(quotesOf(body).map(([, t]) => t)).not.toContain(text);
  });
});

describe('organizations', () => {
  it('reads «وقالت الوزارة» as the ministry named before', () => {
    const body =
      'دعت وزارة الداخلية المواطنين إلى الحذر.\nوقالت الوزارة في بيان: «من يخالف التعليمات سيحال للجهة المختصة».';
    expect(speakersOf(body)).toEqual(['وزارة الداخلية']);
  });
});
