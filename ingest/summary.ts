import { formatDiagnostic } from '../model/index.js';
import type { FileReport, IngestReport } from './pipeline.js';

/** The summary, then each file's warnings (up to 200 files) and errors, one line each. */
export function reportLines(report: IngestReport, options: { dryRun: boolean }): string[] {
  const lines = summaryLines(report, options);
  for (const file of report.files) {
    if (report.files.length <= 200)
      for (const warning of file.warnings) lines.push(`warning: ${formatDiagnostic(warning)}`);
    if (file.error) lines.push(errorLine(file));
  }
  return lines;
}

export function errorLine(file: FileReport): string {
  const { line, code, message } = file.error ?? { line: null, code: 'failed', message: 'failed' };
  return `error: ${formatDiagnostic({ file: file.file, line: line ?? undefined, code, message })}`;
}

/** The short table printed after an ingest: what was created, updated, skipped and failed. */
export function summaryLines(report: IngestReport, { dryRun }: { dryRun: boolean }): string[] {
  const { totals, stats, durationMs } = report;
  const seconds = durationMs / 1000;
  const rate = totals.files / Math.max(seconds, 0.001);
  const rows: [string, number][] = dryRun
    ? [
        ['parsed', totals.files - totals.failed],
        ['failed', totals.failed],
      ]
    : [
        ['created', totals.created],
        ['updated', totals.updated],
        ['unchanged (skipped)', totals.unchanged],
        ['failed', totals.failed],
        ['pruned', totals.pruned],
      ];
  const warnings = report.files.reduce((sum, file) => sum + file.warnings.length, 0);
  const lines = [
    `${dryRun ? 'Dry run' : 'Ingest'}: ${totals.files} files in ${seconds.toFixed(1)} s (${rate.toFixed(0)} docs/s)`,
    ...rows.map(([name, value]) => `  ${name.padEnd(20)} ${String(value).padStart(8)}`),
    `  ${'warnings'.padEnd(20)} ${String(warnings).padStart(8)}`,
  ];
  if (!dryRun) {
    lines.push(
      `  graph: +${stats.nodesCreated} −${stats.nodesDeleted} nodes, +${stats.relationshipsCreated} −${stats.relationshipsDeleted} relationships`,
    );
  }
  if (report.groups) {
    for (const layer of report.groups.labels) {
      const heads = layer.embedding?.headsEmbedded
        ? `; ${layer.embedding.headsEmbedded} heads new or changed`
        : '';
      const embedded = layer.embedding ? `, ${layer.embedding.computed} texts embedded${heads}` : '';
      lines.push(
        `  ${layer.label.toLowerCase()} concepts: ${layer.groups} for ${layer.names} names (${layer.multiMemberGroups} with several; ${layer.rule} rule${embedded})`,
      );
    }
    lines.push(`  concept groups in ${(report.groups.durationMs / 1000).toFixed(1)} s`);
  }
  if (report.conceptWarning) lines.push(`  warning: ${report.conceptWarning}`);
  return lines;
}
