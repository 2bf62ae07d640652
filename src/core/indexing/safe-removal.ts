/**
 * How much of the archive one rescan may remove on its own. A corpus folder that is
 * unmounted, emptied by a failed sync or pointed elsewhere for one rescan looks exactly
 * like "every article was deleted"; removing them would empty every answer and, when the
 * files come back, announce them all as new. Past these limits nothing is removed until
 * someone confirms with `index --prune`.
 */
export const REMOVAL_LIMITS = {
  /** Largest share of the archive a rescan removes without `--prune`. */
  maxFraction: 0.5,
} as const satisfies Record<string, number>;

/**
 * True when removing `removing` of `archived` articles needs confirmation: more than
 * `REMOVAL_LIMITS.maxFraction` of them, or all of them.
 */
export function removalNeedsConfirmation(removing: number, archived: number): boolean {
  if (removing === 0) return false;
  return removing >= archived || removing > archived * REMOVAL_LIMITS.maxFraction;
}
