import type { Metrics } from '../metrics/create-metrics.js';
import type { HttpServer } from './create-http-server.js';

/** What /healthz reports besides "ok". */
export interface HealthSource {
  /** Articles in the index; reading it also proves the database answers. */
  countArticles(): Promise<number>;
}

/** A chat platform /healthz asks about: a load balancer should not send updates to an instance whose bot is down. */
export interface PlatformHealth {
  readonly name: string;
  connected(): boolean;
}

/**
 * Longest /healthz waits for the database. A probe that hangs (an unreachable PostgreSQL)
 * would make the load balancer's own timeout the answer; this gives a 503 with a reason first.
 */
export const HEALTH_DB_TIMEOUT_MS = 2_000;

/** The database's answer within `ms`, or a rejection. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Mounts `GET /healthz` and `GET /metrics` (Prometheus text). /healthz is what Docker's
 * HEALTHCHECK and a load balancer probe: 200 `{"status":"ok","articles":n,"uptimeSeconds":s,
 * "platforms":{"telegram":"connected"}}` while the database answers and every platform is
 * connected; 503 `{"status":"unavailable","reason":…}` otherwise, naming what is down
 * (`stopping` while the instance drains after SIGTERM).
 */
export function mountOperations(
  http: HttpServer,
  deps: {
    readonly metrics: Metrics;
    readonly health: HealthSource;
    /** The running chat platforms (none: only the database is asked about). */
    readonly platforms?: () => readonly PlatformHealth[];
    readonly now?: () => number;
    readonly dbTimeoutMs?: number;
    /**
     * True once the instance is stopping (SIGTERM): /healthz answers 503 at once, so a load
     * balancer stops sending it work while it finishes what it has.
     */
    readonly draining?: () => boolean;
  },
): void {
  const now = deps.now ?? Date.now;
  const started = now();
  http.mount('GET', '/healthz', async (_req, res) => {
    const platforms = deps.platforms?.() ?? [];
    const states = Object.fromEntries(platforms.map((p) => [p.name, p.connected() ? 'connected' : 'disconnected']));
    const reasons: string[] = [];
    if (deps.draining?.()) reasons.push('stopping');
    let articles: number | undefined;
    try {
      articles = await within(deps.health.countArticles(), deps.dbTimeoutMs ?? HEALTH_DB_TIMEOUT_MS);
    } catch {
      reasons.push('the database does not answer');
    }
    for (const [name, state] of Object.entries(states))
      if (state !== 'connected') reasons.push(`${name} is not connected`);
    const uptimeSeconds = Math.round((now() - started) / 1000);
    const body =
      reasons.length === 0
        ? { status: 'ok', articles, uptimeSeconds, platforms: states }
        : {
            status: 'unavailable',
            reason: reasons.join('; '),
            ...(articles === undefined ? {} : { articles }),
            uptimeSeconds,
            platforms: states,
          };
    res
      .writeHead(reasons.length === 0 ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(`${JSON.stringify(body)}\n`);
  });
  http.mount('GET', '/metrics', async (_req, res) => {
    const text = await deps.metrics.render();
    res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(text);
  });
}
