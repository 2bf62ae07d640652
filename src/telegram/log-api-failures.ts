import type { Transformer } from 'grammy';
import type { Logger } from '../logging/create-logger.js';
import { scrubError } from '../logging/scrub-secrets.js';

/**
 * An API transformer that notes every refused or failed Bot API call: a 429 that
 * auto-retry then waits out, a network failure it retries, still show in the log. It
 * never logs the payload or the URL, so neither user text nor the token end up there.
 */
export function logApiFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (err) {
      if (!signal?.aborted) logger.warn({ method, err: scrubError(err) }, 'telegram unreachable');
      throw err;
    }
    if (!result.ok) {
      const fields = {
        method,
        errorCode: result.error_code,
        description: result.description,
        retryAfter: result.parameters?.retry_after,
      };
      if (result.error_code === 429) logger.warn(fields, 'telegram rate limit');
      else logger.debug(fields, 'telegram refused a call');
    }
    return result;
  };
}
