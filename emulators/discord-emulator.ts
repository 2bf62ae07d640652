import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { FormError, check, snowflake, validateCommands, validateMessage } from './discord-api-rules.js';
import { attachDiscordGateway, type GatewaySessionInfo } from './discord-gateway.js';

export { GATEWAY_CLOSE, type GatewaySessionInfo, guildInShard, shardOf } from './discord-gateway.js';
export { DISCORD_LOCALES, snowflake, validateCommands, validateMessage, visibleText } from './discord-api-rules.js';

/**
 * A local stand-in for Discord: one node:http server on 127.0.0.1 (REST under /api/v10)
 * and a `ws` gateway on the same port. It speaks enough of the real protocol that the
 * real discord.js client runs against it unchanged (HELLO/IDENTIFY/READY, heartbeats,
 * RESUME with replay, interaction callbacks and webhooks, command registration), checks
 * what the bot sends against Discord's limits (a violation is a 400 like Discord's), keeps
 * what a user would see per interaction, records every call, and injects faults.
 */

export interface RecordedCall {
  readonly method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: any;
  readonly status: number;
  readonly at: number;
  readonly authorized: boolean;
}

export interface Fault {
  readonly status: number;
  /** Seconds; fractional keeps tests fast. Sent as Retry-After and in the body. */
  readonly retryAfter?: number;
  readonly global?: boolean;
  readonly code?: number;
  readonly message?: string;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: any[];
  components: any[];
  flags: number;
  /** True while a deferred reply still shows "thinking…". */
  loading: boolean;
  deleted: boolean;
  [key: string]: unknown;
}

export interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly dispatchedAt: number;
  /** The gateway shard it was dispatched to; null when no connection held that shard (nobody got it). */
  shard: number | null;
  /** Callback types in order: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 choices. */
  readonly callbacks: number[];
  /** The reply (or, for a button, the message the button is on). */
  original: StoredMessage | null;
  readonly followUps: StoredMessage[];
  choices: { name: string; value: string }[] | null;
}

export interface InteractionOptions {
  readonly locale?: string;
  readonly userId?: string;
  /** Null for a direct message. */
  readonly guildId?: string | null;
  readonly channelId?: string;
  /**
   * The member's resolved permissions in the channel (a bit set as a decimal string), for
   * a guild interaction. Default: an ordinary member, without Manage Server (1 << 5) or
   * Manage Channels (1 << 4).
   */
  readonly permissions?: string;
}

/** An ordinary member's permissions: send and read messages, use commands; no Manage Server or Manage Channels. */
export const MEMBER_PERMISSIONS = '1071698660928';

export interface EmulatorOptions {
  readonly token?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly heartbeatIntervalMs?: number;
  /** Discord's window for the first answer to an interaction. */
  readonly interactionWindowMs?: number;
  /**
   * The shard count `GET /gateway/bot` recommends and the fewest the gateway accepts (an
   * identify with fewer is closed with 4011, Sharding required). Default 1.
   */
  readonly shards?: number;
}

