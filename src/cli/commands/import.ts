// crm import — load CRM exports (CSV, GBK or UTF-8) into the store, losing nothing.
const HELP = `
Reads each file (or - for stdin) into the store: encoding and delimiter are sniffed, the header is mapped onto the
canonical fields (printed to stderr), every row becomes a source record or a reject with its reason, and
read = inserted + updated + unchanged + rejected. Each file is one transaction. Importing the same file again is a
no-op; a newer export of the same source updates records by source id and keeps their history.

Examples:
  crm import u8-customers.csv --preset u8 --rejects rejects.csv
  iconv -f gbk -t utf-8 export.csv | crm import - --source sheet-2024 --json`;

import { Command, Option } from 'commander';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { ENCODINGS, parseEncodingName } from '../../csv/decode.js';
import { parseCustomMap } from '../../csv/header-map.js';
import { PRESET_IDS } from '../../csv/presets.js';
import { inspectCsvFile, spoolStdin } from '../../csv/read-csv-file.js';
import { parseDelimiterName } from '../../csv/sniff-delimiter.js';
import { UsageError, RejectRateError } from '../../errors.js';
import { importFile, type ImportSummary } from '../../ingest/import-file.js';
import { openStore } from '../../store/db.js';
import { actorName, addDbOption, addOutputOptions, outputFlags, parseOptions, resolveDbPath, storeExists, storeFlags } from '../options.js';
import { emitJson, say, startProgress, warn, type Io } from '../output.js';

const schema = storeFlags.merge(outputFlags).extend({
  source: z.string().min(1).optional(),
  preset: z.enum(PRESET_IDS).default('auto'),
  map: z.string().optional(),
  encoding: z.string().optional().transform((e) => (e === undefined ? undefined : parseEncodingName(e))),
  delimiter: z.string().optional().transform((d, ctx) => {
    if (d === undefined) return undefined;
    const parsed = parseDelimiterName(d);
    if (parsed === null) ctx.addIssue({ code: 'custom', message: `must be one character or comma/tab/semicolon/pipe, got ${JSON.stringify(d)}` });
    return parsed ?? undefined;
  }),
  rejects: z.string().optional(),
  dryRun: z.boolean().default(false),
  maxRejectRate: z.coerce.number().min(0).max(1).optional(),
  normalize: z.boolean().default(true),
});
export type ImportOptions = z.infer<typeof schema>;

export function buildImportCommand(io: Io): Command {
  const cmd = new Command('import')
    .description('import CSV exports into the store')
    .argument('<file...>', 'CSV files, or - for stdin')
    .option('--source <name>', 'source name for provenance (default: the file name without extension)')
    .addOption(new Option('--preset <id>', 'header vocabulary of the exporting system').choices([...PRESET_IDS]).default('auto'))
    .option('--map <file.json>', 'custom mapping: {"name": "客户名称", "contact_name": {"columns": ["姓","名"], "separator": ""}}')
    .option('--encoding <enc>', `override the sniffed encoding (${ENCODINGS.join(', ')}, gbk)`)
    .option('--delimiter <char>', 'override the sniffed delimiter (a character, or comma/tab/semicolon/pipe)')
    .option('--rejects <file.csv>', 'also write rejected rows (file, row, line, reason, raw text) to this CSV')
    .option('--dry-run', 'read, map and count everything but write nothing', false)
    .option('--max-reject-rate <0..1>', 'undo a file and exit 3 when more than this share of its rows is rejected')
    .option('--no-normalize', 'store raw values only (run `crm normalize` later)');
  addOutputOptions(addDbOption(cmd)).addHelpText('after', HELP);
  return cmd.action(async (files: string[], raw: unknown) => runImport(files, parseOptions(schema, raw), io));
}

