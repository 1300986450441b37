export * from './append.ts';
export * from './reader.ts';
export * from './sequencer.ts';
export * from './service.ts';
export * from './table.ts';
