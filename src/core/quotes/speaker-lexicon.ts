import { isArabicWord } from '../text/arabic-letter.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import { MANNER_ADVERBS, RELIGIOUS } from './name-lexicon.js';

/**
 * Word classes that let quote attribution read a speaker phrase without a parser: where a
 * subject ends (أن، يوم الاثنين، لموقع …), which words are titles and descriptions rather
 * than a name (الخبير، العقيد، أميركي …), and which heads make a speaker an organization
 * (وكالة، الكرملين، واشنطن …) or anonymous (مسؤول، مصدر …).
 *
 * Arabic has no capital letters, so a proper name is found negatively: a word that is not
 * definite, not a known common word, not a nationality adjective. The lists below are what
 * keeps that guess honest; they hold normalized forms, without the article ال.
 */

function words(...lists: string[]): ReadonlySet<string> {
  return new Set(
    lists
      .join(' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => normalizeArabic(w)),
  );
}

/** «أن» and its forms: a subject never runs past one. */
export const COMPLEMENTIZERS = words(
  'أن إن أنه إنه أنها إنها أنهم إنهم أنهما بأن بأنه بأنها بأنهم فإن لأن وأن وإن ألا بألا وألا لئلا',
  'أني إني بأني وأني أنني إنني بأنني وإنني وأنني أننا إننا بأننا',
);

/** Prepositions: a reporting verb form right after one is a noun («في ذكر اسمه»). */
export const PREPOSITIONS = words('في من إلى على عن مع لدى عند حول ضد منذ بعد قبل خلال عبر بين دون نحو تجاه بشأن');

/** Relative pronouns: «واشنطن التي حذرت» has its subject before the verb. */
export const RELATIVES = words('الذي التي الذين اللذين اللتين اللواتي اللاتي');

/** Discourse particles that open a clause before a preverbal subject («لكن جون إيفيرارد … قال»). */
export const CLAUSE_PARTICLES = words('لكن ولكن بينما فيما كما وكما ثم إذ حيث فقد وقد قد لقد أما وأما بل');

/** Pronoun-carrying particles: «لكنها أشارت» — the subject is a pronoun (the latest speaker). */
export const PRONOUN_PARTICLES = words(
  'لكنها لكنه لكنهم ولكنها ولكنه إنها إنه أنها أنه وهي وهو هي هو هم فإنها فإنه فإنهم',
);

/** Honorific pronouns standing for the speaker: «وأضاف فضيلته»، «وأكد سموه». */
export const HONORIFIC_PRONOUNS = words('فضيلته سموه معاليه سعادته جلالته فخامته سماحته سموها معاليها سعادتها');

/** Time and manner words that end a subject: «قال بوتين اليوم …», «وأضاف زيلينسكي مجددًا». */
export const SUBJECT_ENDERS = words(
  'يوم اليوم أمس الأمس غدا الأسبوع الشهر العام السنة صباح مساء ليلة الاثنين الثلاثاء الأربعاء',
  'الخميس الجمعة السبت الأحد حاليا مؤخرا سابقا لاحقا مجددا أيضا كذلك خلال أمام أثناء عبر حتى',
  'متحدثا متحدثة لم لن لا ما قد كما حيث بينما لكن ولكن إذ الذي التي الذين بالقول قائلا منذ',
  'بعد قبل مع ضد حول عن إلى على فور عقب إثر لدى بقوله بقولها بقولهم',
);

/** Nouns for the occasion of speaking: «في تصريحات»، «في رسالته» end a subject. */
export const SPEECH_EVENTS = words(
  'تصريحات تصريح تصريحه تصريحها تصريحاته تصريحاتها رسالة رسالته رسالتها حديث حديثه حديثها',
  'مقابلة مقابلته كلمة كلمته كلمتها بيان بيانه مؤتمر تغريدة تغريدته منشور لقاء خطاب خطابه',
  'اتصال وقت ختام سياق إطار تعليق تعليقه تعليقها رد رده ردها حوار جلسة اجتماع',
);

/** Titles, functions and person nouns: part of a description, never of a name. */
export const PERSON_TITLES = words(
  'رئيس رئيسة زعيم زعيمة وزير وزيرة متحدث متحدثة ناطق ناطقة خبير خبيرة محلل محللة باحث باحثة',
  'أستاذ أستاذة سفير سفيرة مستشار مستشارة مدير مديرة قائد قائدة نائب نائبة أمين أمينة سكرتير',
  'سكرتيرة مبعوث مبعوثة مندوب مندوبة ممثل ممثلة مراسل مراسلة كاتب كاتبة صحفي صحفية صحافي',
  'صحافية محامي محامية قاضي قاضية ملك ملكة أمير أميرة شيخ سلطان حاكم عاهل ولي عمدة سيناتور',
  'عضو عضوة جنرال عقيد لواء عميد ضابط مقدم رائد نقيب لفتنانت ميجور كولونيل أدميرال مشير',
  'سيد سيدة دكتور دكتورة بروفيسور مهندس مهندسة بابا بطريرك حاخام إمام مفتي مفوض مفوضة منسق',
  'مدرب لاعب طبيب طبيبة أكاديمي مؤرخ مفكر ناشط ناشطة مساعد مساعدة نظير نظيره سمو معالي فخامة',
  'سعادة سماحة جلالة صاحب حضرة حارس مهاجم مدافع نجم نجمة مالك مؤسس محافظ وكيل مشرف آمر',
  'استشاري استشارية أخصائي أخصائية اختصاصي اختصاصية',
);

/** Heads of an unnamed speaker: «مسؤول حكومي»، «مصدر في المخابرات». */
export const ANONYMOUS_HEADS = words(
  'مسؤول مسؤولة مسؤولون مسؤولين مسؤولو مسؤولي مصدر مصادر دبلوماسي دبلوماسيون دبلوماسيين شاهد',
  'شهود مراقب مراقبون مراقبين نواب أعضاء خبراء محللون محللين ضباط جندي جنود مواطن مواطنون آخر ثالث رابع',
  'مواطنين ناشطون ناشطين سكان مقرب مقربون مقربين أطراف طرف جهات جهة قادة زعماء وزراء أحد إحدى',
  'بعض قيادي قيادية قياديون قياديين موظف موظفة موظفون موظفين علماء عالم عالمة مؤلف مؤلفة والد والدة',
  'مصور مشجع مشجعون معلم معلمة رجل رجال امرأة نساء شاب شابة فتاة طفل سائق مقيم مقيمون زائر',
  'أهالي ذوو ذوي مغردون مغردين مغرد ناشطو نشطاء رواد متابعون متابعين',
);

/** Heads that make a phrase plural: «مسؤولون أمريكيون» are answered by «وأضافوا». */
export const PLURAL_HEADS = words(
  'مسؤولون مسؤولين مسؤولو مسؤولي مصادر دبلوماسيون دبلوماسيين شهود مراقبون مراقبين نواب أعضاء',
  'خبراء محللون محللين ضباط جنود مواطنون مواطنين ناشطون ناشطين سكان مقربون مقربين أطراف جهات',
  'قادة زعماء وزراء حكومات سلطات',
);

/** Heads of organizations that speak, bare (without ال): «وكالة …»، «الكرملين». */
export const ORGANIZATION_HEADS = words(
  'وكالة وزارة صحيفة جريدة مجلة قناة شبكة موقع إذاعة تلفزيون جهاز أجهزة حكومة حكومات مكتب',
  'مجلس منظمة هيئة شركة مؤسسة جيش قيادة لجنة بنك حزب حركة جماعة رئاسة سفارة بعثة محكمة',
  'برلمان مركز معهد جامعة اتحاد دائرة إدارة سلطة سلطات شرطة قوات مفوضية نقابة صندوق مصرف قصر',
  'خارجية داخلية كرملين بنتاغون بنتاجون ناتو أمم ولايات بيت إليزيه كونغرس كونجرس دوما غرب',
  'قوة وسائل تنظيم ميليشيا مليشيا مليشيات فصيل ائتلاف تحالف جبهة كتائب مجموعة لجان بيان تقرير',
  'نادي منتخب عائلة أسرة مستشفى حلف',
);

/** Countries, capitals and news outlets: as a subject they are an organization, not a person. */
export const PLACES_AND_OUTLETS = words(
  'واشنطن موسكو كييف بكين طهران لندن باريس برلين سيول طوكيو بيونغيانغ بيونغ بيونج روسيا',
  'أوكرانيا صين أمريكا أميركا إيران إسرائيل تركيا ألمانيا فرنسا بريطانيا كوريا يابان هند',
  'باكستان سعودية مصر قطر إمارات سوريا عراق لبنان أردن كويت يمن ليبيا تونس جزائر مغرب سودان',
  'أنقرة دمشق بغداد قاهرة رياض دوحة بيروت بروكسل أوروبا رويترز بلومبرغ بلومبيرغ أسوشيتد',
  'فرانس سي بي نيويورك تايمز بوست جزيرة سكاي تاس نوفوستي إنترفاكس يونهاب أكسيوس بوليتيكو',
  'يانغ يانج أبيب أبوظبي ابوظبي دبي',
  'غارديان cnn bbc reuters afp ap axios bloomberg',
);

/** A noun right before a quoted span makes the span a name or a title, not a quote:
 * «وكالة "يونهاب"»، «لموقع "سكاي نيوز عربية"»، «كتاب "…"»، «مركز "جيمس مارتن"». */
export const NAMING_NOUNS = words(
  'موقع وكالة صحيفة جريدة مجلة قناة شبكة تلفزيون إذاعة راديو برنامج كتاب رواية فيلم مسلسل',
  'مقال مركز معهد منظمة حزب حركة جماعة تنظيم جبهة شركة مؤسسة مجموعة جمعية جامعة عملية حملة',
  'مبادرة مشروع مؤتمر منتدى مهرجان جائزة صاروخ صواريخ طائرة طائرات منظومة دبابة دبابات سفينة',
  'كوكب مسبار تلسكوب حساب منصة تطبيق وسم هاشتاغ هاشتاج شعار لقب الملقب الملقبة عنوان بعنوان اسم باسم قاعدة مطار',
  'ميناء مستشفى فندق ملعب نادي فريق كتيبة فرقة قوات ميليشيا مليشيا فصيل ائتلاف تحالف قائمة',
  'قانون صفحة مدونة وثيقة كراسة دليل برج مثل مسمى علامة أغنية أغنيته أغنيتها أغاني قصيدة قصيدته نشيد أنشودة ألبوم',
  'مسرحية لوحة معرض هيئة مدينة حي منطقة محافظة قرية شارع',
  'عنوانا يكنى ويكنى المكنى كنيته يلقب ويلقب',
);

/** Second words of fixed organization names: «البيت الأبيض»، «الأمم المتحدة». */
export const ORGANIZATION_TAILS = words('الأبيض المتحدة العام العامة الأعلى العليا العالي');

/** Audiences and outlets after ل: «للتلفزيون»، «لموقع»، «لشبكة» end a subject. */
export const RECIPIENTS = words(
  'تلفزيون صحفيين صحافيين صحافة إعلام وكالة صحيفة موقع قناة شبكة إذاعة مجلة بي سي راديو',
  'cnn bbc',
);

/** Descriptive adjectives that are not nationality adjectives. */
const ADJECTIVES = words(
  'متقاعد متقاعدة سابق سابقة حالي حالية كبير كبيرة كبار رفيع رفيعة بارز بارزة مطلع مطلعة',
  'مشارك مشاركة مختص مختصة متخصص متخصصة أول عام آخر أخرى جديد بالوكالة تنفيذي قريب قريبة',
  'أخير أخيرة جديدة شهير شهيرة معروف معروفة مقيم',
);

/** True for a descriptive adjective («الأخير»، «سابق»), with or without the article. */
export function isAdjective(norm: string): boolean {
  return ADJECTIVES.has(withoutArticle(norm));
}

/** Stems of nationality/relation adjectives (أميركي، حكومي، أوكرانية، أمريكيون …). */
const NISBA_STEMS = words(
  'أمريك أميرك روس أوكران كور شمال جنوب حكوم غرب شرق أوروب صين يابان إسرائيل فلسطين إيران',
  'سعود مصر عرب سور عراق لبنان بريطان فرنس ألمان إيطال هند باكستان أفغان عسكر أمن',
  'دبلوماس رسم دول إقليم محل خليج قطر إمارات كويت يمن ليب تونس جزائر مغرب سودان أردن إسبان',
  'كند أسترال برازيل صحف سياس اقتصاد استخبارات نوو دفاع وطن مركز اتحاد قوم شعب إسلام رئاس',
  'جمهور ديمقراط ليبرال ثور حقوق تجار بحرين عمان موريتان صومال هولند سويد نرويج دنمارك بلجيك',
  'برتغال يونان إثيوب نيجير فنزويل مكسيك أرجنتين كوب أطلس',
);
const NISBA_SUFFIXES = ['يتان', 'يون', 'يين', 'يان', 'يه', 'ي'] as const;

/** Other common words seen inside speaker phrases. */
const MISC = words(
  'باسم شؤون كلية بكلية وهو وهي هو هي هم هذا هذه ذلك تلك جدا ومع مثل أصحاب عدد معظم أغلب جميع كل',
  'صادر صادرة دراسة أو أم إنما كان كانت يكون تكون ليس ليست غير سوى فقط عند حين إذا لو لولا كي',
  'لكي هناك هنا الآن ثمة كثيرا دائما أبدا نعم أي أكثر أقل بدأ يبدو تم يتم عندما كلما لما طالما',
  'تغريدة رسالة نفس ذات فيه فيها منه منها عنه عنها له لها لهم به بها عليه عليها إليه إليها معه',
  'مرارا تكرارا رسميا علنا تحديدا خصوصا أصلا فعلا غالبا عادة تقريبا بدوره بدورها البالغ البالغة',
  'بما لما فيما بهذه بهذا لهذا لهذه لنا لي لك بنا منا عنا إننا أننا وبما هؤلاء أولئك هل',
  'منطقة مدينة محافظة قرية حي شارع إقليم ولاية دولة مملكة جمهورية بلدة ناحية قضاء',
  'لسان شخص عهد',
  'يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر',
);

const DEFINITE = /^(?:وال|فال|بال|كال|لل|ال)/;

/** Strips the article with its clitics: «والخبير» → «خبير»; other words come back as they are. */
export function withoutArticle(norm: string): string {
  const m = DEFINITE.exec(norm);
  return m && norm.length - m[0].length >= 2 ? norm.slice(m[0].length) : norm;
}

/** Abbreviated titles and the word they stand for: «د.» is «الدكتور». */
const ABBREVIATED_TITLES: ReadonlyMap<string, string> = new Map([['د', 'دكتور']]);

/**
 * A word as a title-and-name profile holds it: without its article, an abbreviation spelled
 * out, so «وقال د. النمر» matches «الدكتور خالد النمر».
 */
export function profileWord(norm: string): string {
  const bare = withoutArticle(norm);
  return ABBREVIATED_TITLES.get(bare) ?? bare;
}

/**
 * True when the word, without its article and possibly without a leading و/ف, is in `set`:
 * «والخبير» and «الخبير» are «خبير», while «وكالة» and «واشنطن» keep their و.
 */
export function inLexicon(set: ReadonlySet<string>, norm: string): boolean {
  if (set.has(withoutArticle(norm))) return true;
  return (norm.startsWith('و') || norm.startsWith('ف')) && norm.length > 3 && set.has(withoutArticle(norm.slice(1)));
}

/** True for a definite word: «الرئيس»، «والاستراتيجية»، «للبيت». */
export function isDefinite(norm: string): boolean {
  const article = DEFINITE.exec(norm)?.[0];
  if (!article) return false;
  // «والخبير» is definite; «والتر»، «فالي»، «بالمر» are names that only look like it.
  return norm.length - article.length >= (article.length === 2 ? 2 : 3);
}

/** True for a nationality/relation adjective: «أميركي»، «الحكومية»، «أمريكيون». */
export function isNisba(norm: string): boolean {
  const bare = withoutArticle(norm);
  for (const suffix of NISBA_SUFFIXES) {
    if (bare.endsWith(suffix) && NISBA_STEMS.has(bare.slice(0, -suffix.length))) return true;
  }
  return false;
}

const COMMON: ReadonlySet<string> = new Set([
  ...COMPLEMENTIZERS,
  ...PREPOSITIONS,
  ...RELATIVES,
  ...CLAUSE_PARTICLES,
  ...PRONOUN_PARTICLES,
  ...SUBJECT_ENDERS,
  ...PERSON_TITLES,
  ...ANONYMOUS_HEADS,
  ...ORGANIZATION_HEADS,
  ...ADJECTIVES,
  ...MISC,
]);

/**
 * Could this definite word be an Arab family name following a first name («عادل الجبير»،
 * «ناصر الدوسري»)? Only the bare article (not «بال»، «لل»), and not an adjective or a word
 * the lists know («الروسي»، «الخبير»، «اليوم»).
 */
export function isFamilyName(norm: string): boolean {
  if (!norm.startsWith('ال') || norm.length < 5 || DEFINITE.exec(norm)?.[0] !== 'ال') return false;
  const bare = norm.slice(2);
  // «سامي العلي»: the preposition «على» folds to «علي» but never takes the article, so «العلي» is a name.
  const common = COMMON.has(bare) && !PREPOSITIONS_WITH_NAME_FORM.has(bare);
  // «أبلغ رودجرز الصحافيين»: an audience after a name is whom he spoke to, never his family name.
  if (RECIPIENTS.has(bare)) return false;
  return !common && !COMMON.has(norm) && !isNisba(norm) && !ADJECTIVES.has(bare) && !/ات$/.test(bare);
}

/** Definite words in ي that are participles, not family names: «المدعي العام»، «المعني». */
const PARTICIPLES_IN_Y = words('المدعي المعني المنهي المتلقي المشتري المرتدي');

/**
 * Could this lone definite word be a family name the article never gives in full («وقال
 * المطيري إن»)? Only the commonest shape of one, the nisba in ي of four letters or more
 * («الزهراني»، «الحربي»), not a nationality («الكرواتي» aside, the lists know them), not an
 * agent noun of the فاعل shape («الراوي»، «الجاني»، «الثاني»), not a participle in ي.
 */
export function isLoneFamilyName(norm: string): boolean {
  if (!isFamilyName(norm) || !norm.endsWith('ي') || norm.length < 6) return false;
  return !/^ال[^ا]ا[^ا]ي$/.test(norm) && !PARTICIPLES_IN_Y.has(norm);
}

/** Prepositions whose normalized form is also a name («على»/«علي»): with the article they are a family name. */
const PREPOSITIONS_WITH_NAME_FORM = words('علي');

/** Name words after which a definite word belongs to the name: «عبد الله»، «أبو الغيط»، «آل سعود». */
export const COMPOUND_NAME_HEADS = words('عبد أبو أبي ابن بن بنت آل أم ذو ولد');

/** True for a word the lists know as a common word (after removing a leading و). */
export function isCommonWord(norm: string): boolean {
  if (COMMON.has(norm)) return true;
  return (norm.startsWith('و') || norm.startsWith('ف')) && norm.length >= 3 && COMMON.has(norm.slice(1));
}

/**
 * Could this word be part of a person's name? Not definite, not a common word, not an
 * adjective, no digits, no attached pronoun («وحلفاؤهم»، «أبرزها»). Latin words can.
 */
/** «تعبير»، «تعليق»، «تمديد»: the verbal noun of a form II verb (تفعيل), never a name. */
export function isFormTwoVerbalNoun(norm: string): boolean {
  return /^ت[^اوي]{2}ي[^اوي]$/.test(norm);
}

export function isNameWord(norm: string): boolean {
  if (norm.length < 2 || /\d/.test(norm)) return false;
  if (/^[a-z][a-z'’.-]*$/.test(norm)) return !COMMON.has(norm);
  if (!isArabicWord(norm)) return false;
  if (isDefinite(norm) || isCommonWord(norm) || isNisba(norm)) return false;
  if (RELIGIOUS.has(norm) || MANNER_ADVERBS.has(norm)) return false;
  if (/^[بلك]/.test(norm) && norm.length > 4 && COMMON.has(norm.slice(1))) return false; // «بشرطة»، «لمركز»
  if (/(?:هم|هن|كم|هما|ها)$/.test(norm) && norm.length >= 5) return false;
  if (/^[بلك].{2,}(?:ته|تها|تهم)$/.test(norm) || /ات(?:ه|ها|هم)$/.test(norm)) return false; // «بعلاقته»، «صلاحياته»
  if (/^و.{3,}ه$/.test(norm) && !/(?:الله|اه)$/.test(norm)) return false; // «ومقره»: و + a noun with its pronoun
  // «إعطاء»، «إجراء»، «احتياج»، «استقبال»: verbal nouns of the derived verb forms.
  if (/^ا[^ا]{2}اء$/.test(norm) || /^ا[^ا]ت[^ا]ا[^ا]$/.test(norm) || /^است[^ا]{2}ا[^ا]$/.test(norm)) return false;
  // «تعبير»، «تعليق»، «تصريح»: verbal nouns of form II («على حد تعبير بيكر»); «يكذبون»: a verb.
  if (isFormTwoVerbalNoun(norm) || /^[يت][^اوي]{3}ون$/.test(norm)) return false;
  const bare = norm.startsWith('و') ? norm.slice(1) : norm;
  return !ADJECTIVES.has(bare) && !isNisba(bare);
}
