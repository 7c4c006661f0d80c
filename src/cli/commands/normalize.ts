// crm normalize — re-derive every normalized value from the stored raw values and report per field.
const HELP = `
Normalization also runs during \`crm import\`; run this after a code-table update or to normalize records
imported with --no-normalize. Raw values are never touched. Prints, per field, how many values were normalized,
unchanged, unresolved or invalid (empty ones are not counted), and the issues by reason code.

Examples:
  crm normalize
  crm normalize --dry-run --json | jq .issues_by_code`;

import { Command } from 'commander';
import { z } from 'zod';
import { normalizeStore, type NormalizeSummary } from '../../ingest/normalize-store.js';
import { openStore } from '../../store/db.js';
import { actorName, addDbOption, addOutputOptions, outputFlags, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { emit, emitJson, say, startProgress, type Io, type Progress } from '../output.js';

const schema = storeFlags.merge(outputFlags).extend({ dryRun: z.boolean().default(false) });
export type NormalizeOptions = z.infer<typeof schema>;

export function buildNormalizeCommand(io: Io): Command {
  const cmd = new Command('normalize')
    .description('re-derive normalized values from the raw values; report per field')
    .option('--dry-run', 'compute and report, write nothing', false);
  addOutputOptions(addDbOption(cmd)).addHelpText('after', HELP);
  return cmd.action(async (raw: unknown) => runNormalize(parseOptions(schema, raw), io));
}

export async function runNormalize(opts: NormalizeOptions, io: Io): Promise<void> {
  const db = openStore(resolveDbPath(opts.db, io), { mustExist: true });
  try {
    // The bar is made on the first report, when the total is known.
    const bar: { progress?: Progress } = {};
    const summary = await normalizeStore(db, {
      dryRun: opts.dryRun, actor: actorName(io),
      onProgress: (done, total) => (bar.progress ??= startProgress(io, 'normalize', total, opts.quiet)).update(done, done),
    });
    bar.progress?.stop();
    if (opts.json) emitJson(io, summary);
    else emit(io, renderSummary(summary));
    if (!opts.quiet) say(io, `crm normalize: ${summary.records} records, ${summary.changed} changed${opts.dryRun ? ' (dry run, nothing written)' : ''}`);
  } finally {
    db.close();
  }
}

function renderSummary(s: NormalizeSummary): string {
  const head = ['field', 'normalized', 'unchanged', 'unresolved', 'invalid'];
  const rows = Object.entries(s.fields).map(([f, c]) => [f, c.normalized, c.unchanged, c.unresolved, c.invalid].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const sorted = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const codes = sorted(s.issues_by_code);
  const imported = sorted(s.import_issues_by_code);
  const width = Math.max(24, ...[...codes, ...imported].map(([c]) => c.length));
  const list = (entries: [string, number][]) => (entries.length > 0 ? entries.map(([c, n]) => `  ${c.padEnd(width)} ${n}`) : ['  (none)']);
  return [
    line(head), ...rows.map(line), '',
    'issues by reason code', ...list(codes), '',
    'found at import (not re-derived)', ...list(imported), '',
  ].join('\n');
}
