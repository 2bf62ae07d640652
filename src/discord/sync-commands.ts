import { type REST, Routes } from 'discord.js';
import type { Logger } from '../logging/create-logger.js';
import type { CommandDefinition } from './build-command-definitions.js';

/** Where to register (REST client, application, optional guild) and what. */
export interface SyncCommandsDeps {
  readonly rest: REST;
  readonly applicationId: string;
  /** Register in this guild only (instant, for development); globally when absent. */
  readonly guildId?: string;
  readonly definitions: readonly CommandDefinition[];
  readonly logger: Logger;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A localization map with no entries is the same as none. */
function localizations(map: unknown): Json {
  if (!map || typeof map !== 'object' || Object.keys(map).length === 0) return null;
  return Object.fromEntries(Object.entries(map as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)));
}

/** An option as Discord stores it, with every default spelled out. */
function normalizeOption(o: Record<string, unknown>): Json {
  return {
    type: o.type as number,
    name: o.name as string,
    description: o.description as string,
    name_localizations: localizations(o.name_localizations),
    description_localizations: localizations(o.description_localizations),
    required: (o.required as boolean | undefined) ?? false,
    autocomplete: (o.autocomplete as boolean | undefined) ?? false,
    min_length: (o.min_length as number | undefined) ?? null,
    max_length: (o.max_length as number | undefined) ?? null,
    choices: (o.choices as Json | undefined) ?? null,
    options: ((o.options as Record<string, unknown>[] | undefined) ?? []).map(normalizeOption),
  };
}

/** The parts of a command nashra sets, defaults filled in, so a fetched command compares equal to a built one. */
function normalizeCommand(c: Record<string, unknown>): Json {
  return {
    type: (c.type as number | undefined) ?? 1,
    name: c.name as string,
    description: c.description as string,
    name_localizations: localizations(c.name_localizations),
    description_localizations: localizations(c.description_localizations),
    default_member_permissions: (c.default_member_permissions as string | null | undefined) ?? null,
    nsfw: (c.nsfw as boolean | undefined) ?? false,
    options: ((c.options as Record<string, unknown>[] | undefined) ?? []).map(normalizeOption),
  };
}

/** A canonical text of a command set: same commands, same text. Order of commands does not matter. */
export function commandSetKey(commands: readonly object[]): string {
  return JSON.stringify(
    commands
      .map((c) => normalizeCommand(c as Record<string, unknown>))
      .sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name))),
  );
}

/**
 * Registers the slash commands only when they changed. Discord rate-limits command
 * writes (200 creates a day per guild) and every PUT makes clients refetch, so start-up
 * compares with what is registered (fetched with localizations) and skips the PUT when
 * equal. Returns whether a PUT was made.
 */
export async function syncCommands(deps: SyncCommandsDeps): Promise<{ changed: boolean }> {
  const { rest, applicationId, guildId, definitions, logger } = deps;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? { guildId } : { scope: 'global' };
  const existing = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as object[];
  if (commandSetKey(existing) === commandSetKey(definitions)) {
    logger.info({ ...scope, commands: definitions.length }, 'discord commands up to date');
    return { changed: false };
  }
  await rest.put(route, { body: definitions });
  logger.info({ ...scope, commands: definitions.length }, 'discord commands registered');
  return { changed: true };
}
