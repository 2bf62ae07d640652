/**
 * Turns a header date into a sortable ISO string, or null. Corpus dates come in many
 * shapes (`2024-10-24`, `2015-08-01 12:00:00`, `24/10/2024`); only unambiguous ones
 * are used for ordering, the rest keep their text for display.
 */
export function toSortDate(date: string | null): string | null {
  if (!date) return null;
  const text = date.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4] ?? '00'}:${iso[5] ?? '00'}:${iso[6] ?? '00'}`;
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}T00:00:00`;
  return null;
}
