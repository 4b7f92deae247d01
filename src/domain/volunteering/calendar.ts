/**
 * The programme's quarters. Quarters are calendar quarters in the programme's time zone
 * (Asia/Shanghai): an hour served at 23:30 on 31 March in Beijing (15:30 UTC) belongs to Q1,
 * one at 00:30 on 1 April (16:30 UTC on 31 March) to Q2.
 */

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(zone, f);
  }
  return f;
}

function parts(at: Date, zone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, string> = {};
  for (const x of formatFor(zone).formatToParts(at)) p[x.type] = x.value;
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant in the zone. */
export function dateIn(at: Date, zone: string): string {
  const p = parts(at, zone);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The instant a local date begins in the zone (midnight there). */
export function startOfDate(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment; twice, for zones whose offset changes near midnight.
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(at), zone);
    const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
    at = guess - (asUtc - at);
  }
  return new Date(at);
}

export function quarterOfDate(date: string): Quarter {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter['quarter'] };
}

export function quarterOf(at: Date, zone: string): Quarter {
  return quarterOfDate(dateIn(at, zone));
}

/** First and last local date of a quarter. */
export function quarterDates(q: Quarter): { from: string; to: string } {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  return { from: `${q.year}-${pad(firstMonth)}-01`, to: `${q.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

const utcOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** Whole days from one local date to another (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / 86_400_000);
}

export interface QuarterInfo extends Quarter {
  from: string;
  to: string;
  /** Days left including today (0 once the quarter is over, the whole quarter before it starts). */
  daysRemaining: number;
  /** Share of the quarter gone at `today`, 0–1. */
  elapsed: number;
}

/** Where `today` (a local date) stands in a quarter. */
export function quarterInfo(q: Quarter, today: string): QuarterInfo {
  const { from, to } = quarterDates(q);
  const length = daysBetween(from, to) + 1;
  const gone = Math.min(length, Math.max(0, daysBetween(from, today)));
  return { ...q, from, to, daysRemaining: length - gone, elapsed: Math.round((gone / length) * 1000) / 1000 };
}

/** Days left in the year including today. */
export function daysRemainingInYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Math.max(0, daysBetween(today, `${year}-12-31`) + 1);
}
