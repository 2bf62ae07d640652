import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors/nashra-error.js';

/** The CLI's commands (DESIGN.md, "CLI contract"). */
export const CLI_COMMANDS = [
  'index',
  'search',
  'summary',
  'quotes',
  'people',
  'latest',
  'digest',
  'feeds',
  'fetch',
  'backup',
  'help',
] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** Which options each command accepts, beyond the global --json, --corpus, --db. */
const COMMAND_OPTIONS: Readonly<Record<CliCommand, readonly string[]>> = {
  index: ['prune', 'rebuild'],
  search: ['limit'],
  summary: ['sentences', 'words', 'all'],
  quotes: ['limit'],
  people: ['limit'],
  latest: ['limit'],
  digest: ['since', 'limit', 'topic'],
  feeds: [],
  fetch: [],
  backup: [],
  help: [],
};

/** Bounds of numeric options: generous for scripts, never unbounded. */
export const OPTION_BOUNDS = {
  limit: [1, 1000],
  sentences: [1, 50],
  words: [1, 5000],
} as const satisfies Record<string, readonly [number, number]>;

export interface CliArgs {
  readonly command: CliCommand;
  readonly text: string;
  readonly json: boolean;
  readonly corpus: string | undefined;
  readonly db: string | undefined;
  /** The feeds file (`--feeds`), for every command; `feeds` and `fetch` read it. */
  readonly feeds: string | undefined;
  readonly limit: number | undefined;
  readonly sentences: number | undefined;
  readonly words: number | undefined;
  readonly all: boolean;
  readonly since: string | undefined;
  /** `digest --topic "<words>"`: narrow the digest as a topic subscription does. */
  readonly topic: string | undefined;
  /** `index --prune`: remove articles gone from the corpus even past the safe-removal limit. */
  readonly prune: boolean;
  /** `index --rebuild`: rebuild everything derived from the corpus, keeping subscriptions. */
  readonly rebuild: boolean;
}

function bounded(name: keyof typeof OPTION_BOUNDS, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const [min, max] = OPTION_BOUNDS[name];
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`);
  return n;
}

/** Parses argv (after `node script`). Throws UsageError with a one-line message. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  // biome-ignore lint/suspicious/noImplicitAnyLet: not any: tsc types it from the assignment below (control-flow typing).
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        corpus: { type: 'string' },
        db: { type: 'string' },
        feeds: { type: 'string' },
        limit: { type: 'string' },
        sentences: { type: 'string' },
        words: { type: 'string' },
        all: { type: 'boolean' },
        since: { type: 'string' },
        topic: { type: 'string' },
        prune: { type: 'boolean' },
        rebuild: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, ''));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  if (values.help || first === undefined) return { ...emptyArgs(), command: 'help' };
  if (!(CLI_COMMANDS as readonly string[]).includes(first))
    throw new UsageError(`unknown command "${first}" (try: ${CLI_COMMANDS.join(', ')})`);
  const command = first as CliCommand;
  for (const name of ['limit', 'sentences', 'words', 'all', 'since', 'topic', 'prune', 'rebuild'] as const) {
    if (values[name] !== undefined && !COMMAND_OPTIONS[command].includes(name))
      throw new UsageError(`${command} does not take --${name}`);
  }
  const text = rest.join(' ').trim();
  if (command === 'backup' && text === '')
    throw new UsageError(
      'backup needs a file to write, e.g. npm run -s cli -- backup backups/nashra-2026-12-02.sqlite',
    );
  if (['search', 'quotes'].includes(command) && text === '')
    throw new UsageError(
      `${command} needs ${command === 'search' ? 'a query' : 'a name'}, e.g. npm run -s cli -- ${command} ${command === 'search' ? '"كوريا الشمالية"' : 'بوتين'}`,
    );
  if (command === 'summary' && text === '' && !values.all)
    throw new UsageError('summary needs an article id or a topic, or --all');
  if (command === 'summary' && text !== '' && values.all)
    throw new UsageError('summary takes an article id or topic, or --all, not both');
  if (['index', 'people', 'latest', 'digest', 'feeds', 'fetch', 'help'].includes(command) && text !== '')
    throw new UsageError(`${command} takes no text (got "${text.slice(0, 40)}")`);
  if (values.topic !== undefined && values.topic.trim() === '')
    throw new UsageError('--topic needs words, e.g. --topic "كوريا الشمالية، روسيا"');
  if (values.sentences !== undefined && values.words !== undefined)
    throw new UsageError('use --sentences or --words, not both');
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since)))
    throw new UsageError('--since takes an ISO-8601 date, e.g. 2024-10-24T08:00:00Z');
  return {
    command,
    text,
    json: values.json ?? false,
    corpus: values.corpus,
    db: values.db,
    feeds: values.feeds,
    limit: bounded('limit', values.limit),
    sentences: bounded('sentences', values.sentences),
    words: bounded('words', values.words),
    all: values.all ?? false,
    since: values.since === undefined ? undefined : new Date(values.since).toISOString(),
    topic: values.topic,
    prune: values.prune ?? false,
    rebuild: values.rebuild ?? false,
  };
}

function emptyArgs(): Omit<CliArgs, 'command'> {
  return {
    text: '',
    json: false,
    corpus: undefined,
    db: undefined,
    feeds: undefined,
    limit: undefined,
    sentences: undefined,
    words: undefined,
    all: false,
    since: undefined,
    topic: undefined,
    prune: false,
    rebuild: false,
  };
}
