import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { COMMAND_SPECS } from '../core/commands/command-specs.js';
import type { Locale } from '../core/commands/reply.js';
import { TELEGRAM_MAX_COMMAND_DESCRIPTION } from './telegram-limits.js';

/** The command menu in one language, in COMMAND_SPECS order (`start` is not listed). */
export function commandMenu(locale: Locale): BotCommand[] {
  return COMMAND_SPECS.map((spec) => ({
    command: spec.name,
    description: spec.description[locale].slice(0, TELEGRAM_MAX_COMMAND_DESCRIPTION),
  }));
}

/**
 * Registers the command menu: Arabic as the default (nashra answers Arabic unless the
 * user's app is in English), Arabic for `ar` and English for `en` explicitly, so every
 * user sees descriptions in the language the bot will answer in.
 */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(commandMenu('ar'));
  await api.setMyCommands(commandMenu('ar'), { language_code: 'ar' });
  await api.setMyCommands(commandMenu('en'), { language_code: 'en' });
}
