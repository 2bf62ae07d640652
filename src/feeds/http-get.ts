import { NashraError } from '../core/errors/nashra-error.js';

/** What one GET may cost; each field bounds what a hostile server can make nashra do. */
export interface HttpGetLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

/** A response read whole (decompressed), after redirects. */
export interface HttpGetResponse {
  readonly status: number;
  /** The URL that answered, after redirects. */
  readonly url: string;
  readonly headers: Headers;
  /** Empty for 304 and errors, whose bodies are not read. */
  readonly body: Buffer;
}

/** nashra's User-Agent: sites can tell who reads them. */
export const USER_AGENT = 'nashra/0.1 (Arabic news digest bot; RSS reader)';

/** A request that failed before any status could be used: a bad URL, the network, a limit. */
export class FetchFailed extends NashraError {
  override readonly name = 'FetchFailed';
  constructor(message: string, options?: { cause?: unknown }) {
    super('FEED', message, options);
  }
}

/** Only http and https are ever requested: a feed cannot make nashra read a file or anything else. */
export function assertWebUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (cause) {
    throw new FetchFailed(`not a URL: ${text.slice(0, 100)}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchFailed(`refused a ${url.protocol.replace(/:$/, '')} URL: only http and https are read`);
  url.hash = '';
  return url;
}

/**
 * GETs a URL with Node's fetch under hard limits: redirects followed by hand (each hop
 * checked to be http/https, at most `maxRedirects`), one timeout for the whole exchange
 * including the body, and the body read up to `maxBytes` after decompression (a gzip bomb
 * stops at the cap). Bodies of non-2xx answers are discarded unread. Fetch asks for gzip,
 * deflate and br and decompresses them.
 */
export async function httpGet(
  target: string,
  headers: Record<string, string>,
  limits: HttpGetLimits,
  signal?: AbortSignal,
): Promise<HttpGetResponse> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let url = assertWebUrl(target);
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(url, {
        headers: { 'user-agent': USER_AGENT, ...headers },
        redirect: 'manual',
        signal: abort,
      });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) throw new FetchFailed(`HTTP ${res.status} redirect without a Location`);
        if (hop >= limits.maxRedirects) throw new FetchFailed(`more than ${limits.maxRedirects} redirects`);
        url = assertWebUrl(location, url.href);
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel();
        return { status: res.status, url: url.href, headers: res.headers, body: Buffer.alloc(0) };
      }
      const body = await readCapped(res, limits.maxBytes);
      return { status: res.status, url: url.href, headers: res.headers, body };
    }
  } catch (err) {
    if (err instanceof FetchFailed) throw err;
    if (timeout.aborted)
      throw new FetchFailed(`no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`, { cause: err });
    if (signal?.aborted) throw new FetchFailed('stopped', { cause: err });
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchFailed(`could not connect: ${cause?.code ?? cause?.message ?? (err as Error).message}`, {
      cause: err,
    });
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchFailed(`too large: ${declared} bytes (limit ${maxBytes})`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchFailed(`too large: more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
