import { describe, expect, it } from 'vitest';
import { type PlatformTarget, type ProbeResult, waitForPlatform } from '../../src/app/wait-for-platform.js';
import { createLogger } from '../../src/logging/create-logger.js';

/** A target whose probes answer `results` in turn (the last one repeats). */
function target(results: ProbeResult[]): PlatformTarget & { probes: number } {
  const t = {
    name: 'Telegram',
    tokenVariable: 'TELEGRAM_BOT_TOKEN',
    rootVariable: 'TELEGRAM_API_ROOT',
    url: 'http://127.0.0.1:9',
    fixHint: 'ask @BotFather',
    probes: 0,
    async probe() {
      return results[Math.min(t.probes++, results.length - 1)]!;
    },
  };
  return t;
}

function logLines() {
  const lines: { msg: string; attempt: number }[] = [];
  const logger = createLogger('warn', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, logger };
}

const down: ProbeResult = { ok: false, kind: 'unreachable', detail: 'ECONNREFUSED' };

describe('waitForPlatform', () => {
  it('retries an unreachable API with doubling, capped waits, logging each, and gives up after the last attempt', async () => {
    const { lines, logger } = logLines();
    const waits: number[] = [];
    const t = target([down]);
    await expect(waitForPlatform(t, { logger, sleep: async (ms) => void waits.push(ms) })).rejects.toThrow(
      'cannot reach Telegram at http://127.0.0.1:9 after 6 attempts (ECONNREFUSED): check the network, or TELEGRAM_API_ROOT',
    );
    expect(t.probes).toBe(6);
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(lines.map((l) => l.msg)).toEqual(
      waits.map(
        (ms, i) =>
          `cannot reach Telegram at http://127.0.0.1:9 (ECONNREFUSED); retrying in ${ms / 1000} s (attempt ${i + 1} of 6)`,
      ),
    );
  });

  it('goes on as soon as the API answers', async () => {
    const { logger } = logLines();
    const t = target([down, down, { ok: true }]);
    await waitForPlatform(t, { logger, sleep: async () => undefined });
    expect(t.probes).toBe(3);
  });

  it('fails at once, naming the variable, when the token is refused', async () => {
    const { lines, logger } = logLines();
    const t = target([{ ok: false, kind: 'refused', status: 401, detail: 'Unauthorized' }]);
    await expect(waitForPlatform(t, { logger, sleep: async () => undefined })).rejects.toThrow(
      'Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked; ask @BotFather',
    );
    expect(t.probes).toBe(1);
    expect(lines).toEqual([]);
  });
});
