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

const url = (what: string) =>
  optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+[^/]$/.test(v), `${what} must be an http(s) URL without a trailing slash`);

const EnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), 'TELEGRAM_BOT_TOKEN must look like 123456:ABC-def (from @BotFather)'),
  TELEGRAM_API_ROOT: url('TELEGRAM_API_ROOT'),
  DISCORD_TOKEN: optionalText,
  DISCORD_API_URL: url('DISCORD_API_URL'),
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'DISCORD_GUILD_ID must be a numeric guild id'),
  NASHRA_CORPUS_DIR: optionalText.default(CONFIG_DEFAULTS.corpusDir),
  NASHRA_DB: optionalText.default(CONFIG_DEFAULTS.db),
  NASHRA_TIMEZONE: optionalText
    .default(CONFIG_DEFAULTS.timezone)
    .refine((v) => v === undefined || isTimeZone(v), 'NASHRA_TIMEZONE must be an IANA time zone such as Asia/Riyadh'),
  NASHRA_RESCAN_SECONDS: optionalText
    .default(CONFIG_DEFAULTS.rescanSeconds)
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 86_400), 'NASHRA_RESCAN_SECONDS must be a whole number of seconds from 0 (off) to 86400'),
  NASHRA_FEEDS: optionalText,
  NASHRA_FEED_MINUTES: optionalText
    .default(CONFIG_DEFAULTS.feedMinutes)
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1440), 'NASHRA_FEED_MINUTES must be a whole number of minutes from 1 to 1440'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
    .default(CONFIG_DEFAULTS.logLevel),
});

/** nashra's settings, parsed once at start-up. */
export interface Config {
  readonly telegram: { readonly token: string; readonly apiRoot: string | undefined } | null;
  readonly discord: { readonly token: string; readonly apiUrl: string | undefined; readonly guildId: string | undefined } | null;
  readonly corpusDir: string;
  readonly db: string;
  readonly timezone: string;
  /** How often the running bot rescans the corpus for new or changed articles; 0: never. */
  readonly rescanSeconds: number;
  /** The feeds file; `explicit` when NASHRA_FEEDS named it (then it must exist). */
  readonly feeds: { readonly file: string; readonly explicit: boolean };
  /** Minutes between two polls of one feed. */
  readonly feedMinutes: number;
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
    discord: e.DISCORD_TOKEN ? { token: e.DISCORD_TOKEN, apiUrl: e.DISCORD_API_URL, guildId: e.DISCORD_GUILD_ID } : null,
    corpusDir: e.NASHRA_CORPUS_DIR ?? CONFIG_DEFAULTS.corpusDir,
    db: e.NASHRA_DB ?? CONFIG_DEFAULTS.db,
    timezone: e.NASHRA_TIMEZONE ?? CONFIG_DEFAULTS.timezone,
    rescanSeconds: Number(e.NASHRA_RESCAN_SECONDS ?? CONFIG_DEFAULTS.rescanSeconds),
    feeds: { file: e.NASHRA_FEEDS ?? CONFIG_DEFAULTS.feedsFile, explicit: e.NASHRA_FEEDS !== undefined },
    feedMinutes: Number(e.NASHRA_FEED_MINUTES ?? CONFIG_DEFAULTS.feedMinutes),
    logLevel: e.LOG_LEVEL,
  };
}
