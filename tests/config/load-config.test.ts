import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';

/** Made-up tokens of the real shapes (no real bot has them). */
const TELEGRAM_TOKEN = '1234567890:AAFakeFakeFakeFakeFakeFakeFakeFake_';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GfakeA.fakefakefakefakefakefakefakefakefake12';

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    expect(loadConfig({})).toEqual({
      telegram: null,
      discord: null,
      corpusDir: 'data/corpus',
      db: 'data/nashra.sqlite',
      timezone: 'UTC',
      rescanSeconds: 60,
      feeds: { file: 'data/feeds.txt', explicit: false },
      feedMinutes: 15,
      httpPort: null,
      logLevel: 'info',
    });
  });

  it('reads the feeds file and interval; a named file is explicit (it must exist)', () => {
    expect(loadConfig({ NASHRA_FEEDS: 'conf/feeds.txt', NASHRA_FEED_MINUTES: '5' })).toMatchObject({
      feeds: { file: 'conf/feeds.txt', explicit: true },
      feedMinutes: 5,
    });
  });

  it('treats empty strings (as in a copied .env.example) as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '  ', NASHRA_DB: '' })).toMatchObject({
      telegram: null,
      discord: null,
      db: 'data/nashra.sqlite',
    });
  });

  it('reads every platform setting', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      DISCORD_TOKEN: DISCORD_TOKEN,
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      DISCORD_GUILD_ID: '123456789012345678',
      NASHRA_TIMEZONE: 'Asia/Riyadh',
      NASHRA_HTTP_PORT: '9464',
      LOG_LEVEL: 'debug',
    });
    expect(config.telegram).toEqual({ token: TELEGRAM_TOKEN, apiRoot: 'http://127.0.0.1:8081' });
    expect(config.discord).toEqual({
      token: DISCORD_TOKEN,
      apiUrl: 'http://127.0.0.1:8080/api',
      guildId: '123456789012345678',
    });
    expect(config).toMatchObject({ timezone: 'Asia/Riyadh', logLevel: 'debug', httpPort: 9464 });
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', '123456:ABC-def'],
    ['TELEGRAM_BOT_TOKEN', '<your token>'],
    ['TELEGRAM_BOT_TOKEN', '…'],
    ['DISCORD_TOKEN', '…'],
    ['DISCORD_TOKEN', 'your-discord-token'],
    ['DISCORD_TOKEN', TELEGRAM_TOKEN],
    ['NASHRA_HTTP_PORT', '80000'],
    ['NASHRA_HTTP_PORT', 'http'],
  ])('refuses %s=%j at start-up, naming the variable and not the value', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      expect((err as Error).message).not.toContain(value);
    }
  });

  it('lists every problem at once, without echoing secrets', () => {
    let message = '';
    try {
      loadConfig({
        TELEGRAM_BOT_TOKEN: 'not-a-token-secret',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
        DISCORD_GUILD_ID: 'abc',
        NASHRA_TIMEZONE: 'Mars/Olympus',
        NASHRA_RESCAN_SECONDS: '-5',
        NASHRA_FEED_MINUTES: '0',
        LOG_LEVEL: 'loud',
      });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of [
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_API_ROOT',
      'DISCORD_GUILD_ID',
      'NASHRA_TIMEZONE',
      'NASHRA_RESCAN_SECONDS',
      'NASHRA_FEED_MINUTES',
      'LOG_LEVEL',
    ])
      expect(message).toContain(name);
    expect(message).not.toContain('not-a-token-secret');
  });
});
