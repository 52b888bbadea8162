import { z } from 'zod';

/**
 * Problems found in a document are data (file, line, code, message), collected rather than thrown,
 * so one bad file never stops the others and every message can name where it comes from.
 */
export const DiagnosticSchema = z.strictObject({
  file: z.string(),
  /** 1-based line in the file; absent when the problem concerns the whole file. */
  line: z.number().int().positive().optional(),
  code: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.line === undefined ? '' : `:${d.line}`}: ${d.message} [${d.code}]`;
}
