import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import type { ChatContext } from '../core/ports/chat-context.js';

/**
 * The channel a slash command came from, for subscription commands. In a guild only
 * members with Manage Server or Manage Channels may change what the channel gets; the
 * interaction already carries their resolved permissions, so no API call is needed.
 */
export function createChatContext(interaction: ChatInputCommandInteraction): ChatContext {
  const isGroup = interaction.inGuild();
  return {
    platform: 'discord',
    chatId: interaction.channelId,
    isGroup,
    canManage: async () => {
      if (!isGroup) return true;
      const permissions = interaction.memberPermissions;
      return (
        permissions !== null &&
        (permissions.has(PermissionFlagsBits.ManageGuild) || permissions.has(PermissionFlagsBits.ManageChannels))
      );
    },
  };
}
