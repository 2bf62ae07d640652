import { COMMAND_SPECS, type CommandSpec, MAX_ARGUMENT_CHARS } from '../commands/command-specs.js';
import { t } from '../commands/messages.js';
import type { Locale, Reply } from '../commands/reply.js';
import type { ArticleIndex } from '../ports/article-index.js';
import type { Platform } from '../ports/chat-delivery.js';
import { buildDigest, digestItems } from '../services/build-digest.js';
import type { Clock } from '../schedule/clock.js';
import { type CronSpec, nextSlot, parseCron } from '../schedule/cron.js';
import { formatZoned } from '../schedule/time-zone.js';
import { digestReplyItems, DIGEST_MAX_ITEMS, WELCOME_ARTICLES } from './build-subscription-digest.js';
import { describeSchedule } from './describe-schedule.js';
import { createTopicFilter } from './topic-filter.js';
import { parseSubscribeArgs, type SubscribeProblem } from './parse-subscribe-args.js';
import type { DeliveryRecord, Subscription, SubscriptionStore } from '../ports/subscription-store.js';

/** Who asks, and where: what the subscription commands need from an adapter. */
export interface SubscriptionContext {
  readonly locale: Locale;
  readonly platform: Platform;
  readonly chatId: string;
  readonly userId: string;
  /** A group, channel or guild, where only admins may change subscriptions. */
  readonly isGroup: boolean;
  /** Adapters compute this (Telegram getChatMember status creator/administrator; Discord Manage Server/Channel). */
  readonly canManage: boolean;
}

export type SubscriptionCommandName = 'subscribe' | 'unsubscribe' | 'subscriptions' | 'digest';

export const SUBSCRIPTION_COMMAND_NAMES: readonly SubscriptionCommandName[] = [
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'digest',
];

/** Menu entries for the commands this module serves (they live with the others in COMMAND_SPECS). */
export const SUBSCRIPTION_COMMAND_SPECS: readonly CommandSpec[] = COMMAND_SPECS.filter(
  (c) => c.name === 'subscribe' || c.name === 'unsubscribe' || c.name === 'subscriptions',
);

export interface SubscriptionCommandDeps {
  readonly store: SubscriptionStore;
  readonly index: ArticleIndex;
  readonly clock: Clock;
  /** IANA zone for subscriptions that name none (NASHRA_TIMEZONE). */
  readonly defaultTimezone: string;
  /** Called after a subscription is created, changed or cancelled: the scheduler's `refresh`. */
  readonly onChange?: () => void;
}

export interface SubscriptionCommands {
  /** Runs a subscription command; bad input gets a helpful reply, never a throw. */
  run(ctx: SubscriptionContext, name: SubscriptionCommandName, arg: string): Promise<Reply>;
}

/** The subscription's topics as a line, or nothing when it takes every story. */
function topicsLine(sub: Subscription, locale: Locale): string[] {
  return sub.topics.length > 0 ? [t(locale, 'subscriptionTopics')(sub.topics.join(locale === 'ar' ? '، ' : ', '))] : [];
}

/** The spec of a stored subscription (stored canonical, so this only fails on a hand-edited row). */
export function subscriptionSpec(sub: Subscription): CronSpec | null {
  const r = parseCron(sub.schedule);
  return r.ok ? r.spec : null;
}

/**
 * `subscribe`, `unsubscribe`, `subscriptions` and `digest`, platform-neutral.
 * - `subscribe <schedule> [zone] [quiet|note]` creates or replaces the chat's one
 *   subscription; in a group only admins may (so `unsubscribe`). Re-subscribing changes
 *   the schedule, keeps the chat's time zone unless a new one is named, and keeps what
 *   the chat has received.
 * - `subscriptions` says what this chat gets and when next, in its time zone; anyone may ask.
 * - `digest` shows what the chat's next digest would carry, now, and marks nothing as
 *   delivered: the scheduled post still carries those articles, so one member's preview
 *   does not empty the group's digest. Without a subscription it shows the newest articles.
 */
