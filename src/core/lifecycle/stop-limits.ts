/**
 * Time budget of a graceful stop (SIGTERM, SIGINT). Docker kills a container 10 s after
 * SIGTERM; the whole process exits within `exitMs`, whatever is still running. Services
 * stop one after another (rescans, then the scheduler, then the chat platforms), each
 * waiting at most `graceMs` for its work in flight, so the sum stays inside `exitMs`.
 */
export const STOP_LIMITS = {
  /** The process exits by then, measured from the signal (a watchdog enforces it). */
  exitMs: 8_000,
  /** How long one service waits for its work in flight before handing it back. */
  graceMs: 2_500,
  /** How long the Telegram adapter tries to confirm the last completed update. */
  confirmMs: 1_000,
} as const satisfies Record<string, number>;
