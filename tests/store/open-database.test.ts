import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open-database.js';

describe('openDatabase', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file (and its folder) in WAL mode at the current schema', () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-db-'));
    const db = openDatabase(join(dir, 'sub', 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('opens an existing database again without re-running migrations', () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-db-'));
    const file = join(dir, 'x.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'articles'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('refuses a database from a newer nashra instead of misreading it', () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-db-'));
    const file = join(dir, 'x.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this nashra/);
  });
});

describe('openDatabase on a path it cannot use', () => {
  it.each([
    ['a folder under /proc', '/proc/nashra-nope/x.sqlite'],
    ['a file where a folder should be', '/etc/hostname/x.sqlite'],
  ])('fails fast with the folder named: %s', (_name, file) => {
    expect(() => openDatabase(file)).toThrow(/cannot (create the database folder|open database)/);
  });
});
