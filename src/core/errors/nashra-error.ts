/**
 * The one error type of nashra. `code` is what callers branch on and what logs group by;
 * `cause` keeps the original error for the log, never for the user.
 */
export type NashraErrorCode =
  | 'USAGE'
  | 'CONFIG'
  | 'CORPUS'
  | 'STORE'
  /** Another process holds the index lock (a second `index` run). */
  | 'BUSY'
  /** The database file is damaged; the message names it and the way out. */
  | 'CORRUPT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'PLATFORM'
  | 'INTERNAL';

export class NashraError extends Error {
  override readonly name: string = 'NashraError';
  readonly code: NashraErrorCode;

  constructor(code: NashraErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Bad input from a person (empty query, unknown option). Subclassed because every
 * adapter answers it differently from a failure: with the message, not an apology.
 */
export class UsageError extends NashraError {
  override readonly name = 'UsageError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
  }
}

/** True for an error whose message is meant for the user. */
export function isUsageError(err: unknown): err is UsageError {
  return err instanceof NashraError && err.code === 'USAGE';
}
