import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** tsx as a loader of this node process: the child is nashra itself, so a signal (kill -9 above all) reaches it, not a wrapper. */
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = join(ROOT, 'src/main.ts');

/** One pino log line: `msg` and the fields nashra logs beside it. */
export interface LogLine {
  readonly msg?: string;
  readonly lease?: string;
  readonly [field: string]: unknown;
}

/** One nashra process (the real entry point), its JSON log lines, and a way to wait for one. */
export interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logs: LogLine[];
  /** Resolves with the first log line (from the start) `predicate` accepts. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (null after a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `src/main.ts` with `env` on top of a clean environment (no console: stdin is /dev/null). */
export function spawnInstance(name: string, cwd: string, env: Record<string, string>): Instance {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NASHRA_RESCAN_SECONDS: '0',
      LOG_LEVEL: 'debug',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<{
    predicate: (l: LogLine) => boolean;
    resolve: (l: LogLine) => void;
  }>();
  let partial = '';
  child.stderr!.on('data', (chunk) => {
    partial += String(chunk);
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      for (const w of [...waiters])
        if (w.predicate(line)) {
          waiters.delete(w);
          w.resolve(line);
        }
    }
  });
  child.stdout!.resume();
  const exited = once(child, 'exit').then(
    ([code, signal]) => ({ code, signal }) as { code: number | null; signal: NodeJS.Signals | null },
  );
  return {
    name,
    child,
    logs,
    exited,
    waitForLog(predicate, timeoutMs = 60_000) {
      const found = logs.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = {
          predicate,
          resolve: (l: LogLine) => {
            clearTimeout(timer);
            resolve(l);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`${name}: timed out waiting for a log line; last: ${JSON.stringify(logs.slice(-5))}`));
        }, timeoutMs);
        waiters.add(w);
        void exited.then(() => {
          if (!waiters.has(w)) return;
          waiters.delete(w);
          clearTimeout(timer);
          reject(new Error(`${name}: exited before the log line; last: ${JSON.stringify(logs.slice(-5))}`));
        });
      });
    },
  };
}

/** A forwarding HTTP proxy that counts the Bot API methods one instance calls through it. */
export interface CountingProxy {
  readonly url: string;
  /** Calls per Bot API method (`getUpdates`, `sendMessage`, …). */
  readonly counts: Map<string, number>;
  /**
   * Holds every request for `method` from now on until the returned release is called (an
   * update then stays in flight as long as a test needs); `held` resolves at the first one.
   */
  hold(method: string): { readonly held: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** Forwards every request to `target` (an http://127.0.0.1:port root), counting methods by the last path segment. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const counts = new Map<string, number>();
  const holds = new Map<string, { gate: Promise<void>; reached: () => void }>();
  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? '').split('?')[0]!.split('/').pop() ?? '';
    counts.set(method, (counts.get(method) ?? 0) + 1);
    const hold = holds.get(method);
    if (hold) {
      hold.reached();
      await hold.gate;
    }
    const out = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    hold(method) {
      let release = () => {};
      let reached = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held = new Promise<void>((resolve) => {
        reached = resolve;
      });
      holds.set(method, { gate, reached });
      return {
        held,
        release() {
          holds.delete(method);
          release();
        },
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
