import type { UpdateLedger } from '../ports/update-ledger.js';

/**
 * Whether this delivery of update `id` (in `namespace`) is the one to answer: true when
 * there is no ledger (one instance, nothing shared), when the claim wins, and also when the
 * ledger cannot be reached (`onFailure` hears why), since a duplicate answer is better than
 * none. False only for a delivery another one already claimed. Every adapter that answers
 * updates at most once across instances asks this, so the failure rule lives in one place.
 */
export async function firstClaim(
  ledger: UpdateLedger | undefined,
  namespace: string,
  id: number | bigint,
  onFailure: (err: unknown) => void,
): Promise<boolean> {
  if (!ledger) return true;
  try {
    return await ledger.claim(namespace, id);
  } catch (err) {
    onFailure(err);
    return true;
  }
}
