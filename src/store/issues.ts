// record_issues: field-level problems on a record. The offending value stays on the record; the issue says why.
import type { FieldIssue } from '../normalize/types.js';
import type { Db, Statement } from './db.js';

export type IssueStage = 'import' | 'normalize';

export class IssueWriter {
  private readonly insert: Statement;
  private readonly clear: Statement;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO record_issues (record_id, stage, field, code, value, message) VALUES (?, ?, ?, ?, ?, ?)');
    this.clear = db.prepare('DELETE FROM record_issues WHERE record_id = ? AND stage = ?');
  }

  /** Replaces the record's issues of one stage (re-deriving must not pile up stale issues). */
  replace(recordId: number, stage: IssueStage, issues: readonly FieldIssue[]): void {
    this.clear.run(recordId, stage);
    for (const i of issues) this.insert.run(recordId, stage, i.field, i.code, i.value, i.message);
  }

  add(recordId: number, stage: IssueStage, issues: readonly FieldIssue[]): void {
    for (const i of issues) this.insert.run(recordId, stage, i.field, i.code, i.value, i.message);
  }
}
