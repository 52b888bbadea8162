export * from './labels.js';
export * from './normalise.js';
export * from './ids.js';
export * from './article.js';
export * from './diagnostics.js';
export * from './cooccurrence.js';
export * from './api.js';
export * from './view-defaults.js';
