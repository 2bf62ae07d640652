import pino, { type DestinationStream, type Logger } from 'pino';
import { scrubError } from './scrub-secrets.js';

/** Paths whose values never reach a log line: tokens, wherever they appear. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'config.telegram.token',
  'config.discord.token',
  'headers.authorization',
  '*.headers.authorization',
  'err.config.headers.authorization',
] as const;

/**
 * The process logger: JSON lines on stderr (stdout belongs to the CLI's JSON and the
 * console). Adapters take a child per update or job so every line carries its ids.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'nashra' },
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      serializers: {
        // Every logged error is a scrubbed copy (src/logging/scrub-secrets.ts), under its own class name.
        err: (err: unknown) => ({ ...pino.stdSerializers.err(scrubError(err)), type: errorType(err) }),
      },
    },
    destination ?? pino.destination(2),
  );
}

/** The class name of a thrown value (`DeliveryError`, `DiscordAPIError`), as pino reports it. */
function errorType(err: unknown): string {
  return err instanceof Error ? err.constructor.name : typeof err;
}

export type { Logger };
