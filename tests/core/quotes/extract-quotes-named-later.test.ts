import { describe, expect, it } from 'vitest';
import { speakersOf } from './quotes-of.js';

/**
 * A person introduced once in full, with a title or a description, and quoted later by a
 * shorter form: the family name, the given name, the title and its genitive, or the whole
 * description again. Every sentence here is written for the test.
 */

describe('a full name stays whole', () => {
  it.each([
    ['a family name that folds like «على»', 'قال الوزير سامي العلي: «الوضع مستقر في كل المناطق».', 'سامي العلي'],
    ['the same after a two-word title', 'وقال وزير الصحة سامي العلي إن «الوضع مستقر في كل المناطق».', 'سامي العلي'],
    ['without a title', 'قال محمد العلي: «الوضع مستقر في كل المناطق».', 'محمد العلي'],
    ['the given name «علي» is still a name', 'قال محمد علي: «الوضع مستقر في كل المناطق».', 'محمد علي'],
    ['«د.» before the name', 'وقال د. خالد النمر: «النتائج مشجعة جدا».', 'خالد النمر'],
    ['a consultant is a title, not a name', 'قال استشاري القلب الدكتور خالد النمر: «النتائج مشجعة».', 'خالد النمر'],
    [
      'a profession the lists do not know before a given name',
      'أكد الموسيقار خالد برزنجي أن «الفن مرآة للمجتمع الذي يصنعه».',
      'خالد برزنجي',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it('a definite noun before a lone word is still nobody («الدراسة»)', () => {
    expect(speakersOf('وأكدت الدراسة كذلك أن «النتائج أولية ولا يعتد بها بعد».')).toEqual([]);
  });
});

describe('a shorter form later in the article is the person named in full', () => {
  it.each([
    [
      '«العلي» after a titled introduction',
      'أعلن وزير الصحة سامي العلي خطة جديدة للمستشفيات.\nوقال العلي: «الخطة تشمل كل المناطق دون استثناء».',
      'سامي العلي',
    ],
    [
      'a family name after «وبين»',
      'ذكر مدير التعليم الأستاذ محمد بن سعيد الغامدي أن الاستعدادات اكتملت.\nوبين الغامدي أن «المدارس جاهزة لاستقبال الطلاب».',
      'محمد بن سعيد الغامدي',
    ],
    [
      'a subject-less verb after a profession and a name',
      'أكد الموسيقار خالد برزنجي أن هناك تراجعا في الفن.\nوتابع قائلا “الفن بشكل عام مرآة للحالة”.',
      'خالد برزنجي',
    ],
    [
      '«د.» and the family name',
      'كشف استشاري القلب الدكتور خالد النمر عن نتائج الدراسة.\nوقال د. النمر: «النتائج مشجعة جدا».',
      'خالد النمر',
    ],
    [
      'a participle closing reported speech',
      'أكد الموسيقار خالد برزنجي أن هناك تراجعا في الفن، قائلا “الطرب كان راقيا في الماضي”.',
      'خالد برزنجي',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it('«وبين» between two names is the preposition: no quote', () => {
    const body =
      'ذكر مدير التعليم الأستاذ محمد بن سعيد الغامدي أن الاستعدادات اكتملت.\nوبين الغامدي والعتيبي خلاف «قديم جدا» حول الخطة.';
    expect(speakersOf(body)).toEqual([]);
  });
});

describe('a description stands for the person introduced with it', () => {
  it.each([
    [
      'a title and its genitive given in apposition',
      'أكد الشيخ محمد بن زايد آل نهيان، ولي عهد أبوظبي، على مواصلة الدعم.\nوقال ولي عهد أبوظبي إن بلاده «ستواصل دعمها للأشقاء».',
      'محمد بن زايد آل نهيان',
    ],
    [
      'a title before the comma of a name where nobody speaks',
      'أدان مفتي مصر، الدكتور شوقي علام، العملية الإرهابية.\nوأضاف مفتي مصر أن «هؤلاء الإرهابيين ملعونون في الدنيا».',
      'شوقي علام',
    ],
    [
      'the whole description repeated',
      'وأشار كبير الصيادين بفرضة القطيف رضا حسن الفردان إلى أن الأسعار ارتفعت.\nوقال كبير الصيادين بفرضة القطيف: إن المراكب الكبيرة عادت من البحر.',
      'رضا حسن الفردان',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });

  it.each([
    [
      'an unnamed source is never a named person',
      'أكد الشيخ محمد بن زايد آل نهيان، ولي عهد أبوظبي، على مواصلة الدعم.\nوقال مسؤول إماراتي إن «الدعم سيستمر طويلا».',
      'مسؤول إماراتي',
    ],
    [
      'a title nobody was given stays unnamed',
      'أكد الشيخ محمد بن زايد آل نهيان، ولي عهد أبوظبي، على مواصلة الدعم.\nوقال وزير خارجية اليمن إن «الدعم سيستمر طويلا».',
      'وزير خارجية اليمن',
    ],
  ])('%s', (_case, body, speaker) => {
    expect(speakersOf(body)).toEqual([speaker]);
  });
});

describe('a subject-less verb after its own speech takes the speaker in focus', () => {
  it.each([
    [
      '«واختتم حديثه … حيث قال :»',
      'قال اللاعب الغاني سولي علي مونتاري: "أنا سعيد جدا بالانضمام".\nواختتم حديثه موجها كلامه للجماهير حيث قال : إلى كل الأنصار أنا هنا من أجل الفوز.',
    ],
    [
      '«واختتم كلمته قائلا:»',
      'قال اللاعب الغاني سولي علي مونتاري: "أنا سعيد جدا بالانضمام".\nواختتم كلمته قائلا: "أنا هنا من أجل الفوز".',
    ],
  ])('%s', (_case, body) => {
    expect(speakersOf(body)).toEqual(['سولي علي مونتاري', 'سولي علي مونتاري']);
  });
});

describe('organizations keep their whole name', () => {
  it.each([
    [
      'a nisba inside the name',
      'أعلن حلف شمال الأطلسي اليوم عن عقد جلسة طارئة.\nوقال الحلف في بيان: «نظرا لخطورة الوضع نعقد الجلسة».',
      ['حلف شمال الأطلسي'],
    ],
    [
      '«الشرطة» is the one national police the article named',
      'اعتقلت الشرطة الإيطالية، اليوم، رجلين.\nوذكرت الشرطة في بيان أن «الرجلين اعتقلا في بلدة صغيرة».',
      ['الشرطة الإيطالية'],
    ],
    [
      'two police forces named: «الشرطة» stays as it is',
      'اعتقلت الشرطة الإيطالية والشرطة الفرنسية رجلين.\nوذكرت الشرطة في بيان أن «الرجلين اعتقلا في بلدة صغيرة».',
      ['الشرطة'],
    ],
  ])('%s', (_case, body, speakers) => {
    expect(speakersOf(body)).toEqual(speakers);
  });
});

describe('a family name the article never gives in full', () => {
  it.each([
    ['before «إن» and a quote', 'وقال المطيري إن «التحقيقات مستمرة مع الموقوفين».', ['المطيري']],
    ['before the audience «لـ»', 'وأوضح الشهري لـ«الصحيفة» أن «الخطة جاهزة للتنفيذ».', ['الشهري']],
    ['an agent noun is nobody («الجاني»)', 'وقال الجاني إن «الأمر كان مجرد حادث».', []],
    ['an ordinal is nobody («الثاني»)', 'وقال الثاني: «لم أر شيئا في تلك الليلة».', []],
    ['a participle is nobody («المدعي العام»)', 'وقال المدعي العام إن «القضية لم تغلق بعد».', []],
    ['a nationality is nobody («الأمريكي»)', 'وقال الأمريكي إن «المباراة كانت صعبة جدا».', []],
  ])('%s', (_case, body, speakers) => {
    expect(speakersOf(body)).toEqual(speakers);
  });
});

describe('a title after a name describes the person, a coordinated one does not', () => {
  it('«ورئيس الحكومة» after another name is someone else', () => {
    const body =
      'نجحت مساعي رئيس المجلس النيابي نبيه بري ورئيس الحكومة الأسبق سعد الحريري بدفع رئيس الحكومة تمام سلام للتريث.\nوأعرب رئيس الحكومة عن أمله في «إبعاد المواضيع الخلافية عن المجلس».';
    expect(speakersOf(body)).toEqual(['تمام سلام']);
  });
});

describe('a title with a family name only', () => {
  it.each([
    ['«د.» and a family name', 'وأضاف د. التويجري مناشداً الآباء "احجبوا عن أولادكم صور العنف".', ['التويجري']],
    ['a definite title and a family name', 'وقال الشيخ المطلق إن «الصيام واجب على كل قادر».', ['المطلق']],
    ['a coach and a nationality is no name', 'وقال المدرب الكرواتي إن «الفريق جاهز للمباراة».', ['المدرب الكرواتي']],
    ['a doctor and an adjective is no name', 'وقال الطبيب المعالج إن «حالته مستقرة منذ أمس».', ['الطبيب المعالج']],
    [
      'a genitive after an indefinite title is no name',
      'وقال رئيس البلدية إن «العمل مستمر في كل الأحياء».',
      ['رئيس البلدية'],
    ],
    ['a nationality is no name', 'وقال الرئيس الأوكراني إن «العمل مستمر في كل الجبهات».', ['الرئيس الأوكراني']],
    [
      'an adjective and a title after a description go on to the name',
      'وقال المستشار التربوي ومدير مدارس الرياض السابق د. عبدالمجيد بن عبدالله الغامدي: إن العمل الإجرامي مدان.',
      ['عبدالمجيد بن عبدالله الغامدي'],
    ],
  ])('%s', (_case, body, speakers) => {
    expect(speakersOf(body)).toEqual(speakers);
  });
});

describe('what is not an attribution colon or an attribution source', () => {
  it.each([
    [
      'a link',
      'ودعا مدير التعليم محمد بن عبدالله العقيبي المتقدمين للدخول على رابط البوابة http://example.gov.sa/portal ، ثم الضغط على أيقونة النظام.',
    ],
    ['a time', 'وقال المتحدث الرسمي محمد الحربي إن البلاغ ورد الساعة 9:31 صباح اليوم من مواطن في الحي.'],
  ])('%s gives no quote', (_case, body) => {
    expect(speakersOf(body)).toEqual([]);
  });

  it('«ونقل التلفزيون عنه قوله» is the person «عنه» stands for, not the outlet', () => {
    const body =
      'قال وزير النفط بيجن زنغنه إن الإنتاج سيرتفع.\nونقل التلفزيون الرسمي عنه قوله إن «الإنتاج نزل بسبب العقوبات».\nوأضاف: «سنعود إلى مستوى الإنتاج السابق قريبا».';
    expect(speakersOf(body)).toEqual(['بيجن زنغنه', 'بيجن زنغنه']);
  });
});
