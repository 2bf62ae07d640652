import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { t } from '../core/commands/messages.js';
import type { Locale, Pager } from '../core/commands/reply.js';
import { encodePagerPayload } from '../core/commands/pager-payload.js';

/** Button labels: the shared words, with arrows pointing the way the language reads. */
const LABELS: Readonly<Record<Locale, { readonly previous: string; readonly next: string }>> = {
  ar: { previous: `${t('ar', 'pagePrevious')} ›`, next: `‹ ${t('ar', 'pageNext')}` },
  en: { previous: `‹ ${t('en', 'pagePrevious')}`, next: `${t('en', 'pageNext')} ›` },
};

/**
 * Previous/next buttons for a paginated reply; none when there is one page. In Arabic
 * the row reads right to left, so "next" stands on the left.
 */
export function pagerKeyboard(pager: Pager | undefined, locale: Locale): InlineKeyboardMarkup | undefined {
  if (!pager || pager.pages <= 1) return undefined;
  const labels = LABELS[locale];
  const row: InlineKeyboardButton[] = [];
  const button = (text: string, page: number) =>
    row.push({ text, callback_data: encodePagerPayload(pager.token, page) });
  if (pager.page > 0) button(labels.previous, pager.page - 1);
  if (pager.page < pager.pages - 1) button(labels.next, pager.page + 1);
  if (locale === 'ar') row.reverse();
  return row.length > 0 ? { inline_keyboard: [row] } : undefined;
}
