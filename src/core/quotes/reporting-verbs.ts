import { normalizeArabic } from '../text/normalize-arabic.js';

/**
 * The words that tell who said a quote: reporting verbs (قال، أضافت، لفتت …), the
 * participles that continue a speaker's sentence (لافتة، قائلًا …) and attribution
 * markers (بحسب، وفق …). Each carries the gender and number its form agrees with, because
 * a verb with no subject (وأوضحت:) is attributed to the latest speaker it agrees with.
 *
 * Source: ../shared/eval/reporting_verbs.tsv and attribution_markers.tsv (counts in 20,000
 * SaudiNewsNet articles), copied here as constants; forms the TSV flags as mostly something
 * else (بين the preposition, passive يُعتبر, impersonal يُذكر, the nouns طالب، رأيًا، نفيًا …)
 * are left out.
 * A few verbs real articles use to introduce quotes but the TSV lacks (استدرك، رجّح، رفض،
 * وصف …) are added past-tense only.
 */

/** What an attribution word says about its (possibly unstated) subject. */
export interface AttributionCue {
  /** Normalized lemma: «قال», «اضاف» … («بحسب» for markers). */
  readonly lemma: string;
  /** 'verb' has a subject (stated or not); 'participle' continues the clause's subject;
   * 'marker' names its source after it (بحسب X); 'quoted-from' is «عن X قوله». */
  readonly kind: 'verb' | 'participle' | 'marker' | 'quoted-from';
  readonly gender: 'm' | 'f' | null;
  readonly plural: boolean;
  /** The verb may take a direct object right after its subject («رفض بوتين التعليق»), so a
   * definite word after the name is not read as a family name («قال عادل الجبير»). */
  readonly takesObject: boolean;
}

/** lemma, then past 3ms 3fs 3mp 3md, present 3ms 3fs 3mp ('' = form left out as ambiguous). */
const VERB_ROWS: readonly (readonly string[])[] = [
  ['قال', 'قال', 'قالت', 'قالوا', 'قالا', 'يقول', 'تقول', 'يقولون'],
  ['أضاف', 'أضاف', 'أضافت', 'أضافوا', 'أضافا', 'يضيف', 'تضيف', 'يضيفون'],
  ['أكد', 'أكد', 'أكدت', 'أكدوا', 'أكدا', 'يؤكد', 'تؤكد', 'يؤكدون'],
  ['أوضح', 'أوضح', 'أوضحت', 'أوضحوا', 'أوضحا', 'يوضح', 'توضح', 'يوضحون'],
  ['أشار', 'أشار', 'أشارت', 'أشاروا', 'أشارا', 'يشير', 'تشير', 'يشيرون'],
  ['لفت', 'لفت', 'لفتت', 'لفتوا', 'لفتا', 'يلفت', 'تلفت', 'يلفتون'],
  ['حذر', 'حذر', 'حذرت', 'حذروا', 'حذرا', 'يحذر', 'تحذر', 'يحذرون'],
  ['اعتبر', 'اعتبر', 'اعتبرت', 'اعتبروا', 'اعتبرا', '', '', 'يعتبرون'],
  ['رأى', 'رأى', 'رأت', 'رأوا', '', 'يرى', 'ترى', 'يرون'],
  ['ذكر', 'ذكر', 'ذكرت', 'ذكروا', '', '', 'تذكر', 'يذكرون'],
  ['أفاد', 'أفاد', 'أفادت', 'أفادوا', 'أفادا', '', '', 'يفيدون'],
  ['صرح', 'صرح', 'صرحت', 'صرحوا', 'صرحا', 'يصرح', 'تصرح', 'يصرحون'],
  ['أعلن', 'أعلن', 'أعلنت', 'أعلنوا', 'أعلنا', 'يعلن', 'تعلن', 'يعلنون'],
  ['شدد', 'شدد', 'شددت', 'شددوا', 'شددا', 'يشدد', 'تشدد', 'يشددون'],
  ['بين', '', 'بينت', 'بينوا', '', '', '', 'يبينون'],
  ['تابع', 'تابع', 'تابعت', 'تابعوا', '', '', '', ''],
  ['أردف', 'أردف', 'أردفت', 'أردفوا', 'أردفا', 'يردف', 'تردف', 'يردفون'],
  ['استطرد', 'استطرد', 'استطردت', 'استطردوا', 'استطردا', 'يستطرد', 'تستطرد', 'يستطردون'],
  ['كشف', 'كشف', 'كشفت', 'كشفوا', '', 'يكشف', 'تكشف', 'يكشفون'],
  ['نوه', 'نوه', 'نوهت', 'نوهوا', 'نوها', 'ينوه', 'تنوه', 'ينوهون'],
  ['نفى', 'نفى', 'نفت', 'نفوا', '', 'ينفي', 'تنفي', 'ينفون'],
  ['أعرب', 'أعرب', 'أعربت', 'أعربوا', 'أعربا', 'يعرب', 'تعرب', 'يعربون'],
  ['دعا', 'دعا', 'دعت', 'دعوا', 'دعيا', 'يدعو', 'تدعو', 'يدعون'],
  ['طالب', '', 'طالبت', 'طالبوا', '', 'يطالب', 'تطالب', 'يطالبون'],
  ['تساءل', 'تساءل', 'تساءلت', 'تساءلوا', 'تساءلا', 'يتساءل', 'تتساءل', 'يتساءلون'],
  ['علق', 'علق', 'علقت', 'علقوا', 'علقا', 'يعلق', '', 'يعلقون'],
  ['اختتم', 'اختتم', 'اختتمت', 'اختتموا', 'اختتما', 'يختتم', 'تختتم', 'يختتمون'],
  ['أجاب', 'أجاب', 'أجابت', 'أجابوا', 'أجابا', 'يجيب', 'تجيب', 'يجيبون'],
  ['زعم', 'زعم', 'زعمت', 'زعموا', 'زعما', 'يزعم', 'تزعم', 'يزعمون'],
  // Not in the TSV; seen introducing quotes in the seed corpus and common in news.
  ['استدرك', 'استدرك', 'استدركت', 'استدركوا', '', '', '', ''],
  ['رجح', 'رجح', 'رجحت', 'رجحوا', '', 'يرجح', 'ترجح', ''],
  ['استبعد', 'استبعد', 'استبعدت', 'استبعدوا', '', 'يستبعد', 'تستبعد', ''],
  ['توقع', 'توقع', 'توقعت', 'توقعوا', '', 'يتوقع', 'تتوقع', ''],
  ['رفض', 'رفض', 'رفضت', 'رفضوا', '', '', '', ''],
  ['أشاد', 'أشاد', 'أشادت', 'أشادوا', '', '', '', ''],
  ['وصف', 'وصف', 'وصفت', 'وصفوا', '', '', '', ''],
  ['نقل', 'نقل', 'نقلت', 'نقلوا', '', '', '', ''],
  ['أبلغ', 'أبلغ', 'أبلغت', 'أبلغوا', '', '', '', ''],
  ['ندد', 'ندد', 'نددت', 'نددوا', '', '', '', ''],
  ['انتقد', 'انتقد', 'انتقدت', 'انتقدوا', '', '', '', ''],
  ['اتهم', 'اتهم', 'اتهمت', 'اتهموا', '', '', '', ''],
  ['اعترف', 'اعترف', 'اعترفت', 'اعترفوا', '', '', '', ''],
  ['تعهد', 'تعهد', 'تعهدت', 'تعهدوا', '', '', '', ''],
  ['هدد', 'هدد', 'هددت', 'هددوا', '', '', '', ''],
  ['كتب', 'كتب', 'كتبت', 'كتبوا', '', '', '', ''],
  ['غرد', 'غرد', 'غردت', 'غردوا', '', '', '', ''],
  ['ناشد', 'ناشد', 'ناشدت', 'ناشدوا', '', '', '', ''],
  ['أقر', 'أقر', 'أقرت', 'أقروا', '', '', '', ''],
  ['رحب', 'رحب', 'رحبت', 'رحبوا', '', '', '', ''],
];

