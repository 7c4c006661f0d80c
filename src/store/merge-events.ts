// merge_events: every merge and unmerge with each moved record's customer before and after.
import type { Db } from './db.js';
import { cachedStatement, nowIso } from './db.js';

export type MergeKind = 'auto_merge' | 'review_merge' | 'manual_merge' | 'unmerge';

export interface MergeEvent {
  id: number;
  kind: MergeKind;
  customer_id: number;
  run_id: number | null;
  actor: string;
  at: string;
  before: Record<string, number | null>;
  after: Record<string, number | null>;
  details: unknown;
  undone_by: number | null;
}

export function appendMergeEvent(
  db: Db,
  e: { kind: MergeKind; customerId: number; runId: number | null; actor: string; before: Map<number, number | null>; after: Map<number, number | null>; details?: unknown },
): number {
  const result = cachedStatement(db, 'INSERT INTO merge_events (kind, customer_id, run_id, actor, at, before_json, after_json, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.kind, e.customerId, e.runId, e.actor, nowIso(), JSON.stringify(Object.fromEntries(e.before)), JSON.stringify(Object.fromEntries(e.after)), e.details === undefined ? null : JSON.stringify(e.details));
  return Number(result.lastInsertRowid);
}

export function markUndone(db: Db, eventId: number, undoneBy: number): void {
  db.prepare('UPDATE merge_events SET undone_by = ? WHERE id = ?').run(undoneBy, eventId);
}

/** Merge events into this customer that are still in effect, newest first. */
export function activeMergesInto(db: Db, customerId: number): MergeEvent[] {
  const rows = db
    .prepare("SELECT * FROM merge_events WHERE customer_id = ? AND kind <> 'unmerge' AND undone_by IS NULL ORDER BY id DESC")
    .all(customerId) as (Omit<MergeEvent, 'before' | 'after' | 'details'> & { before_json: string; after_json: string; details_json: string | null })[];
  return rows.map((r) => ({
    id: r.id, kind: r.kind, customer_id: r.customer_id, run_id: r.run_id, actor: r.actor, at: r.at, undone_by: r.undone_by,
    before: JSON.parse(r.before_json), after: JSON.parse(r.after_json), details: r.details_json ? JSON.parse(r.details_json) : null,
  }));
}

export function countMergeEvents(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT kind, count(*) AS n FROM merge_events GROUP BY kind').all() as { kind: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}
