import { addDays } from '@credit-hub/workdays';

/** 使用登记 is due within `days` calendar days of first use (TSG 08: 30 days). */
export const registrationDeadline = (firstUsedOn: string, days: number) => addDays(firstUsedOn, days);

export const isRegisteredOnTime = (registration: { firstUsedOn: string; registeredOn: string }, days: number) =>
  registration.registeredOn <= registrationDeadline(registration.firstUsedOn, days);
