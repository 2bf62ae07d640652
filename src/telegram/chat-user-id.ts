/**
 * The user id the command layer sees for a Telegram user (or, for channel posts, the
 * channel). Platform-prefixed, so a pager token can never be claimed from another
 * platform whose numeric ids happen to collide.
 */
export function chatUserId(id: number): string {
  return `telegram:${id}`;
}
