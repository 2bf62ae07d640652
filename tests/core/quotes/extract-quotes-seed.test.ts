import { describe, expect, it } from 'vitest';
import { allSeedQuotes, quoteStarting, SEED, seedArticle } from './seed-quotes.js';

/**
 * Quote extraction over the five seed articles, checked against a hand reading of them.
 * Each row is a quote a reader of the article would attribute the same way.
 */

describe('article 000: Irina Tsukerman', () => {
  const quotes = seedArticle('000').quotes;
  const hers = quotes.filter((q) => q.speaker.name === 'إيرينا تسوكرمان');

  it('has exactly her seven quotes', () => {
    expect(hers.map((q) => q.text.split(' ').slice(0, 3).join(' '))).toEqual([
      'أشك في إمكانية',
      'دعم كوريا الشمالية',
      'لقد رأينا بالفعل',
      'أشك في أن',
      'لكن مثل هذه',
      'تدخل كوريا الشمالية',
      'التعليقات في وسائل',
    ]);
  });

  it('does not take the outlet she spoke to for a quote', () => {
    expect(quotes.map((q) => q.text)).not.toContain('سكاي نيوز عربية');
  });

  it('names her without her titles, and keeps the short form as an alias', () => {
    const speaker = hers[0]!.speaker;
    expect(speaker).toMatchObject({
      kind: 'person',
      description: 'الخبيرة الأميركية المختصة في الشؤون الدولية والاستراتيجية',
    });
    expect(speaker.aliases).toEqual(['تسوكرمان']);
  });
});

describe('attribution patterns of the seed corpus', () => {
  it.each([
    // pattern, article, quote starts with, speaker, kind
    ['named before, title stack', '000', 'لا ينبغي أن نخجل', 'إيغور كوروتشينكو', 'person'],
    ['named before, short form', '000', 'إذا كان المتطوعون', 'إيغور كوروتشينكو', 'person'],
    ['named before, with the outlet in quotes too', '000', 'لقد رأينا بالفعل', 'إيرينا تسوكرمان', 'person'],
    ['speaker after the quote («"…"، وأضاف زيلينسكي»)', '002', 'من الواضح أنه', 'فولوديمير زيلينسكي', 'person'],
    ['speaker after a quote whose closing mark is missing', '004', 'إنهما أيضًا زعيمان', 'مارك هيرتلينج', 'person'],
    ['anaphoric feminine «ولفتت إلى أن»', '000', 'دعم كوريا الشمالية', 'إيرينا تسوكرمان', 'person'],
    ['anaphoric feminine «وأوضحت:»', '000', 'أشك في أن كوريا', 'إيرينا تسوكرمان', 'person'],
    ['anaphoric feminine «واستدركت بالقول:»', '000', 'لكن مثل هذه التصريحات', 'إيرينا تسوكرمان', 'person'],
    ['anaphoric feminine participle «لافتة إلى أن»', '000', 'التعليقات في وسائل', 'إيرينا تسوكرمان', 'person'],
    ['anaphoric feminine, an organization («لكنها أشارت»)', '001', 'ليست متطورة بما يكفي', 'بلومبرغ', 'organization'],
    [
      'anaphoric masculine «وأضاف:» (not the Putin it mentions)',
      '001',
      'جزء كبير من استراتيجية بوتين',
      'تيرينس روهريج',
      'person',
    ],
    ['anaphoric masculine «وأضاف:» after a minister', '002', 'نعتقد أن احتمال', 'كيم يونغ هيون', 'person'],
    ['anaphoric masculine «وأضاف:» after Putin', '003', 'إنها حسابات وهمية', 'فلاديمير بوتين', 'person'],
    ['masculine participle «قائلًا» after an organization', '003', 'لا تحتاج إلى توضيح', 'الكرملين', 'organization'],
    ['quote inside an indirect clause «أعرب … عن "…"»', '002', 'دعمه وتضامنه الكامل', 'كيم جونغ أون', 'person'],
    ['second quote of the clause, after «مشيراً»', '002', 'لحماية سيادتها', 'كيم جونغ أون', 'person'],
    ['partial quote in reported speech about someone else', '004', 'يسعى جاهدا للحصول', 'مارك هيرتلينج', 'person'],
    ['a quote that runs on into the next sentence', '004', 'إنه يظهر أن السيد بوتين', 'مارك هيرتلينج', 'person'],
    [
      'a title standing for the man named before («وقال الرئيس الأوكراني»)',
      '002',
      'نرى تحالفًا متزايدًا',
      'فولوديمير زيلينسكي',
      'person',
    ],
    ['«عن X قوله:» is X, not the agency', '001', 'يبدو أن قطاراً خاصاً', 'مسؤول حكومي في كوريا الجنوبية', 'anonymous'],
    [
      '«وأشار المسؤول» is the official named before',
      '001',
      'سلطات الاستخبارات تعتقد',
      'مسؤول حكومي في كوريا الجنوبية',
      'anonymous',
    ],
    ['a two-word quote closing «ووصفها بأنها»', '002', 'خدعة أخرى', 'ديمتري بيسكوف', 'person'],
    ['a subject before its verb, past a relative clause', '004', 'في حالة سيئة للغاية', 'جون إيفيرارد', 'person'],
    ['the antecedent of «التي حذرت»', '001', 'ستدفع الثمن', 'واشنطن', 'organization'],
    ['a nickname in quotes is not part of the name', '004', 'خطوة تكتيكية للغاية', 'جيمس ماركس', 'person'],
    ['an organization announcing', '001', 'الأيام القليلة المقبلة', 'الكرملين', 'organization'],
    [
      'plural anonymous officials, not the Putin they talk about',
      '004',
      'قذائف مدفعية وصواريخ',
      'مسؤولون أمريكيون وحلفاؤهم',
      'anonymous',
    ],
    ['«ووفق الصحيفة»: an attribution marker', '000', 'تقديم الطاقة والحبوب', 'الصحيفة', 'organization'],
  ])('%s', (_pattern, key, start, speaker, kind) => {
    const quote = quoteStarting(key, start);
    expect(quote.speaker.name).toBe(speaker);
    expect(quote.speaker.kind).toBe(kind);
  });

  it.each([
    ['000', 'إيغور كوروتشينكو', 'الخبير الدفاعي في موسكو، العقيد'],
    ['002', 'ديمتري بيسكوف', 'المتحدث باسم الكرملين'],
    ['002', 'كيم يونغ هيون', 'وزير الدفاع'],
    ['004', 'جيمس ماركس', 'الميجور جنرال المتقاعد'],
    ['002', 'فولوديمير زيلينسكي', 'الرئيس الأوكراني'],
  ])('%s: %s is described as «%s»', (key, name, description) => {
    const quote = seedArticle(key).quotes.find((q) => q.speaker.name === name);
    expect(quote?.speaker.description).toBe(description);
  });
});

