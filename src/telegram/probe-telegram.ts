import { STARTUP_RETRY, type PlatformTarget, type ProbeResult, fetchFailure } from '../app/wait-for-platform.js';

/** The Bot API root when TELEGRAM_API_ROOT is not set. */
export const TELEGRAM_DEFAULT_API_ROOT = 'https://api.telegram.org';

/**
 * Telegram as a start-up target: `getMe` with the token. 401 (and the 404 Telegram gives
 * a malformed token) is a refusal; a network error, a timeout or a 5xx is "unreachable".
 */
export function telegramTarget(token: string, apiRoot: string | undefined): PlatformTarget {
  const root = (apiRoot ?? TELEGRAM_DEFAULT_API_ROOT).replace(/\/+$/, '');
  return {
    name: 'Telegram',
    tokenVariable: 'TELEGRAM_BOT_TOKEN',
    rootVariable: 'TELEGRAM_API_ROOT',
    url: root,
    fixHint: 'get the current one from @BotFather (/token)',
    async probe(signal): Promise<ProbeResult> {
      let res: Response;
      try {
        res = await fetch(`${root}/bot${token}/getMe`, { signal });
      } catch (err) {
        return { ok: false, kind: 'unreachable', detail: fetchFailure(err, STARTUP_RETRY.timeoutMs) };
      }
      const body = (await res.json().catch(() => null)) as { ok?: boolean; description?: string } | null;
      if (res.ok && body?.ok) return { ok: true };
      if (res.status === 401 || res.status === 404)
        return { ok: false, kind: 'refused', status: res.status, detail: body?.description ?? res.statusText };
      return {
        ok: false,
        kind: 'unreachable',
        detail: `HTTP ${res.status}${body?.description ? ` ${body.description}` : ''}`,
      };
    },
  };
}
