import { DISCORD_MAX_CUSTOM_ID } from './discord-limits.js';

/**
 * The custom id of a pager button: `p:<token>:<page>`. Button ids come back from
 * Discord as untrusted input (any client can send any id), so they are parsed with a
 * strict pattern and anything else is treated as an expired list.
 */
export const PAGER_CUSTOM_ID = /^p:([0-9a-z]{10}):(\d{1,4})$/;

/** The custom id for page `page` (0-based) of the list stored under `token`. */
export function pagerCustomId(token: string, page: number): string {
  const id = `p:${token}:${Math.max(0, Math.trunc(page))}`;
  if (!PAGER_CUSTOM_ID.test(id) || id.length > DISCORD_MAX_CUSTOM_ID) throw new RangeError(`not a pager token: ${token}`);
  return id;
}

/** The token and page a pager button points at, or null when the id is not one of ours. */
export function parsePagerCustomId(customId: string): { token: string; page: number } | null {
  const m = PAGER_CUSTOM_ID.exec(customId);
  return m ? { token: m[1]!, page: Number(m[2]) } : null;
}
