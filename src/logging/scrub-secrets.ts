/**
 * The one scrubber for secrets in logged text and errors. Tokens turn up where nobody
 * put them on purpose: grammY's network errors quote the Bot API URL (`/bot<token>/`),
 * discord.js errors carry the request URL, whose path holds an interaction or webhook
 * token that lets anyone answer as the bot for 15 minutes, and an `Authorization: Bot …`
 * header can be echoed in a message. The logger's error serializer and every adapter
 * that logs or wraps a platform error go through here.
 */

/** Secret shapes in free text and what each becomes. */
const SECRETS: readonly (readonly [RegExp, string])[] = [
  [/bot\d+:[\w-]+/g, 'bot[redacted]'], // Telegram bot token in a Bot API URL
  [/Bot [\w.-]{20,}/g, 'Bot [redacted]'], // Discord bot token in an Authorization header
  [/\/(webhooks|interactions)\/(\d+)\/[^/?#\s]+/g, '/$1/$2/[redacted]'], // Discord interaction/webhook token
];

/** How deep a `cause` chain is copied; deeper causes are dropped. */
const MAX_CAUSE_DEPTH = 5;

/** Replaces every token-shaped part of `text` with a placeholder. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A copy of an error that is safe to log, leaving the original untouched (callers still
 * classify the original by its class). The copy keeps the name, the scrubbed message and
 * stack, the error's own primitive fields (HTTP status, API error codes, method, URL —
 * strings scrubbed), Telegram's `retry_after`, a network error's inner reason (grammY's
 * `HttpError.error`) as `reason`, and the `cause` chain, each link copied the same way.
 */
export function scrubError(err: unknown): Error {
  return copyError(err, 0);
}

function copyError(err: unknown, depth: number): Error {
  const source = err instanceof Error ? err : new Error(String(err));
  const safe = new Error(scrubSecrets(source.message)) as Error & Record<string, unknown>;
  safe.name = source.name;
  safe.stack = source.stack === undefined ? undefined : scrubSecrets(source.stack);
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string') safe[key] = scrubSecrets(value);
    else if (typeof value === 'number' || typeof value === 'boolean') safe[key] = value;
  }
  const retryAfter = (source as { parameters?: { retry_after?: unknown } }).parameters?.retry_after;
  if (typeof retryAfter === 'number') safe.retry_after = retryAfter;
  const inner = (source as { error?: unknown }).error;
  if (inner !== undefined && inner !== null) safe.reason = scrubSecrets(describe(inner));
  if (source.cause !== undefined && depth < MAX_CAUSE_DEPTH) safe.cause = copyError(source.cause, depth + 1);
  return safe;
}

function describe(inner: unknown): string {
  if (inner instanceof Error) return `${inner.name}: ${inner.message}`;
  return String(inner);
}
