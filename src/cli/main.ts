import { statSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { loadEnvFile } from '../config/load-env-file.js';
import { NashraError, isUsageError } from '../core/errors/nashra-error.js';
import { openIndex, writableIndex } from '../app/open-index.js';
import { isPostgresUrl, redactUrl, sqliteOnly } from '../app/open-storage.js';
import { rebuildDatabase } from '../app/rebuild-database.js';
import { isDamageError, damagedDatabase } from '../store/check-database.js';
import { openDatabase } from '../store/open-database.js';
import { CLI_USAGE } from './cli-usage.js';
import { type CliArgs, parseCliArgs } from './parse-cli-args.js';
import { type CliOutput, runCliCommand } from './run-cli-command.js';
import { systemClock } from '../core/schedule/clock.js';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, failure: 1, usage: 2, busy: 3, damaged: 4 } as const;

const note = (message: string) => process.stderr.write(`nashra: ${message}\n`);

/** The database this run uses, once known: a damaged page met by any query is reported with its name. */
let dbInUse: string | undefined;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(`${CLI_USAGE}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  loadEnvFile();
  const config = loadConfig();
  const corpus = args.corpus ?? config.corpusDir;
  const dbFile = args.db ?? config.db;
  dbInUse = isPostgresUrl(dbFile) ? redactUrl(dbFile) : dbFile;
  if (args.command === 'backup') {
    if (isPostgresUrl(dbFile)) throw sqliteOnly('backup', 'use pg_dump (see the README)');
    return backup(dbFile, args);
  }
  if (args.command === 'index' && args.rebuild) {
    if (isPostgresUrl(dbFile))
      throw sqliteOnly('index --rebuild', 'restore a pg_dump backup or re-index into a fresh database');
    const report = await rebuildDatabase({ corpus, db: dbFile, warn: note });
    const kept = Object.entries(report.kept)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ');
    if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(`rebuilt: ${report.articles} articles; kept ${kept || 'nothing (no previous database)'}\n`);
      if (report.previous) process.stdout.write(`the previous file is kept as ${report.previous}\n`);
    }
    return EXIT.ok;
  }
  const isIndex = args.command === 'index';
  // fetch writes feed articles: it opens the index as a writer, as index does.
  const writes = isIndex || args.command === 'fetch';
  const app = await openIndex({
    corpus,
    db: dbFile,
    mode: writes ? 'write' : 'read',
    check: isIndex,
    prune: args.prune,
    warn: note,
  });
  try {
    if (app.stale) note(app.stale);
    let output: CliOutput;
    if (args.command === 'feeds' || args.command === 'fetch') {
      // Loaded only here: the feed parser, DOM and Readability cost every other command start-up time.
      const [{ feedListProblems, runFeedCommand }, { createFeedReader }, { readFeedList }] = await Promise.all([
        import('./run-feed-command.js'),
        import('../feeds/create-feed-reader.js'),
        import('../feeds/read-feed-list.js'),
      ]);
      const file = args.feeds ?? config.feeds.file;
      const list = readFeedList(file, { required: args.feeds !== undefined || config.feeds.explicit });
      for (const line of feedListProblems({ list, file })) process.stderr.write(`nashra: ${line}\n`);
      const store = app.storage.feeds;
      const reader = createFeedReader({
        store,
        writer: writableIndex(app.storage),
        stories: app.storage.stories,
        clock: systemClock,
        intervalMs: config.feedMinutes * 60_000,
      });
      output = await runFeedCommand(args.command, { list, file, store, reader });
    } else output = await runCliCommand(app.index, args, app.report);
    if (args.json) process.stdout.write(`${JSON.stringify(output.json)}\n`);
    else {
      if (!isIndex) {
        const { added, updated, removed, skipped } = app.report;
        if (added + updated + removed > 0)
          process.stderr.write(`indexed: ${added} added, ${updated} updated, ${removed} removed\n`);
        for (const s of skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
      }
      process.stdout.write(`${output.text}\n`);
    }
    return EXIT.ok;
  } finally {
    await app.close();
  }
}

/** `backup FILE`: SQLite's online backup, consistent even while the bot or an index run writes. */
async function backup(dbFile: string, args: CliArgs): Promise<number> {
  const db = openDatabase(dbFile);
  try {
    const { totalPages } = await db.backup(args.text);
    const bytes = statSync(args.text).size;
    if (args.json) process.stdout.write(`${JSON.stringify({ backup: args.text, pages: totalPages, bytes })}\n`);
    else process.stdout.write(`backed up ${dbFile} to ${args.text} (${bytes} bytes)\n`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (isUsageError(err)) {
      note(err.message);
      process.exitCode = EXIT.usage;
      return;
    }
    const failure = isDamageError(err) ? damagedDatabase(dbInUse ?? 'in use', (err as Error).message, err) : err;
    const message =
      failure instanceof NashraError
        ? failure.message
        : `unexpected failure: ${(failure as Error)?.message ?? String(failure)}`;
    note(message);
    if (process.env.DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    const code = failure instanceof NashraError ? failure.code : '';
    process.exitCode = code === 'BUSY' ? EXIT.busy : code === 'CORRUPT' ? EXIT.damaged : EXIT.failure;
  },
);
