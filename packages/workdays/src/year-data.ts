import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (date: string) => DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * One year of the State Council General Office's holiday notice (国务院办公厅关于部分节假日安排的通知):
 * the days off (holidays, including the weekend days folded into a break) and the weekend days
 * worked instead (调休). Everything else follows Monday–Friday.
 */
export const holidayYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    notice: z.string().trim().min(4).describe('title or number of the notice, e.g. 国办发明电〔2025〕7号'),
    holidays: z.record(z.string(), z.string().trim().min(1)),
    workdays: z.record(z.string(), z.string().trim().min(1)),
  })
  .strict()
  .superRefine((data, issues) => {
    const check = (kind: 'holidays' | 'workdays') => {
      for (const date of Object.keys(data[kind])) {
        if (!isRealDate(date)) issues.addIssue({ code: 'custom', path: [kind, date], message: `not a date YYYY-MM-DD: ${date}` });
        else if (!date.startsWith(`${data.year}-`))
          issues.addIssue({ code: 'custom', path: [kind, date], message: `${date} is not in ${data.year}` });
        else if (kind === 'workdays' && weekday(date) !== 0 && weekday(date) !== 6)
          issues.addIssue({
            code: 'custom',
            path: [kind, date],
            message: `${date} is a weekday: a make-up working day (调休) is a Saturday or Sunday`,
          });
        else if (kind === 'workdays' && data.holidays[date] !== undefined)
          issues.addIssue({ code: 'custom', path: [kind, date], message: `${date} is both a holiday and a working day` });
      }
    };
    check('holidays');
    check('workdays');
    if (Object.keys(data.holidays).length < 7)
      issues.addIssue({
        code: 'custom',
        path: ['holidays'],
        message: 'a year has at least the 7 days of National Day: is the notice complete?',
      });
  });

export type HolidayYear = z.infer<typeof holidayYearSchema>;

/** Validates a year's notice; throws with every problem listed. */
export function parseHolidayYear(json: unknown, source = 'holiday data'): HolidayYear {
  const parsed = holidayYearSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new Error(`${source} is not a valid holiday year:\n  ${problems.join('\n  ')}`);
}

/** Every `<year>.json` of a directory, validated; the file name must be the year it holds. */
export function readHolidayYears(directory: string): HolidayYear[] {
  return readdirSync(directory)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => {
      const path = join(directory, name);
      const year = parseHolidayYear(JSON.parse(readFileSync(path, 'utf8')), path);
      if (`${year.year}.json` !== name) throw new Error(`${path} holds the year ${year.year}`);
      return year;
    });
}
