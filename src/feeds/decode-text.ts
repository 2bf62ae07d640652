/** Bytes of a document searched for an XML declaration or an HTML meta charset. */
const SNIFF_BYTES = 4096;

/** Where a document's encoding was found. */
export type CharsetSource = 'bom' | 'header' | 'xml-declaration' | 'html-meta' | 'default';

function labelFromContentType(contentType: string | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1]! : null;
}

function sniff(bytes: Buffer): { label: string; source: CharsetSource } | null {
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return { label: xml[1]!, source: 'xml-declaration' };
  const meta = /<meta\s[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta) return { label: meta[1]!, source: 'html-meta' };
  return null;
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

/**
 * Decodes a feed or page the way a browser would: a byte-order mark first, then the
 * charset of the Content-Type header, then the XML declaration or HTML meta tag, else
 * UTF-8. Arabic sites still serve windows-1256 (Node's TextDecoder knows it); an unknown
 * label falls back to UTF-8 rather than failing. Undecodable bytes become U+FFFD.
 */
export function decodeText(
  bytes: Buffer,
  contentType: string | null,
): { text: string; charset: string; source: CharsetSource } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', source: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', source: 'bom' };
  const candidates: { label: string; source: CharsetSource }[] = [];
  const header = labelFromContentType(contentType);
  if (header) candidates.push({ label: header, source: 'header' });
  const sniffed = sniff(bytes);
  if (sniffed) candidates.push(sniffed);
  for (const c of candidates) {
    const decoder = decoderFor(c.label);
    if (decoder) {
      const text = decoder.decode(bytes);
      return { text, charset: decoder.encoding, source: c.source };
    }
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'default' };
}
