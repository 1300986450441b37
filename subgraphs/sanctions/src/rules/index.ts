export * from './catalogue.ts';
export * from './decision-number.ts';
export * from './listing-periods.ts';
export * from './penalty-types.ts';
export * from './publication-period.ts';
export * from './repair-eligibility.ts';
export * from './rule-book.ts';
export * from './serious-listing-grounds.ts';
