/**
 * Interaction tokens sit in the path of every webhook and callback URL, and discord.js
 * errors carry that URL (`err.url`). A token lets anyone answer as the bot for 15
 * minutes, so it is cut out before an error reaches a log line.
 */
const TOKEN_IN_PATH = /\/(webhooks|interactions)\/(\d+)\/[^/?#\s]+/g;

/** Replaces interaction/webhook tokens in a URL or message with `[redacted]`. */
export function redactInteractionToken(text: string): string {
  return text.replace(TOKEN_IN_PATH, '/$1/$2/[redacted]');
}

/** Redacts tokens in an error's `url` and `message`, through its `cause` chain; returns the same error. */
export function redactErrorTokens<T>(err: T): T {
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 5; depth++) {
    const withUrl = e as Error & { url?: unknown };
    if (typeof withUrl.url === 'string') withUrl.url = redactInteractionToken(withUrl.url);
    e.message = redactInteractionToken(e.message);
    e = e.cause;
  }
  return err;
}
