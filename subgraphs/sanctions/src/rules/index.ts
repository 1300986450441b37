export * from './calendar-periods.ts';
export * from './config.ts';
export * from './decision-number.ts';
export * from './listing-periods.ts';
export * from './penalty-types.ts';
export * from './publication-period.ts';
export * from './repair-eligibility.ts';
