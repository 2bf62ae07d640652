import { isUsageError } from '../errors/nashra-error.js';
import type { ArticleIndex } from '../ports/article-index.js';
import { buildDigest } from '../services/build-digest.js';
import { summarize } from '../services/summarize.js';
import { boundReply } from './bound-reply.js';
import { type CommandName, isCommandName, MAX_ARGUMENT_CHARS } from './command-specs.js';
import { listPage } from './list-pages.js';
import { t } from './messages.js';
import type { PageState, PageStore } from '../ports/page-store.js';
import type { Locale, Reply } from './reply.js';
import type { ChatContext } from '../ports/chat-context.js';
import type { SubscriptionCommands } from '../subscriptions/create-subscription-commands.js';

/** Who is asking, and where: enough to answer in their language and own their pagers. */
export interface CommandContext {
  readonly locale: Locale;
  readonly userId: string;
  /** Absent where there is no chat (tests, tools): subscription commands then explain they need one. */
  readonly chat?: ChatContext;
}

export interface CommandHandlerDeps {
  readonly index: ArticleIndex;
  readonly pages: PageStore;
  /** Scheduled digests; without it `digest` shows the newest articles and subscribing is unavailable. */
  readonly subscriptions?: SubscriptionCommands;
}

/** Runs chat commands and pager presses; the same object serves every platform. */
export interface CommandHandler {
  /** Runs `/name arg`. Unknown names and missing arguments get a helpful reply, never a throw. */
  run(ctx: CommandContext, name: string, arg: string): Promise<Reply>;
  /** Shows page `page` of the list behind `token`, or says it expired / is someone else's. */
  page(ctx: CommandContext, token: string, page: number): Promise<Reply>;
}

const USAGE: Partial<Record<CommandName, 'usageSearch' | 'usageSummary' | 'usageQuotes'>> = {
  search: 'usageSearch',
  summary: 'usageSummary',
  quotes: 'usageQuotes',
};

const SUBSCRIPTION_COMMANDS = new Set<CommandName>(['subscribe', 'unsubscribe', 'subscriptions', 'digest']);
const MANAGING_COMMANDS = new Set<CommandName>(['subscribe', 'unsubscribe']);

function help(locale: Locale, withSubscriptions: boolean): Reply {
  const line = (name: string, id: Parameters<typeof t>[1]) => ({
    heading: `/${name}`,
    lines: [{ text: String(t(locale, id)) }],
  });
  return {
    locale,
    title: t(locale, 'helpTitle'),
    text: [t(locale, 'helpIntro')],
    items: [
      line('search', 'helpSearch'),
      line('summary', 'helpSummary'),
      line('quotes', 'helpQuotes'),
      line('people', 'helpPeople'),
      line('latest', 'helpLatest'),
      line('digest', 'helpDigest'),
      ...(withSubscriptions
        ? [
            line('subscribe', 'helpSubscribe'),
            line('unsubscribe', 'helpUnsubscribe'),
            line('subscriptions', 'helpSubscriptions'),
          ]
        : []),
      line('help', 'helpHelp'),
    ],
  };
}

