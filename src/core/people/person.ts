import type { SpeakerKind } from '../quotes/quote.js';

/** A speaker merged across the whole corpus: one entry per real person or body. */
export interface Person {
  /** The fullest name seen for them. */
  readonly name: string;
  /** Every other form seen (short forms, spelling variants), surface text. */
  readonly aliases: readonly string[];
  readonly kind: SpeakerKind;
  /** Lookup keys (see `personKeys`): any query whose keys meet these finds the person. */
  readonly keys: readonly string[];
}
