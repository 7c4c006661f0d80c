// Recomputes the golden record of customers from their records' normalized values.
import { pickSurvivors, type SurvivorshipOptions } from '../match/survivorship.js';
import { writeSingleRecordGolden, type CustomerWriter } from '../store/customers.js';
import type { Db } from '../store/db.js';
import { iterateNormalized, pageRecordsOfSharedCustomers, type CustomerRecordRow, type NormalizedRow } from '../store/record-views.js';

type SurvivorRow = Pick<NormalizedRow, 'record_id' | 'source' | 'changed_at' | 'values'>;

/** Golden records for the given customers (read one by one). */
export function refreshGolden(db: Db, writer: CustomerWriter, customerIds: Iterable<number>, options: SurvivorshipOptions): void {
  for (const id of customerIds) writeGoldenFor(writer, id, [...iterateNormalized(db, { customerId: id })], options);
}

/** Golden records for every customer (first runs on large stores): those of one record in one SQL statement, the
 * others from one pass over their records in customer order, one page in memory at a time. Returns how many. */
export function refreshAllGolden(db: Db, writer: CustomerWriter, options: SurvivorshipOptions): number {
  let written = writeSingleRecordGolden(db);
  // A customer's records may straddle two pages: they are written once the next customer's first record shows.
  let pending: CustomerRecordRow[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    writeGoldenFor(writer, pending[0]!.customer_id, pending, options);
    written++;
    pending = [];
  };
  for (const page of pageRecordsOfSharedCustomers(db)) {
    for (const row of page) {
      if (pending.length > 0 && pending[0]!.customer_id !== row.customer_id) flush();
      pending.push(row);
    }
  }
  flush();
  return written;
}

function writeGoldenFor(writer: CustomerWriter, customerId: number, rows: readonly SurvivorRow[], options: SurvivorshipOptions): void {
  if (rows.length === 0) return;
  const golden = pickSurvivors(
    rows.map((r) => ({ recordId: r.record_id, source: r.source, changedAt: String(r.values.updated_at ?? r.changed_at), values: r.values })),
    options,
  );
  writer.writeGolden(customerId, { values: golden.values, recordCount: golden.recordCount, sources: golden.sources, provenance: golden.provenance });
}
