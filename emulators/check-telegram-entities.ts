import type { TelegramEntity } from './parse-telegram-html.js';

/**
 * Telegram's checks on a message sent with `entities` instead of a parse mode: known
 * types, integer UTF-16 offsets inside the text that do not cut a surrogate pair, a URL on
 * every text_link, and entities that nest or stand apart but never half-overlap. The
 * emulator refuses what Telegram would refuse (or silently mangle), so a test that passes
 * here sends what a user would see.
 */

/** Thrown with a Telegram-style description. */
export class EntityError extends Error {}

const TYPES = new Set([
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
  'url',
  'email',
  'phone_number',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'blockquote',
  'expandable_blockquote',
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
]);

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function fail(message: string): never {
  throw new EntityError(`Bad Request: can't parse entities: ${message}`);
}

/** Validates raw `entities` for `text` and returns them sorted (offset, then longer first). */
export function checkTelegramEntities(text: string, raw: unknown): TelegramEntity[] {
  if (!Array.isArray(raw)) fail('entities must be an array');
  const entities: TelegramEntity[] = raw.map((e: unknown, i) => {
    const entity = e as Partial<TelegramEntity> | null;
    if (!entity || typeof entity !== 'object') fail(`entity ${i} is not an object`);
    const { type, offset, length, url } = entity;
    if (typeof type !== 'string' || !TYPES.has(type)) fail(`entity ${i} has unsupported type ${String(type)}`);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset! < 0 || length! <= 0)
      fail(`entity ${i} has a bad offset or length`);
    if (offset! + length! > text.length)
      fail(`entity ${i} ends after the text (${offset! + length!} > ${text.length} UTF-16 units)`);
    if (
      isLowSurrogate(text.charCodeAt(offset!)) ||
      (offset! + length! < text.length && isLowSurrogate(text.charCodeAt(offset! + length!)))
    ) {
      fail(`entity ${i} cuts a surrogate pair`);
    }
    if (type === 'text_link') {
      if (typeof url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(url)) fail(`entity ${i} has a bad URL`);
      return { type, offset: offset!, length: length!, url };
    }
    return { type, offset: offset!, length: length! };
  });
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  for (const [i, a] of entities.entries()) {
    for (const b of entities.slice(i + 1)) {
      if (b.offset >= a.offset + a.length) break;
      if (b.offset + b.length > a.offset + a.length) fail(`entities ${a.type} and ${b.type} overlap without nesting`);
    }
  }
  return entities;
}
