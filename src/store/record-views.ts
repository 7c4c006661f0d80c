// Read-side access to the records for exports and re-normalization.
import { NORMALIZED_COLUMNS, type NormalizedColumn, type NormalizedRecord } from '../normalize/columns.js';
import type { Db } from './db.js';

export interface StoredRecordRow {
  record_id: number;
  source: string;
  source_row: number;
  source_id: string | null;
  customer_id: number | null;
  batch_id: number;
  raw_text: string;
  /** Null when the record was imported with --no-normalize and not normalized since. */
  values: NormalizedRecord | null;
}

/** Every source record with its normalized values, in a stable order (source, row, id). */
export function* iterateRecords(db: Db): Generator<StoredRecordRow> {
  const stmt = db.prepare(
    `SELECT r.record_id, r.source, r.source_row, r.source_id, r.customer_id, r.batch_id, r.raw_text,
       v.normalized_at, ${NORMALIZED_COLUMNS.map((c) => `v.${c}`).join(', ')}
     FROM source_records r LEFT JOIN record_values v ON v.record_id = r.record_id
     ORDER BY r.source, r.source_row, r.record_id`,
  );
  for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
    const values = row['normalized_at'] ? (Object.fromEntries(NORMALIZED_COLUMNS.map((c) => [c, row[c]])) as NormalizedRecord) : null;
    yield {
      record_id: row['record_id'] as number, source: row['source'] as string, source_row: row['source_row'] as number,
      source_id: row['source_id'] as string | null, customer_id: row['customer_id'] as number | null,
      batch_id: row['batch_id'] as number, raw_text: row['raw_text'] as string, values,
    };
  }
}

export interface RawRecordRow {
  record_id: number;
  batch_id: number;
  raw_text: string;
}

/** Records with the batch and text they were last imported from, in id order, one page at a time: no cursor
 * stays open between pages, so the caller may write to the store while going through them. */
export function* pageRawRecords(db: Db, pageSize = 5000): Generator<RawRecordRow[]> {
  const page = db.prepare('SELECT record_id, batch_id, raw_text FROM source_records WHERE record_id > ? ORDER BY record_id LIMIT ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after, pageSize) as RawRecordRow[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.record_id;
  }
}

export interface NormalizedRow<C extends NormalizedColumn = NormalizedColumn> {
  record_id: number;
  source: string;
  customer_id: number | null;
  changed_at: string;
  /** The row as read and the batch whose mapping decodes it (for raw-value fallbacks). */
  batch_id: number;
  raw_text: string;
  values: Pick<NormalizedRecord, C>;
}

/** Records with their normalized values, all or those of one customer (records never normalized are skipped:
 * run `crm normalize`). */
export function iterateNormalized(db: Db, only: { customerId?: number } = {}): Generator<NormalizedRow> {
  return iterateColumns(db, NORMALIZED_COLUMNS, only) as Generator<NormalizedRow>;
}

/** Like iterateNormalized, with only the given normalized columns in `values` (a full scan reads less). */
export function* iterateColumns<C extends NormalizedColumn>(db: Db, columns: readonly C[], only: { customerId?: number } = {}): Generator<NormalizedRow<C>> {
  const select = `SELECT r.record_id, r.source, r.customer_id, r.changed_at, r.batch_id, r.raw_text, ${columns.map((c) => `v.${c}`).join(', ')}
     FROM source_records r JOIN record_values v ON v.record_id = r.record_id`;
  // Raw rows (arrays) are about twice as fast as row objects; this runs over every record in a dedupe.
  const rows =
    only.customerId === undefined
      ? db.prepare(`${select} ORDER BY r.record_id`).raw(true).iterate()
      : db.prepare(`${select} WHERE r.customer_id = ? ORDER BY r.record_id`).raw(true).iterate(only.customerId);
  for (const row of rows as Iterable<unknown[]>) {
    yield {
      record_id: row[0] as number, source: row[1] as string, customer_id: row[2] as number | null, changed_at: row[3] as string,
      batch_id: row[4] as number, raw_text: row[5] as string, values: valuesAt(row, 6, columns),
    };
  }
}

