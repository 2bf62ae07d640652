/**
 * Splits text into chunks no longer than `limit` UTF-16 units, preferring to cut between
 * paragraphs, then after a sentence end, then at a space; never inside a surrogate
 * pair. Platforms count message length differently, but all reject an over-long one,
 * so every adapter splits through here.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit / 3) cut = window.lastIndexOf('\n');
    if (cut < limit / 3) cut = lastSentenceEnd(window);
    if (cut < limit / 3) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut--;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== '' || chunks.length === 0) chunks.push(rest);
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Index just after the last sentence end (. ! ? ؟ followed by a space) in `text`, or -1. */
function lastSentenceEnd(text: string): number {
  let best = -1;
  for (const m of text.matchAll(/[.!?؟…]["”»]?\s/g)) best = m.index + m[0].length - 1;
  return best;
}

/**
 * Packs blocks (whole items of a reply) into messages under `limit`, splitting a block
 * only when it alone is too long. Keeps items whole where it can, so a search result is
 * never cut between its title and its snippet.
 */
export function packBlocks(blocks: readonly string[], limit: number, separator = '\n\n'): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const candidate = current === '' ? block : current + separator + block;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') messages.push(current);
    if (block.length <= limit) current = block;
    else {
      const parts = splitText(block, limit);
      current = parts.pop()!;
      messages.push(...parts);
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}
