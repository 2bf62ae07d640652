import { chmodSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryIndexLock } from '../../src/store/index-lock.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { runCli } from '../support/run-cli.js';

/**
 * Whether another user can reach the checkout: the read-only test runs the CLI as `nobody`,
 * which needs search permission on every folder above the project (a clone inside
 * `mktemp -d`, mode 0700, denies it, and the spawn itself would fail).
 */
function othersCanReach(path: string): boolean {
  for (let p = resolve(path); ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return false;
    if (dirname(p) === p) return true;
  }
}
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Issue 17, points 5 and 7, with real child processes on a real SQLite file: readers never
 * wait on a writer, a second `index` says another run is in progress, a read-only database
 * still answers, and a damaged one is named with the way out, which keeps subscriptions.
 */
describe('CLI under operations', () => {
  let dir: string;
  let db: string;
  const corpus = () => join(dir, 'corpus');
  const cli = (args: string[], dbFile = db) => runCli([...args, '--corpus', corpus(), '--db', dbFile]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-ops-'));
    db = join(dir, 'nashra.sqlite');
    cpSync(FIXTURE_CORPUS, corpus(), { recursive: true });
    expect((await cli(['index'])).code).toBe(0);
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it('answers search while another process indexes and writes, and a second index exits 3', async () => {
    const lock = tryIndexLock(db)!; // this test process is "the other indexer"
    const writer = new Database(db);
    writer.exec("BEGIN IMMEDIATE; UPDATE articles SET title = title; INSERT INTO meta (key, value) VALUES ('x', 'y')");
    try {
      const started = Date.now();
      const search = await cli(['search', 'بوتين', '--json']);
      expect(search.code, search.stderr).toBe(0);
      expect(JSON.parse(search.stdout).results.length).toBeGreaterThan(0);
      expect(search.stderr).toMatch(/another nashra process is indexing/);
      expect(Date.now() - started).toBeLessThan(15_000); // never the 17–24 s of waiting on a lock
      const second = await cli(['index']);
      expect(second.code).toBe(3);
      expect(second.stderr.trim()).toMatch(/^nashra: another nashra process is indexing .*nashra\.sqlite; try again/);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      lock.release();
    }
  });

  it.runIf(process.getuid?.() === 0 && othersCanReach(PROJECT_ROOT))(
    'answers from a read-only database, saying the answers may be stale',
    async () => {
      const roDir = join(dir, 'ro');
      mkdirSync(roDir);
      const roDb = join(roDir, 'nashra.sqlite');
      const source = new Database(db, { readonly: true });
      await source.backup(roDb);
      source.close();
      chmodSync(roDb, 0o444);
      chmodSync(roDir, 0o555);
      chmodSync(dir, 0o755); // mkdtemp's 0700 would keep the other user out of the corpus too
      const { spawnSync } = await import('node:child_process');
      const { ROOT, TSX } = await import('../support/run-cli.js');
      const r = spawnSync(TSX, ['src/cli/main.ts', 'latest', '--json', '--corpus', corpus(), '--db', roDb], {
        cwd: ROOT,
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        env: { ...process.env, HOME: '/tmp' },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).articles.length).toBe(5);
      expect(r.stderr).toMatch(/read-only/);
    },
  );

  it('reports 8 KB of garbage with the file and the way out, and index --rebuild keeps subscriptions', async () => {
    const damaged = join(dir, 'damaged.sqlite');
    expect((await cli(['index'], damaged)).code).toBe(0);
    const raw = new Database(damaged);
    raw
      .prepare(`INSERT INTO subscriptions (platform, chat_id, schedule, timezone, locale, created_by, created_at, scheduled_since, since)
      VALUES ('telegram', '42', 'daily 08:00', 'Asia/Riyadh', 'ar', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
      .run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const check = await cli(['index'], damaged);
    expect(check.code).toBe(4);
    expect(check.stderr).toContain(damaged);
    expect(check.stderr).toMatch(/damaged.*index --rebuild/s);
    expect(check.stderr).not.toMatch(/\bat .+:\d+:\d+/);

    const rebuilt = await cli(['index', '--rebuild', '--json'], damaged);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ articles: 5, kept: { subscriptions: 1 } });
    const after = new Database(damaged, { readonly: true });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT chat_id FROM subscriptions').all()).toEqual([{ chat_id: '42' }]);
    after.close();
    expect((await cli(['search', 'بوتين'], damaged)).code).toBe(0);
  });

  it('backs up the database while it is open, into a file that opens and holds the archive', async () => {
    const copy = join(dir, 'backup.sqlite');
    const r = await cli(['backup', copy, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ backup: copy });
    const b = new Database(copy, { readonly: true });
    expect(b.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 5 });
    b.close();
  });
}, 120_000);
