export * from './check.ts';
export * from './config.ts';
export * from './cost.ts';
export * from './plugin.ts';
export * from './suggestions.ts';