describe('what is not a quote', () => {
  const texts = allSeedQuotes().map(({ quote }) => quote.text);
  it.each([
    ['an outlet after «لموقع»', 'سكاي نيوز عربية'],
    ['an agency after «وكالة»', 'ريجنوم'],
    ['an agency after «وكالة»', 'يونهاب'],
    ['an outlet named as the speaker or after «لـ»', 'بلومبرغ'],
    ['a book title', 'القوات المسلحة لكوريا الشمالية'],
    ['a research centre', 'جيمس مارتن'],
    ['a nickname', 'سبايدر'],
    ['a one-word scare quote in Putin’s reported speech', 'الوهم'],
    ['a two-word term after a preposition', 'مستوى جديد'],
    ['a weapon class', 'أرض- جو'],
    ['an alliance name', 'الناتو'],
    ['a treaty term', 'المساعدة المتبادلة'],
    ['a gloss', 'الشيوخ'],
    ['a single word of an agency report', 'قريباً'],
    ['a related-link line (dropped with the line)', 'اعترفت بالذنب في الصحافة'],
  ])('%s: «%s»', (_kind, text) => {
    expect(texts).not.toContain(text);
  });
});

describe('people who are mentioned are not speakers', () => {
  it('Putin’s quotes all come from 003, none from the quotes that only mention him', () => {
    const putin = allSeedQuotes().filter(
      ({ quote }) => quote.speaker.name.includes('بوتين') || quote.speaker.name.includes('بوتن'),
    );
    expect(putin.map(({ key }) => key)).toEqual(['003', '003']);
    expect(putin.map(({ quote }) => quote.text)).not.toContainEqual(expect.stringContaining('يسعى'));
  });

  it('the two Kims keep their own quotes', () => {
    const byKim = (name: string) =>
      allSeedQuotes()
        .filter(({ quote }) => quote.speaker.name === name)
        .map(({ quote }) => quote.text.slice(0, 12));
    expect(byKim('كيم يونغ هيون')).toEqual(['من المحتمل ج', 'نعتقد أن احت']);
    expect(byKim('كيم جونغ أون')).toEqual(['دعمه وتضامنه', 'لحماية سيادت', 'أعزّ صديق']);
  });
});

describe('the whole seed corpus', () => {
  it.each([
    ['000', 10],
    ['001', 9],
    ['002', 7],
    ['003', 5],
    ['004', 12],
  ])('article %s has the %i quotes of the hand count', (key, count) => {
    expect(seedArticle(key).quotes).toHaveLength(count);
  });

  it('points every quote at the sentence that holds it, in article order', () => {
    for (const article of SEED) {
      let last = -1;
      for (const quote of article.quotes) {
        expect(article.sentences[quote.sentenceIndex]!.text).toContain(quote.text);
        expect(quote.sentenceIndex).toBeGreaterThanOrEqual(last);
        last = quote.sentenceIndex;
      }
    }
  });

  it('gives quotes without their quotation marks', () => {
    for (const { quote } of allSeedQuotes()) expect(quote.text).not.toMatch(/^["«“”»]|["«“”»]$/);
  });
});
