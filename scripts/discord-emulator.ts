/**
 * Runs the Discord emulator by hand, to watch the real bot answer without a Discord
 * account. Start it, then start nashra against it in another terminal with the line it
 * prints, and type interactions here:
 *
 *   npx tsx scripts/discord-emulator.ts [--port 8080] [--token MTAwMDAwMDAwMDAwMDAwMDAx.emulat.local-emulator-token-not-a-real-one]
 *
 *   /quotes person:تسوكرمان     a slash command (the option name may be left out: /quotes تسوكرمان)
 *   ?quotes تسو                  autocomplete of the command's option
 *   click 1                      press button 1 of the last message that has buttons
 *   locale en-US | user 42       act as an English-speaking user / as another user
 *   drop                         drop the gateway connection (the bot resumes)
 *   calls                        list every REST call so far
 *
 * The bot's callbacks and webhook payloads are printed as they arrive.
 */
import { createInterface } from 'node:readline';
import { COMMAND_SPECS } from '../src/core/commands/command-specs.js';
import {
  type RecordedCall,
  type StoredMessage,
  startDiscordEmulator,
  visibleText,
} from '../emulators/discord-emulator.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const emulator = await startDiscordEmulator({
  token: arg('token') ?? 'MTAwMDAwMDAwMDAwMDAwMDAx.emulat.local-emulator-token-not-a-real-one',
  interactionWindowMs: 3000,
  heartbeatIntervalMs: 41_250,
  ...(arg('port') ? { port: Number(arg('port')) } : {}),
});
let locale = 'ar';
let userId = '100000000000000001';
const last: { withButtons: StoredMessage | null } = { withButtons: null };

const out = (text: string) => process.stdout.write(`${text}\n`);
out(`Discord emulator: REST ${emulator.apiUrl}  gateway ws://127.0.0.1:${emulator.port}`);
out(
  `Start the bot in another terminal:\n  DISCORD_TOKEN=${emulator.token} DISCORD_API_URL=${emulator.apiUrl} npm start`,
);
out('Then type: /help, /quotes person:تسوكرمان, ?quotes تسو, click 1, locale en-US, drop, calls, quit');

/** Shortens interaction tokens so paths stay readable. */
const short = (path: string) => path.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/]+/, '/$1/…');

emulator.events.on('call', (call: RecordedCall) => {
  if (call.path === '/gateway/bot') return;
  if (call.method === 'GET' && call.path.endsWith('/commands')) return;
  if (call.method === 'PUT')
    return out(`← ${call.status} PUT ${call.path}: ${(call.body as unknown[]).length} commands registered`);
  out(`← ${call.status} ${call.method} ${short(call.path)}`);
  if (call.body) out(JSON.stringify(call.body, null, 2));
});
emulator.events.on('gateway', (g: { op: number }) => {
  if (g.op === 2) out('• the bot identified on the gateway: ready for commands');
  if (g.op === 6) out('• the bot resumed its session');
});

function parse(line: string): { name: string; option: string | null; value: string } | null {
  const m = /^[/?](\S+)\s*(.*)$/.exec(line);
  if (!m) return null;
  const name = m[1]!;
  const spec = COMMAND_SPECS.find((s) => s.name === name);
  const rest = m[2]!.trim();
  const named = /^([\w-]+):(.*)$/s.exec(rest);
  if (named) return { name, option: named[1]!, value: named[2]!.trim() };
  return { name, option: spec?.argument?.name ?? (rest ? 'value' : null), value: rest };
}

function remember(messages: (StoredMessage | null)[]): void {
  for (const m of messages) if (m && m.components.length > 0) last.withButtons = m;
}

async function settle(state: {
  original: StoredMessage | null;
  followUps: StoredMessage[];
  choices: unknown;
}): Promise<void> {
  await new Promise((r) => setTimeout(r, 1500));
  remember([state.original, ...state.followUps]);
  const shown = [state.original, ...state.followUps]
    .filter((m) => m && !m.deleted)
    .map((m) => visibleText(m))
    .join('\n---\n');
  if (shown) out(`The user sees:\n${shown}`);
  if (state.choices) out(`Choices: ${(state.choices as { name: string }[]).map((c) => c.name).join(' | ')}`);
}

const rl = createInterface({ input: process.stdin });
for await (const raw of rl) {
  const line = raw.trim();
  if (line === '') continue;
  if (line === 'quit' || line === 'exit') break;
  if (line === 'drop') {
    emulator.disconnect(4000);
    continue;
  }
  if (line === 'calls') {
    for (const c of emulator.calls) out(`${c.status} ${c.method} ${short(c.path)}`);
    continue;
  }
  const setting = /^(locale|user)\s+(\S+)$/.exec(line);
  if (setting) {
    if (setting[1] === 'locale') locale = setting[2]!;
    else userId = setting[2]!;
    out(`now acting as user ${userId}, locale ${locale}`);
    continue;
  }
  const click = /^click\s+(\d+)$/.exec(line);
  if (click) {
    const target = last.withButtons;
    const buttons = (target?.components[0]?.components ?? []) as { custom_id: string; label: string }[];
    const button = buttons[Number(click[1]) - 1];
    if (!target || !button) {
      out('no such button on the last message with buttons');
      continue;
    }
    out(`→ clicking “${button.label}” (${button.custom_id})`);
    await settle(emulator.click(target, button.custom_id, { locale, userId }));
    continue;
  }
  const command = parse(line);
  if (!command) {
    out('type /command option:value, ?command text, click N, locale TAG, user ID, drop, calls or quit');
    continue;
  }
  if (!emulator.gatewayReceived.some((g) => g.op === 2))
    out('(the bot has not connected yet; start it with the line above)');
  const options = command.option ? { [command.option]: command.value } : {};
  const state = line.startsWith('?')
    ? emulator.autocomplete(command.name, command.option ?? 'value', command.value, { locale, userId })
    : emulator.command(command.name, options, { locale, userId });
  await settle(state);
}
await emulator.close();
process.exit(0);
