// Re-derives every normalized value from the stored raw rows (after a code-table or rule update), on all cores.
// Idempotent: running it twice gives the same values and the same issues.
import { NORMALIZED_COLUMNS } from '../normalize/columns.js';
import type { FieldIssue } from '../normalize/types.js';
import { appendAudit } from '../store/audit.js';
import { withTransaction, type Db } from '../store/db.js';
import { IssueWriter } from '../store/issues.js';
import { ValuesWriter } from '../store/record-values.js';
import { pageRawRecords } from '../store/record-views.js';
import { mergeStats, type FieldStats } from './field-stats.js';
import { NormalizePool, type NormalizeResult } from './normalize-pool.js';
import { RecordDecoder } from './record-decoder.js';

export interface NormalizeSummary {
  records: number;
  changed: number;
  fields: FieldStats;
  issues_by_code: Record<string, number>;
  /** Issues found while importing (e.g. duplicate_source_id), which normalization does not re-derive. */
  import_issues_by_code: Record<string, number>;
  dry_run: boolean;
}

const CHUNK = 2000;

export async function normalizeStore(db: Db, opts: { dryRun: boolean; actor: string; onProgress?(done: number, total: number): void }): Promise<NormalizeSummary> {
  const summary: NormalizeSummary = { records: 0, changed: 0, fields: {}, issues_by_code: {}, import_issues_by_code: {}, dry_run: opts.dryRun };
  for (const r of db.prepare("SELECT code, count(*) AS n FROM record_issues WHERE stage = 'import' GROUP BY code ORDER BY code").all() as { code: string; n: number }[]) {
    summary.import_issues_by_code[r.code] = r.n;
  }
  const total = db.prepare('SELECT count(*) FROM source_records').pluck().get() as number;
  const decoder = new RecordDecoder(db);
  const values = new ValuesWriter(db);
  const issues = new IssueWriter(db);
  const current = db.prepare(`SELECT ${NORMALIZED_COLUMNS.join(', ')} FROM record_values WHERE record_id = ?`).raw(true);
  const pool = new NormalizePool();
  const pending: { ids: number[]; result: Promise<NormalizeResult> }[] = [];

  const write = async (p: (typeof pending)[number]) => {
    const r = await p.result;
    mergeStats(summary.fields, r.stats);
    p.ids.forEach((id, i) => {
      const row = JSON.parse(r.values[i]!) as (string | number | null)[];
      const found = r.issues[i] === '' ? [] : (JSON.parse(r.issues[i]!) as FieldIssue[]);
      const before = current.get(id) as unknown[] | undefined;
      if (!before || before.some((v, k) => v !== row[k])) summary.changed++;
      for (const f of found) summary.issues_by_code[f.code] = (summary.issues_by_code[f.code] ?? 0) + 1;
      if (!opts.dryRun) {
        values.write(id, row);
        issues.replace(id, 'normalize', found);
      }
    });
    summary.records += p.ids.length;
    opts.onProgress?.(summary.records, total);
  };

  const run = async () => {
    let ids: number[] = [];
    let raws: string[] = [];
    let batch = -1;
    const flush = async () => {
      if (ids.length === 0) return;
      const plan = decoder.plan(batch);
      pending.push({ ids, result: pool.submit({ plan, planKey: `batch:${batch}`, delimiter: decoder.delimiter(batch), raws }) });
      ids = [];
      raws = [];
      while (pending.length > 3) await write(pending.shift()!);
    };
    for (const page of pageRawRecords(db)) {
      for (const r of page) {
        if (r.batch_id !== batch || ids.length >= CHUNK) {
          await flush();
          batch = r.batch_id;
        }
        ids.push(r.record_id);
        raws.push(r.raw_text);
      }
    }
    await flush();
    while (pending.length > 0) await write(pending.shift()!);
  };

  try {
    if (opts.dryRun) await run();
    else {
      await withTransaction(db, async () => {
        await run();
        appendAudit(db, { actor: opts.actor, command: 'normalize', action: 'normalize_all', details: { records: summary.records, changed: summary.changed, issues: summary.issues_by_code } });
      });
    }
  } finally {
    await pool.close();
  }
  return summary;
}
