import type { Writable } from 'node:stream';
import type { Reply } from '../core/commands/reply.js';
import type { ChatDelivery, DeliveryProgress } from '../core/ports/chat-delivery.js';
import { PIPE_STYLE, type PlainStyle, TERMINAL_STYLE, renderPlain } from './render-plain.js';

/**
 * Scheduled digests for the console's one chat: printed at the prompt, so subscribing in
 * the console shows exactly what a Telegram chat or Discord channel would receive.
 */
export function createConsoleDelivery(output: Writable = process.stdout): ChatDelivery {
  const style: PlainStyle = (output as { isTTY?: boolean }).isTTY ? TERMINAL_STYLE : PIPE_STYLE;
  return {
    platform: 'console',
    async send(_chatId: string, reply: Reply, progress?: DeliveryProgress) {
      // One part: printed whole, or (already accepted) not again.
      if ((progress?.sent ?? 0) > 0) return;
      output.write(`\n${renderPlain(reply, style)}\n\nnashra> `);
      if (progress) progress.sent = 1;
    },
  };
}
