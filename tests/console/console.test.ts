import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm start`'s entry point with no token, types `input` at the prompt, returns what it printed. */
function runConsole(dir: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: '',
        DISCORD_TOKEN: '',
        NASHRA_CORPUS_DIR: join(dir, 'corpus'),
        NASHRA_DB: join(dir, 'db.sqlite'),
        LOG_LEVEL: 'warn',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm start with no token runs the console', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-console-'));
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it('answers /search كوريا الشمالية at the prompt, pages, and exits cleanly', async () => {
    const { code, stdout } = await runConsole(dir, '/search كوريا الشمالية\n/people\n/next\n/exit\n/latest\n');
    expect(code).toBe(0);
    expect(stdout).toContain('نتائج البحث عن: كوريا الشمالية');
    expect(stdout).toContain('**كوريا** **الشمالية**');
    expect(stdout).toMatch(/صفحة 1 من \d/);
    expect(stdout).toMatch(/صفحة 2 من \d/);
    expect(stdout).not.toContain('أحدث المقالات'); // nothing runs after /exit
  });

  it('summarizes a topic at the prompt: the treaty sentences, the topic words marked, the article named', async () => {
    const { code, stdout } = await runConsole(dir, '/summary معاهدة دفاعية\n');
    expect(code).toBe(0);
    expect(stdout).toContain('ملخص عن: معاهدة دفاعية');
    expect(stdout).toContain('003_3ddc96a2e226cfb4');
    expect(stdout).toContain('**معاهدة** **دفاعية**');
    expect(stdout).toContain('بأغلبية 397 صوتًا');
  });

  it('answers in English after /lang en, and explains a missing argument', async () => {
    const { stdout } = await runConsole(dir, '/lang en\n/quotes\nsearch\n/help\n');
    expect(stdout).toContain('Add a person’s name');
    expect(stdout).toContain('Add a topic after the command');
    expect(stdout).toContain('/people');
  });

  it('answers /lang: a switch is confirmed, an unknown language is explained', async () => {
    const { stdout } = await runConsole(dir, '/lang en\n/lang fr\n/lang\n/lang ar\n/lang fr\n');
    expect(stdout).toContain('I will answer in English from now on.');
    expect(stdout).toContain('I can’t answer in “fr”. I answer in Arabic (/lang ar) or English (/lang en).');
    expect(stdout).toContain('I am answering in English.');
    expect(stdout).toContain('سأجيب بالعربية من الآن.');
    expect(stdout).toContain('لا أجيب بـ«fr». اللغتان المتاحتان: العربية (/lang ar) والإنجليزية (/lang en).');
  });

  it('numbers page 2 from 11, and says so when /next is pressed on the last page', async () => {
    const { stdout } = await runConsole(dir, '/people\n/next\n/next\n/prev\n/prev\n/prev\n');
    const pages = stdout.split('nashra> ').filter((p) => p.includes('الأشخاص الأكثر اقتباسا'));
    expect(pages).toHaveLength(3); // page 1, page 2, page 1 again
    expect(pages[0]).toMatch(/^1\. /m);
    expect(pages[0]).toMatch(/^10\. /m);
    expect(pages[1]).toMatch(/^11\. /m);
    expect(pages[1]).not.toMatch(/^1\. /m);
    expect(pages[1]).toMatch(/صفحة 2 من 2/);
    expect(stdout).toContain('هذه آخر صفحة في القائمة.');
    expect(stdout).toContain('هذه أول صفحة في القائمة.');
  });

  it('survives hostile input', async () => {
    const { code, stdout } = await runConsole(
      dir,
      `/search "\n/search ${'ب'.repeat(5000)}\n/frobnicate\n\u0007\u001b[2J\n/search بريكس\n`,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('لا أعرف هذا الأمر');
    expect(stdout).toContain('قمة');
  });
});
