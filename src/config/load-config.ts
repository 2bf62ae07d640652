import { z } from 'zod';
import { NashraError } from '../core/errors/nashra-error.js';

/** Defaults for every setting that has one. */
export const CONFIG_DEFAULTS = {
  corpusDir: 'data/corpus',
  db: 'data/nashra.sqlite',
  timezone: 'UTC',
  logLevel: 'info',
  rescanSeconds: '60',
  feedsFile: 'data/feeds.txt',
  feedMinutes: '15',
  leaseSeconds: '15',
} as const satisfies Record<string, string>;

function isTimeZone(zone: string): boolean {
  // The default needs no check, and the check loads ICU's zone data (tens of ms a start).
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * Token shapes, checked before any network call so a placeholder («…», `123456:ABC-def`)
 * fails at start-up with the variable's name instead of a 401 and a restart loop.
 * Telegram: the bot's numeric id, a colon, a 35-character secret. Discord: three
 * dot-separated base64url parts (user id, timestamp, signature).
 */
export const TOKEN_SHAPES = {
  telegram: /^\d{1,20}:[\w-]{30,60}$/,
  discord: /^[\w-]{17,40}\.[\w-]{4,10}\.[\w-]{25,80}$/,
} as const satisfies Record<string, RegExp>;

const url = (what: string) =>
  optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^\s]+[^/]$/.test(v),
    `${what} must be an http(s) URL without a trailing slash`,
  );

/** Telegram's allowed characters for a webhook's `secret_token` (setWebhook). */
export const WEBHOOK_SECRET_SHAPE = /^[A-Za-z0-9_-]{1,256}$/;
/** Hosts a webhook may be served from over plain http: the machine itself (tests, a local Bot API server). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when `v` is a webhook URL Telegram accepts: https, or http on a loopback host. */
function isWebhookUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname));
  } catch {
    return false;
  }
}

/** Bounds of Discord sharding settings: at most this many shards in all (far above any real bot's). */
export const DISCORD_SHARD_LIMITS = { maxCount: 4096 } as const satisfies Record<string, number>;

const shardIdList = /^\s*\d{1,5}(\s*,\s*\d{1,5})*\s*$/;

/** The ids in a DISCORD_SHARDS list such as "0,2". */
function parseShardIds(v: string): number[] {
  return v.split(',').map((p) => Number(p.trim()));
}

const EnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText.refine(
    (v) => v === undefined || TOKEN_SHAPES.telegram.test(v),
    'TELEGRAM_BOT_TOKEN is not a bot token: it is digits, a colon and 35 letters, digits, - or _ (ask @BotFather for it)',
  ),
  TELEGRAM_API_ROOT: url('TELEGRAM_API_ROOT'),
  TELEGRAM_WEBHOOK_URL: optionalText.refine(
    (v) => v === undefined || isWebhookUrl(v),
    'TELEGRAM_WEBHOOK_URL must be an https URL (plain http only on localhost / 127.0.0.1)',
  ),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine(
    (v) => v === undefined || WEBHOOK_SECRET_SHAPE.test(v),
    'TELEGRAM_WEBHOOK_SECRET must be 1 to 256 letters, digits, _ or - (what Telegram allows as a secret_token)',
  ),
  DISCORD_TOKEN: optionalText.refine(
    (v) => v === undefined || TOKEN_SHAPES.discord.test(v),
    'DISCORD_TOKEN is not a bot token: it is three parts joined by dots (Developer Portal → your application → Bot → Reset Token)',
  ),
  DISCORD_API_URL: url('DISCORD_API_URL'),
  DISCORD_GUILD_ID: optionalText.refine(
    (v) => v === undefined || /^\d{5,25}$/.test(v),
    'DISCORD_GUILD_ID must be a numeric guild id',
  ),
  DISCORD_SHARDS: optionalText.refine(
    (v) => v === undefined || (shardIdList.test(v) && new Set(parseShardIds(v)).size === parseShardIds(v).length),
    'DISCORD_SHARDS must list distinct shard ids separated by commas, e.g. 0 or 0,2',
  ),
  DISCORD_SHARD_COUNT: optionalText.refine(
    (v) =>
      v === undefined ||
      v === 'auto' ||
      (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= DISCORD_SHARD_LIMITS.maxCount),
    `DISCORD_SHARD_COUNT must be a whole number of shards from 1 to ${DISCORD_SHARD_LIMITS.maxCount}, or auto (what Discord recommends)`,
  ),
  NASHRA_CORPUS_DIR: optionalText.default(CONFIG_DEFAULTS.corpusDir),
  NASHRA_DB: optionalText.default(CONFIG_DEFAULTS.db),
  NASHRA_TIMEZONE: optionalText
    .default(CONFIG_DEFAULTS.timezone)
    .refine((v) => v === undefined || isTimeZone(v), 'NASHRA_TIMEZONE must be an IANA time zone such as Asia/Riyadh'),
  NASHRA_RESCAN_SECONDS: optionalText
    .default(CONFIG_DEFAULTS.rescanSeconds)
    .refine(
      (v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 86_400),
      'NASHRA_RESCAN_SECONDS must be a whole number of seconds from 0 (off) to 86400',
    ),
  NASHRA_FEEDS: optionalText,
  NASHRA_FEED_MINUTES: optionalText
    .default(CONFIG_DEFAULTS.feedMinutes)
    .refine(
      (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1440),
      'NASHRA_FEED_MINUTES must be a whole number of minutes from 1 to 1440',
    ),
  NASHRA_LEASE_SECONDS: optionalText
    .default(CONFIG_DEFAULTS.leaseSeconds)
    .refine(
      (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 3 && Number(v) <= 600),
      'NASHRA_LEASE_SECONDS must be a whole number of seconds from 3 to 600',
    ),
  NASHRA_HTTP_PORT: optionalText.refine(
    (v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 65_535),
    'NASHRA_HTTP_PORT must be a TCP port number from 0 to 65535 (0: any free port)',
  ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default(CONFIG_DEFAULTS.logLevel),
});

/** Where Telegram POSTs updates, and the secret it sends with each (`X-Telegram-Bot-Api-Secret-Token`). */
export interface TelegramWebhook {
  readonly url: string;
  readonly secret: string;
}

/**
 * Rules between settings, which one field's check cannot see: webhook mode needs both
 * its variables, a bot token, and the HTTP server it is served on.
 */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  const url = set('TELEGRAM_WEBHOOK_URL');
  const secret = set('TELEGRAM_WEBHOOK_SECRET');
  if (url !== secret)
    problems.push('TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET are set together or not at all (webhook mode)');
  if ((url || secret) && !set('TELEGRAM_BOT_TOKEN'))
    problems.push("TELEGRAM_WEBHOOK_URL needs TELEGRAM_BOT_TOKEN (the webhook is that bot's)");
  if ((url || secret) && !set('NASHRA_HTTP_PORT'))
    problems.push('webhook mode (TELEGRAM_WEBHOOK_URL) needs NASHRA_HTTP_PORT: the webhook is served on that port');
  return [...problems, ...shardProblems(env, set)];
}

/**
 * Sharding rules: shards are a Discord setting; an instance holding only some shards must
 * be told the total (every instance must agree on it, so it is not guessed); each id is
 * below the total.
 */
function shardProblems(env: NodeJS.ProcessEnv, set: (name: string) => boolean): string[] {
  const problems: string[] = [];
  const shards = set('DISCORD_SHARDS') ? (env.DISCORD_SHARDS ?? '').trim() : null;
  const count = set('DISCORD_SHARD_COUNT') ? (env.DISCORD_SHARD_COUNT ?? '').trim() : null;
  if ((shards !== null || count !== null) && !set('DISCORD_TOKEN'))
    problems.push('DISCORD_SHARDS and DISCORD_SHARD_COUNT need DISCORD_TOKEN (they shard the Discord gateway)');
  if (shards !== null && (count === null || count === 'auto'))
    problems.push(
      'DISCORD_SHARDS needs DISCORD_SHARD_COUNT as a number: every instance must use the same total (e.g. DISCORD_SHARDS=0,2 DISCORD_SHARD_COUNT=4)',
    );
  if (shards !== null && count !== null && /^\d+$/.test(count) && shardIdList.test(shards)) {
    const over = parseShardIds(shards).filter((id) => id >= Number(count));
    if (over.length > 0)
      problems.push(
        `DISCORD_SHARDS ${over.join(', ')} not below DISCORD_SHARD_COUNT ${count}: shard ids run from 0 to the count minus 1`,
      );
  }
  return problems;
}

