import type { Locale } from './reply.js';

/** A chat command as platforms register it (Telegram menu, Discord slash command). */
export interface CommandSpec {
  readonly name: CommandName;
  readonly description: Readonly<Record<Locale, string>>;
  /** The one free-text argument, when the command takes one. */
  readonly argument?: {
    readonly name: string;
    readonly description: Readonly<Record<Locale, string>>;
    readonly required: boolean;
    /** Offer completions while typing (Discord autocomplete). */
    readonly autocomplete?: boolean;
  };
  /**
   * Changes what a group gets: only its admins may run it there (Discord also hides it
   * from members without Manage Channels through `default_member_permissions`).
   */
  readonly adminOnly?: boolean;
}

/**
 * Longest argument a command reads; the rest of a pasted wall of text is ignored. Discord
 * also caps the option's length with it, so a user cannot type more than is read.
 */
export const MAX_ARGUMENT_CHARS = 500;

/** Every command name, shared by all surfaces. */
export type CommandName =
  | 'start'
  | 'help'
  | 'search'
  | 'summary'
  | 'quotes'
  | 'people'
  | 'latest'
  | 'digest'
  | 'subscribe'
  | 'unsubscribe'
  | 'subscriptions';

/** The commands in menu order. `start` is Telegram's greeting and is not listed in menus. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'search',
    description: { ar: 'البحث في الأخبار عن موضوع', en: 'Search the news for a topic' },
    argument: { name: 'topic', description: { ar: 'الموضوع', en: 'The topic' }, required: true },
  },
  {
    name: 'summary',
    description: { ar: 'ملخص مقال برقمه أو بموضوعه', en: 'Summarize an article, by id or topic' },
    argument: {
      name: 'article-or-topic',
      description: { ar: 'رقم المقال أو موضوعه', en: 'Article id or topic' },
      required: true,
    },
  },
  {
    name: 'quotes',
    description: { ar: 'ما قاله شخص في الأخبار', en: 'What a person said in the news' },
    argument: {
      name: 'person',
      description: { ar: 'اسم الشخص', en: 'The person’s name' },
      required: true,
      autocomplete: true,
    },
  },
  { name: 'people', description: { ar: 'الأشخاص الأكثر اقتباسا', en: 'The most quoted people' } },
  { name: 'latest', description: { ar: 'أحدث المقالات', en: 'The newest articles' } },
  { name: 'digest', description: { ar: 'نشرة بأحدث الأخبار الآن', en: 'A digest of the newest articles, now' } },
  {
    name: 'subscribe',
    description: { ar: 'نشرة تلقائية في موعد تختاره', en: 'Get a digest on a schedule' },
    argument: {
      name: 'schedule',
      description: {
        ar: 'الموعد والمنطقة الزمنية، مثل: يوميا 08:00 Asia/Riyadh',
        en: 'When, and the time zone, e.g. daily 08:00 Europe/Berlin',
      },
      required: true,
    },
    adminOnly: true,
  },
  {
    name: 'unsubscribe',
    description: { ar: 'إيقاف النشرة التلقائية', en: 'Stop the scheduled digest' },
    adminOnly: true,
  },
  { name: 'subscriptions', description: { ar: 'موعد النشرة في هذه المحادثة', en: 'When this chat gets its digest' } },
  { name: 'help', description: { ar: 'كيف تستخدم نشرة', en: 'How to use nashra' } },
];

const NAMES = new Set<string>(['start', ...COMMAND_SPECS.map((c) => c.name)]);

/** True when `name` is a command nashra knows. */
export function isCommandName(name: string): name is CommandName {
  return NAMES.has(name);
}
