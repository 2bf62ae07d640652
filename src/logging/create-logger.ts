import pino, { type DestinationStream, type Logger } from 'pino';

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

/** Token shapes to scrub from free text (error messages quoting a URL with /bot<token>/). */
const TOKEN_IN_TEXT = /bot\d+:[\w-]+|Bot [\w.-]{20,}/g;

/** Replaces token-shaped text with a placeholder. */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, 'bot[redacted]');
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
        err(err: Error) {
          const out = pino.stdSerializers.err(err);
          out.message = scrubTokens(out.message);
          if (out.stack) out.stack = scrubTokens(out.stack);
          return out;
        },
      },
    },
    destination ?? pino.destination(2),
  );
}

export type { Logger };
