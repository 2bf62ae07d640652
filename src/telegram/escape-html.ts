/**
 * Escapes text for Telegram's HTML parse mode. Telegram rejects a message whose `<`, `>`
 * or `&` is not part of a tag or an entity, and a user's `<b>` must show as text, so
 * every dynamic string goes through here before it meets markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c as keyof typeof HTML_ENTITIES]);
}

const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } as const;

/**
 * Turns rendered HTML back into plain text: the fallback when Telegram refuses our
 * markup, so the user still gets the answer rather than silence.
 */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}