export function createSubscriptionCommands(deps: SubscriptionCommandDeps): SubscriptionCommands {
  const { store, index, clock, defaultTimezone } = deps;

  const notice = (locale: Locale, text: string[]): Reply => ({ locale, notice: true, text });

  function usage(locale: Locale): string[] {
    return [
      t(locale, 'subscribeExamplesIntro'),
      ...t(locale, 'subscribeExamples'),
      t(locale, 'subscribeZoneHint')(defaultTimezone),
      t(locale, 'subscribeEmptyHint'),
    ];
  }

  /** `zone`: the one a subscription without a zone would get (the chat's, else the default). */
  function problemReply(locale: Locale, problem: SubscribeProblem, zone: string): Reply {
    switch (problem.kind) {
      case 'usage':
        return notice(locale, usage(locale));
      case 'zone': {
        const lines = [t(locale, 'zoneUnknown')(problem.input)];
        if (problem.suggestions.length > 0)
          lines.push(t(locale, 'zoneDidYouMean')(problem.suggestions.join(locale === 'ar' ? '، ' : ', ')));
        if (problem.schedule !== undefined)
          lines.push(t(locale, 'zoneLeaveOut')(`/subscribe ${problem.schedule}`, zone));
        return notice(locale, lines);
      }
      case 'schedule': {
        const p = problem.problem;
        const why = (() => {
          switch (p.kind) {
            case 'time':
              return t(locale, 'scheduleBadTime')(p.value);
            case 'tooOften':
              return t(locale, 'scheduleTooOften');
            case 'bothDays':
              return t(locale, 'scheduleBothDays');
            case 'never':
              return t(locale, 'scheduleNever');
            case 'fieldCount':
              return t(locale, 'cronFieldCount');
            case 'unsupported':
              return t(locale, 'cronUnsupported')(p.value);
            case 'field':
              return t(locale, 'cronBadField')(t(locale, 'cronFieldNames')[p.field], p.value, p.min, p.max);
            case 'syntax':
              return null;
          }
        })();
        const head = t(locale, 'scheduleUnreadable')(problem.input);
        return notice(locale, why ? [head, why, ...usage(locale)] : [head, ...usage(locale)]);
      }
    }
  }

  function nextLine(sub: Subscription, locale: Locale): string | null {
    const spec = subscriptionSpec(sub);
    const next = spec ? nextSlot(spec, sub.timezone, clock.now()) : null;
    return next ? formatZoned(next, sub.timezone, locale) : null;
  }

  function lastLine(record: DeliveryRecord | null, sub: Subscription, locale: Locale): string | null {
    if (!record) return null;
    const when = formatZoned(new Date(record.slot), sub.timezone, locale);
    switch (record.status) {
      case 'sent':
        return t(locale, 'subscriptionLastSent')(when, record.items);
      case 'skipped':
        return t(locale, 'subscriptionLastSkipped')(when);
      case 'claimed':
        return t(locale, 'subscriptionLastClaimed')(when);
      case 'failed':
      case 'gone':
        return t(locale, 'subscriptionLastFailed')(when);
    }
  }

  function describe(sub: Subscription, locale: Locale): string {
    const spec = subscriptionSpec(sub);
    return spec ? describeSchedule(spec, locale) : sub.schedule;
  }

  async function subscribe(ctx: SubscriptionContext, arg: string): Promise<Reply> {
    const { locale } = ctx;
    if (ctx.isGroup && !ctx.canManage) return notice(locale, [t(locale, 'subscribeAdminsOnly')]);
    // Re-subscribing changes the schedule; the chat's time zone stays unless a new one is given.
    const current = await store.byChat(ctx.platform, ctx.chatId);
    const zone = current && current.status !== 'cancelled' ? current.timezone : defaultTimezone;
    const parsed = parseSubscribeArgs(arg, zone);
    if (!parsed.ok) return problemReply(locale, parsed.problem, zone);
    const { subscription: sub, created } = await store.subscribe(
      {
        platform: ctx.platform,
        chatId: ctx.chatId,
        schedule: parsed.spec.expression,
        timezone: parsed.zone,
        locale,
        whenEmpty: parsed.whenEmpty,
        userId: ctx.userId,
        topics: parsed.topics,
      },
      clock.now(),
    );
    deps.onChange?.();
    const next = nextLine(sub, locale);
    return {
      locale,
      title: t(locale, created ? 'subscribedTitle' : 'subscriptionChangedTitle'),
      text: [
        t(locale, 'subscriptionWhen')(describeSchedule(parsed.spec, locale)),
        t(locale, 'subscriptionZone')(sub.timezone),
        ...topicsLine(sub, locale),
        ...(next ? [t(locale, 'subscriptionNext')(next)] : []),
        t(locale, sub.whenEmpty === 'skip' ? 'subscriptionEmptySkip' : 'subscriptionEmptyNote'),
        ...(sub.welcome ? [t(locale, 'subscriptionFirstDigest')] : []),
      ],
    };
  }

  async function unsubscribe(ctx: SubscriptionContext): Promise<Reply> {
    const { locale } = ctx;
    if (ctx.isGroup && !ctx.canManage) return notice(locale, [t(locale, 'subscribeAdminsOnly')]);
    if (!(await store.unsubscribe(ctx.platform, ctx.chatId, clock.now())))
      return { locale, text: [t(locale, 'notSubscribed')] };
    deps.onChange?.();
    return { locale, text: [t(locale, 'unsubscribed')] };
  }

  async function subscriptions(ctx: SubscriptionContext): Promise<Reply> {
    const { locale } = ctx;
    const sub = await store.byChat(ctx.platform, ctx.chatId);
    if (!sub || sub.status === 'cancelled') return { locale, text: [t(locale, 'notSubscribed')] };
    const next = sub.status === 'active' ? nextLine(sub, locale) : null;
    const last = lastLine(await store.lastDelivery(sub.id), sub, locale);
    return {
      locale,
      title: t(locale, 'subscriptionsTitle'),
      text: [
        t(locale, 'subscriptionWhen')(describe(sub, locale)),
        t(locale, 'subscriptionZone')(sub.timezone),
        ...topicsLine(sub, locale),
        ...(sub.status === 'disabled'
          ? [t(locale, 'subscriptionPaused')]
          : next
            ? [t(locale, 'subscriptionNext')(next)]
            : []),
        ...(last ? [last] : []),
        t(locale, sub.whenEmpty === 'skip' ? 'subscriptionEmptySkip' : 'subscriptionEmptyNote'),
      ],
    };
  }

  async function digest(ctx: SubscriptionContext): Promise<Reply> {
    const { locale } = ctx;
    const sub = await store.byChat(ctx.platform, ctx.chatId);
    if (sub?.status !== 'active') {
      const items = await buildDigest(index, { since: null, limit: DIGEST_MAX_ITEMS });
      if (items.length === 0) return { locale, text: [t(locale, 'corpusEmpty')] };
      return {
        locale,
        title: t(locale, 'digestTitle'),
        items: digestReplyItems(locale, items),
        footer: t(locale, 'digestSubscribeHint'),
      };
    }
    const next = nextLine(sub, locale) ?? sub.schedule;
    const wanted = await createTopicFilter(index, sub.topics);
    const pending = await store.pending(sub, {
      limit: DIGEST_MAX_ITEMS,
      welcome: WELCOME_ARTICLES,
      ...(wanted ? { wanted } : {}),
    });
    if (pending.articles.length === 0) return { locale, text: [t(locale, 'digestNothingPending')(next)] };
    const more = pending.moreStories;
    return {
      locale,
      title: t(locale, 'digestPreviewTitle'),
      items: digestReplyItems(locale, await digestItems(index, pending.articles)),
      footer: [...(more > 0 ? [t(locale, 'digestMore')(more)] : []), t(locale, 'digestPreviewFooter')(next)].join('\n'),
    };
  }

  return {
    async run(ctx, rawName, rawArg) {
      const name = rawName.toLowerCase() as SubscriptionCommandName;
      const arg = rawArg.trim().slice(0, MAX_ARGUMENT_CHARS);
      switch (name) {
        case 'subscribe':
          return subscribe(ctx, arg);
        case 'unsubscribe':
          return unsubscribe(ctx);
        case 'subscriptions':
          return subscriptions(ctx);
        case 'digest':
          return digest(ctx);
        default:
          return notice(ctx.locale, [t(ctx.locale, 'unknownCommand')]);
      }
    },
  };
}