/**
 * Which Discord gateway shards this instance holds, of how many in all; `auto`: all of
 * them, as many as Discord recommends (one instance only).
 */
export type DiscordShards = { readonly ids: readonly number[]; readonly count: number } | 'auto';

/** The shards a parsed environment asks for: by default all of DISCORD_SHARD_COUNT (itself 1 by default). */
function discordShards(ids: string | undefined, count: string | undefined): DiscordShards {
  if (count === 'auto') return 'auto';
  const total = count === undefined ? 1 : Number(count);
  return { ids: ids === undefined ? Array.from({ length: total }, (_, i) => i) : parseShardIds(ids), count: total };
}

/** nashra's settings, parsed once at start-up. */
export interface Config {
  readonly telegram: {
    readonly token: string;
    readonly apiRoot: string | undefined;
    /** Webhook mode (updates POSTed by Telegram to `url`); null: long polling, the default. */
    readonly webhook: TelegramWebhook | null;
  } | null;
  readonly discord: {
    readonly token: string;
    readonly apiUrl: string | undefined;
    readonly guildId: string | undefined;
    /** The gateway shards this instance holds (DISCORD_SHARDS of DISCORD_SHARD_COUNT). */
    readonly shards: DiscordShards;
  } | null;
  readonly corpusDir: string;
  readonly db: string;
  readonly timezone: string;
  /** How often the running bot rescans the corpus for new or changed articles; 0: never. */
  readonly rescanSeconds: number;
  /** The feeds file; `explicit` when NASHRA_FEEDS named it (then it must exist). */
  readonly feeds: { readonly file: string; readonly explicit: boolean };
  /** Minutes between two polls of one feed. */
  readonly feedMinutes: number;
  /**
   * How long a lease (which instance long-polls Telegram, which polls feeds) lasts without
   * renewal: a standby takes over a dead holder's job within about this long (plus a third).
   */
  readonly leaseSeconds: number;
  /** Where /healthz, /metrics and the Telegram webhook are served; null: no HTTP server. */
  readonly httpPort: number | null;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/**
 * Reads configuration from the environment. Every problem is reported at once, so a
 * deployment is fixed in one pass; secrets never appear in the message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => i.message)), ...crossFieldProblems(env)];
  if (!parsed.success || problems.length > 0) {
    throw new NashraError('CONFIG', `invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const e = parsed.data;
  const webhook =
    e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
      ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET }
      : null;
  return {
    telegram: e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, webhook } : null,
    discord: e.DISCORD_TOKEN
      ? {
          token: e.DISCORD_TOKEN,
          apiUrl: e.DISCORD_API_URL,
          guildId: e.DISCORD_GUILD_ID,
          shards: discordShards(e.DISCORD_SHARDS, e.DISCORD_SHARD_COUNT),
        }
      : null,
    corpusDir: e.NASHRA_CORPUS_DIR ?? CONFIG_DEFAULTS.corpusDir,
    db: e.NASHRA_DB ?? CONFIG_DEFAULTS.db,
    timezone: e.NASHRA_TIMEZONE ?? CONFIG_DEFAULTS.timezone,
    rescanSeconds: Number(e.NASHRA_RESCAN_SECONDS ?? CONFIG_DEFAULTS.rescanSeconds),
    feeds: { file: e.NASHRA_FEEDS ?? CONFIG_DEFAULTS.feedsFile, explicit: e.NASHRA_FEEDS !== undefined },
    feedMinutes: Number(e.NASHRA_FEED_MINUTES ?? CONFIG_DEFAULTS.feedMinutes),
    leaseSeconds: Number(e.NASHRA_LEASE_SECONDS ?? CONFIG_DEFAULTS.leaseSeconds),
    httpPort: e.NASHRA_HTTP_PORT === undefined ? null : Number(e.NASHRA_HTTP_PORT),
    logLevel: e.LOG_LEVEL,
  };
}
