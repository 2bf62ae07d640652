/**
 * Discord's hard limits, named once. The API rejects a whole message (400, code 50035)
 * when any one of these is exceeded, so every renderer and test checks against these
 * constants instead of scattering magic numbers.
 */

/** Characters in a message's `content`. */
export const DISCORD_MAX_CONTENT = 2000;
/** Characters in an embed's description. */
export const DISCORD_MAX_EMBED_DESCRIPTION = 4096;
/** Characters in an embed's title. */
export const DISCORD_MAX_EMBED_TITLE = 256;
/** Characters in an embed's footer text. */
export const DISCORD_MAX_EMBED_FOOTER = 2048;
/** Characters across all embeds of one message (titles, descriptions, fields, footers, authors). */
export const DISCORD_MAX_EMBED_TOTAL = 6000;
/** Embeds in one message. */
export const DISCORD_MAX_EMBEDS = 10;
/** Autocomplete choices in one response. */
export const DISCORD_MAX_CHOICES = 25;
/** Characters in an autocomplete choice's name and in a string choice's value. */
export const DISCORD_MAX_CHOICE_NAME = 100;
/** Characters in a component custom id. */
export const DISCORD_MAX_CUSTOM_ID = 100;
/** Characters in a button label. */
export const DISCORD_MAX_BUTTON_LABEL = 80;
/** Characters in a command or option description. */
export const DISCORD_MAX_DESCRIPTION = 100;
/** An interaction must be answered (or deferred) within this many milliseconds. */
export const DISCORD_INTERACTION_WINDOW_MS = 3000;
/** Ephemeral message flag (1 << 6). */
export const DISCORD_EPHEMERAL_FLAG = 64;
