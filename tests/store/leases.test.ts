import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteLeases } from '../../src/store/create-sqlite-leases.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';

describe('SQLite leases', () => {
  let dir: string;
  let db: Db;
  let other: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-leases-'));
    db = openDatabase(join(dir, 'nashra.sqlite'));
    other = openDatabase(join(dir, 'nashra.sqlite'));
  });
  afterEach(() => {
    db.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a lease to one process on the file at a time, until it expires', async () => {
    let now = 1_000_000;
    const a = createSqliteLeases(db, { now: () => now });
    const b = createSqliteLeases(other, { now: () => now });
    expect(await a.acquire('telegram-polling', 'a', 10_000)).toBe(true);
    expect(await b.acquire('telegram-polling', 'b', 10_000)).toBe(false);
    expect(await b.acquire('feeds', 'b', 10_000)).toBe(true); // another name is another lease
    now += 9_000;
    expect(await a.acquire('telegram-polling', 'a', 10_000)).toBe(true); // renewed until 19 000 from here
    now += 9_000;
    expect(await b.acquire('telegram-polling', 'b', 10_000)).toBe(false);
    now += 1_000; // a stopped renewing: its lease ran out
    expect(await b.acquire('telegram-polling', 'b', 10_000)).toBe(true);
    expect(await a.acquire('telegram-polling', 'a', 10_000)).toBe(false);
  });

  it('is free at once when its holder releases it; a release by another holder does nothing', async () => {
    const a = createSqliteLeases(db);
    const b = createSqliteLeases(other);
    expect(await a.acquire('telegram-polling', 'a', 60_000)).toBe(true);
    await b.release('telegram-polling', 'b');
    expect(await b.acquire('telegram-polling', 'b', 60_000)).toBe(false);
    await a.release('telegram-polling', 'a');
    expect(await b.acquire('telegram-polling', 'b', 60_000)).toBe(true);
  });
});
