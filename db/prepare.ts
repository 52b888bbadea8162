import { ensureBuilt } from './local-neo4j.js';

/** Resolves Neo4j through Maven ahead of time (CI does this before the tests start their own). */
ensureBuilt((line) => console.error(line));
console.error('Local Neo4j is built.');
