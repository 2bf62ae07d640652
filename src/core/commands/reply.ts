/**
 * The platform-neutral reply every command returns. Adapters render it (Telegram entities,
 * Discord embeds, console text) and split it under their own limits; commands never
 * format for a platform, so all surfaces answer alike.
 */

/** The two languages nashra answers in. */
export type Locale = 'ar' | 'en';

/** A run of text with marked ranges (search matches) to emphasize. */
export interface Inline {
  readonly text: string;
  /** [start, end) UTF-16 ranges of `text` to emphasize, ascending. */
  readonly marks?: readonly (readonly [number, number])[];
}

/** A quotation with its speaker. */
export interface ReplyQuote {
  readonly speaker: string;
  readonly text: string;
}

/** One entry of a list: an article, a person, a quote. */
export interface ReplyItem {
  readonly heading: string;
  /** A short reference after the heading: an article id, a date, a count. */
  readonly ref?: string;
  readonly lines: readonly Inline[];
  readonly quote?: ReplyQuote;
  /** A link for the heading, when the article has one. */
  readonly url?: string;
}

/** Buttons to move through a long list; `token` names the list in the page store. */
export interface Pager {
  readonly token: string;
  /** 0-based page shown. */
  readonly page: number;
  readonly pages: number;
}

export interface Reply {
  readonly title?: string;
  /** Paragraphs before the items. */
  readonly text?: readonly string[];
  readonly items?: readonly ReplyItem[];
  /** The number of the first item where items are numbered: 11 on page 2 of a ten-per-page list. Default 1. */
  readonly numberFrom?: number;
  /** A closing line: "page 2 of 5 · 43 results", a usage hint. */
  readonly footer?: string;
  readonly pager?: Pager;
  /** An answer to bad input or a failure: shown only to the user where the platform can. */
  readonly notice?: boolean;
  readonly locale: Locale;
}
