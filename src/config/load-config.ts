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

const EnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText.refine(
    (v) => v === undefined || TOKEN_SHAPES.telegram.test(v),
    'TELEGRAM_BOT_TOKEN is not a bot token: it is digits, a colon and 35 letters, digits, - or _ (ask @BotFather for it)',
  ),
  TELEGRAM_API_ROOT: url('TELEGRAM_API_ROOT'),
  DISCORD_TOKEN: optionalText.refine(
    (v) => v === undefined || TOKEN_SHAPES.discord.test(v),
    'DISCORD_TOKEN is not a bot token: it is three parts joined by dots (Developer Portal → your application → Bot → Reset Token)',
  ),
  DISCORD_API_URL: url('DISCORD_API_URL'),
  DISCORD_GUILD_ID: optionalText.refine(
    (v) => v === undefined || /^\d{5,25}$/.test(v),
    'DISCORD_GUILD_ID must be a numeric guild id',
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

/** nashra's settings, parsed once at start-up. */
export interface Config {
  readonly telegram: { readonly token: string; readonly apiRoot: string | undefined } | null;
  readonly discord: {
    readonly token: string;
    readonly apiUrl: string | undefined;
    readonly guildId: string | undefined;
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
  /** Where /healthz and /metrics are served; null: no HTTP server. */
  readonly httpPort: number | null;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/**
 * Reads configuration from the environment. Every problem is reported at once, so a
 * deployment is fixed in one pass; secrets never appear in the message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.message}`);
    throw new NashraError('CONFIG', `invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    telegram: e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT } : null,
    discord: e.DISCORD_TOKEN
      ? { token: e.DISCORD_TOKEN, apiUrl: e.DISCORD_API_URL, guildId: e.DISCORD_GUILD_ID }
      : null,
    corpusDir: e.NASHRA_CORPUS_DIR ?? CONFIG_DEFAULTS.corpusDir,
    db: e.NASHRA_DB ?? CONFIG_DEFAULTS.db,
    timezone: e.NASHRA_TIMEZONE ?? CONFIG_DEFAULTS.timezone,
    rescanSeconds: Number(e.NASHRA_RESCAN_SECONDS ?? CONFIG_DEFAULTS.rescanSeconds),
    feeds: { file: e.NASHRA_FEEDS ?? CONFIG_DEFAULTS.feedsFile, explicit: e.NASHRA_FEEDS !== undefined },
    feedMinutes: Number(e.NASHRA_FEED_MINUTES ?? CONFIG_DEFAULTS.feedMinutes),
    httpPort: e.NASHRA_HTTP_PORT === undefined ? null : Number(e.NASHRA_HTTP_PORT),
    logLevel: e.LOG_LEVEL,
  };
}
