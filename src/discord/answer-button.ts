import type { ButtonInteraction } from 'discord.js';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import { localeFrom, t } from '../core/commands/messages.js';
import { decodePagerPayload } from '../core/commands/pager-payload.js';
import type { Logger } from '../logging/create-logger.js';
import { deliverMessages } from './deliver-messages.js';
import { renderReply } from './render-reply.js';

/** What a pager press needs: the handler (which checks expiry and ownership) and the interaction's logger. */
export interface AnswerButtonDeps {
  readonly handler: CommandHandler;
  readonly log: Logger;
}

/**
 * Turns a page when a pager button is pressed. The press is acknowledged first
 * (`deferUpdate`: the message stays as it is), then the page replaces it. The handler
 * checks the list still exists and belongs to the presser; a stranger or a stale button
 * gets a polite note only they can see, and the list is left untouched. A button id that
 * is not one of ours is treated as an expired list.
 */
export async function answerButton(interaction: ButtonInteraction, deps: AnswerButtonDeps): Promise<void> {
  const { handler, log } = deps;
  const locale = localeFrom(interaction.locale);
  const target = decodePagerPayload(interaction.customId);
  if (!target) {
    log.warn({ customIdChars: interaction.customId.length }, 'discord button with an unknown custom id');
    await deliverMessages(
      interaction,
      renderReply({ locale, notice: true, text: [t(locale, 'pageExpired')] }),
      'update',
    );
    return;
  }
  await interaction.deferUpdate();
  const ctx = { locale, userId: interaction.user.id };
  let reply = await handler.page(ctx, target.token, target.page);
  if (reply.pager && target.page >= reply.pager.pages)
    reply = await handler.page(ctx, target.token, reply.pager.pages - 1);
  log.debug({ page: target.page, notice: reply.notice === true }, 'discord page turned');
  await deliverMessages(interaction, renderReply(reply), 'update');
}
