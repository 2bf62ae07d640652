import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPDATE_LEDGER_RETENTION_MS } from '../../src/core/ports/update-ledger.js';
import { UPDATE_LEDGER_PRUNE_EVERY_MS, createSqliteUpdateLedger } from '../../src/store/create-sqlite-update-ledger.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';

describe('SQLite update ledger', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-ledger-'));
    db = openDatabase(join(dir, 'nashra.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says true the first time an update is claimed, false after, per platform', async () => {
    const ledger = createSqliteUpdateLedger(db);
    expect(await ledger.claim('telegram', 500)).toBe(true);
    expect(await ledger.claim('telegram', 500)).toBe(false);
    expect(await ledger.claim('telegram', 501)).toBe(true);
    expect(await ledger.claim('discord', 500)).toBe(true);
  });

  it('keeps Discord interaction ids (64-bit snowflakes) apart when they differ only past 2^53', async () => {
    const ledger = createSqliteUpdateLedger(db);
    const id = 1_234_567_890_123_456_789n;
    expect(await ledger.claim('discord', id)).toBe(true);
    expect(await ledger.claim('discord', id + 1n)).toBe(true);
    expect(await ledger.claim('discord', id)).toBe(false);
  });

  it('is shared by two connections to one file: the second instance is told it is a duplicate', async () => {
    const other = openDatabase(join(dir, 'nashra.sqlite'));
    try {
      expect(await createSqliteUpdateLedger(db).claim('telegram', 7)).toBe(true);
      expect(await createSqliteUpdateLedger(other).claim('telegram', 7)).toBe(false);
    } finally {
      other.close();
    }
  });

  it('forgets claims older than the retention window, and keeps younger ones', async () => {
    let now = 1_000_000_000;
    const ledger = createSqliteUpdateLedger(db, { now: () => now });
    await ledger.claim('telegram', 1);
    now += UPDATE_LEDGER_RETENTION_MS / 2;
    await ledger.claim('telegram', 2);
    now += UPDATE_LEDGER_RETENTION_MS / 2 + UPDATE_LEDGER_PRUNE_EVERY_MS;
    expect(await ledger.claim('telegram', 3)).toBe(true); // prunes update 1 (older than the window)
    const left = db.prepare('SELECT update_id FROM update_claims ORDER BY update_id').pluck().all();
    expect(left).toEqual([2, 3]);
    expect(await ledger.claim('telegram', 2)).toBe(false);
  });
});
