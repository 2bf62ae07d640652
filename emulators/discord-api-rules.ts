/**
 * What the Discord emulator checks a bot's payloads against: Discord's documented limits
 * and formats (message sizes, embed totals, command definitions, localization keys), so a
 * payload the real API would reject fails the same way in tests. Also the snowflake ids
 * and the "what a user sees" view of a message.
 */
/** Locales Discord accepts in localization maps. */
export const DISCORD_LOCALES = new Set([
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
]);
const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const EPOCH = 1420070400000n;
let counter = 0n;

/** A fresh, increasing snowflake id. */
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - EPOCH) << 22n) | counter);
}

/** An API error as Discord returns it: a JSON code and an HTTP status. */
export class FormError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Throws a 50035-style form error unless `ok`. */
export function check(ok: boolean, message: string, code = 50035): void {
  if (!ok) throw new FormError(code, `Invalid Form Body: ${message}`);
}

/** Checks a message body against Discord's limits, as the API would. */
export function validateMessage(body: any, requireContent = true): void {
  const content: string = body?.content ?? '';
  const embeds: any[] = body?.embeds ?? [];
  const rows: any[] = body?.components ?? [];
  check(content.length <= 2000, 'content: Must be 2000 or fewer in length.');
  check(embeds.length <= 10, 'embeds: Must be 10 or fewer in length.');
  let total = 0;
  for (const e of embeds) {
    check((e.title ?? '').length <= 256, 'embeds.title: Must be 256 or fewer in length.');
    check((e.description ?? '').length <= 4096, 'embeds.description: Must be 4096 or fewer in length.');
    check((e.footer?.text ?? '').length <= 2048, 'embeds.footer.text: Must be 2048 or fewer in length.');
    check((e.fields ?? []).length <= 25, 'embeds.fields: Must be 25 or fewer in length.');
    total +=
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      (e.author?.name ?? '').length;
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  check(total <= 6000, 'embeds: Embed size exceeds maximum size of 6000');
  check(rows.length <= 5, 'components: Must be 5 or fewer in length.');
  const ids = new Set<string>();
  for (const row of rows) {
    check(
      row.type === 1 && Array.isArray(row.components) && row.components.length >= 1 && row.components.length <= 5,
      'components: invalid action row',
    );
    for (const c of row.components) {
      check(c.type === 2, 'components.type: only buttons here');
      check(
        typeof c.custom_id === 'string' && c.custom_id.length >= 1 && c.custom_id.length <= 100,
        'custom_id: Must be between 1 and 100 in length.',
      );
      check(!ids.has(c.custom_id), 'custom_id: Component custom id cannot be duplicated');
      ids.add(c.custom_id);
      check((c.label ?? '').length <= 80, 'label: Must be 80 or fewer in length.');
    }
  }
  if (requireContent) check(content !== '' || embeds.length > 0 || rows.length > 0, 'Cannot send an empty message');
}

function validateLocalizations(map: any, what: string, value: (s: string) => boolean): void {
  if (map == null) return;
  for (const [locale, text] of Object.entries(map)) {
    check(DISCORD_LOCALES.has(locale), `${what}.${locale}: Invalid Locale`);
    check(typeof text === 'string' && value(text), `${what}.${locale}: invalid value`);
  }
}

const validName = (s: string) => COMMAND_NAME.test(s) && s === s.toLowerCase();
const validDescription = (s: string) => s.length >= 1 && s.length <= 100;

/** Checks a command list the way `PUT /applications/{app}/commands` does. */
export function validateCommands(commands: any): void {
  check(Array.isArray(commands) && commands.length <= 100, 'commands: Must be 100 or fewer in length.');
  const names = new Set<string>();
  for (const c of commands) {
    check(validName(c.name), `name: invalid command name ${JSON.stringify(c.name)}`);
    check(!names.has(c.name), 'name: Application command names must be unique');
    names.add(c.name);
    check(validDescription(c.description ?? ''), `${c.name}.description: Must be between 1 and 100 in length.`);
    validateLocalizations(c.name_localizations, `${c.name}.name_localizations`, validName);
    validateLocalizations(c.description_localizations, `${c.name}.description_localizations`, validDescription);
    let optional = false;
    for (const o of c.options ?? []) {
      check(validName(o.name) && validDescription(o.description ?? ''), `${c.name}.options.${o.name}: invalid`);
      validateLocalizations(o.name_localizations, `${c.name}.options.name_localizations`, validName);
      validateLocalizations(
        o.description_localizations,
        `${c.name}.options.description_localizations`,
        validDescription,
      );
      check(
        !(o.required && optional),
        `${c.name}.options: Required options must be placed before non-required options`,
      );
      if (!o.required) optional = true;
      check(o.max_length === undefined || (o.max_length >= 1 && o.max_length <= 6000), 'max_length: out of range');
      check(!(o.autocomplete && o.choices), 'autocomplete: Autocomplete cannot be set with choices');
    }
  }
}

/** The text a user sees in a message: content, embed titles, descriptions, footers, button labels. */
export function visibleText(
  message: { content?: string; embeds?: readonly any[]; components?: readonly any[] } | null | undefined,
): string {
  if (!message) return '';
  const parts = [message.content ?? ''];
  for (const e of message.embeds ?? []) parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
  for (const row of message.components ?? []) for (const c of row.components ?? []) parts.push(c.label ?? '');
  return parts.filter(Boolean).join('\n');
}
