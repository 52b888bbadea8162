import { ensureEmbedderBuilt } from '../embed/embedder.js';
import { ensureBuilt } from './local-neo4j.js';

/** Resolves Neo4j and the embedding model through Maven ahead of time (CI does this before the tests start their own). */
ensureBuilt((line) => console.error(line));
console.error('Local Neo4j is built.');
ensureEmbedderBuilt((line) => console.error(line));
console.error('The embedder is built.');
