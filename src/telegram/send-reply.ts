import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { Reply } from '../core/commands/reply.js';
import type { DeliveryProgress } from '../core/ports/chat-delivery.js';
import type { Logger } from '../logging/create-logger.js';
import { htmlToPlainText } from './escape-html.js';
import { pagerKeyboard } from './pager-keyboard.js';
import { renderReply } from './render-reply.js';

/** How a reply is posted. */
export interface SendReplyOptions {
  /** Answer this message (groups: keeps the thread readable). */
  readonly replyTo?: number;
  /** Attach the pager's buttons; off where nobody could use them (channels). */
  readonly buttons?: boolean;
  /** Told when Telegram refused our markup and the plain-text fallback was sent. */
  readonly logger?: Logger;
  /** Resume a multi-part send: skip the messages already accepted, count each one sent. */
  readonly progress?: DeliveryProgress;
}

/** Telegram refused our markup: resend as plain text rather than leave the user without an answer. */
const PARSE_ERROR = /can't parse entities|unsupported start tag|can't find end tag/i;

const NO_PREVIEW = { is_disabled: true } as const;

/**
 * Posts a reply as one or more HTML messages, in order, with the pager's buttons on the
 * last one. Shared by command answers and scheduled deliveries so both look the same.
 * With `progress`, the first `progress.sent` messages are skipped (a retry resuming a
 * digest) and `progress.sent` is advanced as each message is accepted.
 */
export async function sendReply(api: Api, chatId: number | string, reply: Reply, options: SendReplyOptions = {}): Promise<Message.TextMessage[]> {
  const chunks = renderReply(reply);
  const keyboard = options.buttons === false ? undefined : pagerKeyboard(reply.pager, reply.locale);
  const progress = options.progress;
  const sent: Message.TextMessage[] = [];
  for (const [i, html] of chunks.entries()) {
    if (progress && i < progress.sent) continue;
    const last = i === chunks.length - 1;
    sent.push(
      await sendHtml(api, chatId, html, options.logger, {
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
        ...(i === 0 && options.replyTo !== undefined ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
      }),
    );
    if (progress) progress.sent = i + 1;
  }
  return sent;
}

/**
 * Replaces a message's text with page `n` of a list (a pager press). Extra chunks, if a
 * page ever outgrows one message, follow as new messages. "Not modified" (a double
 * press) is not an error.
 */
export async function editReply(api: Api, chatId: number, messageId: number, reply: Reply, logger?: Logger): Promise<void> {
  const [first = '…', ...rest] = renderReply(reply);
  const keyboard = pagerKeyboard(reply.pager, reply.locale);
  const markup = rest.length === 0 && keyboard ? { reply_markup: keyboard } : {};
  try {
    await api.editMessageText(chatId, messageId, first, { parse_mode: 'HTML', link_preview_options: NO_PREVIEW, ...markup });
  } catch (err) {
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    throw err;
  }
  for (const [i, html] of rest.entries()) {
    await sendHtml(api, chatId, html, logger, i === rest.length - 1 && keyboard ? { reply_markup: keyboard } : {});
  }
}

async function sendHtml(
  api: Api,
  chatId: number | string,
  html: string,
  logger: Logger | undefined,
  extra: { reply_markup?: InlineKeyboardMarkup; reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } },
): Promise<Message.TextMessage> {
  try {
    return await api.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: NO_PREVIEW, ...extra });
  } catch (err) {
    if (!(err instanceof GrammyError && err.error_code === 400 && PARSE_ERROR.test(err.description))) throw err;
    logger?.error({ description: err.description }, 'telegram refused our HTML; sent as plain text');
    return await api.sendMessage(chatId, htmlToPlainText(html), { link_preview_options: NO_PREVIEW, ...extra });
  }
}
