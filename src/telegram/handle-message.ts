import type { Context } from 'grammy';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import { isCommandName } from '../core/commands/command-specs.js';
import { localeFrom, t } from '../core/commands/messages.js';
import type { Logger } from '../logging/create-logger.js';
import { chatUserId } from './chat-user-id.js';
import { createChatContext } from './create-chat-context.js';
import type { RateLimiter } from './create-rate-limiter.js';
import { parseCommand } from './parse-command.js';
import { sendReply } from './send-reply.js';

/** What answering a message needs: the commands, the per-sender throttle, the logger. */
export interface MessageHandlerDeps {
  readonly handler: CommandHandler;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
}

/**
 * Answers a message or channel post. Commands (`/name arg`, `/name@thisbot arg`) run in
 * every chat; plain words in a private chat are a search, and anything else there gets
 * the "unknown command" hint, so a private chat never meets silence. In groups and
 * channels the bot only speaks when a command is for it. Each sender is throttled.
 */
export function createMessageHandler(deps: MessageHandlerDeps): (ctx: Context) => Promise<void> {
  const { handler, limiter, logger } = deps;
  return async (ctx) => {
    const message = ctx.msg;
    const chat = ctx.chat;
    if (!message || !chat) return;
    const isPrivate = chat.type === 'private';
    const parsed = parseCommand(message.text, message.entities, ctx.me.username);
    let name: string;
    let arg: string;
    if (parsed) {
      // An unknown `/name` in a group may be another bot's; only answer it when addressed to us.
      if (!isPrivate && !parsed.addressed && !isCommandName(parsed.name)) return;
      ({ name, arg } = parsed);
    } else if (isPrivate) {
      // Plain words are a search; a sticker, or a `/command` meant for another bot, gets the hint.
      [name, arg] = message.text !== undefined && !message.text.startsWith('/') ? ['search', message.text] : ['', ''];
    } else {
      return;
    }

    const locale = localeFrom(ctx.from?.language_code);
    const senderId = ctx.from?.id ?? chat.id;
    const log = logger.child({ updateId: ctx.update.update_id });
    const options = { replyTo: isPrivate ? undefined : message.message_id, buttons: chat.type !== 'channel' };

    const decision = limiter.take(String(senderId));
    if (decision === 'drop') return;
    if (decision === 'notice') {
      log.info({ chatType: chat.type }, 'sender throttled');
      await sendReply(ctx.api, chat.id, { locale, notice: true, text: [t(locale, 'tooFast')] }, options);
      return;
    }

    log.debug({ command: name, argChars: arg.length, chatType: chat.type }, 'command');
    const reply = await handler.run({ locale, userId: chatUserId(senderId), chat: createChatContext(ctx) }, name, arg);
    await sendReply(ctx.api, chat.id, reply, options);
  };
}