export interface DiscordEmulator {
  readonly port: number;
  /** What to put in DISCORD_API_URL. */
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly calls: RecordedCall[];
  /** Gateway payloads the bot sent (tokens replaced). */
  readonly gatewayReceived: { op: number; d: any; at: number }[];
  /** Close codes of gateway connections, in order (the bot's own close or ours). */
  readonly gatewayCloses: number[];
  readonly events: EventEmitter;
  /** Answers the next `times` calls matching `method` and `path` with `fault`. */
  fail(method: string, path: RegExp, fault: Fault, times?: number): void;
  /** Registered commands of a scope (global when no guild). */
  commands(guildId?: string): any[];
  /** A channel the bot may post in; others answer 404 Unknown Channel. */
  addChannel(id: string): void;
  channelMessages(channelId: string): StoredMessage[];
  command(name: string, options?: Record<string, string>, opts?: InteractionOptions): InteractionState;
  autocomplete(name: string, option: string, value: string, opts?: InteractionOptions): InteractionState;
  click(message: StoredMessage, customId: string, opts?: InteractionOptions): InteractionState;
  /**
   * Closes the bot's gateway connections with `code` (4000: unknown error, so the client
   * resumes): the one holding `shard`, or all.
   */
  disconnect(code?: number, shard?: number): void;
  /**
   * Dispatches an interaction's INTERACTION_CREATE again (as Discord may after a gateway
   * hiccup), to whichever connection holds its shard now; returns that shard or null.
   */
  redispatch(state: InteractionState): number | null;
  /** The gateway sessions, one per identified connection (kept after a drop, for a RESUME). */
  gatewaySessions(): GatewaySessionInfo[];
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  waitForGateway(op: number, after?: number, timeoutMs?: number): Promise<{ op: number; d: any; at: number }>;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 with a random free port. */
export async function startDiscordEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const token = options.token ?? 'emulator-token';
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1000;
  const windowMs = options.interactionWindowMs ?? 3000;
  const minShards = options.shards ?? 1;
  const applicationId = snowflake();
  const botUserId = applicationId;
  const guildId = snowflake();
  const channelId = snowflake();
  const calls: RecordedCall[] = [];
  const gatewayReceived: { op: number; d: any; at: number }[] = [];
  const gatewayCloses: number[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const faults: { method: string; path: RegExp; fault: Fault; left: number }[] = [];
  const commandSets = new Map<string, any[]>();
  const channels = new Set<string>([channelId]);
  const messages = new Map<string, StoredMessage>();
  const interactions = new Map<string, InteractionState>();
  const byToken = new Map<string, InteractionState>();
  /** What each interaction's INTERACTION_CREATE carried, to dispatch it again. */
  const payloads = new Map<string, Record<string, unknown>>();
  const botUser = {
    id: botUserId,
    username: 'nashra',
    discriminator: '0000',
    global_name: null,
    avatar: null,
    bot: true,
  };

  function storeMessage(channel: string, body: any, extra: Partial<StoredMessage> = {}): StoredMessage {
    const m: StoredMessage = {
      id: snowflake(),
      channel_id: channel,
      type: 0,
      author: botUser,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
      loading: false,
      deleted: false,
      ...extra,
    };
    messages.set(m.id, m);
    return m;
  }

  function edit(m: StoredMessage, body: any): StoredMessage {
    if (body.content !== undefined) m.content = body.content ?? '';
    if (body.embeds !== undefined) m.embeds = body.embeds ?? [];
    if (body.components !== undefined) m.components = body.components ?? [];
    m.loading = false;
    m.edited_timestamp = new Date().toISOString();
    return m;
  }

  function interactionOf(tokenValue: string): InteractionState {
    const state = byToken.get(tokenValue);
    if (!state) throw new FormError(10015, 'Unknown Webhook', 404);
    if (state.callbacks.length === 0) throw new FormError(10015, 'Unknown Webhook', 404);
    return state;
  }

  function route(
    method: string,
    path: string,
    query: Record<string, string>,
    body: any,
    authorized: boolean,
  ): { status: number; json?: unknown } {
    const needAuth = () => {
      if (!authorized) throw new FormError(0, '401: Unauthorized', 401);
    };
    if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      needAuth();
      return {
        status: 200,
        json: {
          url: `ws://127.0.0.1:${port}`,
          shards: minShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    const commandsPath = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (commandsPath) {
      const m = commandsPath;
      needAuth();
      if (m[1] !== applicationId) throw new FormError(50001, 'Missing Access', 403);
      const scope = m[2] ?? 'global';
      if (method === 'GET') {
        const full = query.with_localizations === 'true';
        const list = (commandSets.get(scope) ?? []).map((c) => {
          if (full) return c;
          const { name_localizations: _n, description_localizations: _d, ...rest } = c;
          return {
            ...rest,
            options: (c.options ?? []).map(({ name_localizations: _a, description_localizations: _b, ...o }: any) => o),
          };
        });
        return { status: 200, json: list };
      }
      if (method === 'PUT') {
        validateCommands(body);
        const stored = (body as any[]).map((c) => ({
          id: commandSets.get(scope)?.find((o) => o.name === c.name)?.id ?? snowflake(),
          application_id: applicationId,
          version: snowflake(),
          default_member_permissions: null,
          type: 1,
          nsfw: false,
          integration_types: [0],
          contexts: null,
          ...(m![2] ? { guild_id: m![2] } : {}),
          ...c,
          options: (c.options ?? []).map((o: any) => {
            const { required, ...rest } = o;
            return required ? { ...rest, required } : rest;
          }),
        }));
        commandSets.set(scope, stored);
        return { status: 200, json: stored };
      }
    }
    const callbackPath = method === 'POST' ? path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/) : null;
    if (callbackPath) {
      const m = callbackPath;
      const state = interactions.get(m[1]!);
      if (!state || state.token !== m[2] || Date.now() - state.dispatchedAt > windowMs)
        throw new FormError(10062, 'Unknown interaction', 404);
      if (state.callbacks.length > 0) throw new FormError(40060, 'Interaction has already been acknowledged.', 400);
      const data = body?.data ?? {};
      switch (body?.type) {
        case 4:
          validateMessage(data);
          state.original = storeMessage(channelId, data, { type: 20 });
          break;
        case 5:
          state.original = storeMessage(channelId, { flags: data.flags ?? 0 }, { type: 20, loading: true });
          break;
        case 6:
          break;
        case 7:
          validateMessage(data, false);
          if (state.original) edit(state.original, data);
          break;
        case 8: {
          const choices: any[] = data.choices ?? [];
          check(choices.length <= 25, 'choices: Must be 25 or fewer in length.');
          for (const c of choices)
            check(
              c.name.length >= 1 && c.name.length <= 100 && String(c.value).length <= 100,
              'choices: name/value must be 1-100 characters',
            );
          state.choices = choices;
          break;
        }
        default:
          check(false, `type: unsupported callback type ${body?.type}`);
      }
      state.callbacks.push(body.type);
      return { status: 204 };
    }
    const webhookPath = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/);
    if (webhookPath) {
      const m = webhookPath;
      check(m[1] === applicationId, 'webhook id');
      const state = interactionOf(m[2]!);
      const target = m[3] === '@original' ? state.original : m[3] ? (messages.get(m[3]) ?? null) : null;
      if (method === 'POST' && !m[3]) {
        validateMessage(body);
        const msg = storeMessage(channelId, body, { webhook_id: applicationId });
        state.followUps.push(msg);
        return { status: 200, json: msg };
      }
      if (!target || target.deleted) throw new FormError(10008, 'Unknown Message', 404);
      if (method === 'PATCH') {
        validateMessage({ ...target, ...body });
        return { status: 200, json: edit(target, body) };
      }
      if (method === 'DELETE') {
        target.deleted = true;
        return { status: 204 };
      }
      if (method === 'GET') return { status: 200, json: target };
    }
    const channelPath = path.match(/^\/channels\/(\d+)(\/messages)?$/);
    if (channelPath) {
      const m = channelPath;
      needAuth();
      if (!channels.has(m[1]!)) throw new FormError(10003, 'Unknown Channel', 404);
      if (method === 'POST' && m[2]) {
        validateMessage(body);
        return { status: 200, json: storeMessage(m[1]!, body) };
      }
      if (method === 'GET' && !m[2])
        return { status: 200, json: { id: m[1], type: 0, guild_id: guildId, name: 'news' } };
    }
    throw new FormError(0, '404: Not Found', 404);
  }

  function respond(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
    const text = json === undefined ? '' : JSON.stringify(json);
    res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
    res.end(text);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    const authorized = req.headers.authorization === `Bot ${token}`;
    let body: any = null;
    try {
      body = raw && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw) : raw || null;
    } catch {
      body = raw;
    }
    const record = (status: number) => {
      const call: RecordedCall = { method, path, query, body, status, at: Date.now(), authorized };
      calls.push(call);
      events.emit('call', call);
    };
    const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.left--;
      const f = fault.fault;
      record(f.status);
      if (f.status === 429) {
        const after = String(f.retryAfter ?? 1);
        const headers: Record<string, string> = {
          'retry-after': after,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': after,
          'x-ratelimit-bucket': 'emulated',
          'x-ratelimit-scope': f.global ? 'global' : 'user',
          ...(f.global ? { 'x-ratelimit-global': 'true' } : {}),
        };
        respond(
          res,
          429,
          { message: 'You are being rate limited.', retry_after: f.retryAfter ?? 1, global: f.global ?? false },
          headers,
        );
      } else if (f.status >= 500) respond(res, f.status, { message: 'Internal Server Error', code: 0 });
      else respond(res, f.status, { message: f.message ?? 'Error', code: f.code ?? 0 });
      return;
    }
    try {
      const out = route(method, path, query, body, authorized);
      record(out.status);
      respond(res, out.status, out.json);
    } catch (err) {
      if (!(err instanceof FormError)) throw err;
      record(err.status);
      respond(res, err.status, { message: err.message, code: err.code });
    }
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((err) => respond(res, 500, { message: String(err), code: 0 }));
  });
  const wss = new WebSocketServer({ server });
  const gateway = attachDiscordGateway(wss, {
    token,
    heartbeatIntervalMs,
    botUser,
    applicationId,
    minShards,
    url: () => `ws://127.0.0.1:${port}`,
    received: gatewayReceived,
    closes: gatewayCloses,
    events,
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  function member(userId: string, permissions = MEMBER_PERMISSIONS) {
    return {
      user: { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null },
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      permissions,
    };
  }

  function interact(
    type: number,
    data: any,
    opts: InteractionOptions = {},
    extra: Record<string, unknown> = {},
  ): InteractionState {
    const id = snowflake();
    const interactionToken = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString('base64url')}`;
    const userId = opts.userId ?? '100000000000000001';
    const guild = opts.guildId === undefined ? guildId : opts.guildId;
    const channel = opts.channelId ?? channelId;
    const state: InteractionState = {
      id,
      token: interactionToken,
      type,
      dispatchedAt: Date.now(),
      shard: null,
      callbacks: [],
      original: null,
      followUps: [],
      choices: null,
    };
    interactions.set(id, state);
    byToken.set(interactionToken, state);
    const payload = {
      id,
      application_id: applicationId,
      type,
      data,
      token: interactionToken,
      version: 1,
      locale: opts.locale ?? 'ar',
      app_permissions: '2248473465835073',
      entitlements: [],
      attachment_size_limit: 10485760,
      channel_id: channel,
      ...(guild
        ? {
            guild_id: guild,
            guild_locale: 'ar',
            member: member(userId, opts.permissions),
            channel: { id: channel, type: 0, guild_id: guild, name: 'news' },
            authorizing_integration_owners: { '0': guild },
            context: 0,
          }
        : {
            user: member(userId).user,
            channel: { id: channel, type: 1 },
            authorizing_integration_owners: { '1': userId },
            context: 1,
          }),
      ...extra,
    };
    payloads.set(id, payload);
    state.shard = gateway.dispatch('INTERACTION_CREATE', payload, guild);
    return state;
  }

  function commandData(name: string, opts: InteractionOptions) {
    const scope =
      opts.guildId === null
        ? 'global'
        : commandSets.has(opts.guildId ?? guildId)
          ? (opts.guildId ?? guildId)
          : 'global';
    const registered = commandSets.get(scope)?.find((c) => c.name === name);
    return { id: registered?.id ?? snowflake(), name, type: 1, ...(scope !== 'global' ? { guild_id: scope } : {}) };
  }

  const emulator: DiscordEmulator = {
    port,
    apiUrl: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    botUserId,
    guildId,
    channelId,
    calls,
    gatewayReceived,
    gatewayCloses,
    events,
    fail(method, path, fault, times = 1) {
      faults.push({ method, path, fault, left: times });
    },
    commands: (g) => commandSets.get(g ?? 'global') ?? [],
    addChannel: (id) => void channels.add(id),
    channelMessages: (id) =>
      [...messages.values()].filter((m) => m.channel_id === id && !m.deleted && m.type === 0 && !m.webhook_id),
    command(name, options = {}, opts = {}) {
      const list = Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value }));
      return interact(2, { ...commandData(name, opts), ...(list.length > 0 ? { options: list } : {}) }, opts);
    },
    autocomplete(name, option, value, opts = {}) {
      return interact(
        4,
        { ...commandData(name, opts), options: [{ name: option, type: 3, value, focused: true }] },
        opts,
      );
    },
    click(message, customId, opts = {}) {
      const state = interact(3, { custom_id: customId, component_type: 2 }, opts, {
        message: { ...message, loading: undefined, deleted: undefined },
      });
      state.original = message;
      return state;
    },
    disconnect(code = 4000, shard) {
      gateway.disconnect(code, shard);
    },
    redispatch(state) {
      const payload = payloads.get(state.id);
      if (!payload) throw new Error(`unknown interaction ${state.id}`);
      return gateway.dispatch('INTERACTION_CREATE', payload, (payload.guild_id as string | undefined) ?? null);
    },
    gatewaySessions: () => gateway.sessions(),
    waitForCall(predicate, timeoutMs = 5000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('call', listener);
          reject(new Error('timed out waiting for a REST call'));
        }, timeoutMs);
        const listener = (c: RecordedCall) => {
          if (!predicate(c)) return;
          clearTimeout(timer);
          events.off('call', listener);
          resolve(c);
        };
        events.on('call', listener);
      });
    },
    waitForGateway(op, after = 0, timeoutMs = 5000) {
      const found = gatewayReceived.find((g) => g.op === op && g.at >= after);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('gateway', listener);
          reject(new Error(`timed out waiting for gateway op ${op}`));
        }, timeoutMs);
        const listener = (g: { op: number; d: any; at: number }) => {
          if (g.op !== op || g.at < after) return;
          clearTimeout(timer);
          events.off('gateway', listener);
          resolve(g);
        };
        events.on('gateway', listener);
      });
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emulator;
}
