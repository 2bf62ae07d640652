import { type Interaction, MessageFlags } from 'discord.js';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import { localeFrom, t } from '../core/commands/messages.js';
import type { ArticleIndex } from '../core/ports/article-index.js';
import type { Logger } from '../logging/create-logger.js';
import { answerAutocomplete } from './answer-autocomplete.js';
import { answerButton } from './answer-button.js';
import { answerCommand } from './answer-command.js';
import { scrubError } from '../logging/scrub-secrets.js';

/** The shared handler for commands and pages, the index for autocomplete, and the logger to take per-interaction children from. */
export interface InteractionHandlerDeps {
  readonly handler: CommandHandler;
  readonly index: ArticleIndex;
  readonly logger: Logger;
}

/** Handles one interaction; resolves when every answer to it was sent (or failed and was logged). */
export type InteractionHandler = (interaction: Interaction) => Promise<void>;

function describe(interaction: Interaction): Record<string, string | null> {
  const base = { interactionId: interaction.id, guildId: interaction.guildId, channelId: interaction.channelId };
  if (interaction.isChatInputCommand()) return { ...base, kind: 'command', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { ...base, kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton()) return { ...base, kind: 'button' };
  return { ...base, kind: `type-${interaction.type}` };
}

/** Tells the user, only them, that their request failed; never throws. */
async function answerFailure(interaction: Interaction, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const content = t(localeFrom(interaction.locale), 'failure');
    const options = { content, flags: MessageFlags.Ephemeral as const, allowedMentions: { parse: [] } };
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(options);
      return;
    }
    // A deferred command shows a public "thinking…" placeholder: remove it, then answer privately.
    if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied)
      await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(options);
  } catch (err) {
    log.warn({ err: scrubError(err) }, 'discord: could not tell the user about a failure');
  }
}

/**
 * The one entry point for Discord interactions, and its error boundary: every
 * interaction gets a child logger carrying its id, is routed to its answerer, and any
 * failure is logged with `{ err }` (interaction tokens redacted) and answered with the
 * localized apology, ephemerally, so the user is never left with "the application did
 * not respond" and the next interaction is unaffected.
 */
export function createInteractionHandler(deps: InteractionHandlerDeps): InteractionHandler {
  const { handler, index, logger } = deps;
  return async (interaction) => {
    const log = logger.child(describe(interaction));
    const started = Date.now();
    let ok = true;
    try {
      if (interaction.isChatInputCommand()) await answerCommand(interaction, { handler, log });
      else if (interaction.isAutocomplete()) await answerAutocomplete(interaction, { index });
      else if (interaction.isButton()) await answerButton(interaction, { handler, log });
      else log.debug('discord interaction ignored');
    } catch (err) {
      ok = false;
      log.error({ err: scrubError(err), ms: Date.now() - started }, 'discord interaction failed');
      await answerFailure(interaction, log);
    }
    log.debug({ ok, ms: Date.now() - started }, 'discord interaction done');
  };
}
