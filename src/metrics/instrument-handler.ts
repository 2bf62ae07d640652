import { isCommandName } from '../core/commands/command-specs.js';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import type { Metrics } from './create-metrics.js';

/** The `command` label of a page press (Telegram and Discord buttons, the console's /next). */
export const PAGE_COMMAND_LABEL = 'page';
/** The `command` label of anything that is not a command name, so user text never becomes a label. */
export const UNKNOWN_COMMAND_LABEL = 'unknown';

/**
 * The command handler one platform uses, counting what it handles: each call is an
 * update, labelled with the platform and the command (a known name, `page`, or
 * `unknown`), timed, and counted as an error when it throws. The handler itself is
 * shared; only the counting is per platform.
 */
export function instrumentHandler(
  handler: CommandHandler,
  metrics: Metrics,
  platform: string,
  now: () => number = () => performance.now(),
): CommandHandler {
  async function measure<T>(command: string, work: () => T | Promise<T>): Promise<T> {
    const started = now();
    try {
      return await work();
    } catch (err) {
      metrics.countError(platform, command);
      throw err;
    } finally {
      metrics.observeReply(platform, command, (now() - started) / 1000);
    }
  }
  return {
    run(ctx, name, arg) {
      const lower = name.toLowerCase();
      return measure(isCommandName(lower) ? lower : UNKNOWN_COMMAND_LABEL, () => handler.run(ctx, name, arg));
    },
    page(ctx, token, page) {
      const started = now();
      try {
        return handler.page(ctx, token, page);
      } catch (err) {
        metrics.countError(platform, PAGE_COMMAND_LABEL);
        throw err;
      } finally {
        metrics.observeReply(platform, PAGE_COMMAND_LABEL, (now() - started) / 1000);
      }
    },
  };
}
