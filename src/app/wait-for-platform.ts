import { NashraError } from '../core/errors/nashra-error.js';
import type { Logger } from '../logging/create-logger.js';

/** What one start-up probe of a platform's API found. */
export type ProbeResult =
  | { readonly ok: true }
  /** The platform answered and refused the token (401, or Telegram's 404 for a malformed one). */
  | { readonly ok: false; readonly kind: 'refused'; readonly status: number; readonly detail: string }
  /** No answer, a network error or a 5xx: worth trying again. */
  | { readonly ok: false; readonly kind: 'unreachable'; readonly detail: string };

/** A platform to reach before starting its adapter. */
export interface PlatformTarget {
  /** As users know it: "Telegram", "Discord". */
  readonly name: string;
  /** The variable holding the token, named in the message when it is refused. */
  readonly tokenVariable: string;
  /** The API root as configured, shown in messages (never with the token). */
  readonly url: string;
  /** Where a refused token is put right. */
  readonly fixHint: string;
  /** The variable that moves the API root, named when it cannot be reached. */
  readonly rootVariable: string;
  probe(signal: AbortSignal): Promise<ProbeResult>;
}

/**
 * Start-up attempts: a platform that cannot be reached is tried again with doubling
 * waits (2, 4, 8, 16, 30 s: about a minute in all), each wait announced in the log,
 * then start-up fails. Under `--restart unless-stopped` that is a slow, visible loop
 * rather than a silent one.
 */
export const STARTUP_RETRY = {
  attempts: 6,
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
} as const satisfies Record<string, number>;

/** Overrides of STARTUP_RETRY (tests use short waits). */
export type StartupRetry = { readonly [K in keyof typeof STARTUP_RETRY]: number };

export interface WaitOptions {
  readonly logger: Logger;
  readonly retry?: Partial<StartupRetry>;
  /** Waits between attempts; injected by tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks that the platform answers and accepts the token before the adapter starts, so
 * the two ways a deployment is commonly wrong get one clear line each: a refused token
 * fails at once (a `NashraError('PLATFORM')`, no stack trace), an unreachable API root
 * is retried a bounded number of times with a log line saying why.
 */
export async function waitForPlatform(target: PlatformTarget, options: WaitOptions): Promise<void> {
  const retry: StartupRetry = { ...STARTUP_RETRY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  let delay: number = retry.firstDelayMs;
  let last = '';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    const result = await target.probe(AbortSignal.timeout(retry.timeoutMs));
    if (result.ok) return;
    if (result.kind === 'refused') {
      throw new NashraError(
        'PLATFORM',
        `${target.name} refused ${target.tokenVariable} (${result.status} ${result.detail}): the token is wrong or was revoked; ${target.fixHint}`,
      );
    }
    last = result.detail;
    if (attempt === retry.attempts) break;
    options.logger.warn(
      {
        platform: target.name.toLowerCase(),
        url: target.url,
        reason: last,
        attempt,
        attempts: retry.attempts,
        retryInMs: delay,
      },
      `cannot reach ${target.name} at ${target.url} (${last}); retrying in ${Math.round(delay / 1000)} s (attempt ${attempt} of ${retry.attempts})`,
    );
    await sleep(delay);
    delay = Math.min(retry.maxDelayMs, delay * 2);
  }
  throw new NashraError(
    'PLATFORM',
    `cannot reach ${target.name} at ${target.url} after ${retry.attempts} attempts (${last}): check the network, or ${target.rootVariable}`,
  );
}

/** Why a fetch failed, in a few words: `ECONNREFUSED`, `ENOTFOUND`, `no answer within 10 s`. */
export function fetchFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
