import { Rng } from './prng';
import { HOUR_WEIGHTS, MONTH_FACTORS, WEEKDAY_FACTORS } from './world';

export const DAY_SECONDS = 86_400;

export interface PromoDay {
  date: string;
  day: number;
  code: string;
  discount: number;
  /** Multiplies the day's purchase intensity. */
  boost: number;
}

/**
 * Time inside the generator is integer seconds since 00:00:00Z of the start date; day d of the
 * horizon is [d·86400, (d+1)·86400). Purchase timing runs on a seasonal clock: intensity s[d]
 * (weekday × month × promo boost, normalised to mean 1) integrated into C[d], so an exponential
 * gap on that clock is a non-homogeneous Poisson process with exactly this seasonality.
 */
export class Calendar {
  readonly days: number;
  readonly startMs: number;
  readonly dateKeys: string[];
  readonly intensity: Float64Array;
  readonly cumulative: Float64Array;
  readonly promos: PromoDay[];
  readonly promoByDay: (PromoDay | undefined)[];
  readonly normalisation: number;
  private readonly hourCum: Float64Array;

  constructor(start: string, days: number, seed: number) {
    this.days = days;
    this.startMs = Date.parse(`${start}T00:00:00Z`);
    this.dateKeys = Array.from({ length: days + 1 }, (_, d) => new Date(this.startMs + d * DAY_SECONDS * 1000).toISOString().slice(0, 10));
    this.promos = planPromos(this, new Rng(seed));
    this.promoByDay = new Array<PromoDay | undefined>(days);
    for (const promo of this.promos) this.promoByDay[promo.day] = promo;
    const raw = new Float64Array(days);
    for (let d = 0; d < days; d += 1) raw[d] = this.baseFactor(d) * (this.promoByDay[d]?.boost ?? 1);
    const mean = raw.reduce((a, b) => a + b, 0) / days;
    this.normalisation = mean;
    this.intensity = raw.map((x) => x / mean);
    this.cumulative = new Float64Array(days + 1);
    for (let d = 0; d < days; d += 1) this.cumulative[d + 1] = (this.cumulative[d] as number) + (this.intensity[d] as number);
    const hourTotal = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
    this.hourCum = new Float64Array(25);
    for (let h = 0; h < 24; h += 1) this.hourCum[h + 1] = (this.hourCum[h] as number) + (HOUR_WEIGHTS[h] as number) / hourTotal;
  }

  /** Weekday × month factor before promos and normalisation. */
  baseFactor(day: number): number {
    const date = new Date(this.startMs + day * DAY_SECONDS * 1000);
    const weekday = (date.getUTCDay() + 6) % 7;
    return (WEEKDAY_FACTORS[weekday] as number) * (MONTH_FACTORS[date.getUTCMonth()] as number);
  }

  get totalClock(): number {
    return this.cumulative[this.days] as number;
  }

  /** Seasonal clock reading at `t` days since start. */
  clockAt(t: number): number {
    const d = Math.min(Math.floor(t), this.days - 1);
    return (this.cumulative[d] as number) + (this.intensity[d] as number) * (t - d);
  }

  /** Inverse of clockAt: the day-time (in days) at which the clock reads `w` (< totalClock). */
  timeAtClock(w: number): number {
    let lo = 0;
    let hi = this.days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.cumulative[mid] as number) <= w) lo = mid;
      else hi = mid - 1;
    }
    return lo + (w - (this.cumulative[lo] as number)) / (this.intensity[lo] as number);
  }

  /** Places a uniform fraction of a day on the hour-of-day profile: same order, realistic hours. */
  secondOfDay(fraction: number): number {
    let h = 0;
    while (h < 23 && (this.hourCum[h + 1] as number) <= fraction) h += 1;
    const within = (fraction - (this.hourCum[h] as number)) / ((this.hourCum[h + 1] as number) - (this.hourCum[h] as number));
    return Math.min(DAY_SECONDS - 1, h * 3600 + Math.floor(Math.max(0, within) * 3600));
  }

  /** Days-since-start (fractional) to integer seconds, with the intraday profile applied. */
  toSeconds(t: number): number {
    const d = Math.floor(t);
    return d * DAY_SECONDS + this.secondOfDay(t - d);
  }

  /** ISO UTC timestamp for seconds since start; the day must lie within the horizon (+1). */
  timestamp(seconds: number): string {
    const d = Math.floor(seconds / DAY_SECONDS);
    return (this.dateKeys[d] as string) + (TIME_OF_DAY[seconds - d * DAY_SECONDS] as string);
  }
}

/** 'THH:MM:SSZ' for each second of a day: formatting timestamps is the hottest path of the writer. */
const TIME_OF_DAY: string[] = Array.from({ length: DAY_SECONDS }, (_, s) => {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `T${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}Z`;
});

/** Black Friday and Cyber Monday each year, plus about one flash sale every 45 days outside Nov–Dec. */
function planPromos(calendar: Calendar, rng: Rng): PromoDay[] {
  const promos = new Map<number, PromoDay>();
  const firstYear = new Date(calendar.startMs).getUTCFullYear();
  const lastYear = new Date(calendar.startMs + calendar.days * DAY_SECONDS * 1000).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year += 1) {
    const nov1 = Date.UTC(year, 10, 1);
    const firstFriday = 1 + ((5 - new Date(nov1).getUTCDay() + 7) % 7);
    const blackFriday = Math.round((Date.UTC(year, 10, firstFriday + 21) - calendar.startMs) / 86_400_000);
    if (blackFriday >= 0 && blackFriday < calendar.days) {
      promos.set(blackFriday, { date: '', day: blackFriday, code: `BLACKFRIDAY${year}`, discount: 0.25, boost: 2.5 });
    }
    if (blackFriday + 3 >= 0 && blackFriday + 3 < calendar.days) {
      promos.set(blackFriday + 3, { date: '', day: blackFriday + 3, code: `CYBER${year}`, discount: 0.2, boost: 2 });
    }
  }
  const flashCount = Math.floor(calendar.days / 45);
  let flashAdded = 0;
  for (let attempt = 0; attempt < flashCount * 4 && flashAdded < flashCount; attempt += 1) {
    const day = rng.int(calendar.days);
    const month = new Date(calendar.startMs + day * 86_400_000).getUTCMonth();
    if (month >= 10 || promos.has(day)) continue;
    const discount = rng.pick([0.1, 0.15, 0.2]);
    flashAdded += 1;
    promos.set(day, { date: '', day, code: `FLASH${Math.round(discount * 100)}-${String(flashAdded).padStart(2, '0')}`, discount, boost: 1.8 });
  }
  return [...promos.values()]
    .sort((a, b) => a.day - b.day)
    .map((promo) => ({ ...promo, date: calendar.dateKeys[promo.day] as string }));
}
