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
