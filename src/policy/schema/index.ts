export * from './common.js';
export * from './condition.js';
export * from './facts.js';
export * from './policy.js';
export * from './rules.js';
export * from './scoring.js';
export * from './service.js';
export * from './tiers.js';
