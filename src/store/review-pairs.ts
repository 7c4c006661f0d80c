// review_pairs: the steward's queue of pairs scored between the two thresholds.
import type { Db } from './db.js';
import { nowIso } from './db.js';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'skipped' | 'resolved';

export interface ReviewPair {
  id: number;
  record_a: number;
  record_b: number;
  probability: number;
  weight: number;
  explanation: unknown;
  status: ReviewStatus;
  run_id: number;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

/** Queues a pair (or refreshes its score while it is still undecided). Decided pairs are left alone. */
export function queuePair(db: Db, p: { a: number; b: number; probability: number; weight: number; explanation: unknown; runId: number }): void {
  const [x, y] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
  db.prepare(
    `INSERT INTO review_pairs (record_a, record_b, probability, weight, explanation_json, status, run_id, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)
     ON CONFLICT (record_a, record_b) DO UPDATE SET probability = excluded.probability, weight = excluded.weight,
       explanation_json = excluded.explanation_json, run_id = excluded.run_id
     WHERE review_pairs.status IN ('pending', 'skipped')`,
  ).run(x, y, p.probability, p.weight, JSON.stringify(p.explanation), p.runId, nowIso());
}

function toPair(r: Record<string, unknown>): ReviewPair {
  const { explanation_json, ...rest } = r;
  return { ...(rest as Omit<ReviewPair, 'explanation'>), explanation: JSON.parse(explanation_json as string) };
}

export function listReviewPairs(db: Db, status: ReviewStatus | 'open' = 'open'): ReviewPair[] {
  const where = status === 'open' ? "status IN ('pending', 'skipped')" : 'status = ?';
  const stmt = db.prepare(`SELECT * FROM review_pairs WHERE ${where} ORDER BY probability DESC, id`);
  return (status === 'open' ? stmt.all() : stmt.all(status)).map((r) => toPair(r as Record<string, unknown>));
}

export function getReviewPair(db: Db, id: number): ReviewPair | undefined {
  const r = db.prepare('SELECT * FROM review_pairs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return r ? toPair(r) : undefined;
}

export function decideReviewPair(db: Db, id: number, status: ReviewStatus, actor: string): void {
  db.prepare('UPDATE review_pairs SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?').run(status, nowIso(), actor, id);
}

/** Pending pairs whose records already share a customer need no decision any more. */
export function resolveSettledPairs(db: Db): number {
  return db
    .prepare(
      `UPDATE review_pairs SET status = 'resolved', decided_at = ? WHERE status IN ('pending', 'skipped') AND
         (SELECT customer_id FROM source_records WHERE record_id = record_a) = (SELECT customer_id FROM source_records WHERE record_id = record_b)`,
    )
    .run(nowIso()).changes;
}
