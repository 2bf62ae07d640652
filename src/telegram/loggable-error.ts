import { GrammyError, HttpError } from 'grammy';
import { scrubTokens } from '../logging/create-logger.js';

/**
 * A copy of an error that is safe to log: messages and stacks scrubbed of token-shaped
 * text, Telegram's error fields kept, and the network error under grammY's `HttpError`
 * (whose message quotes the request URL, and so the bot token) reduced to its scrubbed
 * message. The original is never handed to the logger.
 */
export function loggableError(err: unknown): Error {
  const source = err instanceof Error ? err : new Error(String(err));
  const safe = new Error(scrubTokens(source.message)) as Error & Record<string, unknown>;
  safe.name = source.name;
  safe.stack = source.stack ? scrubTokens(source.stack) : undefined;
  if (source instanceof GrammyError) {
    safe.method = source.method;
    safe.error_code = source.error_code;
    safe.description = source.description;
    if (source.parameters.retry_after !== undefined) safe.retry_after = source.parameters.retry_after;
  }
  if (source instanceof HttpError) safe.reason = scrubTokens(describe(source.error));
  return safe;
}

function describe(inner: unknown): string {
  if (inner instanceof Error) return `${inner.name}: ${inner.message}`;
  return String(inner);
}
