export * from './deadline.js';
export * from './facts.js';
export * from './rules.js';
export * from './subject.js';
export * from './application.js';
