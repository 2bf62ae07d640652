import type { Context } from 'grammy';
import type { ChatContext } from '../core/ports/chat-context.js';

/** Member statuses that may change a group's subscriptions. */
const ADMIN_STATUSES = new Set(['creator', 'administrator']);

/**
 * The chat a Telegram update came from, for subscription commands. Admin rights are
 * asked of Telegram (`getChatMember`) only when a group's subscription is about to
 * change. A channel post, or an anonymous admin posting as the group, is an admin by
 * construction: only admins can do either.
 */
export function createChatContext(ctx: Context): ChatContext | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  const isGroup = chat.type !== 'private';
  return {
    platform: 'telegram',
    chatId: String(chat.id),
    isGroup,
    async canManage() {
      if (!isGroup || chat.type === 'channel') return true;
      if (ctx.msg?.sender_chat?.id === chat.id) return true; // anonymous group admin
      const userId = ctx.from?.id;
      if (userId === undefined) return false;
      const member = await ctx.api.getChatMember(chat.id, userId);
      return ADMIN_STATUSES.has(member.status);
    },
  };
}
