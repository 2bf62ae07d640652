import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/core/commands/create-command-handler.js';
import { type HttpServer, createHttpServer } from '../../src/http/create-http-server.js';
import { type HealthSource, type PlatformHealth, mountOperations } from '../../src/http/mount-operations.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { createMetrics } from '../../src/metrics/create-metrics.js';
import { openSqliteStorage } from '../../src/store/open-sqlite-storage.js';
import { startBot } from '../telegram/support/start-bot.js';

/** A health source whose database never answers (an unreachable server behind a hung connection). */
const HANGING: HealthSource = { countArticles: () => new Promise<number>(() => undefined) };
const NO_COMMANDS: CommandHandler = {
  run: async (ctx) => ({ locale: ctx.locale, text: ['-'] }),
  page: async (ctx) => ({ locale: ctx.locale, text: ['-'] }),
};

let http: HttpServer | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await http?.close();
  http = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Serves /healthz over real HTTP and fetches it once. */
async function probe(health: HealthSource, platforms: readonly PlatformHealth[] = [], dbTimeoutMs = 100) {
  http = createHttpServer({ logger: createLogger('silent') });
  const metrics = createMetrics({ index: { countArticles: async () => 0 } as never, processMetrics: false });
  mountOperations(http, { metrics, health, platforms: () => platforms, dbTimeoutMs });
  const port = await http.listen(0, '127.0.0.1');
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A SQLite storage on a fresh file, removed after the test. */
async function freshStorage() {
  const dir = mkdtempSync(join(tmpdir(), 'nashra-health-'));
  const storage = await openSqliteStorage(join(dir, 'nashra.sqlite'));
  cleanups.push(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return storage;
}

describe('/healthz: database and bots', () => {
  it('is 200 with the article count while the storage answers and no platform runs', async () => {
    const storage = await freshStorage();
    const { status, body } = await probe(storage.index);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', articles: 0, platforms: {} });
    expect(body.uptimeSeconds).toEqual(expect.any(Number));
  });

  it('is 503 naming the database once the storage is closed', async () => {
    const storage = await freshStorage();
    await storage.close();
    const { status, body } = await probe(storage.index);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', reason: 'the database does not answer' });
  });

  it('is 503 within its timeout when the database does not answer at all', async () => {
    const started = Date.now();
    const { status, body } = await probe(HANGING, [], 100);
    expect(status).toBe(503);
    expect(body.reason).toBe('the database does not answer');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a running Telegram bot as connected (200), and 503 naming it once it has stopped', async () => {
    const storage = await freshStorage();
    const bot = await startBot(NO_COMMANDS);
    cleanups.push(() => bot.close());
    const telegram: PlatformHealth = { name: 'telegram', connected: () => bot.tg.connected() };
    const up = await probe(storage.index, [telegram]);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', platforms: { telegram: 'connected' } });
    await http!.close();
    await bot.tg.stop();
    const down = await probe(storage.index, [telegram]);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'unavailable',
      reason: 'telegram is not connected',
      articles: 0,
      platforms: { telegram: 'disconnected' },
    });
  });

  it('names every problem at once', async () => {
    const { status, body } = await probe(HANGING, [
      { name: 'telegram', connected: () => true },
      { name: 'discord', connected: () => false },
    ]);
    expect(status).toBe(503);
    expect(body.reason).toBe('the database does not answer; discord is not connected');
    expect(body.platforms).toEqual({ telegram: 'connected', discord: 'disconnected' });
  });
});
