/**
 * The one rule for a link nashra shows: an absolute http(s) URL, or nothing. Article
 * addresses come from corpus files and feeds, so they are hostile until checked: a
 * `javascript:` link, a relative path or a malformed address is dropped rather than
 * trusted. The result is the URL's canonical form (spaces, quotes and angle brackets
 * percent-encoded by the URL parser) with parentheses encoded too, so it is safe both
 * as a Telegram link entity and inside Discord's `[text](url)`.
 */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
