import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../support/postgres-test-database.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

let dir: string;
/** The `--db` of the engine under test: a file in `dir`, or a PostgreSQL database of this file. */
let db: string;
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      TSX,
      ['src/cli/main.ts', ...args, '--corpus', join(dir, 'corpus'), '--db', db],
      {
        cwd: ROOT,
        env: { ...process.env, DEBUG: '' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const json = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

/** The engines the contract holds on: always SQLite; PostgreSQL when NASHRA_TEST_DATABASE_URL names a server. */
const ENGINES = ['sqlite', ...(TEST_DATABASE_URL ? ['postgres'] : [])] as const;

// Every case starts the CLI through tsx, one process per command: a few seconds each on a loaded machine.
describe.each(ENGINES)('CLI contract on %s', { timeout: 60_000 }, (engine) => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-cli-'));
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
    database = engine === 'postgres' ? await createTestDatabase() : undefined;
    db = database?.url ?? join(dir, 'db.sqlite');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('index reports the contract fields, then everything unchanged', async () => {
    expect(await json('index')).toEqual({ added: 5, updated: 0, removed: 0, unchanged: 0, skipped: [], articles: 5 });
    expect(await json('index')).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 5, skipped: [], articles: 5 });
  });

  it('search lists all five Pyongyang spellings, best first, with snippets', async () => {
    const out = await json('search', 'بيونج يانج');
    expect(out.query).toBe('بيونج يانج');
    expect(out.results).toHaveLength(5);
    for (const r of out.results) expect(Object.keys(r).sort()).toEqual(['also', 'id', 'score', 'snippet', 'title']);
    for (const r of out.results) expect(r.also).toEqual([]); // five different stories
    const scores = out.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it.each([['بوتن'], ['Putin'], ['بيونغيانغ']])(
    'search %s finds the five articles, each spelling it its way',
    async (q) => {
      const out = await json('search', q);
      expect(out.results.map((r: { id: string }) => r.id.slice(0, 3)).sort()).toEqual([
        '000',
        '001',
        '002',
        '003',
        '004',
      ]);
    },
  );

  it('quotes of تسوكرمان and بوتين come by their full names; the two Kims stay apart', async () => {
    const tsukerman = await json('quotes', 'تسوكرمان');
    expect(tsukerman.person).toEqual({ name: 'إيرينا تسوكرمان', aliases: ['تسوكرمان'] });
    expect(tsukerman.quotes.length).toBeGreaterThan(2);
    const putin = await json('quotes', 'بوتين');
    expect(putin.person.name).toMatch(/^فلاديمير بوت/);
    expect(putin.quotes.length).toBeGreaterThan(0);
    const people = await json('people');
    const kims = people.people
      .filter((p: { name: string }) => p.name.startsWith('كيم'))
      .map((p: { name: string }) => p.name);
    expect(kims.sort()).toEqual(['كيم جونغ أون', 'كيم يونغ هيون']);
  });

  it.each([['"'], ['كيم" OR "'], ['NEAR('], ['*'], ["'"], ['\\'], ['&|!<->']])(
    'search %j exits 0 with valid JSON',
    async (q) => {
      const out = await json('search', q);
      expect(Array.isArray(out.results)).toBe(true);
    },
  );

  it.each([
    ['an empty query', ['search', '']],
    ['an unknown option', ['search', 'x', '--bogus']],
    ['an unknown command', ['frobnicate']],
    ['a bad limit', ['latest', '--limit', 'lots']],
  ])('%s exits 2 with one line and no stack trace', async (_name, args) => {
    const r = await cli(...args, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  // One process per test: each CLI start costs seconds on a loaded machine, and six in one
  // test outran its timeout there.
  describe('summary, quotes, people, latest and digest return the contract shapes', () => {
    it('summary', async () => {
      const summary = await json('summary', '003_3ddc96a2e226cfb4', '--sentences', '2');
      expect(summary).toMatchObject({ id: '003_3ddc96a2e226cfb4', title: expect.any(String) });
      expect(summary.sentences).toHaveLength(2);
    });
    it('summary --all', async () => {
      const all = await json('summary', '--all');
      expect(all.summaries).toHaveLength(5);
    });
    it('quotes', async () => {
      const quotes = await json('quotes', 'نيمو مجهول');
      expect(quotes).toEqual({ query: 'نيمو مجهول', person: null, quotes: [] });
    });
    it('people', async () => {
      const people = await json('people');
      expect(Array.isArray(people.people)).toBe(true);
    });
    it('latest', async () => {
      const latest = await json('latest', '--limit', '3');
      expect(latest.articles).toHaveLength(3);
      expect(Object.keys(latest.articles[0]).sort()).toEqual(['date', 'id', 'title']);
    });
    it('digest', async () => {
      const digest = await json('digest', '--limit', '2');
      expect(digest.items).toHaveLength(2);
      expect(Object.keys(digest.items[0]).sort()).toEqual(['also', 'id', 'quote', 'summary', 'title']);
      expect(digest.items[0].also).toEqual([]); // the seed articles are five different stories
    });
    it('a topic summary keeps the contract shape and answers the topic', async () => {
      const topic = await json('summary', 'معاهدة دفاعية');
      expect(Object.keys(topic).sort()).toEqual(['id', 'sentences', 'title']);
      expect(topic.id).toBe('003_3ddc96a2e226cfb4');
      expect(topic.sentences.join(' ')).toContain('397');
    });
  });

  it('prints for people without --json', async () => {
    const r = await cli('search', 'قمة بريكس');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('003_3ddc96a2e226cfb4');
    expect(r.stdout).toContain('**بريكس**');
  });
});
