export {
  addWorkingDays,
  CALENDAR_COVERAGE,
  type CalendarStatus,
  calendarStatus,
  holidayName,
  isCovered,
  isWorkingDay,
  isYearKnown,
  knownYears,
  noticeOf,
  registerHolidayYear,
  unregisterHolidayYear,
  type WorkingDayDeadline,
  workingDayDeadline,
  workingDaysBefore,
  workingDaysBetween,
} from './calendar.ts';
export {
  addDays,
  addMonths,
  addYears,
  dayAfterPeriod,
  earliestStartStillRunning,
  latestStartElapsedBy,
  minDate,
  periodEnd,
} from './periods.ts';
export { type HolidayYear, holidayYearSchema, parseHolidayYear } from './year-data.ts';
