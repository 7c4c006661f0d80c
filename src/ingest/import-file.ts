// Imports one CSV file into the store: one transaction per file, streamed so memory stays flat. For every data row
// there is either a source record (inserted, updated or unchanged) or a reject: read = inserted + updated +
// unchanged + rejected.
import { describeMapping, type CustomMap, type MappingPlan } from '../csv/header-map.js';
import { RecordDecoder } from './record-decoder.js';
import type { CsvFileInfo } from '../csv/read-csv-file.js';
import { RejectRateError } from '../errors.js';
import { appendAudit } from '../store/audit.js';
import { findImportedFile, finishBatch, startBatch } from '../store/batches.js';
import { withTransaction, type Db } from '../store/db.js';
import { IssueWriter } from '../store/issues.js';
import { RecordWriter } from '../store/records.js';
import { RejectWriter, type Reject } from '../store/rejects.js';
import { ValuesWriter } from '../store/record-values.js';
import type { FieldIssue } from '../normalize/types.js';
import { mergeStats, type FieldStats } from './field-stats.js';
import { NormalizePool, type NormalizeResult } from './normalize-pool.js';
import type { RowBatch } from './row-batch.js';
import { readInWorker } from './read-in-worker.js';

export interface ImportOptions {
  source: string;
  displayName: string;
  preset: string;
  customMap?: CustomMap | undefined;
  dryRun: boolean;
  /** Normalize each record as it is imported (default in the CLI). */
  normalize: boolean;
  actor: string;
  /** Roll the file back when more than this share of rows is rejected (0..1). */
  maxRejectRate?: number | undefined;
  onMapping?(lines: string[], plan: MappingPlan): void;
  onProgress?(bytesRead: number, rows: number): void;
  onReject?(reject: Reject): void;
}

export interface ImportSummary {
  file: string;
  source: string;
  status: 'imported' | 'already_imported' | 'dry_run' | 'rolled_back';
  batch_id: number | null;
  encoding: string;
  delimiter: string;
  preset: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  empty_lines: number;
  rejects_by_reason: Record<string, number>;
  issues: number;
  /** With normalization: per field, how many records ended normalized / unchanged / unresolved / invalid / empty. */
  fields: FieldStats | null;
}

/** Thrown inside the transaction to undo a dry run or an over-limit file while keeping its summary. */
class Undo extends Error {
  constructor(readonly summary: ImportSummary) {
    super('undo');
  }
}

export async function importFile(db: Db, info: CsvFileInfo, options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = {
    file: options.displayName, source: options.source, status: 'imported', batch_id: null,
    encoding: info.encoding + (info.bom ? ' (BOM)' : ''), delimiter: info.delimiter, preset: options.preset,
    read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, empty_lines: 0, rejects_by_reason: {}, issues: 0, fields: null,
  };
  const previous = findImportedFile(db, options.source, info.sha256);
  if (previous) return { ...summary, status: 'already_imported', batch_id: previous.id };

  try {
    await withTransaction(db, async () => {
      await streamInto(db, info, options, summary);
      const rate = summary.read === 0 ? 0 : summary.rejected / summary.read;
      if (options.maxRejectRate !== undefined && rate > options.maxRejectRate) throw new Undo({ ...summary, status: 'rolled_back' });
      if (options.dryRun) throw new Undo({ ...summary, status: 'dry_run', batch_id: null });
    });
  } catch (error) {
    if (!(error instanceof Undo)) throw error;
    if (error.summary.status === 'rolled_back') {
      const pct = ((error.summary.rejected / error.summary.read) * 100).toFixed(1);
      throw new RejectRateError(
        `${options.displayName}: ${error.summary.rejected} of ${error.summary.read} rows rejected (${pct}%, limit ${(options.maxRejectRate! * 100).toFixed(1)}%); nothing imported from this file`,
      );
    }
    return error.summary;
  }
  return summary;
}

