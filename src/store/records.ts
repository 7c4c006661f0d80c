// source_records: one row per customer row of a source, its cells exactly as read. A newer export of the same source
// updates a record found by (source, source_id); the replaced version and every changed field are kept
// (record_versions, field_changes). Rows without an id are matched by content.
import { CANONICAL_FIELDS, type CanonicalValues } from '../canonical-fields.js';
import type { Db, Statement } from './db.js';
import { nowIso } from './db.js';

export interface IncomingRecord {
  sourceRow: number;
  sourceId: string | null;
  rowHash: string;
  rawText: string;
}

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

export interface WriteResult {
  outcome: WriteOutcome;
  recordId: number;
}

/** Turns a stored row back into its canonical values and unmapped columns (through the mapping of the batch that
 * wrote it). */
export type ValuesOf = (batchId: number, rawText: string) => { values: CanonicalValues; extras: Record<string, string> | null };

interface ExistingRow {
  record_id: number;
  batch_id: number;
  row_hash: string;
}

export class RecordWriter {
  private readonly insert: Statement;
  private readonly byId: Statement;
  private readonly byHash: Statement;
  private readonly loadOld: Statement;
  private readonly saveVersion: Statement;
  private readonly saveChange: Statement;
  private readonly update: Statement;
  private readonly repeatedIds: Statement;
  private readonly repeatedIdsFresh: Statement;
  private readonly now = nowIso();
  /** The source had no records before this batch: nothing to update, so no per-row lookup is needed. */
  private readonly fresh: boolean;

  constructor(
    db: Db,
    private readonly source: string,
    private readonly batchId: number,
    private readonly valuesOf: ValuesOf,
  ) {
    this.insert = db.prepare(
      `INSERT INTO source_records (source, source_row, source_id, batch_id, first_batch_id, row_hash, raw_text,
         imported_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byId = db.prepare(
      `SELECT record_id, batch_id, row_hash FROM source_records WHERE source = ? AND source_id = ?
         ORDER BY record_id DESC LIMIT 1`,
    );
    this.byHash = db.prepare(
      `SELECT record_id, batch_id, row_hash FROM source_records WHERE source = ? AND source_id IS NULL AND row_hash = ?
         AND batch_id <> ? LIMIT 1`,
    );
    this.loadOld = db.prepare('SELECT batch_id, source_row, raw_text FROM source_records WHERE record_id = ?');
    this.saveVersion = db.prepare(
      `INSERT INTO record_versions (record_id, batch_id, source_row, raw_text, replaced_by_batch_id, replaced_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.saveChange = db.prepare(
      'INSERT INTO field_changes (record_id, batch_id, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.update = db.prepare(
      'UPDATE source_records SET source_row = ?, batch_id = ?, row_hash = ?, raw_text = ?, changed_at = ? WHERE record_id = ?',
    );
    this.repeatedIds = db.prepare(
      `SELECT record_id, source_id, source_row FROM source_records WHERE batch_id = ? AND source_id IN
         (SELECT source_id FROM source_records WHERE batch_id = ? AND source_id IS NOT NULL GROUP BY source_id HAVING count(*) > 1)
       ORDER BY source_id, source_row`,
    );
    this.repeatedIdsFresh = db.prepare(
      `SELECT record_id, source_id, source_row FROM source_records WHERE source = ? AND source_id IN
         (SELECT source_id FROM source_records WHERE source = ? AND source_id IS NOT NULL GROUP BY source_id HAVING count(*) > 1)
       ORDER BY source_id, source_row`,
    );
    this.fresh = db.prepare('SELECT 1 FROM source_records WHERE source = ? AND batch_id <> ? LIMIT 1').get(source, batchId) === undefined;
  }

  write(r: IncomingRecord): WriteResult {
    if (this.fresh) return { outcome: 'inserted', recordId: this.add(r) };
    if (r.sourceId !== null) {
      const existing = this.byId.get(this.source, r.sourceId) as ExistingRow | undefined;
      if (existing && existing.batch_id !== this.batchId) {
        if (existing.row_hash === r.rowHash || !this.replace(existing.record_id, r)) return { outcome: 'unchanged', recordId: existing.record_id };
        return { outcome: 'updated', recordId: existing.record_id };
      }
      return { outcome: 'inserted', recordId: this.add(r) };
    }
    const same = this.byHash.get(this.source, r.rowHash, this.batchId) as ExistingRow | undefined;
    if (same) return { outcome: 'unchanged', recordId: same.record_id };
    return { outcome: 'inserted', recordId: this.add(r) };
  }

  /** Records of this batch whose source_id appeared on an earlier row of the same file (one query, at the end). */
  repeatedSourceIds(): { recordId: number; sourceId: string; firstRow: number }[] {
    const out: { recordId: number; sourceId: string; firstRow: number }[] = [];
    let groupId: string | null = null;
    let firstRow = 0;
    // A fresh source holds only this batch: its (source, source_id) index finds repeats without a scan and sort.
    const rows = this.fresh ? this.repeatedIdsFresh.iterate(this.source, this.source) : this.repeatedIds.iterate(this.batchId, this.batchId);
    for (const r of rows as Iterable<{ record_id: number; source_id: string; source_row: number }>) {
      if (r.source_id === groupId) {
        out.push({ recordId: r.record_id, sourceId: r.source_id, firstRow });
      } else {
        groupId = r.source_id;
        firstRow = r.source_row;
      }
    }
    return out;
  }

  private add(r: IncomingRecord): number {
    const result = this.insert.run(this.source, r.sourceRow, r.sourceId, this.batchId, this.batchId, r.rowHash, r.rawText, this.now, this.now);
    return Number(result.lastInsertRowid);
  }

  /** Replaces the record with the new row, keeping the old version; false (nothing written) when the new row says
   * the same under its own header: the export only moved, renamed or re-spaced columns. */
  private replace(recordId: number, r: IncomingRecord): boolean {
    const old = this.loadOld.get(recordId) as { batch_id: number; source_row: number; raw_text: string };
    const decodedBefore = this.valuesOf(old.batch_id, old.raw_text);
    const decodedAfter = this.valuesOf(this.batchId, r.rawText);
    if (sameContent(decodedBefore, decodedAfter)) return false;
    this.saveVersion.run(recordId, old.batch_id, old.source_row, old.raw_text, this.batchId, this.now);
    const before = decodedBefore.values;
    const after = decodedAfter.values;
    for (const f of CANONICAL_FIELDS) {
      const a = before[f] ?? null;
      const b = after[f] ?? null;
      if (a !== b) this.saveChange.run(recordId, this.batchId, f, a, b, this.now);
    }
    this.update.run(r.sourceRow, this.batchId, r.rowHash, r.rawText, this.now, recordId);
    return true;
  }
}

type Decoded = ReturnType<ValuesOf>;

function sameContent(a: Decoded, b: Decoded): boolean {
  for (const f of CANONICAL_FIELDS) if ((a.values[f] ?? null) !== (b.values[f] ?? null)) return false;
  const ea = Object.entries(a.extras ?? {});
  const eb = b.extras ?? {};
  return ea.length === Object.keys(eb).length && ea.every(([k, v]) => eb[k] === v);
}
