import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, createHttpServer } from '../../src/http/create-http-server.js';
import { mountOperations } from '../../src/http/mount-operations.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { type Metrics, createMetrics } from '../../src/metrics/create-metrics.js';
import { instrumentHandler } from '../../src/metrics/instrument-handler.js';
import { type TestIndex, createTestIndex } from '../support/create-test-index.js';

/** The value of one sample line of a Prometheus text page, or undefined. */
function sample(page: string, name: string, labels = ''): number | undefined {
  const line = page
    .split('\n')
    .find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/healthz and /metrics over real HTTP', () => {
  let ti: TestIndex;
  let http: HttpServer;
  let metrics: Metrics;
  let base: string;

  beforeAll(async () => {
    ti = await createTestIndex();
    metrics = createMetrics({ index: ti.index, processMetrics: false });
    http = createHttpServer({ logger: createLogger('silent') });
    mountOperations(http, { metrics, health: ti.index });
    http.mount('POST', '/webhook-example', (_req, res) => void res.writeHead(204).end());
    base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await http.close();
    ti.close();
  });

  it('reports health with the article count', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', articles: 5 });
  });

  it('counts commands by platform and command, times the replies, and reports the index', async () => {
    const telegram = instrumentHandler(ti.handler, metrics, 'telegram');
    const discord = instrumentHandler(ti.handler, metrics, 'discord');
    const ctx = { locale: 'ar' as const, userId: 'u1' };
    await telegram.run(ctx, 'search', 'بوتين');
    await telegram.run(ctx, 'search', 'كوريا');
    const people = await discord.run(ctx, 'people', '');
    await discord.page(ctx, people.pager!.token, 1);
    await discord.run(ctx, 'frobnicate', '');
    metrics.countDigest('sent');
    metrics.observeIndexing(0.05);

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const page = await res.text();
    expect(sample(page, 'nashra_commands_total', '{platform="telegram",command="search"}')).toBe(2);
    expect(sample(page, 'nashra_commands_total', '{platform="discord",command="people"}')).toBe(1);
    expect(sample(page, 'nashra_commands_total', '{platform="discord",command="page"}')).toBe(1);
    expect(sample(page, 'nashra_commands_total', '{platform="discord",command="unknown"}')).toBe(1);
    expect(sample(page, 'nashra_updates_total', '{platform="discord"}')).toBe(3);
    expect(sample(page, 'nashra_reply_seconds_count', '{platform="telegram",command="search"}')).toBe(2);
    expect(sample(page, 'nashra_digests_total', '{outcome="sent"}')).toBe(1);
    expect(sample(page, 'nashra_digests_total', '{outcome="failed"}')).toBe(0);
    expect(sample(page, 'nashra_articles')).toBe(5);
    expect(sample(page, 'nashra_people')).toBeGreaterThan(10);
    expect(sample(page, 'nashra_index_seconds_count')).toBe(1);
  });

  it('counts a command that throws as an error', async () => {
    const failing = instrumentHandler(
      { run: async () => Promise.reject(new Error('db gone')), page: async () => ({ locale: 'ar' }) },
      metrics,
      'console',
    );
    await expect(failing.run({ locale: 'ar', userId: 'u' }, 'latest', '')).rejects.toThrow('db gone');
    const page = await (await fetch(`${base}/metrics`)).text();
    expect(sample(page, 'nashra_errors_total', '{platform="console",command="latest"}')).toBe(1);
  });

  it('answers unknown paths with 404 and other methods with 405, and serves routes mounted later (a webhook)', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await fetch(`${base}/webhook-example`, { method: 'POST' })).status).toBe(204);
  });

  it('reports 503 when the database does not answer', async () => {
    const sick = createHttpServer({ logger: createLogger('silent') });
    mountOperations(sick, {
      metrics,
      health: {
        countArticles: () => {
          throw new Error('SQLITE_IOERR');
        },
      },
    });
    const port = await sick.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'unavailable',
        reason: 'the database does not answer',
        uptimeSeconds: expect.any(Number),
        platforms: {},
      });
    } finally {
      await sick.close();
    }
  });
});