/** Verbs of saying proper: after «قال X» comes أن، a colon or a quote, never an object. */
const SAYING = new Set(
  [
    'قال',
    'أضاف',
    'أكد',
    'أوضح',
    'أشار',
    'لفت',
    'رأى',
    'ذكر',
    'أفاد',
    'صرح',
    'شدد',
    'بين',
    'أردف',
    'استطرد',
    'نوه',
    'تساءل',
    'علق',
    'أجاب',
    'زعم',
    'استدرك',
    'رجح',
    'استبعد',
    'توقع',
    'كتب',
    'غرد',
  ].map((w) => normalizeArabic(w)),
);

/** Participles that continue the clause's subject (attribution_markers.tsv, plus their pairs). */
const PARTICIPLES: readonly (readonly [string, string, 'm' | 'f', boolean])[] = [
  ...(
    [
      ['قال', 'قائلا'],
      ['أضاف', 'مضيفا'],
      ['أكد', 'مؤكدا'],
      ['أوضح', 'موضحا'],
      ['أشار', 'مشيرا'],
      ['لفت', 'لافتا'],
      ['حذر', 'محذرا'],
      ['اعتبر', 'معتبرا'],
      ['شدد', 'مشددا'],
      ['ندد', 'منددا'],
      ['وصف', 'واصفا'],
      ['استدرك', 'مستدركا'],
      ['تابع', 'متابعا'],
      ['تساءل', 'متسائلا'],
      ['نوه', 'منوها'],
      ['استشهد', 'مستشهدا'],
      ['أعرب', 'معربا'],
      ['كشف', 'كاشفا'],
      ['بين', 'مبينا'],
      ['دعا', 'داعيا'],
      ['طالب', 'مطالبا'],
      ['أشاد', 'مشيدا'],
      ['أعلن', 'معلنا'],
      ['رحب', 'مرحبا'],
      ['استنكر', 'مستنكرا'],
      ['نبه', 'منبها'],
      ['اختتم', 'مختتما'],
      ['استطرد', 'مستطردا'],
      ['نفى', 'نافيا'],
      ['استبعد', 'مستبعدا'],
      ['رفض', 'رافضا'],
    ] as const
  ).flatMap(([lemma, ms]) => {
    const stem = ms.slice(0, -1);
    return [
      [lemma, ms, 'm', false],
      [lemma, `${stem}ة`, 'f', false],
      [lemma, `${stem}ين`, 'm', true],
      [lemma, `${stem}ات`, 'f', true],
    ] as const;
  }),
];

