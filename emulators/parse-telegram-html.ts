/**
 * Telegram's HTML parse mode, as the Bot API server applies it: a whitelist of tags that
 * must nest properly, only &lt; &gt; &amp; &quot; and numeric entities, and a bare `<`,
 * `>` or `&` is an error. The emulator refuses what Telegram would refuse, so a test that
 * passes here cannot send a message Telegram would reject.
 */

export interface TelegramEntity {
  readonly type: string;
  /** UTF-16 offset into the parsed text. */
  readonly offset: number;
  readonly length: number;
  readonly url?: string;
}

export interface ParsedHtml {
  readonly text: string;
  readonly entities: TelegramEntity[];
}

/** Thrown with Telegram's own wording ("can't parse entities: …"). */
export class HtmlParseError extends Error {}

const TAGS: Readonly<Record<string, string>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const ENTITY = /^&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/;

function fail(message: string): never {
  throw new HtmlParseError(`Bad Request: can't parse entities: ${message}`);
}

function decodeEntity(name: string): string {
  if (name === 'lt') return '<';
  if (name === 'gt') return '>';
  if (name === 'amp') return '&';
  if (name === 'quot') return '"';
  const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return String.fromCodePoint(code);
}

function decodeText(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (_, n: string) => decodeEntity(n));
}

/** Parses Telegram HTML into plain text and entities, or throws HtmlParseError. */
export function parseTelegramHtml(html: string): ParsedHtml {
  const bytes = (i: number) => Buffer.byteLength(html.slice(0, i));
  const stack: { name: string; start: number; url?: string; type: string }[] = [];
  const entities: TelegramEntity[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const m = TAG.exec(html.slice(i));
      if (!m) fail(`Unexpected end tag or unsupported start tag at byte offset ${bytes(i)}`);
      const [whole, closing, rawName, rawAttributes] = m;
      const name = rawName!.toLowerCase();
      if (closing) {
        const top = stack.pop();
        if (!top || top.name !== name) fail(`Can't find end tag corresponding to start tag "${top?.name ?? name}"`);
        if (text.length > top.start)
          entities.push({
            type: top.type,
            offset: top.start,
            length: text.length - top.start,
            ...(top.url ? { url: top.url } : {}),
          });
      } else {
        const type = TAGS[name];
        if (!type) fail(`Unsupported start tag "${name}" at byte offset ${bytes(i)}`);
        const attributes = new Map<string, string>();
        for (const a of rawAttributes!.matchAll(ATTRIBUTE))
          attributes.set(a[1]!.toLowerCase(), decodeText(a[2] ?? a[3] ?? a[4] ?? ''));
        if (name === 'span' && attributes.get('class') !== 'tg-spoiler')
          fail(`Tag "span" must have class "tg-spoiler" at byte offset ${bytes(i)}`);
        if (name === 'a' && !attributes.get('href')) fail(`Tag "a" must have an href at byte offset ${bytes(i)}`);
        const url = name === 'a' ? attributes.get('href') : undefined;
        stack.push({
          name,
          start: text.length,
          type: name === 'blockquote' && attributes.has('expandable') ? 'expandable_blockquote' : type,
          ...(url ? { url } : {}),
        });
      }
      i += whole!.length;
    } else if (c === '&') {
      const m = ENTITY.exec(html.slice(i));
      if (!m) fail(`Character entity expected at byte offset ${bytes(i)}`);
      text += decodeEntity(m[1]!);
      i += m[0].length;
    } else if (c === '>') {
      fail(`Unexpected ">" at byte offset ${bytes(i)}`);
    } else {
      text += c;
      i++;
    }
  }
  const open = stack.pop();
  if (open) fail(`Can't find end tag corresponding to start tag "${open.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}
