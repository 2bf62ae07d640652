/**
 * Which days are working days depends on where you are: most of the Arab world rests on
 * Friday and Saturday, so «أيام العمل» in Riyadh or Cairo means Sunday to Thursday, while
 * in Berlin, Dubai (since 2022), Rabat or Tunis it means Monday to Friday. `weekdays` /
 * «أيام العمل» follow the subscription's time zone; an explicit range (`sun-thu`,
 * «الأحد-الخميس») is there for anyone this table does not fit.
 */

/** Zones whose weekend is Friday–Saturday (work week Sunday–Thursday). */
export const FRIDAY_SATURDAY_WEEKEND_ZONES: ReadonlySet<string> = new Set([
  'Asia/Riyadh',
  'Asia/Kuwait',
  'Asia/Qatar',
  'Asia/Bahrain',
  'Asia/Muscat',
  'Asia/Aden',
  'Asia/Baghdad',
  'Asia/Amman',
  'Asia/Damascus',
  'Asia/Gaza',
  'Asia/Hebron',
  'Asia/Jerusalem',
  'Asia/Tel_Aviv',
  'Asia/Dhaka',
  'Africa/Cairo',
  'Africa/Algiers',
  'Africa/Tripoli',
  'Africa/Khartoum',
  'Egypt',
  'Israel',
]);

/** Working days (0 = Sunday) in `zone`. */
export function workWeek(zone: string): readonly number[] {
  return FRIDAY_SATURDAY_WEEKEND_ZONES.has(zone) ? [0, 1, 2, 3, 4] : [1, 2, 3, 4, 5];
}

/** Weekend days (0 = Sunday) in `zone`. */
export function weekend(zone: string): readonly number[] {
  const work = new Set(workWeek(zone));
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => !work.has(d));
}
