/**
 * Formatters for the consoles: money is integer fen (分) everywhere in the hub [ARCHITECTURE: Money], dates
 * are ISO calendar days without a time zone. Each takes the UI locale, `zh-CN` first.
 */
export type Locale = 'zh-CN' | 'en';

/** The BCP 47 tag Intl formats with. */
const INTL: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/**
 * Integer fen as yuan with two decimals, exactly (no floating point on the way):
 * `symbol` gives `¥1,234.56`, `unit` gives `1,234.56 元` (zh-CN) / `CNY 1,234.56` (en).
 * @example formatMoney(123456) // '¥1,234.56'
 * @example formatMoney(123456, 'zh-CN', 'unit') // '1,234.56 元'
 */
export function formatMoney(
  fen: number,
  locale: Locale = 'zh-CN',
  style: 'symbol' | 'unit' = 'symbol',
): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money must be whole fen, got ${fen}`);
  const negative = fen < 0;
  const abs = BigInt(Math.abs(fen));
  const yuan = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  // Intl formats a decimal string exactly (Intl.NumberFormat v3).
  const digits = new Intl.NumberFormat(INTL[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(yuan as unknown as number);
  const sign = negative ? '-' : '';
  if (style === 'symbol') return `${sign}¥${digits}`;
  return locale === 'zh-CN' ? `${sign}${digits} 元` : `${sign}CNY ${digits}`;
}

/**
 * A count or measure in the locale's grouping.
 * @example formatNumber(12345.5) // '12,345.5'
 */
export function formatNumber(value: number, locale: Locale = 'zh-CN', maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(INTL[locale], { maximumFractionDigits }).format(value);
}

/**
 * An ISO calendar day (`2026-10-01`) as the locale writes it, with no time-zone shift.
 * @example formatDate('2026-10-01') // '2026年10月1日'
 * @example formatDate('2026-10-01', 'en') // 'Oct 1, 2026'
 */
export function formatDate(isoDay: string, locale: Locale = 'zh-CN'): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * A moment (a timestamp in ms, or a Date) as the locale writes day and time, in the browser's time zone.
 * @example formatDateTime(Date.UTC(2026, 9, 1, 8, 30), 'en') // 'Oct 1, 2026, 4:30:00 PM' (in Asia/Shanghai)
 */
export function formatDateTime(at: number | Date, locale: Locale = 'zh-CN'): string {
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

/**
 * A share (0–1, e.g. township coverage) as a percentage with up to `digits` decimals.
 * @example formatPercent(0.0244) // '2.44%'
 * @example formatPercent(1, 'en') // '100%'
 */
export function formatPercent(share: number, locale: Locale = 'zh-CN', digits = 2): string {
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: digits }).format(
    share,
  );
}
