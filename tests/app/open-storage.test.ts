import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPostgresUrl, openStorage, redactUrl } from '../../src/app/open-storage.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('openStorage', () => {
  it.each([
    ['postgres://u:p@localhost/db', true],
    ['postgresql://localhost/db', true],
    ['POSTGRES://localhost/db', true],
    ['data/nashra.sqlite', false],
    ['/tmp/postgres.sqlite', false],
    [':memory:', false],
  ])('%s names PostgreSQL: %s', (db, expected) => {
    expect(isPostgresUrl(db)).toBe(expected);
  });

  it('never shows a password in messages', () => {
    expect(redactUrl('postgres://nashra:s3cret@db.example:5432/news')).not.toContain('s3cret');
  });

  it('opens a file path as SQLite, with every port and a working index lock', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-storage-'));
    const file = join(dir, 'n.sqlite');
    const storage = await openStorage(file);
    try {
      expect(storage.engine).toBe('sqlite');
      expect(storage.location).toBe(file);
      expect(storage.writer).not.toBeNull();
      expect(await storage.index.countArticles()).toBe(0);
      await storage.check();
      const lock = await storage.tryIndexLock();
      expect(lock).not.toBeNull();
      expect(await storage.tryIndexLock()).toBeNull();
      await lock!.release();
      const again = await storage.tryIndexLock();
      expect(again).not.toBeNull();
      await again!.release();
    } finally {
      await storage.close();
    }
  });
});
