// record_values: the normalized values of each record, one column per normalized field (NORMALIZED_COLUMNS).
import { NORMALIZED_COLUMNS } from '../normalize/columns.js';
import type { Db, Statement } from './db.js';
import { nowIso } from './db.js';

export class ValuesWriter {
  private readonly upsert: Statement;
  private readonly now = nowIso();

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO record_values (record_id, ${NORMALIZED_COLUMNS.join(', ')}, normalized_at)
       VALUES (?, ${NORMALIZED_COLUMNS.map(() => '?').join(', ')}, ?)`,
    );
  }

  /** `values` in NORMALIZED_COLUMNS order. */
  write(recordId: number, values: readonly (string | number | null)[]): void {
    this.upsert.run(recordId, ...values, this.now);
  }
}
