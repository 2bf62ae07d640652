import type { ChatInputCommandInteraction } from 'discord.js';
import { COMMAND_SPECS, type CommandName } from '../core/commands/command-specs.js';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import { localeFrom } from '../core/commands/messages.js';
import type { Logger } from '../logging/create-logger.js';
import { createChatContext } from './create-chat-context.js';
import { deliverMessages } from './deliver-messages.js';
import { renderReply } from './render-reply.js';

/** Commands answered from memory, with no index lookup: replied to at once, never deferred. */
export const INSTANT_COMMANDS: ReadonlySet<string> = new Set<CommandName>(['help', 'start']);

/** What a slash command needs: the shared command handler and the interaction's logger. */
export interface AnswerCommandDeps {
  readonly handler: CommandHandler;
  readonly log: Logger;
}

/**
 * Answers a slash command. Anything that reads the index is deferred first (Discord
 * allows 3 seconds before the first answer, and a cold SQLite page cache or a long
 * digest can take longer), then the reply replaces the "thinking…" placeholder. Help,
 * unknown commands and a missing argument are answered at once.
 */
export async function answerCommand(interaction: ChatInputCommandInteraction, deps: AnswerCommandDeps): Promise<void> {
  const { handler, log } = deps;
  const name = interaction.commandName;
  const spec = COMMAND_SPECS.find((s) => s.name === name);
  const arg = spec?.argument ? (interaction.options.getString(spec.argument.name) ?? '') : '';
  const needsArgument = spec?.argument?.required === true && arg.trim() === '';
  const instant = !spec || INSTANT_COMMANDS.has(name) || needsArgument;
  if (!instant) await interaction.deferReply();
  const reply = await handler.run(
    { locale: localeFrom(interaction.locale), userId: interaction.user.id, chat: createChatContext(interaction) },
    name,
    arg,
  );
  const messages = renderReply(reply);
  log.debug(
    { deferred: !instant, messages: messages.length, notice: reply.notice === true, argChars: arg.length },
    'discord command answered',
  );
  await deliverMessages(interaction, messages, 'reply');
}
