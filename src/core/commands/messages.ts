import { countPhrase } from './count-phrase.js';
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
  helpSearch: {
    ar: 'بحث عن موضوع، مثل: /search كوريا الشمالية',
    en: 'search a topic, e.g. /search North Korea → /search كوريا الشمالية',
  },
  helpSummary: {
    ar: 'ملخص مقال برقمه أو بموضوعه: /summary قمة بريكس',
    en: 'summary of an article, by id or topic: /summary قمة بريكس',
  },
  helpQuotes: { ar: 'ما قاله شخص: /quotes بوتين', en: 'what a person said: /quotes Putin' },
  helpPeople: { ar: 'الأشخاص الأكثر اقتباسا', en: 'the most quoted people' },
  helpLatest: { ar: 'أحدث المقالات', en: 'the newest articles' },
  helpDigest: {
    ar: 'نشرة الآن: أحدث المقالات بملخص واقتباس',
    en: 'a digest now: the newest articles with a summary and a quote',
  },
  helpHelp: { ar: 'هذه الرسالة', en: 'this message' },

  usageSearch: {
    ar: 'اكتب موضوعا بعد الأمر، مثل: /search كوريا الشمالية',
    en: 'Add a topic after the command, e.g. /search كوريا الشمالية',
  },
  usageSummary: {
    ar: 'اكتب رقم المقال أو موضوعه، مثل: /summary قمة بريكس',
    en: 'Add an article id or a topic, e.g. /summary قمة بريكس',
  },
  usageQuotes: { ar: 'اكتب اسم الشخص، مثل: /quotes بوتين', en: 'Add a person’s name, e.g. /quotes Putin' },
  unknownCommand: {
    ar: 'لا أعرف هذا الأمر. اكتب /help لقائمة الأوامر.',
    en: 'I don’t know that command. Send /help for the list.',
  },

  searchTitle: { ar: (q: string) => `نتائج البحث عن: ${q}`, en: (q: string) => `Results for: ${q}` },
  searchNone: {
    ar: (q: string) => `لا توجد مقالات عن «${q}». جرّب كلمة أخرى أو تهجئة مختلفة.`,
    en: (q: string) => `No articles about “${q}”. Try another word or spelling.`,
  },
  searchNothingToSearch: {
    ar: 'لا أجد في طلبك كلمة أبحث عنها. اكتب موضوعا بالكلمات، مثل: كوريا الشمالية',
    en: 'There is no word in that to search for. Type a topic in words, e.g. كوريا الشمالية',
  },
  summaryTopicTitle: { ar: (q: string) => `ملخص عن: ${q}`, en: (q: string) => `Summary about: ${q}` },
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
  storySources: {
    ar: (n: number) => countPhrase('ar', n, 'source'),
    en: (n: number) => countPhrase('en', n, 'source'),
  },
  quoteCount: { ar: (n: number) => countPhrase('ar', n, 'quote'), en: (n: number) => countPhrase('en', n, 'quote') },
  organization: { ar: 'جهة', en: 'organization' },
  pagePrevious: { ar: 'السابق', en: 'Previous' },
  pageNext: { ar: 'التالي', en: 'Next' },
  unnamedSource: { ar: 'مصدر لم يُسمَّ', en: 'unnamed source' },
  latestTitle: { ar: 'أحدث المقالات', en: 'Latest articles' },
  corpusEmpty: { ar: 'لا توجد مقالات بعد.', en: 'There are no articles yet.' },
  digestTitle: { ar: 'نشرة الأخبار', en: 'News digest' },
  digestNone: { ar: 'لا جديد منذ النشرة السابقة.', en: 'Nothing new since the last digest.' },
  pageFooter: {
    ar: (page: number, pages: number, total: number, atLeast = false) =>
      `صفحة ${page} من ${pages} · ${countPhrase('ar', total, 'result', { atLeast })}`,
    en: (page: number, pages: number, total: number, atLeast = false) =>
      `page ${page} of ${pages} · ${countPhrase('en', total, 'result', { atLeast })}`,
  },
  lastPage: { ar: 'هذه آخر صفحة في القائمة.', en: 'This is the last page of the list.' },
  firstPage: { ar: 'هذه أول صفحة في القائمة.', en: 'This is the first page of the list.' },
  noOpenList: { ar: 'لا توجد قائمة مفتوحة.', en: 'No list is open.' },
  // The console's /lang: a switch is confirmed in the new language, anything else explained in the current one.
  langSwitched: { ar: 'سأجيب بالعربية من الآن.', en: 'I will answer in English from now on.' },
  langUnknown: {
    ar: (asked: string) => `لا أجيب بـ«${asked}». اللغتان المتاحتان: العربية (/lang ar) والإنجليزية (/lang en).`,
    en: (asked: string) => `I can’t answer in “${asked}”. I answer in Arabic (/lang ar) or English (/lang en).`,
  },
  langCurrent: {
    ar: 'أجيب الآن بالعربية. للإنجليزية: /lang en',
    en: 'I am answering in English. For Arabic: /lang ar',
  },
  pageExpired: {
    ar: 'انتهت صلاحية هذه القائمة. أعد إرسال الأمر لعرضها من جديد.',
    en: 'This list has expired. Send the command again to see it.',
  },
  pageNotYours: {
    ar: 'هذه القائمة لمن طلبها. أرسل الأمر بنفسك لتتصفحها.',
    en: 'Only the person who asked can page this list. Send the command yourself.',
  },
  tooFast: {
    ar: 'مهلا، رسائل كثيرة في وقت قصير. حاول بعد لحظات.',
    en: 'Slow down a little: too many messages at once. Try again in a moment.',
  },
  failure: {
    ar: 'عذرا، حدث خطأ أثناء تنفيذ طلبك. حاول مرة أخرى.',
    en: 'Sorry, something went wrong with that request. Please try again.',
  },
  said: { ar: 'قال', en: 'said' },
  subscriptionsNeedChat: {
    ar: 'النشرات المجدولة تعمل في محادثات تيليغرام وقنوات ديسكورد والطرفية.',
    en: 'Scheduled digests work in Telegram chats, Discord channels and the console.',
  },

  // Digest subscriptions (src/core/subscriptions).
  helpSubscribe: {
    ar: 'نشرة تلقائية في موعد تختاره: /subscribe يوميا 08:00',
    en: 'a digest on a schedule: /subscribe daily 08:00',
  },
  helpUnsubscribe: { ar: 'إيقاف النشرة التلقائية', en: 'stop the scheduled digest' },
  helpSubscriptions: { ar: 'موعد النشرة التلقائية في هذه المحادثة', en: 'when this chat gets its digest' },
  subscribeExamplesIntro: { ar: 'اختر موعد النشرة، مثلا:', en: 'Tell me when the digest should come, for example:' },
  subscribeExamples: {
    ar: [
      '/subscribe يوميا 08:00',
      '/subscribe أيام العمل 18:30 Asia/Riyadh',
      '/subscribe كل ساعة',
      '/subscribe الجمعة 09:00 Africa/Cairo',
      '/subscribe 30 7 * * 0-4  (صيغة cron: الدقيقة الساعة يوم_الشهر الشهر يوم_الأسبوع)',
    ],
    en: [
      '/subscribe daily 08:00',
      '/subscribe weekdays 18:30 Europe/Berlin',
      '/subscribe hourly',
      '/subscribe sun-thu 07:00 Asia/Riyadh',
      '/subscribe 30 7 * * 1-5  (cron: minute hour day-of-month month weekday)',
    ],
  },
  subscribeZoneHint: {
    ar: (zone: string) =>
      `أضف المنطقة الزمنية باسمها الدولي (مثل Asia/Riyadh أو Africa/Cairo أو Europe/Berlin)، وإلا فبتوقيت ${zone}.`,
    en: (zone: string) =>
      `Add a time zone by its IANA name (Asia/Riyadh, Africa/Cairo, Europe/Berlin); otherwise ${zone} time.`,
  },
  subscribeEmptyHint: {
    ar: 'إن لم يكن هناك جديد فلا أرسل شيئا؛ أضف «تنبيه» في آخر الأمر لتصلك رسالة قصيرة بذلك.',
    en: 'When nothing is new I post nothing; add “note” at the end to get a short note instead.',
  },
  scheduleUnreadable: {
    ar: (s: string) => `لم أفهم «${s}» موعدا للنشرة.`,
    en: (s: string) => `I can’t read “${s}” as a schedule.`,
  },
  scheduleBadTime: {
    ar: (v: string) => `«${v}» ليس وقتا صالحا: اكتب الساعة من 00:00 إلى 23:59، مثل 08:00 أو 18:30.`,
    en: (v: string) => `“${v}” is not a time of day: use 00:00 to 23:59, e.g. 08:00 or 6:30pm.`,
  },
  scheduleTooOften: {
    ar: 'تأتي النشرة مرة في الساعة على الأكثر: اجعل حقل الدقيقة رقما واحدا، مثل 0 * * * *',
    en: 'A digest comes at most once an hour: make the minute a single number, e.g. 0 * * * *',
  },
  scheduleBothDays: {
    ar: 'في صيغة cron حدّد يوم الشهر أو يوم الأسبوع، لا كليهما.',
    en: 'In a cron expression, restrict the day of the month or the weekday, not both.',
  },
  scheduleNever: {
    ar: 'هذا الموعد لا يأتي أبدا (مثل 31 فبراير).',
    en: 'That schedule never comes round (like 31 February).',
  },
  cronFieldCount: {
    ar: 'صيغة cron خمسة حقول: الدقيقة الساعة يوم_الشهر الشهر يوم_الأسبوع، مثل 0 8 * * *',
    en: 'A cron expression has five fields: minute hour day-of-month month weekday, e.g. 0 8 * * *',
  },
  cronUnsupported: {
    ar: (v: string) => `لا أقبل «${v}» في صيغة cron (لا L ولا W ولا # ولا @reboot ولا حقل للثواني).`,
    en: (v: string) => `“${v}” is not accepted in a cron expression here (no L, W, #, @reboot or seconds field).`,
  },
  cronBadField: {
    ar: (field: string, value: string, min: number, max: number) =>
      `في صيغة cron: ${field} «${value}» غير صالح؛ المسموح من ${min} إلى ${max}.`,
    en: (field: string, value: string, min: number, max: number) =>
      `In the cron expression, the ${field} “${value}” is not valid: use ${min} to ${max}.`,
  },
  cronFieldNames: {
    ar: { minute: 'الدقيقة', hour: 'الساعة', dayOfMonth: 'يوم الشهر', month: 'الشهر', weekday: 'يوم الأسبوع' },
    en: { minute: 'minute', hour: 'hour', dayOfMonth: 'day of month', month: 'month', weekday: 'weekday' },
  },
  zoneUnknown: {
    ar: (z: string) =>
      `لا أعرف المنطقة الزمنية «${z}». اكتبها باسمها الدولي، مثل Asia/Riyadh أو Africa/Cairo أو Europe/Berlin، أو باسم عاصمة عربية مثل الرياض أو القاهرة.`,
    en: (z: string) =>
      `I don’t know the time zone “${z}”. Use its IANA name, e.g. Asia/Riyadh, Africa/Cairo or Europe/Berlin.`,
  },
  zoneLeaveOut: {
    ar: (command: string, zone: string) => `أو اتركها لتكون بتوقيت ${zone}: ${command}`,
    en: (command: string, zone: string) => `Or leave it out for ${zone} time: ${command}`,
  },
  zoneDidYouMean: { ar: (list: string) => `هل تقصد: ${list}؟`, en: (list: string) => `Did you mean: ${list}?` },
  subscribeAdminsOnly: {
    ar: 'في المجموعات والقنوات يغيّر المشرفون وحدهم اشتراك النشرة. يستطيع الجميع معرفة موعدها بالأمر /subscriptions.',
    en: 'In groups and channels only admins can change the digest subscription. Anyone can check it with /subscriptions.',
  },
  subscribedTitle: { ar: 'تم الاشتراك في النشرة', en: 'Subscribed to the digest' },
  subscriptionChangedTitle: { ar: 'تم تعديل اشتراك النشرة', en: 'Digest subscription updated' },
  subscriptionWhen: { ar: (d: string) => `الموعد: ${d}`, en: (d: string) => `When: ${d}` },
  subscriptionZone: { ar: (z: string) => `المنطقة الزمنية: ${z}`, en: (z: string) => `Time zone: ${z}` },
  subscriptionNext: { ar: (w: string) => `النشرة التالية: ${w}`, en: (w: string) => `Next digest: ${w}` },
  subscriptionEmptySkip: { ar: 'إن لم يكن هناك جديد: لا أرسل شيئا.', en: 'When nothing is new: no post.' },
  subscriptionEmptyNote: {
    ar: 'إن لم يكن هناك جديد: رسالة قصيرة بذلك.',
    en: 'When nothing is new: a short note saying so.',
  },
  subscriptionFirstDigest: {
    ar: 'تحمل النشرة الأولى أحدث المقالات، ثم تحمل كل نشرة ما أُضيف بعد سابقتها فقط.',
    en: 'The first digest brings the newest articles; after that, each brings only what was added since.',
  },
  unsubscribed: { ar: 'أُلغي اشتراك هذه المحادثة في النشرة.', en: 'This chat is unsubscribed from the digest.' },
  notSubscribed: {
    ar: 'لا اشتراك في النشرة لهذه المحادثة. للاشتراك: /subscribe يوميا 08:00',
    en: 'This chat has no digest subscription. To subscribe: /subscribe daily 08:00',
  },
  subscriptionsTitle: { ar: 'نشرة هذه المحادثة', en: 'This chat’s digest' },
  subscriptionLastSent: {
    ar: (w: string, n: number) => `آخر نشرة: ${w} (${countPhrase('ar', n, 'article')})`,
    en: (w: string, n: number) => `Last digest: ${w} (${countPhrase('en', n, 'article')})`,
  },
  subscriptionLastSkipped: {
    ar: (w: string) => `آخر موعد: ${w} (لا جديد، فلم أرسل شيئا)`,
    en: (w: string) => `Last slot: ${w} (nothing new, no post)`,
  },
  subscriptionLastFailed: {
    ar: (w: string) => `آخر موعد: ${w} (تعذّر الإرسال)`,
    en: (w: string) => `Last slot: ${w} (could not post)`,
  },
  subscriptionLastClaimed: {
    ar: (w: string) => `آخر موعد: ${w} (قيد الإرسال أو انقطع)`,
    en: (w: string) => `Last slot: ${w} (being sent, or interrupted)`,
  },
  subscriptionPaused: {
    ar: 'متوقفة: تعذّر النشر هنا (أُزيل البوت أو حُظر). أرسل /subscribe من جديد لاستئنافها.',
    en: 'Paused: I could not post here (removed or blocked). Send /subscribe again to resume.',
  },
  subscriptionTopics: {
    ar: (list: string) => `المواضيع: ${list} (الأخبار التي تتناول أيًّا منها فقط)`,
    en: (list: string) => `Topics: ${list} (only stories about any of them)`,
  },
  digestTitleOn: { ar: (d: string) => `نشرة الأخبار · ${d}`, en: (d: string) => `News digest · ${d}` },
  digestMore: {
    ar: (n: number) => `وأخبار جديدة أخرى: ${n}. اكتب /latest لأحدث المقالات.`,
    en: (n: number) => `…and ${n} more new ${n === 1 ? 'story' : 'stories'}: send /latest to see the newest.`,
  },
  moreNotShown: {
    ar: (n: number) => `و${n} غيرها لم تتسع لها الرسالة`,
    en: (n: number) => `${n} more not shown: the reply would be too long`,
  },
  digestPreviewTitle: { ar: 'النشرة القادمة (معاينة)', en: 'Your next digest (preview)' },
  digestPreviewFooter: {
    ar: (w: string) => `موعدها: ${w}. المعاينة لا تُحسب إرسالا، فستصل هذه المقالات في موعدها.`,
    en: (w: string) => `Due ${w}. This preview doesn’t count as sent: these articles still come then.`,
  },
  digestNothingPending: {
    ar: (w: string) => `لا جديد منذ النشرة السابقة. النشرة التالية: ${w}`,
    en: (w: string) => `Nothing new since the last digest. Next digest: ${w}`,
  },
  digestSubscribeHint: {
    ar: 'لتصلك النشرة تلقائيا: /subscribe يوميا 08:00',
    en: 'To get this on a schedule: /subscribe daily 08:00',
  },
  scheduleHourly: {
    ar: (mm: string) => (mm === '00' ? 'كل ساعة' : `كل ساعة عند الدقيقة ${mm}`),
    en: (mm: string) => (mm === '00' ? 'every hour, on the hour' : `every hour at :${mm}`),
  },
  scheduleDaily: { ar: (time: string) => `يوميا الساعة ${time}`, en: (time: string) => `daily at ${time}` },
  scheduleOnDays: {
    ar: (days: string, time: string) => `${days} الساعة ${time}`,
    en: (days: string, time: string) => `${days} at ${time}`,
  },
  scheduleOneDay: { ar: (day: string) => `يوم ${day}`, en: (day: string) => `every ${day}` },
  scheduleSomeDays: { ar: (days: string) => `أيام ${days}`, en: (days: string) => days },
  scheduleDayRange: { ar: (a: string, b: string) => `من ${a} إلى ${b}`, en: (a: string, b: string) => `${a} to ${b}` },
  scheduleCron: { ar: (expr: string) => `حسب صيغة cron: ${expr}`, en: (expr: string) => `cron: ${expr}` },
  weekdayNames: {
    ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
    en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
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
