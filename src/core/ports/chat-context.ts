import type { Platform } from './chat-delivery.js';

/**
 * The chat a command came from: what subscriptions are keyed by and who may change them.
 * Each adapter builds one from its platform's event (src/telegram, src/discord).
 */
export interface ChatContext {
  readonly platform: Platform;
  readonly chatId: string;
  /** A group, channel or guild, where only admins may change subscriptions. */
  readonly isGroup: boolean;
  /** Asked only when a group's subscription is about to change (it may cost an API call). */
  canManage(): Promise<boolean>;
}
