import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { t } from '../core/commands/messages.js';
import type { Locale, Pager } from '../core/commands/reply.js';
import { TELEGRAM_MAX_CALLBACK_DATA } from './telegram-limits.js';

/** Button labels: the shared words, with arrows pointing the way the language reads. */
const LABELS: Readonly<Record<Locale, { readonly previous: string; readonly next: string }>> = {
  ar: { previous: `${t('ar', 'pagePrevious')} ›`, next: `‹ ${t('ar', 'pageNext')}` },
  en: { previous: `‹ ${t('en', 'pagePrevious')}`, next: `${t('en', 'pageNext')} ›` },
};

/** Callback data of a pager button: `p:<token>:<page>`. Anything else is refused. */
export const PAGE_DATA_PATTERN = /^p:([a-z0-9]{4,32}):(\d{1,5})$/;

/** A page a pager button asks for. */
export interface PageRequest {
  readonly token: string;
  /** 0-based. */
  readonly page: number;
}

/** Encodes a pager button's payload, or null when it could not be parsed back safely. */
export function encodePageData(token: string, page: number): string | null {
  const data = `p:${token}:${page}`;
  return PAGE_DATA_PATTERN.test(data) && Buffer.byteLength(data) <= TELEGRAM_MAX_CALLBACK_DATA ? data : null;
}

/**
 * Parses a button payload. Callback data comes back from the client and can be forged
 * or stale, so it is matched against a strict pattern before anything reads it.
 */
export function parsePageData(data: string | undefined): PageRequest | null {
  const match = data ? PAGE_DATA_PATTERN.exec(data) : null;
  return match ? { token: match[1]!, page: Number(match[2]) } : null;
}

/**
 * Previous/next buttons for a paginated reply; none when there is one page. In Arabic
 * the row reads right to left, so "next" stands on the left.
 */
export function pagerKeyboard(pager: Pager | undefined, locale: Locale): InlineKeyboardMarkup | undefined {
  if (!pager || pager.pages <= 1) return undefined;
  const labels = LABELS[locale];
  const row: InlineKeyboardButton[] = [];
  const button = (text: string, page: number) => {
    const data = encodePageData(pager.token, page);
    if (data) row.push({ text, callback_data: data });
  };
  if (pager.page > 0) button(labels.previous, pager.page - 1);
  if (pager.page < pager.pages - 1) button(labels.next, pager.page + 1);
  if (locale === 'ar') row.reverse();
  return row.length > 0 ? { inline_keyboard: [row] } : undefined;
}
