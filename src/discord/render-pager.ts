import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { t } from '../core/commands/messages.js';
import type { Locale, Pager } from '../core/commands/reply.js';
import { encodePagerPayload } from '../core/commands/pager-payload.js';

/** The one action row a paged list carries. */
export type PagerRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** Button labels, from the shared messages (Discord draws its own arrows: none needed). */
export const PAGER_LABELS: Readonly<Record<Locale, { previous: string; next: string }>> = {
  ar: { previous: t('ar', 'pagePrevious'), next: t('ar', 'pageNext') },
  en: { previous: t('en', 'pagePrevious'), next: t('en', 'pageNext') },
};

/**
 * Previous/next buttons for a paged list. Buttons are disabled at either end rather
 * than hidden, so the row does not jump. Arabic readers read right to left, so their
 * row puts "next" on the left; English puts it on the right. A one-page list has no row.
 */
export function renderPager(pager: Pager, locale: Locale): PagerRow | null {
  if (pager.pages < 2) return null;
  const last = Math.max(0, pager.pages - 1);
  const previous: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: PAGER_LABELS[locale].previous,
    custom_id: encodePagerPayload(pager.token, pager.page - 1),
    disabled: pager.page <= 0,
  };
  const next: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: PAGER_LABELS[locale].next,
    custom_id: encodePagerPayload(pager.token, Math.min(last, pager.page + 1)),
    disabled: pager.page >= last,
  };
  return { type: ComponentType.ActionRow, components: locale === 'ar' ? [next, previous] : [previous, next] };
}
