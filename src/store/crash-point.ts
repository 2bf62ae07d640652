/**
 * A test hook for the crash-point test: `NASHRA_CRASH_AT=inside:N` kills the process with
 * SIGKILL inside the N-th write transaction (its writes done, not committed) and
 * `NASHRA_CRASH_AT=after:N` right after the N-th commit. Unset (always, outside that
 * test) it costs one comparison per transaction.
 */
export interface CrashPoint {
  /** Called with each transaction's writes done, before it commits. */
  inside(): void;
  /** Called after each commit. */
  after(): void;
}

const NONE: CrashPoint = { inside: () => {}, after: () => {} };

/** The crash point named by `NASHRA_CRASH_AT`, or one that never fires. */
export function crashPointFromEnv(env: NodeJS.ProcessEnv = process.env): CrashPoint {
  const m = /^(inside|after):(\d+)$/.exec(env.NASHRA_CRASH_AT ?? '');
  if (!m) return NONE;
  const when = m[1]!;
  const n = Number(m[2]);
  let inside = 0;
  let after = 0;
  const die = () => process.kill(process.pid, 'SIGKILL');
  return {
    inside: () => void (when === 'inside' && ++inside === n && die()),
    after: () => void (when === 'after' && ++after === n && die()),
  };
}
