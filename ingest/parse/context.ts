import type { Diagnostic } from '../../model/index.js';

/**
 * What every mapping step shares: the document's name, its source text (for raw slices) and the
 * warnings collected so far. A fatal problem is thrown as a DocumentError and becomes the result's
 * `error`; everything else is a warning and parsing goes on.
 */
export interface ParseContext {
  readonly file: string;
  readonly id: string;
  readonly source: string;
  readonly warnings: Diagnostic[];
  /** Raw markdown kept because the parser did not know what to do with it. */
  readonly extraSections: string[];
  warn(line: number | undefined, code: string, message: string): void;
}

export class DocumentError extends Error {
  override name = 'DocumentError';
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function diagnostic(
  file: string,
  line: number | undefined,
  code: string,
  message: string,
): Diagnostic {
  return line === undefined ? { file, code, message } : { file, line, code, message };
}

export function createContext(file: string, id: string, source: string): ParseContext {
  const warnings: Diagnostic[] = [];
  return {
    file,
    id,
    source,
    warnings,
    extraSections: [],
    warn(line, code, message) {
      warnings.push(diagnostic(file, line, code, message));
    },
  };
}

/** A fatal problem at a line; the message names the file, as every error message must. */
export function fail(context: ParseContext, line: number | undefined, code: string, message: string): never {
  const where = line === undefined ? context.file : `${context.file} line ${line}`;
  throw new DocumentError(diagnostic(context.file, line, code, `${where}: ${message}`));
}
