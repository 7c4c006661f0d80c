// Read-side access to the records for exports and summaries.
import type { Db } from './db.js';

export interface StoredRecordRow {
  record_id: number;
  source: string;
  source_row: number;
  source_id: string | null;
  customer_id: number | null;
  batch_id: number;
  raw_text: string;
}

/** Every source record, in a stable order (source, row, id). */
export function iterateRecords(db: Db): IterableIterator<StoredRecordRow> {
  return db
    .prepare(
      `SELECT record_id, source, source_row, source_id, customer_id, batch_id, raw_text FROM source_records
       ORDER BY source, source_row, record_id`,
    )
    .iterate() as IterableIterator<StoredRecordRow>;
}
