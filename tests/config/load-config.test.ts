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
      leaseSeconds: 15,
      httpPort: null,
      logLevel: 'info',
    });
  });

  it('reads the lease TTL, and refuses one too short to renew or longer than ten minutes', () => {
    expect(loadConfig({ NASHRA_LEASE_SECONDS: '30' }).leaseSeconds).toBe(30);
    expect(() => loadConfig({ NASHRA_LEASE_SECONDS: '2' })).toThrow('NASHRA_LEASE_SECONDS must be');
    expect(() => loadConfig({ NASHRA_LEASE_SECONDS: '601' })).toThrow('NASHRA_LEASE_SECONDS must be');
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
    expect(config.telegram).toEqual({ token: TELEGRAM_TOKEN, apiRoot: 'http://127.0.0.1:8081', webhook: null });
    expect(config.discord).toEqual({
      token: DISCORD_TOKEN,
      apiUrl: 'http://127.0.0.1:8080/api',
      guildId: '123456789012345678',
      shards: { ids: [0], count: 1 },
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

  describe('webhook mode', () => {
    const WEBHOOK = {
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: 'a-Secret_42',
      NASHRA_HTTP_PORT: '8080',
    };

    it('reads the webhook URL and secret; long polling (null) otherwise', () => {
      expect(loadConfig(WEBHOOK).telegram?.webhook).toEqual({
        url: 'https://bot.example.org/telegram/hook',
        secret: 'a-Secret_42',
      });
      expect(loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }).telegram?.webhook).toBeNull();
    });

    it.each(['http://127.0.0.1:8443/hook', 'http://localhost/hook', 'http://[::1]:9/hook'])(
      'accepts plain http on the loopback host %s',
      (url) => {
        expect(loadConfig({ ...WEBHOOK, TELEGRAM_WEBHOOK_URL: url }).telegram?.webhook?.url).toBe(url);
      },
    );

    it.each([
      [
        'an http URL off this machine',
        { TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/hook' },
        'TELEGRAM_WEBHOOK_URL must be an https URL',
      ],
      ['not a URL', { TELEGRAM_WEBHOOK_URL: 'bot.example.org/hook' }, 'TELEGRAM_WEBHOOK_URL must be an https URL'],
      ['a secret with a space', { TELEGRAM_WEBHOOK_SECRET: 'two words' }, 'TELEGRAM_WEBHOOK_SECRET must be 1 to 256'],
      [
        'a secret of 257 characters',
        { TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(257) },
        'TELEGRAM_WEBHOOK_SECRET must be 1 to 256',
      ],
      ['a URL without a secret', { TELEGRAM_WEBHOOK_SECRET: '' }, 'set together or not at all'],
      ['a secret without a URL', { TELEGRAM_WEBHOOK_URL: undefined }, 'set together or not at all'],
      ['no HTTP port', { NASHRA_HTTP_PORT: undefined }, 'needs NASHRA_HTTP_PORT'],
      ['no bot token', { TELEGRAM_BOT_TOKEN: undefined }, 'needs TELEGRAM_BOT_TOKEN'],
    ])('refuses %s', (_what, change, message) => {
      expect(() => loadConfig({ ...WEBHOOK, ...change })).toThrow(message);
    });

    it('lists every webhook problem at once, with the field problems, never echoing the secret', () => {
      let message = '';
      try {
        loadConfig({
          TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
          TELEGRAM_WEBHOOK_SECRET: 'secret with spaces',
          LOG_LEVEL: 'loud',
        });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain('TELEGRAM_WEBHOOK_SECRET must be 1 to 256');
      expect(message).toContain('set together or not at all');
      expect(message).toContain('needs NASHRA_HTTP_PORT');
      expect(message).toContain('LOG_LEVEL');
      expect(message).not.toContain('secret with spaces');
    });
  });

  describe('Discord shards', () => {
    const shards = (env: Record<string, string>) => loadConfig({ DISCORD_TOKEN, ...env }).discord?.shards;

    it('holds every shard of DISCORD_SHARD_COUNT by default (one shard when unset)', () => {
      expect(shards({})).toEqual({ ids: [0], count: 1 });
      expect(shards({ DISCORD_SHARD_COUNT: '3' })).toEqual({ ids: [0, 1, 2], count: 3 });
      expect(shards({ DISCORD_SHARD_COUNT: 'auto' })).toBe('auto');
    });

    it('holds the listed shards of the total', () => {
      expect(shards({ DISCORD_SHARDS: '0, 2', DISCORD_SHARD_COUNT: '4' })).toEqual({ ids: [0, 2], count: 4 });
    });

    it.each([
      ['a list that is not ids', { DISCORD_SHARDS: 'first', DISCORD_SHARD_COUNT: '2' }, 'DISCORD_SHARDS must list'],
      [
        'a shard listed twice',
        { DISCORD_SHARDS: '1,1', DISCORD_SHARD_COUNT: '2' },
        'DISCORD_SHARDS must list distinct',
      ],
      ['a zero count', { DISCORD_SHARD_COUNT: '0' }, 'DISCORD_SHARD_COUNT must be a whole number'],
      ['shards without a count', { DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS needs DISCORD_SHARD_COUNT'],
      [
        'shards with an automatic count',
        { DISCORD_SHARDS: '0', DISCORD_SHARD_COUNT: 'auto' },
        'needs DISCORD_SHARD_COUNT',
      ],
      ['an id not below the count', { DISCORD_SHARDS: '0,2', DISCORD_SHARD_COUNT: '2' }, 'DISCORD_SHARDS 2 not below'],
    ])('refuses %s', (_what, env, message) => {
      expect(() => shards(env)).toThrow(message);
    });

    it('lists every shard problem at once, and needs a Discord token', () => {
      let message = '';
      try {
        loadConfig({ DISCORD_SHARDS: '5,x', DISCORD_SHARD_COUNT: '0' });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain('DISCORD_SHARDS must list');
      expect(message).toContain('DISCORD_SHARD_COUNT must be a whole number');
      expect(message).toContain('need DISCORD_TOKEN');
    });
  });
});
