// What is in the store, for `crm status`.
import type { Db } from './db.js';

export interface StoreSummary {
  schema_version: number;
  records: number;
  rejects: number;
  batches: number;
  sources: { source: string; records: number; batches: number; last_import: string | null }[];
  issues_by_code: { code: string; count: number }[];
  last_batches: { id: number; source: string; file_name: string; rows_read: number; inserted: number; updated: number; unchanged: number; rejected: number; finished_at: string | null }[];
}

export function summarizeStore(db: Db): StoreSummary {
  const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
  return {
    schema_version: db.pragma('user_version', { simple: true }) as number,
    records: count('SELECT count(*) FROM source_records'),
    rejects: count('SELECT count(*) FROM rejects'),
    batches: count('SELECT count(*) FROM import_batches'),
    sources: db
      .prepare(
        `SELECT b.source, (SELECT count(*) FROM source_records r WHERE r.source = b.source) AS records,
           count(*) AS batches, max(b.finished_at) AS last_import
         FROM import_batches b GROUP BY b.source ORDER BY b.source`,
      )
      .all() as StoreSummary['sources'],
    issues_by_code: db
      .prepare('SELECT code, count(*) AS count FROM record_issues GROUP BY code ORDER BY count DESC, code')
      .all() as StoreSummary['issues_by_code'],
    last_batches: db
      .prepare(
        `SELECT id, source, file_name, rows_read, inserted, updated, unchanged, rejected, finished_at
         FROM import_batches ORDER BY id DESC LIMIT 10`,
      )
      .all() as StoreSummary['last_batches'],
  };
}
