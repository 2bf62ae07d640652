import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  BotCommand,
  CallbackQuery,
  Chat,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';
import { checkTelegramEntities, EntityError } from './check-telegram-entities.js';
import { HtmlParseError, parseTelegramHtml, type TelegramEntity } from './parse-telegram-html.js';

/**
 * A Bot API emulator on 127.0.0.1: enough of Telegram for a real grammY bot to poll,
 * answer, paginate and fail. `POST /bot<token>/<method>` with JSON; real long polling
 * for getUpdates (offset, timeout, limit; a waiting poll wakes when an update arrives and
 * is released when the client hangs up); messages are validated like Telegram does
 * (HTML parse mode or entities, 4096 characters, 64-byte callback data); faults are injected per
 * method, and any method can be held unanswered (`hold`: a slow Bot API). Tests act as
 * users (`userSays`, `press`) and read what the bot sent.
 * After `setWebhook`, updates are POSTed to the webhook instead (with the
 * `X-Telegram-Bot-Api-Secret-Token` header, as Telegram does) and `getUpdates` is refused
 * with 409; `deliver` POSTs any update again, as Telegram does when an answer times out.
 */

export interface EmulatorOptions {
  /** Only this token is accepted (401 otherwise); any token when omitted. */
  readonly token?: string;
  readonly port?: number;
  readonly bot?: Partial<UserFromGetMe>;
}

/** One Bot API request the bot made, with the emulator's answer. */
export interface ApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
  readonly ok: boolean;
  readonly response: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: Record<string, unknown>;
  };
  readonly at: number;
}

/** A message the bot sent, as it currently reads (after edits). */
export interface BotMessage {
  readonly chatId: number;
  readonly messageId: number;
  /** What the bot sent as `text` (HTML when parse_mode is HTML). */
  sent: string;
  /** What the user reads: the parsed text. */
  text: string;
  /** Its styling: parsed from the HTML, or as sent in `entities`. */
  entities: TelegramEntity[];
  /** The parse mode, when the message was not sent with entities. */
  parseMode: string | undefined;
  buttons: { text: string; data: string }[];
  replyTo: number | undefined;
  edits: number;
}

export interface Fault {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
}

/** What the bot did in answer to one user action. */
export interface Exchange {
  /** New messages, in order. */
  readonly messages: BotMessage[];
  /** Text of the toast answering a button press, when there was one ('' = answered silently). */
  readonly toast: string | undefined;
  readonly calls: ApiCall[];
}

/** One POST of an update to the bot's webhook, with the status the bot answered (0: no answer). */
/** Calls held unanswered by `hold`, until `release()`. */
export interface Hold {
  /** The payloads held so far (released ones included), in arrival order. */
  readonly held: readonly Record<string, unknown>[];
  /** Carries out every held call and answers it; calls arriving later are no longer held. */
  release(): void;
}

export interface WebhookDelivery {
  readonly updateId: number;
  readonly status: number;
}

/** A made-up token of the real shape (digits, a colon, 30+ characters), which nashra's configuration checks. */
export const EMULATOR_TOKEN = '123456:emulatorTokenOfTheRealShape_35chars';
const OUTPUT_METHODS = new Set(['sendMessage', 'editMessageText', 'answerCallbackQuery']);
const MAX_TEXT = 4096;
/** How long the bot must stay quiet before its answer counts as complete: far above the gap between the parts of one answer. */
const QUIET_MS = 80;

class ApiFailure extends Error {
  constructor(readonly fault: Fault) {
    super(fault.description);
  }
}

const failure = (error_code: number, description: string, parameters?: Fault['parameters']) =>
  new ApiFailure({ error_code, description, ...(parameters ? { parameters } : {}) });

export type TelegramEmulator = Awaited<ReturnType<typeof startTelegramEmulator>>;

export const ARABIC_USER: User = { id: 1001, is_bot: false, first_name: 'سارة', language_code: 'ar' };
export const ENGLISH_USER: User = { id: 1002, is_bot: false, first_name: 'Sam', language_code: 'en-US' };

