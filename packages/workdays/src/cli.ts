import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_HOLIDAY_DIRECTORY, calendarStatus, knownYears, noticeOf } from './calendar.ts';
import { workdaysEnv } from './env.ts';
import { parseHolidayYear } from './year-data.ts';

const USAGE = `usage: npm run holidays -- <command>
  list                 years the calendar knows, with their notices
  status [YYYY-MM-DD]  warnings for today (or the given day)
  load <file.json>     validate a year's notice and write it as <year>.json into
                       HOLIDAY_DATA_DIR when set (no release needed), else into packages/workdays/data/`;

function main(args: string[]): number {
  const [command, argument] = args;
  if (command === 'list') {
    for (const year of knownYears()) console.log(`${year}  ${noticeOf(year)}`);
    return 0;
  }
  if (command === 'status') {
    const status = calendarStatus(argument ?? new Date().toISOString().slice(0, 10));
    console.log(JSON.stringify(status, null, 2));
    return status.warnings.length > 0 ? 1 : 0;
  }
  if (command === 'load' && argument) {
    const year = parseHolidayYear(JSON.parse(readFileSync(argument, 'utf8')), argument);
    const target = join(workdaysEnv.HOLIDAY_DATA_DIR ?? BUNDLED_HOLIDAY_DIRECTORY, `${year.year}.json`);
    const sorted = (days: Record<string, string>) => Object.fromEntries(Object.entries(days).sort(([a], [b]) => a.localeCompare(b)));
    const data = { ...year, holidays: sorted(year.holidays), workdays: sorted(year.workdays) };
    writeFileSync(target, `${JSON.stringify(data, null, 2)}\n`);
    console.log(
      `${year.year}: ${Object.keys(year.holidays).length} holidays, ${Object.keys(year.workdays).length} make-up working days → ${target}`,
    );
    return 0;
  }
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