async function streamInto(db: Db, info: CsvFileInfo, options: ImportOptions, summary: ImportSummary): Promise<void> {
  let batchId = 0;
  let records: RecordWriter | null = null;
  let rejects: RejectWriter | null = null;
  const issues = new IssueWriter(db);
  const decoder = new RecordDecoder(db);
  const normalized = new ValuesWriter(db);

  // With normalization, row batches go through the worker pool; a few stay in flight so both cores are busy.
  // Each worker loads every code table (~0.5 s), so small files get one worker, large ones one per core.
  const pool = options.normalize ? new NormalizePool(info.bytes < 8 * 1024 * 1024 ? 1 : undefined) : null;
  const pending: { batch: RowBatch; result: Promise<NormalizeResult> | null }[] = [];
  let planKey = '';
  let plan: MappingPlan | null = null;

  const write = async (p: { batch: RowBatch; result: Promise<NormalizeResult> | null }) => {
    const b = p.batch;
    const n = p.result ? await p.result : null;
    if (n) mergeStats((summary.fields ??= {}), n.stats);
    for (let i = 0; i < b.row.length; i++) {
      summary.read++;
      const code = b.rejectCode[i]!;
      if (code !== '') {
        const r: Reject = { sourceRow: b.row[i]!, line: b.line[i]!, code, reason: b.reason[i]!, raw: b.raw[i]! };
        rejects!.write(r);
        summary.rejected++;
        summary.rejects_by_reason[code] = (summary.rejects_by_reason[code] ?? 0) + 1;
        options.onReject?.(r);
        continue;
      }
      const result = records!.write({ sourceRow: b.row[i]!, sourceId: b.sourceId[i]!, rowHash: b.hash[i]!, rawText: b.raw[i]! });
      summary[result.outcome]++;
      if (n) {
        normalized.write(result.recordId, JSON.parse(n.values[i]!) as (string | number | null)[]);
        const found = n.issues[i] === '' ? [] : (JSON.parse(n.issues[i]!) as FieldIssue[]);
        if (result.outcome === 'inserted') issues.add(result.recordId, 'normalize', found);
        else issues.replace(result.recordId, 'normalize', found);
        summary.issues += found.length;
      }
    }
    summary.empty_lines = b.emptyLines;
    options.onProgress?.(b.bytesRead, summary.read);
  };

  try {
    const job = { info, displayName: options.displayName, preset: options.preset, customMap: options.customMap };
    for await (const message of readInWorker(job)) {
      if (message.type === 'header') {
        const { header } = message;
        plan = message.plan;
        summary.preset = plan.detected ? `auto → ${plan.detected}` : plan.preset;
        options.onMapping?.(describeMapping(plan, header), plan);
        batchId = startBatch(db, {
          source: options.source, fileName: options.displayName, sha256: info.sha256, bytes: info.bytes,
          encoding: summary.encoding, delimiter: info.delimiter, preset: summary.preset, header, mapping: plan, actor: options.actor,
        });
        summary.batch_id = batchId;
        planKey = `${info.sha256}:${batchId}`;
        decoder.remember(batchId, plan, info.delimiter);
        records = new RecordWriter(db, options.source, batchId, (b, raw) => decoder.decode(b, raw));
        rejects = new RejectWriter(db, batchId);
        continue;
      }
      if (message.type === 'done') {
        summary.empty_lines = message.emptyLines;
        continue;
      }
      if (message.type !== 'rows') continue; // errors are thrown by readInWorker
      const b = message.batch;
      const raws = b.raw.map((raw, i) => (b.rejectCode[i] === '' ? raw : null));
      pending.push({ batch: b, result: pool && plan ? pool.submit({ plan, planKey, delimiter: info.delimiter, raws }) : null });
      while (pending.length > 3) await write(pending.shift()!);
    }
    while (pending.length > 0) await write(pending.shift()!);
  } finally {
    await pool?.close();
  }

  for (const d of records?.repeatedSourceIds() ?? []) {
    issues.add(d.recordId, 'import', [{
      field: 'source_id', code: 'duplicate_source_id', value: d.sourceId,
      message: `source_id ${d.sourceId} already appeared on row ${d.firstRow} of ${options.displayName}; kept as a separate record`,
    }]);
    summary.issues++;
  }
  if (batchId === 0) {
    // An empty file still gets a batch, so importing it again is recognised.
    batchId = startBatch(db, {
      source: options.source, fileName: options.displayName, sha256: info.sha256, bytes: info.bytes,
      encoding: summary.encoding, delimiter: info.delimiter, preset: options.preset, header: [], mapping: {}, actor: options.actor,
    });
    summary.batch_id = batchId;
  }
  finishBatch(db, batchId, {
    read: summary.read, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged,
    rejected: summary.rejected, emptyLines: summary.empty_lines,
  });
  appendAudit(db, {
    actor: options.actor, command: 'import', action: 'import_file', target: options.displayName,
    details: { batch_id: batchId, source: options.source, sha256: info.sha256, read: summary.read, inserted: summary.inserted,
      updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected },
  });
}

