import cron from 'node-cron';
import type { Logger } from '../logging/create-logger.js';

/** A scheduled job; `stop` ends it for good. */
export interface CronJob {
  stop(): void;
}

/**
 * Runs `onTick(slot)` at each slot of a cron expression in an IANA zone. `slot` is the
 * scheduled instant (not when the callback happened to run). The scheduler only needs
 * this, so tests can drive ticks by hand.
 */
export interface CronRunner {
  schedule(expression: string, timezone: string, onTick: (slot: Date) => void, name?: string): CronJob;
}

/**
 * The node-cron runner: `cron.schedule(expr, fn, { timezone })`. node-cron skips a slot
 * it reaches more than `missedExecutionTolerance` late (a blocked event loop, e.g. a big
 * re-index at 08:00:00) and reports it as `execution:missed`; both the run and the miss
 * are passed on as ticks, and the scheduler's grace window and delivery log decide.
 */
export function createNodeCronRunner(options: {
  readonly logger: Logger;
  readonly missedToleranceMs?: number;
}): CronRunner {
  const log = options.logger.child({ component: 'node-cron' });
  const cronLogger = {
    info: (message: string) => log.info(message),
    warn: (message: string) => log.warn(message),
    error: (message: string | Error, err?: Error) =>
      message instanceof Error ? log.error({ err: message }, message.message) : log.error({ err }, message),
    debug: (message: string | Error, err?: Error) =>
      message instanceof Error ? log.debug({ err: message }, message.message) : log.debug({ err }, message),
  };
  return {
    schedule(expression, timezone, onTick, name) {
      const task = cron.schedule(expression, (ctx) => onTick(ctx.date), {
        timezone,
        ...(name ? { name } : {}),
        logger: cronLogger,
        missedExecutionTolerance: options.missedToleranceMs ?? 60_000,
      });
      task.on('execution:missed', (ctx) => onTick(ctx.date));
      return {
        stop() {
          void Promise.resolve(task.destroy()).catch((err: unknown) =>
            log.error({ err }, 'could not stop a cron task'),
          );
        },
      };
    },
  };
}
