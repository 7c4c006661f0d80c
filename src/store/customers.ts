// customers and customer_values: who each record belongs to, and each customer's golden record.
import { NORMALIZED_COLUMNS, type NormalizedRecord } from '../normalize/columns.js';
import type { Db } from './db.js';
import { nowIso } from './db.js';

export interface GoldenRow {
  values: NormalizedRecord;
  recordCount: number;
  sources: string[];
  provenance: unknown;
}

export class CustomerWriter {
  private readonly create;
  private readonly setStatus;
  private readonly assign;
  private readonly saveGolden;
  private readonly dropGolden;
  private readonly now = nowIso();

  constructor(db: Db) {
    this.create = db.prepare("INSERT INTO customers (status, created_at, updated_at) VALUES ('active', ?, ?)");
    this.setStatus = db.prepare('UPDATE customers SET status = ?, updated_at = ? WHERE customer_id = ?');
    this.assign = db.prepare('UPDATE source_records SET customer_id = ? WHERE record_id = ?');
    this.saveGolden = db.prepare(
      `INSERT OR REPLACE INTO customer_values (customer_id, ${NORMALIZED_COLUMNS.join(', ')}, record_count, sources, provenance_json, computed_at)
       VALUES (?, ${NORMALIZED_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
    );
    this.dropGolden = db.prepare('DELETE FROM customer_values WHERE customer_id = ?');
  }

  newCustomer(): number {
    return Number(this.create.run(this.now, this.now).lastInsertRowid);
  }

  /** Moves a record to a customer (or to none). */
  assignRecord(recordId: number, customerId: number | null): void {
    this.assign.run(customerId, recordId);
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
    this.saveGolden.run(customerId, ...NORMALIZED_COLUMNS.map((c) => g.values[c]), g.recordCount, g.sources.join(';'), JSON.stringify(g.provenance), this.now);
  }
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
