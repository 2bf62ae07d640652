import type { MessageEntity } from 'grammy/types';

/**
 * One Telegram message as sent: plain text and the entities that style it. Offsets and
 * lengths are UTF-16 code units, as Telegram counts them, so `text.length` is exactly the
 * length Telegram measures: no markup to escape, nothing to parse back, no guessing.
 */
export interface TelegramMessage {
  readonly text: string;
  readonly entities: readonly MessageEntity[];
}

/** The [start, end) part of a message, its entities clipped to the part and moved. */
export function sliceMessage(message: TelegramMessage, start: number, end: number): TelegramMessage {
  const entities: MessageEntity[] = [];
  for (const entity of message.entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) entities.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text: message.text.slice(start, end), entities };
}

/** Messages joined into one with `separator` between them, entities moved along. */
export function joinMessages(messages: readonly TelegramMessage[], separator: string): TelegramMessage {
  let text = '';
  const entities: MessageEntity[] = [];
  for (const [i, message] of messages.entries()) {
    if (i > 0) text += separator;
    for (const entity of message.entities) entities.push({ ...entity, offset: entity.offset + text.length });
    text += message.text;
  }
  return { text, entities };
}

/**
 * Packs pieces (each already within `limit`) into as few messages as fit, in order,
 * `separator` between the pieces of one message. A piece is never cut here.
 */
export function packMessages(pieces: readonly TelegramMessage[], limit: number, separator: string): TelegramMessage[] {
  const messages: TelegramMessage[] = [];
  let current: TelegramMessage[] = [];
  let length = 0;
  for (const piece of pieces) {
    const added = current.length === 0 ? piece.text.length : length + separator.length + piece.text.length;
    if (current.length > 0 && added > limit) {
      messages.push(joinMessages(current, separator));
      current = [piece];
      length = piece.text.length;
    } else {
      current.push(piece);
      length = added;
    }
  }
  if (current.length > 0) messages.push(joinMessages(current, separator));
  return messages;
}
