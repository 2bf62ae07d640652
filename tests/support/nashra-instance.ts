import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, where `src/main.ts` runs from. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * How long an instance may take to serve /healthz after its start: tsx compiles on the fly,
 * and under `npm test` other files' processes share the two cores (seen: over 30 s).
 */
export const INSTANCE_START_MS = 60_000;

/** One JSON log line of a nashra process (pino). */
export type LogLine = Record<string, unknown> & { readonly msg?: string; readonly level?: number };

/** A nashra process (`src/main.ts`), its log lines and its HTTP port. */
export interface NashraInstance {
  readonly name: string;
  readonly child: ChildProcess;
  /** Every JSON line it logged so far (stderr), in order. */
  readonly lines: readonly LogLine[];
  /** Resolves with the first log line `match` accepts (past or future); rejects when the process exits first. */
  waitForLine(match: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the port once the process serves /healthz with 200. */
  ready(timeoutMs?: number): Promise<number>;
  /** `http://127.0.0.1:<port>` once ready. */
  readonly url: string;
  /** Resolves once the process is gone, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a real signal (SIGKILL is `kill -9`). */
  kill(signal: NodeJS.Signals): void;
  /** What it wrote to stderr that was not a JSON line (start-up failures). */
  readonly stderrText: () => string;
}

/** What a nashra instance behind a load balancer is given (one Telegram bot, webhook mode). */
export interface WebhookInstanceSettings {
  readonly token: string;
  /** Where it calls the Bot API (the emulator, or a forwarder in front of it). */
  readonly apiRoot: string;
  /** The load balancer's webhook URL, the same for every instance. */
  readonly webhookUrl: string;
  readonly webhookSecret: string;
  readonly corpusDir: string;
  readonly db: string;
  /** An existing (empty) feeds file: no instance fetches anything. */
  readonly feedsFile: string;
  readonly logLevel: string;
}

/** The environment of one such instance: no Discord, no rescans (the test or bench indexed the corpus). */
export function webhookInstanceEnv(s: WebhookInstanceSettings): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: s.token,
    TELEGRAM_API_ROOT: s.apiRoot,
    TELEGRAM_WEBHOOK_URL: s.webhookUrl,
    TELEGRAM_WEBHOOK_SECRET: s.webhookSecret,
    DISCORD_TOKEN: '',
    NASHRA_CORPUS_DIR: s.corpusDir,
    NASHRA_DB: s.db,
    NASHRA_FEEDS: s.feedsFile,
    NASHRA_RESCAN_SECONDS: '0',
    LOG_LEVEL: s.logLevel,
  };
}

/**
 * Starts nashra as a child process: node with tsx's loader (not the tsx CLI, so a signal
 * reaches the bot itself, as under Docker), `env` added to this process's environment.
 * NASHRA_HTTP_PORT defaults to 0 (any free port, read back from the log).
 */
export function startNashraInstance(name: string, env: Record<string, string>): NashraInstance {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DEBUG: '', NASHRA_HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: LogLine[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let other = '';
  let partial = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) {
      if (!text.startsWith('{')) {
        other += `${text}\n`;
        continue;
      }
      try {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        events.emit('line', line);
      } catch {
        other += `${text}\n`;
      }
    }
  });
  let gone: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      gone = { code, signal };
      events.emit('exit');
      resolve(gone);
    }),
  );
  let port = 0;

  function waitForLine(match: (line: LogLine) => boolean, what: string, timeoutMs = INSTANCE_START_MS) {
    return new Promise<LogLine>((resolve, reject) => {
      const found = lines.find(match);
      if (found) return resolve(found);
      const done = (err: Error | null, line?: LogLine) => {
        clearTimeout(timer);
        events.off('line', onLine);
        events.off('exit', onExit);
        if (err) reject(err);
        else resolve(line!);
      };
      const onLine = (line: LogLine) => match(line) && done(null, line);
      const onExit = () =>
        done(new Error(`${name} exited (${JSON.stringify(gone)}) before logging ${what}; stderr: ${other}`));
      const timer = setTimeout(
        () => done(new Error(`${name} did not log ${what} within ${timeoutMs} ms; stderr: ${other}`)),
        timeoutMs,
      );
      if (gone) return onExit();
      events.on('line', onLine);
      events.on('exit', onExit);
    });
  }

  return {
    name,
    child,
    lines,
    waitForLine,
    async ready(timeoutMs = INSTANCE_START_MS) {
      const line = await waitForLine((l) => l.msg === 'serving /healthz and /metrics', 'its HTTP port', timeoutMs);
      port = Number(line.port);
      // /healthz answers 503 until every configured bot has started.
      for (const end = Date.now() + timeoutMs; ; ) {
        if (gone) throw new Error(`${name} exited (${JSON.stringify(gone)}); stderr: ${other}`);
        const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return port;
        if (Date.now() > end) throw new Error(`${name}: /healthz still ${status} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    exited,
    kill(signal) {
      if (!gone) child.kill(signal);
    },
    stderrText: () => other,
  };
}

/** Stops every instance still running: SIGKILL, then waits for each to be gone (afterAll). */
export async function killAll(instances: readonly NashraInstance[]): Promise<void> {
  for (const i of instances) i.kill('SIGKILL');
  await Promise.all(instances.map((i) => i.exited));
}
