// Recomputes the golden record of customers from their records' normalized values.
import { pickSurvivors, type SurvivorshipOptions } from '../match/survivorship.js';
import type { CustomerWriter } from '../store/customers.js';
import type { Db } from '../store/db.js';
import { iterateNormalized, type NormalizedRow } from '../store/record-views.js';

/** Golden records for the given customers (read one by one). */
export function refreshGolden(db: Db, writer: CustomerWriter, customerIds: Iterable<number>, options: SurvivorshipOptions): void {
  for (const id of customerIds) writeGoldenFor(writer, id, [...iterateNormalized(db, { customerId: id })], options);
}

/** Golden records for every customer, from one ordered pass over all records (first runs on large stores). */
export function refreshAllGolden(db: Db, writer: CustomerWriter, options: SurvivorshipOptions): number {
  const byCustomer = new Map<number, NormalizedRow[]>();
  for (const row of iterateNormalized(db)) {
    if (row.customer_id === null) continue;
    (byCustomer.get(row.customer_id) ?? byCustomer.set(row.customer_id, []).get(row.customer_id)!).push(row);
  }
  for (const [id, rows] of byCustomer) writeGoldenFor(writer, id, rows, options);
  return byCustomer.size;
}

function writeGoldenFor(writer: CustomerWriter, customerId: number, rows: NormalizedRow[], options: SurvivorshipOptions): void {
  if (rows.length === 0) return;
  const golden = pickSurvivors(
    rows.map((r) => ({ recordId: r.record_id, source: r.source, changedAt: String(r.values.updated_at ?? r.changed_at), values: r.values })),
    options,
  );
  writer.writeGolden(customerId, { values: golden.values, recordCount: golden.recordCount, sources: golden.sources, provenance: golden.provenance });
}