export async function runImport(files: string[], opts: ImportOptions, io: Io): Promise<void> {
  const started = Date.now();
  const customMap = opts.map ? parseCustomMap(readJson(opts.map), opts.map) : undefined;
  const dbPath = resolveDbPath(opts.db, io);
  // A dry run must not even create the store: work against an empty in-memory one instead.
  const db = openStore(opts.dryRun && !storeExists(dbPath) ? ':memory:' : dbPath);
  const rejectsOut = opts.rejects ? createWriteStream(opts.rejects) : null;
  rejectsOut?.write(stringify([['file', 'row', 'line', 'reason_code', 'reason', 'raw']]));
  const summaries: ImportSummary[] = [];
  let overLimit: RejectRateError | null = null;
  try {
    for (const file of files) {
      try {
        summaries.push(await importOne(db, file, opts, customMap, rejectsOut, io));
      } catch (error) {
        if (!(error instanceof RejectRateError)) throw error;
        say(io, `crm import: ${error.message}`);
        overLimit = error;
      }
    }
  } finally {
    db.close();
    await closeStream(rejectsOut);
  }
  if (opts.json) emitJson(io, totals(summaries, started));
  if (overLimit) throw new RejectRateError('reject rate over --max-reject-rate');
}

async function importOne(db: ReturnType<typeof openStore>, file: string, opts: ImportOptions, customMap: ReturnType<typeof parseCustomMap> | undefined, rejectsOut: WriteStream | null, io: Io): Promise<ImportSummary> {
  const spooled = file === '-' ? await spoolStdin(io.stdin) : null;
  const displayName = spooled ? 'stdin' : basename(file);
  try {
    const info = await inspectCsvFile(spooled?.path ?? file, { encoding: opts.encoding, delimiter: opts.delimiter });
    const progress = startProgress(io, `import ${displayName}`, info.bytes, opts.quiet);
    const summary = await importFile(db, info, {
      source: opts.source ?? (spooled ? 'stdin' : basename(file, extname(file))),
      displayName, preset: opts.preset, customMap, dryRun: opts.dryRun, normalize: opts.normalize, actor: actorName(io),
      maxRejectRate: opts.maxRejectRate,
      onMapping: (lines, plan) => {
        if (opts.quiet) return;
        const how = plan.detected ? `auto: recognised ${plan.detected}` : `preset ${plan.preset}`;
        say(io, `crm import: ${displayName}: ${info.encoding}${info.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(info.delimiter)}, ${how}; mapping:\n${lines.join('\n')}`);
      },
      onProgress: (bytes, rows) => progress.update(bytes, rows),
      onReject: (r) => rejectsOut?.write(stringify([[displayName, r.sourceRow, r.line, r.code, r.reason, r.raw]])),
    }).finally(() => progress.stop());
    if (!opts.quiet) report(io, summary);
    return summary;
  } finally {
    spooled?.cleanup();
  }
}

function report(io: Io, s: ImportSummary): void {
  if (s.status === 'already_imported') {
    say(io, `crm import: ${s.file}: already imported into source "${s.source}" (batch ${s.batch_id}); nothing to do`);
    return;
  }
  const reasons = Object.entries(s.rejects_by_reason).map(([k, n]) => `${k} ${n}`).join(', ');
  const line = `crm import: ${s.file}${s.status === 'dry_run' ? ' (dry run, nothing written)' : ''}: ${s.read} rows read = ${s.inserted} inserted + ${s.updated} updated + ${s.unchanged} unchanged + ${s.rejected} rejected${reasons ? ` (${reasons})` : ''}`;
  if (s.rejected > 0) warn(io, line);
  else say(io, line);
}

function totals(summaries: ImportSummary[], started: number) {
  const sum = (k: 'read' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'issues') => summaries.reduce((n, s) => n + s[k], 0);
  return {
    read: sum('read'), inserted: sum('inserted'), updated: sum('updated'), unchanged: sum('unchanged'),
    rejected: sum('rejected'), issues: sum('issues'), elapsed_ms: Date.now() - started,
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), files: summaries,
  };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read mapping ${path}: ${(error as Error).message}`);
  }
}

function closeStream(s: WriteStream | null): Promise<void> {
  return new Promise((resolve) => (s ? s.end(resolve) : resolve()));
}
