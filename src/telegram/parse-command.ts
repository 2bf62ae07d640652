import type { MessageEntity } from 'grammy/types';

/** A command found at the start of a message. */
export interface ParsedCommand {
  /** Lowercased, without the slash or `@botname`. */
  readonly name: string;
  /** Everything after the command, trimmed (may be empty). */
  readonly arg: string;
  /** True when written `/name@thisbot`: certainly meant for us, even in a busy group. */
  readonly addressed: boolean;
}

/**
 * Reads `/name[@bot] arg` from a message that starts with a `bot_command` entity.
 * Returns null when the message is not a command or names another bot, so `/search@other_bot`
 * in a group is left to that bot.
 */
export function parseCommand(
  text: string | undefined,
  entities: readonly MessageEntity[] | undefined,
  botUsername: string,
): ParsedCommand | null {
  if (!text) return null;
  const entity = entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return null;
  const command = text.slice(1, entity.length);
  const at = command.indexOf('@');
  const name = (at < 0 ? command : command.slice(0, at)).toLowerCase();
  const target = at < 0 ? null : command.slice(at + 1);
  if (name === '') return null;
  if (target !== null && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name, arg: text.slice(entity.length).trim(), addressed: target !== null };
}
