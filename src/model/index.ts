export * from './list-entry.js';
export * from './screening.js';
export * from './controls.js';
export * from './transaction.js';
export * from './determination.js';
export * from './errors.js';
export * from './case.js';
export * from './party.js';
