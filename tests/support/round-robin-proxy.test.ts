import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.js';

/** The load balancer of the many-instances test: what it promises, pinned down. */

const servers: Server[] = [];
let proxy: RoundRobinProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A target answering with its name and the body it got. */
async function target(name: string): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => res.writeHead(200, { 'x-target': name }).end(`${name}:${req.method} ${req.url} ${body}`));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on (a killed instance). */
async function refused(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}`;
}

const post = async (url: string, body: string) => {
  const res = await fetch(url, { method: 'POST', body });
  return { status: res.status, text: await res.text(), target: res.headers.get('x-target') };
};

describe('round-robin proxy', () => {
  it('hands requests to each target in turn, method, path, body and answer intact', async () => {
    proxy = await startRoundRobinProxy([await target('a'), await target('b'), await target('c')]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(`${proxy.url}/hook?x=${i}`, `u${i}`));
    expect(answers.map((a) => a.text)).toEqual([
      'a:POST /hook?x=0 u0',
      'b:POST /hook?x=1 u1',
      'c:POST /hook?x=2 u2',
      'a:POST /hook?x=3 u3',
    ]);
    expect(proxy.forwarded.map((f) => [f.target, f.status, f.body.toString()])).toEqual([
      [0, 200, 'u0'],
      [1, 200, 'u1'],
      [2, 200, 'u2'],
      [0, 200, 'u3'],
    ]);
  });

  it('skips a target refusing connections, and answers 502 when none is left', async () => {
    const dead = await refused();
    proxy = await startRoundRobinProxy([dead, await target('b')]);
    expect((await post(proxy.url, '1')).target).toBe('b');
    expect((await post(proxy.url, '2')).target).toBe('b');
    expect(proxy.forwarded.map((f) => [f.target, f.status])).toEqual([
      [0, 502],
      [1, 200],
      [1, 200],
    ]);
    proxy.setTarget(1, dead);
    expect((await post(proxy.url, '3')).status).toBe(502);
  });
});
