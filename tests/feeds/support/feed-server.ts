import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What the server answers on a path. */
export interface Route {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Answers 304 to a request whose If-None-Match is this (and sends it as ETag). */
  readonly etag?: string;
  /** Gzips the body when the client accepts gzip. */
  readonly gzip?: boolean;
  /** Waits this long before answering (a slow or hung site). */
  readonly delayMs?: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FeedServer {
  readonly origin: string;
  url(path: string): string;
  /** Sets what a path answers (a route, or a raw handler). */
  set(path: string, route: Route | Handler): void;
  /** Every request, in order. */
  readonly requests: { path: string; headers: IncomingHttpHeaders }[];
  hits(path: string): number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, port 0, serving what the test composed. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route | Handler>();
  const requests: FeedServer['requests'] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      route(req, res);
      return;
    }
    const answer = () => {
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      let body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : (route.body ?? Buffer.alloc(0));
      const headers: Record<string, string> = { ...route.headers };
      if (route.etag) headers.etag = route.etag;
      if (route.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(route.status ?? 200, headers);
      res.end(body);
    };
    if (route.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) answer();
      }, route.delayMs);
      timers.add(t);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, route) => void routes.set(path, route),
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
