export { addWorkingDays, CALENDAR_COVERAGE, holidayName, isCovered, isWorkingDay, workingDaysBetween } from './calendar.ts';
