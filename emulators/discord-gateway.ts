import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { WebSocket, type WebSocketServer } from 'ws';

/**
 * The Discord emulator's gateway: sessions over WebSocket, sharded as Discord shards them.
 * Each connection identifies with `shard: [id, count]`; a guild's events go only to the
 * session holding shard `(guild_id >> 22) % count`, direct messages to shard 0. An identify
 * Discord would refuse is closed with Discord's code: 4010 (Invalid shard) for an id not
 * below the count, a count other than the one the live sessions use, or a shard another
 * live connection already holds; 4011 (Sharding required) for fewer shards than the
 * emulated application needs (`minShards`, as Discord asks for more shards once a shard
 * would carry too many guilds). A session whose socket dropped keeps its shard's events
 * for a RESUME until another connection identifies for that shard.
 */

/** Discord's gateway close codes the emulator sends (discord-api-types GatewayCloseCodes). */
export const GATEWAY_CLOSE = {
  authenticationFailed: 4004,
  invalidShard: 4010,
  shardingRequired: 4011,
} as const satisfies Record<string, number>;

/** Discord's epoch (2015-01-01), the zero of a snowflake's timestamp. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The shard a guild's events go to: `(guild_id >> 22) % shard_count`; direct messages (null) go to shard 0. */
export function shardOf(guildId: string | null, shardCount: number): number {
  if (guildId === null) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

let guildCounter = 0n;

/** A fresh guild id (a snowflake) whose events go to `shard` of `shardCount`. */
export function guildInShard(shard: number, shardCount: number): string {
  const base = BigInt(Date.now()) - DISCORD_EPOCH_MS;
  guildCounter = (guildCounter + 1n) & 0xfffn;
  for (let k = 0n; ; k++) {
    const id = String(((base + k) << 22n) | guildCounter);
    if (shardOf(id, shardCount) === shard) return id;
  }
}

/** One gateway session as a test sees it. */
export interface GatewaySessionInfo {
  readonly sessionId: string;
  readonly shard: readonly [number, number];
  /** True while a connection is attached and identified/resumed. */
  readonly live: boolean;
}

export interface GatewayOptions {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  readonly botUser: Record<string, unknown>;
  readonly applicationId: string;
  /** The fewest shards the application may connect with (4011 below it). */
  readonly minShards: number;
  /** The gateway URL sent as `resume_gateway_url`. */
  readonly url: () => string;
  readonly received: { op: number; d: any; at: number }[];
  readonly closes: number[];
  readonly events: EventEmitter;
}

export interface DiscordGateway {
  /**
   * Sends a dispatch event to the session holding the shard of `guildId` (null: a direct
   * message, shard 0). Returns that shard, or null when no session holds it (the event is lost).
   */
  dispatch(t: string, d: unknown, guildId: string | null): number | null;
  /** Closes live connections with `code`: the one holding `shard`, or every one. */
  disconnect(code: number, shard?: number): void;
  sessions(): GatewaySessionInfo[];
}

interface Session {
  id: string;
  seq: number;
  events: any[];
  socket: WebSocket | null;
  live: boolean;
  shard: [number, number];
}

/** Serves Discord's gateway protocol on `wss`. */
export function attachDiscordGateway(wss: WebSocketServer, options: GatewayOptions): DiscordGateway {
  const { token, received, closes, events } = options;
  const sessions = new Map<string, Session>();
  const open = (s: Session) => s.live && s.socket !== null && s.socket.readyState === WebSocket.OPEN;

  function send(session: Session, event: unknown): void {
    if (open(session)) session.socket!.send(JSON.stringify(event));
  }

  function dispatchTo(session: Session, t: string, d: unknown): void {
    const event = { op: 0, t, s: ++session.seq, d };
    session.events.push(event);
    send(session, event);
  }

  /** The session events of `shard` go to: the one a connection identified for last. */
  function holder(shard: number): Session | null {
    let found: Session | null = null;
    for (const s of sessions.values()) if (s.shard[0] === shard) found = s;
    return found;
  }

  /** Why Discord would refuse this identify, as a close code and reason; null when it is accepted. */
  function refusal(shard: [number, number], socket: WebSocket): [number, string] | null {
    const [id, count] = shard;
    if (!Number.isInteger(id) || !Number.isInteger(count) || count < 1 || id < 0 || id >= count)
      return [GATEWAY_CLOSE.invalidShard, 'Invalid shard.'];
    if (count < options.minShards) return [GATEWAY_CLOSE.shardingRequired, 'Sharding required.'];
    for (const s of sessions.values()) {
      if (!open(s) || s.socket === socket) continue;
      if (s.shard[1] !== count || s.shard[0] === id) return [GATEWAY_CLOSE.invalidShard, 'Invalid shard.'];
    }
    return null;
  }

  wss.on('connection', (socket) => {
    let attached: Session | null = null;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs } }));
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data));
      const d =
        payload.d && typeof payload.d === 'object' && 'token' in payload.d
          ? { ...payload.d, token: '[token]' }
          : payload.d;
      const entry = { op: payload.op as number, d, at: Date.now() };
      received.push(entry);
      events.emit('gateway', entry);
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      else if (payload.op === 2) {
        if (payload.d?.token !== token)
          return void socket.close(GATEWAY_CLOSE.authenticationFailed, 'Authentication failed.');
        const shard: [number, number] = Array.isArray(payload.d.shard) ? payload.d.shard : [0, 1];
        const refused = refusal(shard, socket);
        if (refused) return void socket.close(...refused);
        // The shard changes hands: the session that held it can no longer resume.
        for (const [id, s] of sessions) if (s.shard[0] === shard[0] || s.shard[1] !== shard[1]) sessions.delete(id);
        const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, events: [], socket, live: true, shard };
        sessions.set(session.id, session);
        attached = session;
        dispatchTo(session, 'READY', {
          v: 10,
          user: options.botUser,
          guilds: [],
          session_id: session.id,
          resume_gateway_url: options.url(),
          shard,
          application: { id: options.applicationId, flags: 0 },
        });
      } else if (payload.op === 6) {
        const session = sessions.get(payload.d?.session_id);
        if (payload.d?.token !== token || !session) return void socket.send(JSON.stringify({ op: 9, d: false }));
        session.socket = socket;
        session.live = true;
        attached = session;
        for (const event of session.events) if (event.s > payload.d.seq) send(session, event);
        dispatchTo(session, 'RESUMED', {});
      }
    });
    socket.on('close', (code) => {
      closes.push(code);
      events.emit('gateway-close', code);
      if (attached && attached.socket === socket) {
        attached.live = false;
        attached.socket = null;
      }
    });
  });

  return {
    dispatch(t, d, guildId) {
      const count = [...sessions.values()].at(-1)?.shard[1] ?? 1;
      const shard = shardOf(guildId, count);
      const session = holder(shard);
      if (!session) return null;
      dispatchTo(session, t, d);
      return shard;
    },
    disconnect(code, shard) {
      for (const s of sessions.values())
        if (s.socket && (shard === undefined || s.shard[0] === shard)) s.socket.close(code, 'emulated disconnect');
    },
    sessions: () => [...sessions.values()].map((s) => ({ sessionId: s.id, shard: s.shard, live: open(s) })),
  };
}
