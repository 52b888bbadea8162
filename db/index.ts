export * from './config.js';
export * from './errors.js';
export * from './connect.js';
export * from './local-neo4j.js';
export * from './throwaway-neo4j.js';
