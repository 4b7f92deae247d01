/**
 * The programme's calendar. Terms, cycles and deadlines are dates in the country's time zone
 * (Asia/Shanghai unless GONGJIAN_TIMEZONE says otherwise), not in UTC: at 07:00 in Beijing it is
 * already the day an agreement starts.
 */
export const ZONE = process.env.GONGJIAN_TIMEZONE || 'Asia/Shanghai';
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 'YYYY-MM-DD' of an instant in the programme's time zone (today by default). */
export function localDate(at: Date = new Date()): string {
  return FORMAT.format(at);
}

/** 'YYYY-MM-DD' a number of days after today in the programme's time zone. */
export function localDateIn(days: number): string {
  return localDate(new Date(Date.now() + days * 86_400_000));
}
