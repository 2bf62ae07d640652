import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandedBackUpdates } from '../../src/core/ports/handed-back-updates.js';
import { createSqliteHandedBackUpdates } from '../../src/store/create-sqlite-handed-back-updates.js';
import { createSqliteUpdateLedger } from '../../src/store/create-sqlite-update-ledger.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { type BotUnderTest, startBot } from './support/start-bot.js';

/**
 * Updates a stopping instance handed back live in the shared database; every instance that
 * starts loads them. With the update ledger, one instance replays each: the others, loading
 * the same rows before it removed them, leave them alone.
 */
describe('handed-back updates with several instances', () => {
  let dir: string;
  let db: Db;
  let test: TestIndex;
  const bots: BotUnderTest[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-handed-back-'));
    db = openDatabase(join(dir, 'shared.sqlite'));
    test = await createTestIndex();
  });
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.close();
    db.close();
    test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is replayed by one instance only', async () => {
    const store = createSqliteHandedBackUpdates(db);
    const user = { id: 5001, is_bot: false, first_name: 'x', language_code: 'en' };
    const update = {
      update_id: 900,
      message: {
        message_id: 1,
        date: 1_700_000_000,
        chat: { id: user.id, type: 'private', first_name: 'x' },
        from: user,
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    };
    await store.save('telegram', [{ id: update.update_id, payload: JSON.stringify(update) }]);
    // The row stays while both load it (as when two instances start at once).
    const lingering: HandedBackUpdates = { ...store, remove: async () => {} };
    const deps = { handedBack: lingering, ledger: createSqliteUpdateLedger(db), throttle: false };

    const first = await startBot(test.handler, deps);
    bots.push(first);
    const answered = await first.em.settle(0, { timeoutMs: 10_000 });
    expect(answered.filter((c) => c.method === 'sendMessage').length).toBeGreaterThan(0);

    const second = await startBot(test.handler, deps);
    bots.push(second);
    const silence = await second.em.settle(0, { expectSilence: true, quietMs: 500 });
    expect(silence).toEqual([]);
  });
});
