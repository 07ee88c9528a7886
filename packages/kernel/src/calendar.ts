import { z } from 'zod';

/**
 * Calendar dates as ISO strings (`2021-03-01`), with the period arithmetic of the Civil Code:
 * - art. 201: a period counted in days, months or years starts the day after the starting event;
 * - art. 202: a period in months or years ends on the corresponding day of the last month; when that month
 *   has no such day (29–31), on its last day.
 * - art. 203 (a last day on a public holiday moves to the next working day) is not applied: it needs the
 *   State Council's yearly holiday calendar, which the hub does not have. Deadlines are therefore the
 *   statutory day itself, never later.
 * Dates are plain calendar days: no time zone, no time of day.
 */
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Reads `YYYY-MM-DD` by character codes: rules call this per worker and date, so no split/map garbage. */
function toYmd(date: IsoDate): Ymd {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  return {
    y: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
    m: digit(5) * 10 + digit(6),
    d: digit(8) * 10 + digit(9),
  };
}

function fromYmd({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC calendar), for day arithmetic. */
function dayNumber(date: IsoDate): number {
  const { y, m, d } = toYmd(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The corresponding day `months` later; the month's last day when it has no such day [民法典 art. 202].
 * @example addMonths('2021-01-31', 1) // '2021-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = toYmd(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromYmd({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/** The corresponding day `years` later (29 Feb → 28 Feb in a common year) [民法典 art. 202]. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/**
 * The last day of a period of `amount` `unit`s that starts with an event on `start`: the period begins the
 * next day [民法典 art. 201] and ends on the corresponding day [art. 202].
 * @example periodEnd('2021-01-19', 30, 'day')   // '2021-02-18': 30 days after the award notice
 * @example periodEnd('2021-03-01', 2, 'year')   // '2023-03-01'
 */
export function periodEnd(start: IsoDate, amount: number, unit: 'day' | 'month' | 'year'): IsoDate {
  if (unit === 'day') return addDays(start, amount);
  return unit === 'month' ? addMonths(start, amount) : addYears(start, amount);
}

/**
 * Age in full years (周岁) on `on`: a person turns N on the anniversary of their birth; someone born
 * 29 Feb turns N on 1 Mar in a common year (the anniversary day does not exist, so it has not been reached
 * on 28 Feb).
 * @example fullYears('1980-06-15', '2025-06-14') // 44
 * @example fullYears('1980-06-15', '2025-06-15') // 45
 */
export function fullYears(since: IsoDate, on: IsoDate): number {
  const a = toYmd(since);
  const b = toYmd(on);
  const beforeAnniversary = b.m < a.m || (b.m === a.m && b.d < a.d);
  return b.y - a.y - (beforeAnniversary ? 1 : 0);
}

/** The calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return toYmd(date).y;
}

/** Lexical comparison is date order for ISO dates; these read better at call sites. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}
export function isOnOrBefore(a: IsoDate, b: IsoDate): boolean {
  return a <= b;
}

/** The later / earlier of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
