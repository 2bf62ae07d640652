import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/core/commands/command-specs.js';
import { buildCommandDefinitions, ENGLISH_DISCORD_LOCALES } from '../../src/discord/build-command-definitions.js';
import { commandSetKey } from '../../src/discord/sync-commands.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { createDiscordBot } from '../../src/discord/create-discord-bot.js';
import { startDiscordEmulator, validateCommands } from '../../emulators/discord-emulator.js';
import { captureLogs, type Harness, startHarness } from './bot-harness.js';

let test: TestIndex;
beforeAll(async () => {
  test = await createTestIndex();
});
afterAll(async () => test?.close());

const puts = (h: Harness) => h.emulator.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/commands'));

describe('command definitions', () => {
  const definitions = buildCommandDefinitions(COMMAND_SPECS);

  it('offers every chat command, Arabic by default and English for English clients', async () => {
    expect(definitions.map((d) => d.name)).toEqual([
      'search',
      'summary',
      'quotes',
      'people',
      'latest',
      'digest',
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'help',
    ]);
    for (const d of definitions) {
      expect(d.description).toMatch(/[\u0600-\u06FF]/);
      for (const locale of ENGLISH_DISCORD_LOCALES)
        expect(d.description_localizations?.[locale]).toMatch(/^[\x20-\x7E’]+$/);
      expect(Object.keys(d.description_localizations ?? {})).not.toContain('ar');
    }
  });

  it('hides the commands that change a channel’s digest from members who cannot manage channels', async () => {
    const permissions = Object.fromEntries(definitions.map((d) => [d.name, d.default_member_permissions ?? null]));
    expect(permissions).toMatchObject({
      subscribe: '16',
      unsubscribe: '16',
      subscriptions: null,
      search: null,
      digest: null,
    });
  });

  it.each([
    ['search', 'topic', false],
    ['summary', 'article-or-topic', false],
    ['quotes', 'person', true],
  ])('/%s takes a required %s (autocomplete: %s)', async (name, option, autocomplete) => {
    const d = definitions.find((x) => x.name === name)!;
    expect(d.options).toHaveLength(1);
    expect(d.options![0]).toMatchObject({ name: option, type: 3, required: true, max_length: 500 });
    expect((d.options![0] as { autocomplete?: boolean }).autocomplete ?? false).toBe(autocomplete);
  });

  it('passes Discord’s validation (names, lengths, locales)', async () => {
    expect(() => validateCommands(definitions)).not.toThrow();
  });

  it('compares equal to what Discord returns for it', async () => {
    const returned = definitions.map((d) => ({
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: null,
      type: 1,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...d,
      options: (d.options ?? []).map((o) => ({ ...o })),
    }));
    expect(commandSetKey(returned.reverse())).toBe(commandSetKey(definitions));
    expect(commandSetKey([{ ...definitions[0]!, description: 'changed' }, ...definitions.slice(1)])).not.toBe(
      commandSetKey(definitions),
    );
  });
});

describe('registration at start-up', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ handler: test.handler, index: test.index });
  });
  afterAll(async () => h?.stop());

  it('gets the gateway URL from GET /gateway/bot and identifies with the Guilds intent only', async () => {
    expect(h.emulator.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorized: true });
    const identify = await h.emulator.waitForGateway(2);
    expect(identify.d.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.d.token).toBe('[token]'); // the emulator saw the real token and replaced it in its record
  });

  it('registers the commands globally once', async () => {
    const gets = h.emulator.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/commands'));
    expect(gets[0]!.query.with_localizations).toBe('true');
    expect(puts(h)).toHaveLength(1);
    expect(puts(h)[0]!.path).toBe(`/applications/${h.emulator.applicationId}/commands`);
    expect(h.emulator.commands().map((c) => c.name)).toEqual([
      'search',
      'summary',
      'quotes',
      'people',
      'latest',
      'digest',
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'help',
    ]);
  });

  it('skips the PUT on a restart when nothing changed', async () => {
    await h.restart();
    expect(puts(h)).toHaveLength(1);
    expect(h.logs.lines.some((l) => l.msg === 'discord commands up to date')).toBe(true);
  });

  it('registers again when the registered commands differ', async () => {
    h.emulator.commands().find((c) => c.name === 'help')!.description = 'وصف قديم';
    await h.restart();
    expect(puts(h)).toHaveLength(2);
    expect(h.emulator.commands().find((c) => c.name === 'help')!.description).toBe(
      COMMAND_SPECS.find((s) => s.name === 'help')!.description.ar,
    );
  });
});

describe('registration in one guild (DISCORD_GUILD_ID)', () => {
  it('puts the commands in that guild only', async () => {
    const guildId = '222222222222222222';
    const h = await startHarness({ handler: test.handler, index: test.index, guildId });
    try {
      expect(puts(h).map((c) => c.path)).toEqual([
        `/applications/${h.emulator.applicationId}/guilds/${guildId}/commands`,
      ]);
      expect(h.emulator.commands(guildId)).toHaveLength(10);
      expect(h.emulator.commands()).toHaveLength(0);
    } finally {
      await h.stop();
    }
  });
});

describe('a wrong token', () => {
  it('fails start() with a clear error and never logs the token', async () => {
    const emulator = await startDiscordEmulator();
    const logs = captureLogs();
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.token-value';
    const bot = createDiscordBot({
      token: secret,
      apiUrl: emulator.apiUrl,
      handler: test.handler,
      index: test.index,
      logger: logs.logger,
    });
    try {
      await expect(bot.start()).rejects.toThrow(/token/i);
      expect(emulator.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
      expect(logs.raw.join('\n')).not.toContain(secret);
    } finally {
      await bot.stop();
      await emulator.close();
    }
  });
});
