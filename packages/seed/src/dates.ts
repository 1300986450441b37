const DAY = 86_400_000;

export const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const toIso = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => toIso(new Date(toDate(iso).getTime() + days * DAY));
export const daysBetween = (from: string, to: string): number => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);
export const addYears = (iso: string, years: number): string => {
  const date = toDate(iso);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return toIso(date);
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
