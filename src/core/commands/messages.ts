import type { Locale } from './reply.js';

/**
 * Every user-facing string, in Arabic and English. Kept in one table so a missing
 * translation is a type error, not a surprise in a chat.
 */
const MESSAGES = {
  helpTitle: { ar: 'نشرة: أخبار عربية تبحث فيها وتلخّصها', en: 'nashra: Arabic news you can search and summarize' },
  helpIntro: {
    ar: 'أبحث في الأرشيف، وألخّص المقالات، وأجمع ما قاله كل شخص.',
    en: 'I search the archive, summarize articles, and gather what each person said.',
  },
  helpSearch: { ar: 'بحث عن موضوع، مثل: /search كوريا الشمالية', en: 'search a topic, e.g. /search North Korea → /search كوريا الشمالية' },
  helpSummary: { ar: 'ملخص مقال برقمه أو بموضوعه: /summary قمة بريكس', en: 'summary of an article, by id or topic: /summary قمة بريكس' },
  helpQuotes: { ar: 'ما قاله شخص: /quotes بوتين', en: 'what a person said: /quotes Putin' },
  helpPeople: { ar: 'الأشخاص الأكثر اقتباسا', en: 'the most quoted people' },
  helpLatest: { ar: 'أحدث المقالات', en: 'the newest articles' },
  helpDigest: { ar: 'نشرة الآن: أحدث المقالات بملخص واقتباس', en: 'a digest now: the newest articles with a summary and a quote' },
  helpHelp: { ar: 'هذه الرسالة', en: 'this message' },

  usageSearch: { ar: 'اكتب موضوعا بعد الأمر، مثل: /search كوريا الشمالية', en: 'Add a topic after the command, e.g. /search كوريا الشمالية' },
  usageSummary: { ar: 'اكتب رقم المقال أو موضوعه، مثل: /summary قمة بريكس', en: 'Add an article id or a topic, e.g. /summary قمة بريكس' },
  usageQuotes: { ar: 'اكتب اسم الشخص، مثل: /quotes بوتين', en: 'Add a person’s name, e.g. /quotes Putin' },
  unknownCommand: { ar: 'لا أعرف هذا الأمر. اكتب /help لقائمة الأوامر.', en: 'I don’t know that command. Send /help for the list.' },

  searchTitle: { ar: (q: string) => `نتائج البحث عن: ${q}`, en: (q: string) => `Results for: ${q}` },
  searchNone: {
    ar: (q: string) => `لا توجد مقالات عن «${q}». جرّب كلمة أخرى أو تهجئة مختلفة.`,
    en: (q: string) => `No articles about “${q}”. Try another word or spelling.`,
  },
  searchNothingToSearch: {
    ar: 'لا أجد في طلبك كلمة أبحث عنها. اكتب موضوعا بالكلمات، مثل: كوريا الشمالية',
    en: 'There is no word in that to search for. Type a topic in words, e.g. كوريا الشمالية',
  },
  summaryNone: { ar: (q: string) => `لم أجد مقالا يطابق «${q}».`, en: (q: string) => `No article matches “${q}”.` },
  quotesTitle: { ar: (name: string) => `أقوال ${name}`, en: (name: string) => `Quotes by ${name}` },
  quotesNoPerson: {
    ar: (q: string) => `لا أعرف أحدا باسم «${q}» في الأخبار. اكتب /people لقائمة الأشخاص.`,
    en: (q: string) => `Nobody called “${q}” is quoted in the news. Send /people for the list.`,
  },
  quotesNone: { ar: (name: string) => `لم أجد اقتباسات لـ${name}.`, en: (name: string) => `No quotes by ${name} yet.` },
  alsoKnownAs: { ar: (names: string) => `ويُكتب أيضا: ${names}`, en: (names: string) => `Also written: ${names}` },
  peopleTitle: { ar: 'الأشخاص الأكثر اقتباسا', en: 'Most quoted people' },
  peopleNone: { ar: 'لا يوجد أشخاص مقتبسون بعد.', en: 'Nobody is quoted yet.' },
  quoteCount: { ar: (n: number) => `${n} اقتباس`, en: (n: number) => (n === 1 ? '1 quote' : `${n} quotes`) },
  organization: { ar: 'جهة', en: 'organization' },
  latestTitle: { ar: 'أحدث المقالات', en: 'Latest articles' },
  corpusEmpty: { ar: 'لا توجد مقالات بعد.', en: 'There are no articles yet.' },
  digestTitle: { ar: 'نشرة الأخبار', en: 'News digest' },
  digestNone: { ar: 'لا جديد منذ النشرة السابقة.', en: 'Nothing new since the last digest.' },
  pageFooter: {
    ar: (page: number, pages: number, total: string) => `صفحة ${page} من ${pages} · ${total} نتيجة`,
    en: (page: number, pages: number, total: string) => `page ${page} of ${pages} · ${total} results`,
  },
  pageExpired: {
    ar: 'انتهت صلاحية هذه القائمة. أعد إرسال الأمر لعرضها من جديد.',
    en: 'This list has expired. Send the command again to see it.',
  },
  pageNotYours: { ar: 'هذه القائمة لمن طلبها. أرسل الأمر بنفسك لتتصفحها.', en: 'Only the person who asked can page this list. Send the command yourself.' },
  tooFast: { ar: 'مهلا، رسائل كثيرة في وقت قصير. حاول بعد لحظات.', en: 'Slow down a little: too many messages at once. Try again in a moment.' },
  failure: { ar: 'عذرا، حدث خطأ أثناء تنفيذ طلبك. حاول مرة أخرى.', en: 'Sorry, something went wrong with that request. Please try again.' },
  said: { ar: 'قال', en: 'said' },
} as const;

type Table = typeof MESSAGES;
/** The id of a user-facing message. */
export type MessageId = keyof Table;

/** The message `id` in `locale`: a string, or a function for messages with values. */
export function t<K extends MessageId>(locale: Locale, id: K): Table[K][Locale] {
  return MESSAGES[id][locale] as Table[K][Locale];
}

/** Picks the reply language from a platform locale tag (`en-US`, `ar`, undefined → Arabic). */
export function localeFrom(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'ar';
}
