import type { Context } from 'grammy';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import { localeFrom, t } from '../core/commands/messages.js';
import { decodePagerPayload } from '../core/commands/pager-payload.js';
import type { Reply } from '../core/commands/reply.js';
import type { Logger } from '../logging/create-logger.js';
import type { RateLimiter } from './create-rate-limiter.js';
import { chatUserId } from './chat-user-id.js';
import { editReply, sendReply } from './send-reply.js';
import { TELEGRAM_MAX_CALLBACK_ANSWER } from './telegram-limits.js';

/** What answering a pager button needs: the commands, the per-sender throttle, the logger. */
export interface PagePressHandlerDeps {
  readonly handler: CommandHandler;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
}

/** A notice as the short toast a button press can show. */
function toast(reply: Reply): string {
  const text = [reply.title, ...(reply.text ?? [])].filter(Boolean).join('\n');
  return text.length <= TELEGRAM_MAX_CALLBACK_ANSWER ? text : `${text.slice(0, TELEGRAM_MAX_CALLBACK_ANSWER - 1)}…`;
}

/**
 * Turns a pager button press into another page of the same list, edited in place.
 * A forged, stale or expired button, or someone else's list, is answered with a short
 * toast (the handler's pageExpired / pageNotYours) and the message is left alone. Every
 * press is answered, so the client's spinner always stops.
 */
export function createPagePressHandler(deps: PagePressHandlerDeps): (ctx: Context) => Promise<void> {
  const { handler, limiter, logger } = deps;
  return async (ctx) => {
    const query = ctx.callbackQuery;
    if (!query) return;
    const locale = localeFrom(query.from.language_code);
    const request = decodePagerPayload(query.data);
    if (!request) {
      await ctx.answerCallbackQuery({ text: t(locale, 'pageExpired') });
      return;
    }
    const decision = limiter.take(String(query.from.id));
    if (decision !== 'allow') {
      await ctx.answerCallbackQuery(decision === 'notice' ? { text: t(locale, 'tooFast') } : {});
      return;
    }

    const reply = await handler.page({ locale, userId: chatUserId(query.from.id) }, request.token, request.page);
    if (reply.notice) {
      await ctx.answerCallbackQuery({ text: toast(reply) });
      return;
    }
    logger.child({ updateId: ctx.update.update_id }).debug({ page: request.page }, 'telegram page turned');
    const message = query.message;
    if (message && message.date !== 0) await editReply(ctx.api, message.chat.id, message.message_id, reply);
    else if (message) await sendReply(ctx.api, message.chat.id, reply);
    await ctx.answerCallbackQuery();
  };
}
