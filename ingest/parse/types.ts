import type { ArticleRecord, Diagnostic, Layout } from '../../model/index.js';

export interface ParseInput {
  /** Path relative to the ingest root, '/'-separated, with extension. */
  file: string;
  /** The article id of DESIGN.md: `file` without its extension. */
  id: string;
  bytes: Uint8Array;
}

export interface ParseResult {
  article: ArticleRecord | null;
  /** The section layout; null when the bytes never became a markdown tree. */
  layout: Layout | null;
  warnings: Diagnostic[];
  /** Set exactly when `article` is null. */
  error: Diagnostic | null;
}
