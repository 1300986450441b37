const DAY = 86_400_000;

export const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const toIso = (date: Date): string => date.toISOString().slice(0, 10);

// Generating a million enterprises calls the functions below tens of millions of times; parsing
// and printing Date strings was 38 % of the generator's CPU, so they work on day numbers with
// integer arithmetic instead (same results for every valid YYYY-MM-DD of years 0000–9999).

/** Days since 1970-01-01 of a valid YYYY-MM-DD. */
const epochDay = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
const pad4 = (value: number) => String(value).padStart(4, '0');

/** YYYY-MM-DD of a day number: the proleptic Gregorian civil date (Hinnant's days → civil). */
const isoOfEpochDay = (days: number): string => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
};

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const addDays = (iso: string, days: number): string => isoOfEpochDay(epochDay(iso) + days);
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);
/** The same day `years` later; 29 February becomes 1 March in a common year (as Date does). */
export const addYears = (iso: string, years: number): string => {
  const year = Number(iso.slice(0, 4)) + years;
  const monthDay = iso.slice(5, 10);
  if (monthDay === '02-29' && !isLeap(year)) return `${pad4(year)}-03-01`;
  return `${pad4(year)}-${monthDay}`;
};
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** Calendar months later (earlier when negative), clamped to the month's last day: 2024-01-31 + 1 → 2024-02-29. */
export const addMonths = (iso: string, months: number): string => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
};
