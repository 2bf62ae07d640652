import { describe, expect, it } from 'vitest';
import { quotesOf, speakersOf } from './quotes-of.js';

/**
 * Round 3 of docs/attribution-sample.md: damaged names (a generic noun for an organization the
 * article names, organization names cut short) and the wrong speakers left from round 2
 * (a vocalized «بيّن», sayings). Sentences written in the style of the news articles.
 */

describe('a generic organization noun stands for the one organization the article named', () => {
  it.each([
    [
      'a company',
      'أعلنت مجموعة من المستثمرين عن عرض لشراء شركة بيرسون.\nوقالت الشركة في بيان: «نحن في مناقشات متقدمة بشأن بيع الصحيفة».',
      'شركة بيرسون',
    ],
    [
      'a club',
      'تعاقد نادي الهلال مع لاعب جديد.\nوقال النادي: «اللاعب سينضم إلى المعسكر الأسبوع المقبل».',
      'نادي الهلال',
    ],
    [
      'a committee with a nisba',
      'قررت لجنة الاتصالات الأردنية حجب الموقع.\nوقالت اللجنة إن «الموقع يمكن أن يهدد استقرار البلاد».',
      'لجنة الاتصالات الأردنية',
    ],
    [
      'a club named after a preposition',
      'انتقل اللاعب إلى نادي النصر قبل أسبوع.\nوأكد النادي أن «الصفقة تمت وفق الأنظمة المعمول بها».',
      'نادي النصر',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body).at(-1)).toBe(speaker);
  });

  it.each([
    [
      'two ministries named',
      'زار الوفد وزارة الداخلية ثم وزارة الخارجية.\nوقالت الوزارة: «الاجتماع بحث التعاون المشترك بين البلدين».',
    ],
    ['no company named', 'وقالت الشركة: «الأرباح ارتفعت بنسبة كبيرة هذا العام».'],
    ['only an adjective after the head', 'تأسست لجنة مختصة لدراسة الأمر.\nوقالت اللجنة: «سنرفع توصياتنا خلال شهر».'],
  ])('%s: stays generic', (_case, body) => {
    expect(speakersOf(body).at(-1)).toMatch(/^ال(?:وزارة|شركة|لجنة)$/);
  });
});

describe('organization names are not cut', () => {
  it.each([
    [
      'a title and its genitive',
      'وقال مكتب رئيس الوزراء البريطاني في بيان إن «الشرطة بدأت حملة أمنية تستهدف جماعات متشددة».',
      'مكتب رئيس الوزراء البريطاني',
    ],
    ['«العالي»', 'وأكدت وزارة التعليم العالي أنه «لا صحة لما تناقلته بعض وسائل الإعلام».', 'وزارة التعليم العالي'],
    [
      '«الشؤون» and its genitive',
      'وقالت وزارة الشؤون الخارجية المغربية إن «المملكة تدين هذه الجريمة الإرهابية».',
      'وزارة الشؤون الخارجية المغربية',
    ],
    [
      'a remit after «العامة»',
      'وقالت الهيئة العامة للسياحة إن «عدد الزوار ارتفع بشكل كبير هذا العام».',
      'الهيئة العامة للسياحة',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it.each([
    ['«البيت الأبيض»', 'وقال البيت الأبيض إن «الزيارة تمثل فرصة لإحراز مزيد من التقدم».', 'البيت الأبيض'],
    ['an agency and its name', 'وقالت وكالة رويترز إن «الأسواق شهدت تراجعا كبيرا اليوم».', 'وكالة رويترز'],
  ])('%s still as before', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });
});

describe('«بيّن» with its shadda is a reporting verb', () => {
  it.each([
    ['a named speaker', 'وبيّن عمر المحيذيف أن «المدن الترفيهية تنحصر غالبا في ألعاب الأطفال».', 'عمر المحيذيف'],
    [
      'then «وأضاف» is his',
      'وقال مبارك القحطاني: «الإقبال كبير على المدن الترفيهية».\nوبيّن عمر المحيذيف أن «المدن الترفيهية تنحصر في ألعاب الأطفال».\nوأضاف: «نحتاج إلى مشاريع للكبار أيضا».',
      'عمر المحيذيف',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body).at(-1)).toBe(speaker);
  });

  it('unvocalized «بين» stays a preposition', () => {
    expect(speakersOf('وبين الحين والآخر يقول الناس «إن الأسعار ترتفع بلا توقف».')).not.toContain('الحين');
  });
});

describe('a saying is nobody’s quote', () => {
  it.each([
    [
      '«المقولة الشهيرة:»',
      'وقال صاحبنا الثائر متذكرا المقولة الشهيرة: «ما يكتب في مصر ويطبع في لبنان يقرأ في العراق».',
    ],
    ['«المثل الشعبي»', 'وكما يقول المثل الشعبي «من جد وجد ومن زرع حصد ومن سار على الدرب وصل».'],
    ['«المثل:»', 'ويقول المثل: «الجار قبل الدار والرفيق قبل الطريق».'],
    ['«الحكمة»', 'وقال المدرب مستشهدا بالحكمة «العقل السليم في الجسم السليم» قبل المباراة.'],
  ])('%s', (_case, body) => {
    expect(quotesOf(body)).toEqual([]);
  });

  it('a quote after the speaker is still his', () => {
    expect(speakersOf('وقال المدرب الإيطالي كونتي: «الفريق قدم مباراة كبيرة».')).toEqual(['كونتي']);
  });
});
