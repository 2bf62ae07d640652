import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { Reply } from '../core/commands/reply.js';
import type { DeliveryProgress } from '../core/ports/chat-delivery.js';
import { pagerKeyboard } from './pager-keyboard.js';
import { renderReply } from './render-reply.js';
import type { TelegramMessage } from './telegram-message.js';

/** How a reply is posted. */
export interface SendReplyOptions {
  /** Answer this message (groups: keeps the thread readable). */
  readonly replyTo?: number;
  /** Attach the pager's buttons; off where nobody could use them (channels). */
  readonly buttons?: boolean;
  /** Resume a multi-part send: skip the messages already accepted, count each one sent. */
  readonly progress?: DeliveryProgress;
}

const NO_PREVIEW = { is_disabled: true } as const;

/**
 * Posts a reply as one or more messages (text + entities: nothing to escape or parse), in order, with the pager's buttons on the
 * last one. Shared by command answers and scheduled deliveries so both look the same.
 * With `progress`, the first `progress.sent` messages are skipped (a retry resuming a
 * digest) and `progress.sent` is advanced as each message is accepted.
 */
export async function sendReply(
  api: Api,
  chatId: number | string,
  reply: Reply,
  options: SendReplyOptions = {},
): Promise<Message.TextMessage[]> {
  const chunks = renderReply(reply);
  const keyboard = options.buttons === false ? undefined : pagerKeyboard(reply.pager, reply.locale);
  const progress = options.progress;
  const sent: Message.TextMessage[] = [];
  for (const [i, message] of chunks.entries()) {
    if (progress && i < progress.sent) continue;
    const last = i === chunks.length - 1;
    sent.push(
      await sendMessage(api, chatId, message, {
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
        ...(i === 0 && options.replyTo !== undefined
          ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
          : {}),
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
export async function editReply(api: Api, chatId: number, messageId: number, reply: Reply): Promise<void> {
  const [first = { text: '…', entities: [] }, ...rest] = renderReply(reply);
  const keyboard = pagerKeyboard(reply.pager, reply.locale);
  const markup = rest.length === 0 && keyboard ? { reply_markup: keyboard } : {};
  try {
    await api.editMessageText(chatId, messageId, first.text, {
      entities: [...first.entities],
      link_preview_options: NO_PREVIEW,
      ...markup,
    });
  } catch (err) {
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    throw err;
  }
  for (const [i, message] of rest.entries()) {
    await sendMessage(api, chatId, message, i === rest.length - 1 && keyboard ? { reply_markup: keyboard } : {});
  }
}

function sendMessage(
  api: Api,
  chatId: number | string,
  message: TelegramMessage,
  extra: {
    reply_markup?: InlineKeyboardMarkup;
    reply_parameters?: { message_id: number; allow_sending_without_reply: boolean };
  },
): Promise<Message.TextMessage> {
  return api.sendMessage(chatId, message.text, {
    entities: [...message.entities],
    link_preview_options: NO_PREVIEW,
    ...extra,
  });
}
