export { ingestPaths } from './pipeline.js';
export type {
  FileReport,
  FileStatus,
  IngestOptions,
  IngestProgress,
  IngestReport,
  IngestTotals,
} from './pipeline.js';
export { ensureSchema, SEARCH_INDEX, schemaStatements } from './graph-schema.js';
export { pruneArticles, resetGraph } from './prune.js';
export { articleRows, entityKey } from './rows.js';
export type { WriteStats } from './write-stats.js';
export { summaryLines } from './summary.js';