/** Starts the emulator; `close()` it after stopping the bot. */
export async function startTelegramEmulator(options: EmulatorOptions = {}) {
  const events = new EventEmitter();
  const botInfo: UserFromGetMe = {
    id: 4242,
    is_bot: true,
    first_name: 'nashra',
    username: 'nashra_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    ...options.bot,
  } as UserFromGetMe;
  const calls: ApiCall[] = [];
  const messages: BotMessage[] = [];
  const chats = new Map<number, Chat>();
  const blocked = new Set<number>();
  const commands = new Map<string, BotCommand[]>();
  const callbackAnswers = new Map<string, { text: string | undefined } | null>();
  const members = new Map<string, string>();
  const faults: {
    method: string;
    fault: Fault;
    times: number;
    when?: (payload: Record<string, unknown>) => boolean;
  }[] = [];
  let pending: Update[] = [];
  let nextUpdateId = 500;
  let nextMessageId = 1;
  let webhook: { url: string; secret: string | undefined } | null = null;
  const webhookDeliveries: WebhookDelivery[] = [];
  let waiter: { limit: number; respond: (updates: Update[]) => void; conflict: () => void } | null = null;
  const holds: { method: string; when: (payload: Record<string, unknown>) => boolean; gate: Promise<void> }[] = [];

  function chatOf(payload: Record<string, unknown>): Chat {
    const raw = payload.chat_id;
    const id = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
    const chat = chats.get(id);
    if (!chat) throw failure(400, 'Bad Request: chat not found');
    if (blocked.has(id))
      throw failure(
        403,
        chat.type === 'private' ? 'Forbidden: bot was blocked by the user' : 'Forbidden: bot was kicked from the chat',
      );
    return chat;
  }

  function content(payload: Record<string, unknown>) {
    const sent = String(payload.text ?? '');
    const parseMode = payload.parse_mode as string | undefined;
    let parsed: { text: string; entities: TelegramEntity[] } = { text: sent, entities: [] };
    if (parseMode !== undefined && payload.entities !== undefined)
      throw failure(400, 'Bad Request: parse_mode and entities can not be used together');
    try {
      if (parseMode === 'HTML') parsed = parseTelegramHtml(sent);
      else if (parseMode !== undefined) throw failure(400, `Bad Request: unsupported parse_mode ${parseMode}`);
      else if (payload.entities !== undefined)
        parsed = { text: sent, entities: checkTelegramEntities(sent, payload.entities) };
    } catch (err) {
      if (err instanceof HtmlParseError || err instanceof EntityError) throw failure(400, err.message);
      throw err;
    }
    if (parsed.text.trim() === '') throw failure(400, 'Bad Request: message text is empty');
    if (parsed.text.length > MAX_TEXT) throw failure(400, 'Bad Request: message is too long');
    const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
    const buttons = (markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ({ text: b.text, data: 'callback_data' in b ? String(b.callback_data) : '' }));
    for (const b of buttons)
      if (b.data === '' || Buffer.byteLength(b.data) > 64) throw failure(400, 'Bad Request: BUTTON_DATA_INVALID');
    return { sent, text: parsed.text, entities: parsed.entities, parseMode, buttons, markup };
  }

  function asMessage(m: BotMessage, markup: InlineKeyboardMarkup | undefined): Message.TextMessage {
    return {
      message_id: m.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: chats.get(m.chatId)!,
      text: m.text,
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      ...(m.entities.length ? { entities: m.entities as MessageEntity[] } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    } as Message.TextMessage;
  }

  const methods: Record<string, (payload: Record<string, unknown>) => unknown> = {
    getMe: () => botInfo,
    deleteWebhook(payload) {
      webhook = null;
      if (payload.drop_pending_updates === true) pending = [];
      return true;
    },
    setWebhook(payload) {
      const url = String(payload.url ?? '');
      if (!/^https?:\/\/[^\s]+$/.test(url)) throw failure(400, 'Bad Request: bad webhook: invalid URL');
      const secret = payload.secret_token === undefined ? undefined : String(payload.secret_token);
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
        throw failure(400, 'Bad Request: secret token contains unallowed characters');
      if (payload.drop_pending_updates === true) pending = [];
      webhook = { url, secret };
      waiter?.conflict();
      const queued = pending;
      pending = [];
      // Like Telegram, updates waiting for a poll now go to the webhook (after this answer).
      setImmediate(() => {
        for (const u of queued) void deliver(u);
      });
      return true;
    },
    getWebhookInfo: () => ({
      url: webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: pending.length,
    }),
    setMyCommands(payload) {
      const list = payload.commands as BotCommand[];
      for (const c of list) {
        if (!/^[a-z0-9_]{1,32}$/.test(c.command) || c.description.length < 1 || c.description.length > 256)
          throw failure(400, 'Bad Request: BOT_COMMAND_INVALID');
      }
      commands.set(String(payload.language_code ?? ''), list);
      return true;
    },
    getMyCommands: (payload) => commands.get(String(payload.language_code ?? '')) ?? [],
    sendMessage(payload) {
      const chat = chatOf(payload);
      const c = content(payload);
      const replyTo = (payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
      const m: BotMessage = {
        chatId: chat.id,
        messageId: nextMessageId++,
        sent: c.sent,
        text: c.text,
        entities: c.entities,
        parseMode: c.parseMode,
        buttons: c.buttons,
        replyTo,
        edits: 0,
      };
      messages.push(m);
      return asMessage(m, c.markup);
    },
    editMessageText(payload) {
      const chat = chatOf(payload);
      const m = messages.find((x) => x.chatId === chat.id && x.messageId === payload.message_id);
      if (!m) throw failure(400, 'Bad Request: message to edit not found');
      const c = content(payload);
      const same =
        c.sent === m.sent && c.parseMode === m.parseMode && JSON.stringify(c.entities) === JSON.stringify(m.entities);
      if (same && JSON.stringify(c.buttons) === JSON.stringify(m.buttons)) {
        throw failure(
          400,
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      Object.assign(m, {
        sent: c.sent,
        text: c.text,
        entities: c.entities,
        parseMode: c.parseMode,
        buttons: c.buttons,
        edits: m.edits + 1,
      });
      return asMessage(m, c.markup);
    },
    answerCallbackQuery(payload) {
      const id = String(payload.callback_query_id);
      if (callbackAnswers.get(id) !== null)
        throw failure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      const text = payload.text as string | undefined;
      if (text && text.length > 200) throw failure(400, 'Bad Request: MESSAGE_TOO_LONG');
      callbackAnswers.set(id, { text });
      return true;
    },
    getChatMember(payload) {
      const chat = chatOf(payload);
      return {
        status: members.get(`${chat.id}:${payload.user_id}`) ?? 'member',
        user: { id: Number(payload.user_id), is_bot: false, first_name: 'member' },
      };
    },
  };

  function record(method: string, payload: Record<string, unknown>, response: ApiCall['response']) {
    const call: ApiCall = { method, payload, ok: response.ok, response, at: Date.now() };
    calls.push(call);
    events.emit('call', call);
  }

  function reply(
    res: ServerResponse,
    method: string,
    payload: Record<string, unknown>,
    outcome: { result: unknown } | { fault: Fault },
  ) {
    const response = 'result' in outcome ? { ok: true, result: outcome.result } : { ok: false, ...outcome.fault };
    record(method, payload, response);
    if (res.writableEnded || res.destroyed) return;
    res.writeHead('result' in outcome ? 200 : outcome.fault.error_code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }

  function takeFault(method: string, payload: Record<string, unknown>): Fault | null {
    const i = faults.findIndex((f) => f.method === method && f.times > 0 && (!f.when || f.when(payload)));
    if (i < 0) return null;
    const f = faults[i]!;
    if (--f.times === 0) faults.splice(i, 1);
    return f.fault;
  }

  function getUpdates(payload: Record<string, unknown>, res: ServerResponse) {
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
    const timeout = Math.max(0, Number(payload.timeout ?? 0));
    if (webhook)
      return reply(res, 'getUpdates', payload, {
        fault: {
          error_code: 409,
          description:
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        },
      });
    if (offset > 0) pending = pending.filter((u) => u.update_id >= offset);
    if (pending.length > 0 || timeout === 0)
      return reply(res, 'getUpdates', payload, { result: pending.slice(0, limit) });
    waiter?.conflict();
    const release = () => {
      clearTimeout(timer);
      if (waiter === me) waiter = null;
    };
    const me = {
      limit,
      respond(updates: Update[]) {
        release();
        reply(res, 'getUpdates', payload, { result: updates.slice(0, limit) });
      },
      conflict() {
        release();
        reply(res, 'getUpdates', payload, {
          fault: {
            error_code: 409,
            description:
              'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
          },
        });
      },
    };
    const timer = setTimeout(() => me.respond([]), timeout * 1000);
    waiter = me;
    res.on('close', () => {
      if (waiter === me) release();
    });
  }

  async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
    const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    if (body === '') return payload;
    if (type.includes('application/json')) return { ...payload, ...(JSON.parse(body) as Record<string, unknown>) };
    if (type.includes('application/x-www-form-urlencoded'))
      return { ...payload, ...Object.fromEntries(new URLSearchParams(body)) };
    throw failure(400, `Bad Request: the emulator reads JSON, not ${type.split(';')[0]}`);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      const method = match?.[2] ?? '';
      let payload: Record<string, unknown> = {};
      try {
        if (!match) throw failure(404, 'Not Found');
        if (options.token !== undefined && match[1] !== options.token) throw failure(401, 'Unauthorized');
        payload = await readPayload(req, url);
        const hold = holds.find((h) => h.method === method && h.when(payload));
        if (hold) {
          events.emit('held', method, payload);
          await hold.gate;
        }
        const fault = takeFault(method, payload);
        if (fault) throw new ApiFailure(fault);
        if (method === 'getUpdates') return getUpdates(payload, res);
        const handler = methods[method];
        if (!handler) throw failure(404, 'Not Found: method not found');
        reply(res, method, payload, { result: handler(payload) });
      } catch (err) {
        const fault =
          err instanceof ApiFailure
            ? err.fault
            : { error_code: 500, description: `Internal Server Error: ${String(err)}` };
        reply(res, method, payload, { fault });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  /**
   * POSTs `update` to the webhook, as Telegram does: JSON, with the secret header when one
   * was set (`secret` overrides it; null sends none). Resolves with the bot's status.
   */
  async function deliver(update: Update, opts: { secret?: string | null } = {}): Promise<number> {
    if (!webhook) throw new Error('no webhook is set');
    const secret = opts.secret === undefined ? webhook.secret : opts.secret;
    let status = 0;
    try {
      const res = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret != null ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
        body: JSON.stringify(update),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    webhookDeliveries.push({ updateId: update.update_id, status });
    return status;
  }

  function pushUpdate(update: Record<string, unknown>): Update {
    const full = { update_id: nextUpdateId++, ...update } as Update;
    if (webhook) {
      void deliver(full);
      return full;
    }
    pending.push(full);
    waiter?.respond(pending);
    return full;
  }

  function commandEntities(text: string): MessageEntity[] | undefined {
    const m = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
    return m ? [{ type: 'bot_command', offset: 0, length: m[0].length }] : undefined;
  }

  function userMessage(text: string, user: User, chat: Chat): Message {
    chats.set(chat.id, chat);
    const entities = commandEntities(text);
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: user,
      text,
      ...(entities ? { entities } : {}),
    } as Message;
  }

  /** A user writes `text` (private chat with the user unless `chat` is given). */
  function userSays(text: string, opts: { user?: User; chat?: Chat } = {}): Update {
    const user = opts.user ?? ARABIC_USER;
    const chat = opts.chat ?? ({ id: user.id, type: 'private', first_name: user.first_name } as Chat);
    return pushUpdate({ message: userMessage(text, user, chat) });
  }

  /** A user presses a button with `data` under the bot's message. Returns the callback query id. */
  function press(message: BotMessage, data: string, user: User = ARABIC_USER): string {
    const id = `cb${nextUpdateId}`;
    callbackAnswers.set(id, null);
    const chat = chats.get(message.chatId)!;
    const query = {
      id,
      from: user,
      chat_instance: `ci${message.chatId}`,
      data,
      message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat,
        text: message.text,
        from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name },
      },
    } as CallbackQuery;
    pushUpdate({ callback_query: query });
    return id;
  }

  /** Resolves once the bot has answered the action started after `from`, and then stayed quiet for `quietMs`. */
  function settle(
    from: number,
    opts: { quietMs?: number; timeoutMs?: number; expectSilence?: boolean } = {},
  ): Promise<ApiCall[]> {
    const { quietMs = QUIET_MS, timeoutMs = 5000, expectSilence = false } = opts;
    return new Promise((resolve, reject) => {
      const output = () => calls.slice(from).filter((c) => OUTPUT_METHODS.has(c.method));
      let quiet: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(deadline);
        clearTimeout(quiet);
        events.off('call', onCall);
        resolve(output());
      };
      const arm = () => {
        clearTimeout(quiet);
        quiet = setTimeout(done, quietMs);
      };
      const onCall = (call: ApiCall) => {
        if (OUTPUT_METHODS.has(call.method)) arm();
      };
      const deadline = setTimeout(() => {
        events.off('call', onCall);
        clearTimeout(quiet);
        reject(
          new Error(
            `the bot did not answer within ${timeoutMs} ms; calls since: ${JSON.stringify(calls.slice(from).map((c) => c.method))}`,
          ),
        );
      }, timeoutMs);
      events.on('call', onCall);
      if (expectSilence || output().length > 0) arm();
    });
  }

  function exchange(from: number, found: ApiCall[], callbackId?: string): Exchange {
    const sent = found
      .filter((c) => c.method === 'sendMessage' && c.ok)
      .map((c) => (c.response.result as Message).message_id);
    const answer = callbackId ? callbackAnswers.get(callbackId) : undefined;
    return {
      messages: messages.filter((m) => sent.includes(m.messageId)),
      toast: answer ? (answer.text ?? '') : undefined,
      calls: calls.slice(from),
    };
  }

  return {
    port,
    apiRoot: `http://127.0.0.1:${port}`,
    botInfo,
    calls,
    messages,
    commands,
    events,
    /** Makes `method` answer with `fault` (`times` times, default 1; only for payloads `when` accepts). */
    fail(
      method: string,
      fault: Fault,
      opts: { times?: number; when?: (payload: Record<string, unknown>) => boolean } = {},
    ) {
      faults.push({ method, fault, times: opts.times ?? 1, ...(opts.when ? { when: opts.when } : {}) });
    },
    /**
     * A slow Bot API: calls of `method` that `when` accepts wait unanswered until `release()`
     * (each emits `held` on `events`). Released calls are carried out even when the client
     * hung up meanwhile, as Telegram completes a request it has fully received: a bot killed
     * while waiting still posts the message.
     */
    hold(method: string, when: (payload: Record<string, unknown>) => boolean = () => true): Hold {
      const held: Record<string, unknown>[] = [];
      let open!: () => void;
      const entry = {
        method,
        when: (payload: Record<string, unknown>) => {
          if (!when(payload)) return false;
          held.push(payload);
          return true;
        },
        gate: new Promise<void>((resolve) => (open = resolve)),
      };
      holds.push(entry);
      return {
        held,
        release() {
          const i = holds.indexOf(entry);
          if (i >= 0) holds.splice(i, 1);
          open();
        },
      };
    },
    /** The user (or group) blocked / removed the bot: sends to the chat now fail with 403. */
    block(chatId: number) {
      blocked.add(chatId);
    },
    addChat(chat: Chat) {
      chats.set(chat.id, chat);
    },
    setMember(chatId: number, userId: number, status: string) {
      members.set(`${chatId}:${userId}`, status);
    },
    pushUpdate,
    /** The webhook the bot set, or null while it polls. */
    get webhook() {
      return webhook;
    },
    /** Every POST to the webhook, in the order they were answered. */
    webhookDeliveries,
    deliver,
    userSays,
    /** A post in a channel. */
    channelPost(text: string, chat: Chat): Update {
      chats.set(chat.id, chat);
      const entities = commandEntities(text);
      return pushUpdate({
        channel_post: {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat,
          sender_chat: chat,
          text,
          ...(entities ? { entities } : {}),
        } as Message,
      });
    },
    press,
    settle,
    /** Sends `text` as a user and waits for the bot's whole answer. */
    async ask(
      text: string,
      opts: { user?: User; chat?: Chat; quietMs?: number; timeoutMs?: number; expectSilence?: boolean } = {},
    ): Promise<Exchange> {
      const from = calls.length;
      userSays(text, opts);
      return exchange(from, await settle(from, opts));
    },
    /** Presses a button and waits for the bot's answer (edit, toast). */
    async tap(message: BotMessage, data: string, user: User = ARABIC_USER): Promise<Exchange> {
      const from = calls.length;
      const id = press(message, data, user);
      return exchange(from, await settle(from), id);
    },
    async close() {
      waiter?.respond([]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