/** The normalized values in a raw row, from position `offset` on, keyed by column. */
function valuesAt<C extends NormalizedColumn>(row: unknown[], offset: number, columns: readonly C[]): Pick<NormalizedRecord, C> {
  const values = {} as Record<string, unknown>;
  for (let i = 0; i < columns.length; i++) values[columns[i]!] = row[offset + i];
  return values as Pick<NormalizedRecord, C>;
}

/** Customers by how many records they have. The golden pass splits them into '= 1' (one SQL statement,
 * writeSingleRecordGolden) and '> 1' (pageRecordsOfSharedCustomers): one query, so each customer falls in exactly one. */
export function customersWithRecords(count: '= 1' | '> 1'): string {
  return `SELECT customer_id FROM source_records WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING count(*) ${count}`;
}

/** A record's normalized values as survivorship needs them (no raw text). */
export type CustomerRecordRow = Omit<NormalizedRow, 'batch_id' | 'raw_text'> & { customer_id: number };

/** Records of customers with two or more records (those normalized), ordered by (customer, record), one page at a time
 * with no cursor left open between pages (the caller writes golden records as it goes). A customer's records may
 * straddle pages. */
export function* pageRecordsOfSharedCustomers(db: Db, pageSize = 20_000): Generator<CustomerRecordRow[]> {
  db.exec(`DROP TABLE IF EXISTS temp.shared_customers;
    CREATE TEMP TABLE shared_customers (customer_id INTEGER PRIMARY KEY);
    INSERT INTO temp.shared_customers ${customersWithRecords('> 1')};`);
  const page = db
    .prepare(
      `SELECT r.record_id, r.source, r.customer_id, r.changed_at, ${NORMALIZED_COLUMNS.map((c) => `v.${c}`).join(', ')}
       FROM temp.shared_customers s JOIN source_records r ON r.customer_id = s.customer_id
       JOIN record_values v ON v.record_id = r.record_id
       WHERE (r.customer_id, r.record_id) > (?, ?)
       ORDER BY r.customer_id, r.record_id LIMIT ?`,
    )
    .raw(true);
  let after: [number, number] = [-1, -1];
  for (;;) {
    const rows = page.all(after[0], after[1], pageSize) as unknown[][];
    if (rows.length === 0) {
      db.exec('DROP TABLE temp.shared_customers');
      return;
    }
    yield rows.map((row) => ({
      record_id: row[0] as number, source: row[1] as string, customer_id: row[2] as number, changed_at: row[3] as string,
      values: valuesAt(row, 4, NORMALIZED_COLUMNS),
    }));
    const last = rows[rows.length - 1]!;
    after = [last[2] as number, last[0] as number];
  }
}

/** Records imported or changed after `since` (ISO time), or never assigned a customer. */
export function changedRecordIds(db: Db, since: string | null): Set<number> {
  const rows = since
    ? db.prepare('SELECT record_id FROM source_records WHERE customer_id IS NULL OR changed_at >= ?').pluck().all(since)
    : db.prepare('SELECT record_id FROM source_records').pluck().all();
  return new Set(rows as number[]);
}

/** One record with its provenance and normalized values (null if normalized values are missing). */
export function getRecordWithValues(db: Db, recordId: number): (NormalizedRow & { source_row: number; source_id: string | null }) | undefined {
  const row = db
    .prepare(
      `SELECT r.record_id, r.source, r.source_row, r.source_id, r.customer_id, r.changed_at, r.batch_id, r.raw_text, ${NORMALIZED_COLUMNS.map((c) => `v.${c}`).join(', ')}
       FROM source_records r JOIN record_values v ON v.record_id = r.record_id WHERE r.record_id = ?`,
    )
    .get(recordId) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    record_id: row['record_id'] as number, source: row['source'] as string, source_row: row['source_row'] as number,
    source_id: row['source_id'] as string | null, customer_id: row['customer_id'] as number | null, changed_at: row['changed_at'] as string,
    batch_id: row['batch_id'] as number, raw_text: row['raw_text'] as string,
    values: Object.fromEntries(NORMALIZED_COLUMNS.map((c) => [c, row[c]])) as NormalizedRecord,
  };
}
