import type { ImportReport } from '@/db/schema';

/** An import's report as the command prints it: counts per kind, then what it noticed. */
export function formatReport(report: ImportReport, context: { source: string; dryRun?: boolean }): string {
  const verb = context.dryRun ? 'would be' : '';
  const lines = [`import: source ${context.source}${context.dryRun ? ' (dry run)' : ''}`];
  for (const [kind, c] of Object.entries(report.counts)) {
    const parts = (['imported', 'updated', 'unchanged', 'skipped'] as const)
      .filter((k) => c[k] > 0)
      .map((k) => `${c[k]} ${verb ? `${verb} ` : ''}${k}`);
    lines.push(`  ${kind.padEnd(14)} ${parts.join(', ') || 'none'}`);
  }
  if (report.notes.length) {
    lines.push('  noticed:');
    for (const n of report.notes)
      lines.push(
        `    ${n.code}: ${n.count}${n.examples.length ? ` (e.g. ${n.examples.slice(0, 3).join('; ')})` : ''}`,
      );
  }
  const posts = report.counts.posts;
  const handled = posts ? posts.imported + posts.updated + posts.unchanged + posts.skipped : 0;
  if (report.seconds !== undefined)
    lines.push(
      `  ${report.read} items in ${report.seconds} s` +
        (handled && report.seconds > 0 ? `, ${Math.round(handled / report.seconds)} posts/s` : '') +
        (report.peakMb ? `, peak memory ${report.peakMb} MB` : ''),
    );
  return lines.join('\n');
}
