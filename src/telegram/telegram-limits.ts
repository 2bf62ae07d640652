/**
 * Limits the Telegram Bot API enforces. Named here once so every renderer, keyboard and
 * test speaks of the same numbers (https://core.telegram.org/bots/api).
 */

/** Longest message text Telegram accepts, in UTF-16 units (messages are styled with entities, so this is the text length). */
export const TELEGRAM_MAX_MESSAGE = 4096;

/** Longest `callback_data` of an inline button, in bytes. */
export const TELEGRAM_MAX_CALLBACK_DATA = 64;

/** Longest text of an `answerCallbackQuery` notification. */
export const TELEGRAM_MAX_CALLBACK_ANSWER = 200;

/** Longest command description in the command menu. */
export const TELEGRAM_MAX_COMMAND_DESCRIPTION = 256;
