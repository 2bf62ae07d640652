import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../../emulators/discord-emulator.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { startTelegramEmulator } from '../../emulators/telegram-emulator.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/main.ts');

/** Made-up tokens of the real shapes: they pass the configuration check and are refused by the emulators. */
const WRONG_TELEGRAM_TOKEN = '1234567890:AAwrongwrongwrongwrongwrongwrongwro';
const WRONG_DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GwrongA.wrongwrongwrongwrongwrongwrongwrong12';

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once stderr contains `text`. */
  waitForStderr(text: string): Promise<void>;
}

/** Starts `npm start`'s entry point in `cwd` with `env` on top of a clean environment; stdin is /dev/null unless `input` is given. */
function start(cwd: string, env: Record<string, string>, options: { input?: string } = {}): Run {
  const child = spawn(TSX, [MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TELEGRAM_BOT_TOKEN: '',
      DISCORD_TOKEN: '',
      NASHRA_RESCAN_SECONDS: '0',
      ...env,
    },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => {
    stderr += d;
    for (const w of waiters.filter((w) => stderr.includes(w.text))) w.resolve();
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    child,
    done,
    waitForStderr: (text) =>
      stderr.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve })),
  };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

// Each case starts the real entry point (tsx compiles it first): seconds each on a busy machine.
describe('start-up failures say what is wrong in one line', { timeout: 60_000 }, () => {
  let dir: string;
  let base: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-start-'));
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
    base = { NASHRA_CORPUS_DIR: join(dir, 'corpus'), NASHRA_DB: join(dir, 'db.sqlite'), LOG_LEVEL: 'silent' };
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it('a headless start with no token exits non-zero, saying which variables to set', async () => {
    const { code, stdout, stderr } = await start(dir, base).done;
    expect(code).not.toBe(0);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^nashra: no bot token and no terminal: set TELEGRAM_BOT_TOKEN and\/or DISCORD_TOKEN/);
    expect(stderr).toContain('docker run -it');
    expect(stdout).toBe('');
  });

  it('a start with piped input and no token still runs the console', async () => {
    const { code, stdout } = await start(dir, base, { input: '/latest\n' }).done;
    expect(code).toBe(0);
    expect(stdout).toContain('أحدث المقالات');
  });

  it('an interactive start (a terminal, as with docker run -it) with no token opens the console', async () => {
    // `script` gives the child a pseudo-terminal as its standard input.
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...base,
      NASHRA_RESCAN_SECONDS: '0',
      TERM: 'dumb',
    };
    const child = spawn('script', ['-qec', `${TSX} ${MAIN}`, '/dev/null'], {
      cwd: dir,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.write('/latest\n/exit\n'); // typed ahead: the terminal keeps it until the console reads
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('نشرة جاهزة');
    expect(out).toContain('أحدث المقالات');
  }, 60_000);

  it('a token that is no token is refused by the configuration check, before any network call', async () => {
    const { code, stderr } = await start(dir, { ...base, DISCORD_TOKEN: '…' }).done;
    expect(code).toBe(2);
    expect(stderr).toContain('DISCORD_TOKEN is not a bot token');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('a Telegram token the API refuses (401) exits 1 with one line and no stack trace', async () => {
    const emulator = await startTelegramEmulator({ token: '1234567890:AArightrightrightrightrightrightrig' });
    try {
      const { code, stderr } = await start(dir, {
        ...base,
        TELEGRAM_BOT_TOKEN: WRONG_TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
      }).done;
      expect(code).toBe(1);
      expect(lines(stderr)).toEqual([
        expect.stringMatching(
          /^nashra: Telegram refused TELEGRAM_BOT_TOKEN \(401 Unauthorized\): the token is wrong or was revoked; get the current one from @BotFather/,
        ),
      ]);
      expect(stderr).not.toContain(WRONG_TELEGRAM_TOKEN);
    } finally {
      await emulator.close();
    }
  });

  it('a Discord token the API refuses (401) exits 1 with one line and no stack trace', async () => {
    const emulator = await startDiscordEmulator();
    try {
      const { code, stderr } = await start(dir, {
        ...base,
        DISCORD_TOKEN: WRONG_DISCORD_TOKEN,
        DISCORD_API_URL: emulator.apiUrl,
      }).done;
      expect(code).toBe(1);
      expect(lines(stderr)).toEqual([
        expect.stringMatching(
          /^nashra: Discord refused DISCORD_TOKEN \(401 [^)]*\): the token is wrong or was revoked; copy it again from the Developer Portal/,
        ),
      ]);
      expect(stderr).not.toContain(WRONG_DISCORD_TOKEN);
    } finally {
      await emulator.close();
    }
  });

  it('an unreachable API root is retried with a log line saying why, until stopped', async () => {
    const root = `http://127.0.0.1:${await closedPort()}`;
    const run = start(dir, {
      ...base,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: WRONG_TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: root,
    });
    await run.waitForStderr('retrying in 2 s (attempt 1 of 6)');
    run.child.kill('SIGTERM');
    const { stderr } = await run.done;
    const line = JSON.parse(lines(stderr)[0]!) as { msg: string; reason: string; url: string };
    expect(line.msg).toBe(`cannot reach Telegram at ${root} (ECONNREFUSED); retrying in 2 s (attempt 1 of 6)`);
    expect(line).toMatchObject({ reason: 'ECONNREFUSED', url: root });
    expect(stderr).not.toContain(WRONG_TELEGRAM_TOKEN);
  });

  it('LOG_LEVEL=info from a copied .env prints no JSON log lines into the console', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'nashra-env-'));
    try {
      writeFileSync(join(cwd, '.env'), 'LOG_LEVEL=info\nNASHRA_RESCAN_SECONDS=60\n');
      const { LOG_LEVEL: _, ...env } = base;
      const { code, stdout, stderr } = await start(cwd, env, { input: '/latest\n/exit\n' }).done;
      expect(code).toBe(0);
      expect(stdout).toContain('أحدث المقالات');
      expect(stdout).not.toContain('"level"');
      expect(stderr).not.toContain('"level"');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
