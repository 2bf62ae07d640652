import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
