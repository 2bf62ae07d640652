import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/create-logger.js';

/** A route's handler: answers the request, or throws (a 500 with no detail is sent). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Paths are matched exactly (`/metrics`), after the query string is dropped. */
export interface HttpServer {
  /**
   * Adds a route. Later parts mount theirs here (Telegram's webhook handler at the path of
   * TELEGRAM_WEBHOOK_URL), so the process keeps one port for health, metrics and webhooks.
   */
  mount(method: 'GET' | 'POST' | 'HEAD', path: string, handler: RouteHandler): void;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  readonly server: Server;
}

/** Longest a request may take before the server gives up on it. */
export const HTTP_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The process's one HTTP server (node:http, no framework): an exact-path route table,
 * 404 for unknown paths, 405 with `Allow` for a known path and another method, and a
 * plain 500 when a handler throws (logged, never sent).
 */
export function createHttpServer(deps: { readonly logger: Logger }): HttpServer {
  const routes = new Map<string, Map<string, RouteHandler>>();

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const byMethod = routes.get(path);
    const method = req.method ?? 'GET';
    const handler = byMethod?.get(method) ?? (method === 'HEAD' ? byMethod?.get('GET') : undefined);
    if (!byMethod) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    if (!handler)
      return void res
        .writeHead(405, { allow: [...byMethod.keys()].join(', '), 'content-type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
    try {
      await handler(req, res);
    } catch (err) {
      deps.logger.error({ err, path }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    }
  });
  server.requestTimeout = HTTP_REQUEST_TIMEOUT_MS;

  return {
    server,
    mount(method, path, handler) {
      if (!routes.has(path)) routes.set(path, new Map());
      routes.get(path)!.set(method, handler);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
