import type { Metrics } from '../metrics/create-metrics.js';
import type { HttpServer } from './create-http-server.js';

/** What /healthz reports besides "ok". */
export interface HealthSource {
  /** Articles in the index; reading it also proves the database answers. */
  countArticles(): Promise<number>;
}

/**
 * Mounts `GET /healthz` (200 `{"status":"ok","articles":n,"uptimeSeconds":s}` while the
 * database answers, 503 otherwise: what Docker's HEALTHCHECK and a load balancer probe)
 * and `GET /metrics` (Prometheus text).
 */
export function mountOperations(
  http: HttpServer,
  deps: { readonly metrics: Metrics; readonly health: HealthSource; readonly now?: () => number },
): void {
  const now = deps.now ?? Date.now;
  const started = now();
  http.mount('GET', '/healthz', async (_req, res) => {
    let body: Record<string, unknown>;
    let status = 200;
    try {
      body = {
        status: 'ok',
        articles: await deps.health.countArticles(),
        uptimeSeconds: Math.round((now() - started) / 1000),
      };
    } catch {
      status = 503;
      body = { status: 'unavailable', reason: 'the database does not answer' };
    }
    res
      .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(`${JSON.stringify(body)}\n`);
  });
  http.mount('GET', '/metrics', async (_req, res) => {
    const text = await deps.metrics.render();
    res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(text);
  });
}
