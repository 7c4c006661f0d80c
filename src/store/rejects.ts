// rejects: rows that cannot be a customer record, with the reason and their text exactly as read.
import type { Db, Statement } from './db.js';

export interface Reject {
  sourceRow: number;
  line: number;
  code: string;
  reason: string;
  raw: string;
}

export class RejectWriter {
  private readonly insert: Statement;

  constructor(
    db: Db,
    private readonly batchId: number,
  ) {
    this.insert = db.prepare(
      'INSERT INTO rejects (batch_id, source_row, line, reason_code, reason, raw_text) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  write(r: Reject): void {
    this.insert.run(this.batchId, r.sourceRow, r.line, r.code, r.reason, r.raw);
  }
}
