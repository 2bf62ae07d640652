import {
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type LocalizationMap,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { type CommandSpec, MAX_ARGUMENT_CHARS } from '../core/commands/command-specs.js';
import type { Locale } from '../core/commands/reply.js';
import { DISCORD_MAX_DESCRIPTION } from './discord-limits.js';

/** A slash command exactly as nashra registers it. */
export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Discord locales that get nashra's English texts. Discord has no Arabic client locale
 * (`ar` is rejected with 50035), so Arabic is the default text every other locale sees,
 * and English is a localization.
 */
export const ENGLISH_DISCORD_LOCALES = ['en-US', 'en-GB'] as const;

function cut(text: string): string {
  return text.length <= DISCORD_MAX_DESCRIPTION ? text : `${text.slice(0, DISCORD_MAX_DESCRIPTION - 1)}…`;
}

function english(texts: Readonly<Record<Locale, string>>): LocalizationMap {
  return Object.fromEntries(ENGLISH_DISCORD_LOCALES.map((l) => [l, cut(texts.en)]));
}

/**
 * Builds the slash command definitions from the shared COMMAND_SPECS, so Discord offers
 * exactly what the other surfaces offer: Arabic descriptions by default, English for
 * English clients, one string option per command that takes an argument (capped at the
 * length the handler reads, autocompleted where the spec says so).
 */
export function buildCommandDefinitions(specs: readonly CommandSpec[]): CommandDefinition[] {
  return specs.map((spec) => {
    const options: APIApplicationCommandStringOption[] = [];
    if (spec.argument) {
      const a = spec.argument;
      options.push({
        type: ApplicationCommandOptionType.String,
        name: a.name,
        name_localizations: Object.fromEntries(ENGLISH_DISCORD_LOCALES.map((l) => [l, a.name])),
        description: cut(a.description.ar),
        description_localizations: english(a.description),
        required: a.required,
        max_length: MAX_ARGUMENT_CHARS,
        ...(a.autocomplete ? { autocomplete: true } : {}),
      } as APIApplicationCommandStringOption);
    }
    return {
      type: ApplicationCommandType.ChatInput,
      name: spec.name,
      name_localizations: Object.fromEntries(ENGLISH_DISCORD_LOCALES.map((l) => [l, spec.name])),
      description: cut(spec.description.ar),
      description_localizations: english(spec.description),
      ...(options.length > 0 ? { options } : {}),
      // Hidden from members who cannot manage channels; the handler checks again at run time.
      ...(spec.adminOnly ? { default_member_permissions: String(PermissionFlagsBits.ManageChannels) } : {}),
    };
  });
}
