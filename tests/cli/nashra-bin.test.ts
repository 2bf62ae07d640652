import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
/** The `nashra` bin as package.json names it: the bundle `prepare` builds at install. */
const BIN = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { nashra: string } }).bin.nashra,
);

/**
 * The installed command, not the TypeScript sources: the bundle must resolve its chunks,
 * its lazily loaded modules and the analysis worker it starts (past 48 articles).
 */
describe('the nashra bin', { timeout: 60_000 }, () => {
  let dir: string;
  const nashra = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [BIN, ...args, '--db', join(dir, 'db.sqlite'), '--json'], {
      cwd: ROOT,
      env: { ...process.env, DEBUG: '' },
    });
    return JSON.parse(stdout);
  };

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: npm install (or npm run prepare) builds it`);
    dir = mkdtempSync(join(tmpdir(), 'nashra-bin-'));
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
    // 60 composed articles besides the five fixtures, so indexing takes the worker-thread path.
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        id: `bulk-${i}`,
        title: `خبر رقم ${i}`,
        body: `قال الوزير كريم منصور: «المشروع رقم ${i} يبدأ غدا». وأضاف أن العمل مستمر.`,
      }),
    );
    writeFileSync(join(dir, 'corpus', 'bulk.jsonl'), `${lines.join('\n')}\n`);
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it('indexes through its worker and answers searches and quotes', async () => {
    const index = await nashra('index', '--corpus', join(dir, 'corpus'));
    expect(index.articles).toBe(65);
    const search = await nashra('search', 'Putin', '--corpus', join(dir, 'corpus'));
    expect(search.results.length).toBeGreaterThan(0);
    const quotes = await nashra('quotes', 'كريم منصور', '--corpus', join(dir, 'corpus'));
    expect(quotes.person.name).toBe('كريم منصور');
    expect(quotes.quotes.length).toBeGreaterThan(0);
  });
});
