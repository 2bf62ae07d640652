import { STARTUP_RETRY, type PlatformTarget, type ProbeResult, fetchFailure } from '../app/wait-for-platform.js';

/** Discord's REST base when DISCORD_API_URL is not set (discord.js adds the version). */
export const DISCORD_DEFAULT_API_URL = 'https://discord.com/api';
/** The REST version discord.js 14 speaks. */
const API_VERSION = 'v10';

/**
 * Discord as a start-up target: `GET /gateway/bot`, the first call a bot makes when it
 * logs in, with the token. 401 is a refusal; a network error, a timeout or a 5xx is
 * "unreachable".
 */
export function discordTarget(token: string, apiUrl: string | undefined): PlatformTarget {
  const root = (apiUrl ?? DISCORD_DEFAULT_API_URL).replace(/\/+$/, '');
  return {
    name: 'Discord',
    tokenVariable: 'DISCORD_TOKEN',
    rootVariable: 'DISCORD_API_URL',
    url: root,
    fixHint: 'copy it again from the Developer Portal (your application → Bot → Reset Token)',
    async probe(signal): Promise<ProbeResult> {
      let res: Response;
      try {
        res = await fetch(`${root}/${API_VERSION}/gateway/bot`, { headers: { authorization: `Bot ${token}` }, signal });
      } catch (err) {
        return { ok: false, kind: 'unreachable', detail: fetchFailure(err, STARTUP_RETRY.timeoutMs) };
      }
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return { ok: true };
      if (res.status === 401)
        return { ok: false, kind: 'refused', status: res.status, detail: res.statusText || 'Unauthorized' };
      return { ok: false, kind: 'unreachable', detail: `HTTP ${res.status}` };
    },
  };
}