/**
 * Verbs whose complement is what the speaker denies, rules out or rejects («استبعد أن تكون
 * الإمدادات "حاسمة"»): a quote inside it says the opposite of the speaker's view when shown
 * alone, so extraction keeps the framing verb with it.
 */
const DENIAL_LEMMAS = new Set(['نفى', 'استبعد', 'رفض'].map((w) => normalizeArabic(w)));

/** True for a cue that denies what follows it (نفى، نفت، استبعد، رفض، نافيا …). */
export const isDenial = (cue: AttributionCue): boolean => DENIAL_LEMMAS.has(cue.lemma);

/** Markers that name their source right after them: «بحسب X»، «وفقًا لـX»، «نقلًا عن X». */
const MARKERS = ['بحسب', 'حسب', 'وفق', 'وفقا', 'طبقا', 'نقلا'] as const;

/** Object pronouns a reporting verb may carry («ووصفها بأنها», «ما قاله»), for these lemmas only. */
const OBJECT_SUFFIX_LEMMAS = new Set(['قال', 'وصف', 'ذكر', 'اعتبر', 'اكد'].map((w) => normalizeArabic(w)));
const OBJECT_SUFFIXES = ['هما', 'هم', 'ها', 'ه'] as const;

const CUES = new Map<string, AttributionCue>();
const FEATURES: readonly (readonly ['m' | 'f', boolean])[] = [
  ['m', false],
  ['f', false],
  ['m', true],
  ['m', true],
  ['m', false],
  ['f', false],
  ['m', true],
];
for (const [lemmaRaw, ...forms] of VERB_ROWS) {
  const lemma = normalizeArabic(lemmaRaw!);
  forms.forEach((form, i) => {
    if (form === '') return;
    const [gender, plural] = FEATURES[i]!;
    CUES.set(normalizeArabic(form), { lemma, kind: 'verb', gender, plural, takesObject: !SAYING.has(lemma) });
  });
}
for (const [lemma, form, gender, plural] of PARTICIPLES) {
  CUES.set(normalizeArabic(form), {
    lemma: normalizeArabic(lemma),
    kind: 'participle',
    gender,
    plural,
    takesObject: false,
  });
}
for (const marker of MARKERS) {
  CUES.set(normalizeArabic(marker), { lemma: marker, kind: 'marker', gender: null, plural: false, takesObject: false });
}
for (const [form, gender, plural] of [
  ['قوله', 'm', false],
  ['قولها', 'f', false],
  ['قولهم', 'm', true],
] as const) {
  CUES.set(form, { lemma: 'قول', kind: 'quoted-from', gender, plural, takesObject: false });
}

/**
 * The attribution cue a normalized word carries, if any. Handles the conjunctions و/ف
 * (وأضافت, فقال) and object pronouns on a few verbs (ووصفها, قاله). Context (is it really a
 * verb here?) is the caller's business.
 */
export function attributionCue(norm: string): AttributionCue | null {
  const direct = CUES.get(norm);
  if (direct) return direct;
  if ((norm.startsWith('و') || norm.startsWith('ف')) && norm.length > 3) {
    const bare = norm.slice(1);
    const cue = CUES.get(bare) ?? withoutObject(bare);
    if (cue && (cue.kind === 'verb' || cue.kind === 'marker')) return cue;
  }
  return withoutObject(norm); // «وصفه» is وصف + ه, not و + صفه
}

function withoutObject(norm: string): AttributionCue | null {
  for (const suffix of OBJECT_SUFFIXES) {
    if (!norm.endsWith(suffix) || norm.length - suffix.length < 3) continue;
    const cue = CUES.get(norm.slice(0, -suffix.length));
    if (cue && cue.kind === 'verb' && OBJECT_SUFFIX_LEMMAS.has(cue.lemma)) return cue;
  }
  return null;
}

/**
 * «وبيّن عمر المحيذيف أن …»: unvocalized «بين» is the preposition (between) and is left out of
 * the table, but written with its shadda it can only be the verb (he made clear).
 */
export function vocalizedCue(surface: string, norm: string): AttributionCue | null {
  if (!/^[وف]?بين$/.test(norm) || !/ي\u0651/.test(surface.replace(/[\u064B-\u0650\u0652]/g, ''))) return null;
  return { lemma: 'بين', kind: 'verb', gender: 'm', plural: false, takesObject: false };
}
