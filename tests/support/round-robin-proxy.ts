import { Agent, type IncomingHttpHeaders, type IncomingMessage, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the proxy passed on: to which target (its index), what, and how it ended. */
export interface Forwarded {
  readonly target: number;
  readonly method: string;
  readonly path: string;
  readonly body: Buffer;
  /** The target's status; 502 when no target could be reached. */
  status: number;
}

/** A round-robin HTTP proxy on 127.0.0.1 (what a load balancer does in front of nashra instances). */
export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request passed on, in arrival order. */
  readonly forwarded: readonly Forwarded[];
  /** Points target `index` elsewhere (an instance restarted on another port). */
  setTarget(index: number, url: string): void;
  /** Called as each request is passed on, before the target answers. */
  onForward(listener: (f: Forwarded) => void): void;
  close(): Promise<void>;
}

/** The connection error after which the request certainly did not reach the target: try the next one. */
const NOT_SENT = 'ECONNREFUSED';

/** How long the proxy keeps an idle client connection open (longer than any test). */
const PROXY_KEEP_ALIVE_MS = 120_000;

/** Hop-by-hop headers a proxy does not pass on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function passOn(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase())));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a proxy that hands each request to the next target in turn. Like nginx's default
 * `proxy_next_upstream error`, a target refusing the connection (a killed instance) is
 * skipped and the request goes to the next one; a target that fails after taking the
 * request is answered 502 (a POST is never sent twice). With one target it is a plain
 * forwarder that records what passes through it.
 */
export async function startRoundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  const current = [...targets];
  const forwarded: Forwarded[] = [];
  const listeners: ((f: Forwarded) => void)[] = [];
  // A fresh connection per request: one to a killed target is refused at once (and skipped), never reset midway.
  const agent = new Agent({ keepAlive: false });
  let next = 0;

  function attempt(
    target: number,
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ res: IncomingMessage } | { error: NodeJS.ErrnoException }> {
    const url = new URL(req.url ?? '/', current[target]);
    return new Promise((resolve) => {
      const out = request(
        url,
        { method: req.method, headers: { ...passOn(req.headers), host: url.host }, agent },
        (res) => resolve({ res }),
      );
      out.on('error', (error: NodeJS.ErrnoException) => resolve({ error }));
      out.end(body);
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const first = next;
      next = (next + 1) % current.length;
      for (let i = 0; i < current.length; i++) {
        const target = (first + i) % current.length;
        const record: Forwarded = { target, method: req.method ?? 'GET', path: req.url ?? '/', body, status: 0 };
        forwarded.push(record);
        for (const l of listeners) l(record);
        const outcome = await attempt(target, req, body);
        if ('res' in outcome) {
          record.status = outcome.res.statusCode ?? 502;
          res.writeHead(record.status, passOn(outcome.res.headers));
          outcome.res.pipe(res);
          return;
        }
        record.status = 502;
        if (outcome.error.code !== NOT_SENT) break;
      }
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway\n');
    })();
  });
  // Clients keep their connections to the proxy (a load balancer's front stays up): no reset of a reused one.
  server.keepAliveTimeout = PROXY_KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    setTarget(index, url) {
      current[index] = url;
    },
    onForward(listener) {
      listeners.push(listener);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
