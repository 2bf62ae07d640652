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

/** Log levels from the quietest; `silent` logs nothing. */
const LEVEL_ORDER = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** The most the console logs: its terminal is the chat, so only problems are shown there. */
export const CONSOLE_MAX_LOG_LEVEL = 'warn';

/**
 * The level the console runs at: LOG_LEVEL when it is quieter than `warn` (error, fatal,
 * silent), else `warn`. So the `LOG_LEVEL=info` of a copied `.env.example` does not print
 * JSON lines into the chat; info and debug logs are for the bots, which have no prompt.
 */
export function consoleLogLevel(level: string): string {
  const at = LEVEL_ORDER.indexOf(level as (typeof LEVEL_ORDER)[number]);
  const max = LEVEL_ORDER.indexOf(CONSOLE_MAX_LOG_LEVEL);
  return at >= 0 && at < max ? level : CONSOLE_MAX_LOG_LEVEL;
}

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
