import { type BotError, type Context, GrammyError, HttpError } from 'grammy';
import { localeFrom, t } from '../core/commands/messages.js';
import type { Logger } from '../logging/create-logger.js';
import { scrubError } from '../logging/scrub-secrets.js';
import { toDeliveryError } from './to-delivery-error.js';

/**
 * The one error boundary of the bot (`bot.catch`). Whatever failed while handling an
 * update is logged once, with the update id and a token-free error, and the user gets a
 * brief apology in their language; then the bot goes on with the next update. A chat
 * that refuses our messages (blocked, kicked) is not apologized to, only noted.
 */
export function createErrorBoundary(logger: Logger): (error: BotError<Context>) => Promise<void> {
  return async ({ ctx, error }) => {
    const log = logger.child({ updateId: ctx.update.update_id });
    const chatId = ctx.chat?.id;
    if (
      (error instanceof GrammyError || error instanceof HttpError) &&
      toDeliveryError(error, String(chatId)).kind === 'gone'
    ) {
      log.info({ err: scrubError(error), chatId }, 'chat does not accept our messages; update dropped');
      return;
    }
    log.error({ err: scrubError(error) }, 'update failed');
    const locale = localeFrom(ctx.from?.language_code);
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t(locale, 'failure') });
      else if (chatId !== undefined) await ctx.api.sendMessage(chatId, t(locale, 'failure'));
    } catch (err) {
      log.warn({ err: scrubError(err) }, 'could not tell the user about the failure');
    }
  };
}
