export { addDays, addMonths, addYears, daysBetween, toIso, yearOf } from './dates.ts';
export { DEFAULT_SEED, enterpriseAt, generateEnterprises, generateEnterprisesIn, resolveSeedOptions, usccFor } from './enterprises.ts';
export { mulberry32, Random, randomFor } from './random.ts';
export { SEED_PROVINCES, seedCounties, shortPlaceName } from './regions.ts';
export * from './types.ts';
