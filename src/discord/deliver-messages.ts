import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { DiscordMessage } from './render-reply.js';

/** Interactions nashra answers with messages (autocomplete answers with choices instead). */
export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction;

/** The message options for discord.js; nobody is ever pinged by a bot message, whatever the text says. */
function body(m: DiscordMessage) {
  return {
    content: m.content ?? '',
    embeds: [...m.embeds],
    components: [...m.components],
    allowedMentions: { parse: [] },
  };
}

function followUp(interaction: AnswerableInteraction, m: DiscordMessage) {
  return interaction.followUp({ ...body(m), ...(m.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

/**
 * Sends rendered messages as the answer to an interaction, in whichever state it is:
 * - not yet acknowledged: the first message is the reply, the rest follow up;
 * - a deferred command (`deferReply`): the first message fills the "thinking…" reply;
 *   an ephemeral notice cannot, so the public placeholder is deleted and the notice is
 *   sent as an ephemeral follow-up;
 * - a deferred button press (`deferUpdate`): the first message replaces the one the
 *   button is on; a notice (expired list, someone else's list) goes to the presser alone.
 */
export async function deliverMessages(
  interaction: AnswerableInteraction,
  messages: readonly DiscordMessage[],
  mode: 'reply' | 'update',
): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body(first), ...(first.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
  } else if (first.ephemeral) {
    if (mode === 'reply' && interaction.deferred && !interaction.replied) await interaction.deleteReply();
    await followUp(interaction, first);
  } else {
    await interaction.editReply(body(first));
  }
  for (const m of rest) await followUp(interaction, m);
}
