// customers and customer_values: who each record belongs to, and each customer's golden record.
import { NORMALIZED_COLUMNS, type NormalizedColumn, type NormalizedRecord } from '../normalize/columns.js';
import type { Db } from './db.js';
import { nowIso } from './db.js';
import { customersWithRecords } from './record-views.js';

/**
 * customer_values.provenance_json says where each golden value came from, grouped by source record and rule (a
 * customer's values come from few records, so this is a third of the size of one entry per field):
 *   {"<record_id>": {"<rule>": ["field", ...]}}      e.g. {"24": {"most_recent": ["name", "name_core"]}, "31": {...}}
 * A customer of one record stores {"<record_id>": {"only_value": "*"}}: every non-empty value is that record's.
 * Read one field's origin with provenanceOf.
 */
export type StoredProvenance = Record<string, Record<string, string[] | '*'>>;

export type FieldProvenance = Partial<Record<NormalizedColumn, { record_id: number; rule: string }>>;

export function encodeProvenance(byField: FieldProvenance): StoredProvenance {
  const out: StoredProvenance = {};
  for (const [field, p] of Object.entries(byField) as [NormalizedColumn, { record_id: number; rule: string }][]) {
    const rules = (out[p.record_id] ??= {});
    const fields = rules[p.rule];
    if (Array.isArray(fields)) fields.push(field);
    else rules[p.rule] = [field];
  }
  return out;
}

/** Where one golden field came from, or undefined when the field is empty. */
export function provenanceOf(stored: StoredProvenance, field: NormalizedColumn, value: unknown): { record_id: number; rule: string } | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  for (const [recordId, rules] of Object.entries(stored)) {
    for (const [rule, fields] of Object.entries(rules)) {
      if (fields === '*' || fields.includes(field)) return { record_id: Number(recordId), rule };
    }
  }
  return undefined;
}

export interface GoldenRow {
  values: NormalizedRecord;
  recordCount: number;
  sources: string[];
  provenance: FieldProvenance;
}

export class CustomerWriter {
  private readonly create;
  private readonly setStatus;
  private readonly assign;
  private readonly saveGolden;
  private readonly dropGolden;
  private readonly queueMove;
  private readonly applyMoves;
  private readonly clearMoves;
  private readonly now = nowIso();

  constructor(db: Db) {
    this.create = db.prepare("INSERT INTO customers (status, created_at, updated_at) VALUES ('active', ?, ?)");
    this.setStatus = db.prepare('UPDATE customers SET status = ?, updated_at = ? WHERE customer_id = ?');
    this.assign = db.prepare('UPDATE source_records SET customer_id = ? WHERE record_id = ?');
    // Moves are queued in a temporary table and applied in one statement, in record order (flushMoves): a first
    // run moves every record, and one UPDATE per record in cluster order rewrites pages all over the table.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS pending_moves (record_id INTEGER PRIMARY KEY, customer_id INTEGER)');
    this.queueMove = db.prepare('INSERT OR REPLACE INTO temp.pending_moves (record_id, customer_id) VALUES (?, ?)');
    this.applyMoves = db.prepare(
      `UPDATE source_records SET customer_id = m.customer_id FROM temp.pending_moves m WHERE source_records.record_id = m.record_id`,
    );
    this.clearMoves = db.prepare('DELETE FROM temp.pending_moves');
    this.saveGolden = db.prepare(
      `INSERT OR REPLACE INTO customer_values (customer_id, ${NORMALIZED_COLUMNS.join(', ')}, record_count, sources, provenance_json, computed_at)
       VALUES (?, ${NORMALIZED_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
    );
    this.dropGolden = db.prepare('DELETE FROM customer_values WHERE customer_id = ?');
  }

  newCustomer(): number {
    return Number(this.create.run(this.now, this.now).lastInsertRowid);
  }

  /** Moves a record to a customer (or to none) at once. */
  assignRecord(recordId: number, customerId: number | null): void {
    this.assign.run(customerId, recordId);
  }

  /** Queues a move; it takes effect at flushMoves (call it before reading source_records.customer_id). */
  queueRecordMove(recordId: number, customerId: number | null): void {
    this.queueMove.run(recordId, customerId);
  }

  flushMoves(): void {
    this.applyMoves.run();
    this.clearMoves.run();
  }

  retire(customerId: number): void {
    this.setStatus.run('retired', this.now, customerId);
    this.dropGolden.run(customerId);
  }

  reactivate(customerId: number): void {
    this.setStatus.run('active', this.now, customerId);
  }

  touch(customerId: number): void {
    this.setStatus.run('active', this.now, customerId);
  }

  writeGolden(customerId: number, g: GoldenRow): void {
    this.saveGolden.run(customerId, ...NORMALIZED_COLUMNS.map((c) => g.values[c]), g.recordCount, g.sources.join(';'), JSON.stringify(encodeProvenance(g.provenance)), this.now);
  }
}

/**
 * Golden records of every customer that has exactly one record (if normalized): its values as they are, in one
 * statement (most customers of a first run; survivorship has nothing to choose for them). Returns how many. The
 * customers of several records are left to pickSurvivors (pageRecordsOfSharedCustomers).
 */
export function writeSingleRecordGolden(db: Db): number {
  const columns = NORMALIZED_COLUMNS.join(', ');
  return db
    .prepare(
      `INSERT OR REPLACE INTO customer_values (customer_id, ${columns}, record_count, sources, provenance_json, computed_at)
       SELECT r.customer_id, ${NORMALIZED_COLUMNS.map((c) => `v.${c}`).join(', ')}, 1, r.source,
         json_object(CAST(r.record_id AS TEXT), json_object('only_value', '*')), ?
       FROM (${customersWithRecords('= 1')}) single
       JOIN source_records r ON r.customer_id = single.customer_id
       JOIN record_values v ON v.record_id = r.record_id`,
    )
    .run(nowIso()).changes;
}

/** Record ids of each given customer. */
export function membersOf(db: Db, customerIds: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const stmt = db.prepare('SELECT record_id FROM source_records WHERE customer_id = ? ORDER BY record_id').pluck();
  for (const c of customerIds) out.set(c, stmt.all(c) as number[]);
  return out;
}

export function customerExists(db: Db, customerId: number): { status: string } | undefined {
  return db.prepare('SELECT status FROM customers WHERE customer_id = ?').get(customerId) as { status: string } | undefined;
}

export interface CustomerExportRow {
  customer_id: number;
  values: NormalizedRecord;
  record_count: number;
  sources: string;
}

/** Active customers with their golden values, in id order. */
export function* iterateCustomers(db: Db): Generator<CustomerExportRow> {
  const stmt = db.prepare(
    `SELECT c.customer_id, ${NORMALIZED_COLUMNS.map((x) => `v.${x}`).join(', ')}, v.record_count, v.sources
     FROM customers c JOIN customer_values v ON v.customer_id = c.customer_id
     WHERE c.status = 'active' ORDER BY c.customer_id`,
  );
  for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
    yield {
      customer_id: row['customer_id'] as number,
      values: Object.fromEntries(NORMALIZED_COLUMNS.map((c) => [c, row[c]])) as NormalizedRecord,
      record_count: row['record_count'] as number,
      sources: row['sources'] as string,
    };
  }
}
