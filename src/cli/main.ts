import { loadConfig } from '../config/load-config.js';
import { loadEnvFile } from '../config/load-env-file.js';
import { NashraError, isUsageError } from '../core/errors/nashra-error.js';
import { openIndex } from '../app/open-index.js';
import { CLI_USAGE } from './cli-usage.js';
import { parseCliArgs } from './parse-cli-args.js';
import { type CliOutput, runCliCommand } from './run-cli-command.js';
import { systemClock } from '../core/schedule/clock.js';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(`${CLI_USAGE}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  loadEnvFile();
  const config = loadConfig();
  const app = await openIndex({ corpus: args.corpus ?? config.corpusDir, db: args.db ?? config.db });
  try {
    let output: CliOutput;
    if (args.command === 'feeds' || args.command === 'fetch') {
      // Loaded only here: the feed parser, DOM and Readability cost every other command start-up time.
      const [{ feedListProblems, runFeedCommand }, { createFeedReader }, { readFeedList }, { createSqliteFeedStore }, { createSqliteIndexWriter }] = await Promise.all([
        import('./run-feed-command.js'),
        import('../feeds/create-feed-reader.js'),
        import('../feeds/read-feed-list.js'),
        import('../store/create-sqlite-feed-store.js'),
        import('../store/create-sqlite-index-writer.js'),
      ]);
      const file = args.feeds ?? config.feeds.file;
      const list = readFeedList(file, { required: args.feeds !== undefined || config.feeds.explicit });
      for (const line of feedListProblems({ list, file })) process.stderr.write(`nashra: ${line}\n`);
      const store = createSqliteFeedStore(app.db);
      const reader = createFeedReader({ store, writer: createSqliteIndexWriter(app.db), clock: systemClock, intervalMs: config.feedMinutes * 60_000 });
      output = await runFeedCommand(args.command, { list, file, store, reader });
    } else output = runCliCommand(app.index, args, app.report);
    if (args.json) process.stdout.write(`${JSON.stringify(output.json)}\n`);
    else {
      if (args.command !== 'index') {
        const { added, updated, removed, skipped } = app.report;
        if (added + updated + removed > 0) process.stderr.write(`indexed: ${added} added, ${updated} updated, ${removed} removed\n`);
        for (const s of skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
      }
      process.stdout.write(`${output.text}\n`);
    }
    return EXIT.ok;
  } finally {
    app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (isUsageError(err)) {
      process.stderr.write(`nashra: ${err.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const message = err instanceof NashraError ? err.message : `unexpected failure: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(`nashra: ${message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = EXIT.failure;
  },
);