/** Creates the platform-neutral command handler. */
export function createCommandHandler(deps: CommandHandlerDeps): CommandHandler {
  const { index, pages } = deps;

  function list(ctx: CommandContext, command: PageState['command'], arg: string): Promise<Reply> {
    const state: PageState = { command, arg, locale: ctx.locale, ownerId: ctx.userId };
    // Built once; the state is saved only if the list turns out to have a second page.
    return listPage(index, state, 0, () => pages.save(state));
  }

  async function dispatch(ctx: CommandContext, name: CommandName, arg: string): Promise<Reply> {
    const { locale } = ctx;
    const usage = USAGE[name];
    if (usage && arg === '') return { locale, notice: true, text: [t(locale, usage)] };
    switch (name) {
      case 'start':
      case 'help':
        return help(locale, deps.subscriptions !== undefined);
      case 'search':
      case 'quotes':
        return list(ctx, name, arg);
      case 'people':
      case 'latest':
        return list(ctx, name, '');
      case 'summary': {
        const s = await summarize(index, arg);
        if (!s) return { locale, text: [t(locale, 'summaryNone')(arg)] };
        const ref = s.date ? `${s.id} · ${s.date}` : s.id;
        if (s.topic !== null) {
          // About a topic: the reply names the topic, then the article it summarizes (title,
          // id, link) with the topic's words marked in its sentences, as search marks them.
          const lines = s.sentences.map((text, i) => ({ text, marks: s.marks[i] ?? [] }));
          return {
            locale,
            title: t(locale, 'summaryTopicTitle')(s.topic),
            items: [{ heading: s.title, ref, lines, ...(s.url ? { url: s.url } : {}) }],
          };
        }
        // The title heads the reply once; the sentences follow as paragraphs, the reference closes it.
        return { locale, title: s.title, text: s.sentences, footer: s.url ? `${ref} · ${s.url}` : ref };
      }
      case 'subscribe':
      case 'unsubscribe':
      case 'subscriptions':
        return { locale, notice: true, text: [t(locale, 'subscriptionsNeedChat')] };
      case 'digest': {
        const items = await buildDigest(index, { since: null });
        if (items.length === 0) return { locale, text: [t(locale, 'corpusEmpty')] };
        return {
          locale,
          title: t(locale, 'digestTitle'),
          items: items.map((d) => ({
            heading: d.title,
            ref: d.date ? `${d.id} · ${d.date}` : d.id,
            lines: d.summary.map((text) => ({ text })),
            ...(d.quote ? { quote: d.quote } : {}),
            ...(d.url ? { url: d.url } : {}),
          })),
        };
      }
    }
  }

  /** Subscription commands need a chat, and in a group an admin to change anything. */
  async function subscriptionCommand(
    ctx: CommandContext & { chat: ChatContext },
    name: 'subscribe' | 'unsubscribe' | 'subscriptions' | 'digest',
    arg: string,
  ): Promise<Reply> {
    const { chat } = ctx;
    const canManage = chat.isGroup && MANAGING_COMMANDS.has(name) ? await chat.canManage() : !chat.isGroup;
    return deps.subscriptions!.run(
      {
        locale: ctx.locale,
        platform: chat.platform,
        chatId: chat.chatId,
        userId: ctx.userId,
        isGroup: chat.isGroup,
        canManage,
      },
      name,
      arg,
    );
  }

  return {
    async run(ctx, rawName, rawArg) {
      return boundReply(await runCommand(ctx, rawName, rawArg));
    },
    async page(ctx, token, page) {
      return boundReply(await showPage(ctx, token, page));
    },
  };

  async function runCommand(ctx: CommandContext, rawName: string, rawArg: string): Promise<Reply> {
    const name = rawName.toLowerCase();
    const arg = rawArg.trim().slice(0, MAX_ARGUMENT_CHARS);
    if (!isCommandName(name)) return { locale: ctx.locale, notice: true, text: [t(ctx.locale, 'unknownCommand')] };
    if (SUBSCRIPTION_COMMANDS.has(name) && deps.subscriptions && ctx.chat) {
      return subscriptionCommand(ctx as CommandContext & { chat: ChatContext }, name as 'subscribe', arg);
    }
    try {
      return await dispatch(ctx, name, arg);
    } catch (err) {
      if (isUsageError(err)) {
        const usage = USAGE[name];
        return { locale: ctx.locale, notice: true, text: [usage ? t(ctx.locale, usage) : err.message] };
      }
      throw err;
    }
  }

  async function showPage(ctx: CommandContext, token: string, page: number): Promise<Reply> {
    const state = await pages.load(token);
    if (!state) return { locale: ctx.locale, notice: true, text: [t(ctx.locale, 'pageExpired')] };
    if (state.ownerId !== ctx.userId)
      return { locale: ctx.locale, notice: true, text: [t(ctx.locale, 'pageNotYours')] };
    return listPage(index, state, Math.max(0, Math.trunc(page)), token);
  }
}
