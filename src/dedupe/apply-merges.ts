// Writes an assignment plan: new customers, records moved, customers retired, one merge event per merge.
import type { AssignmentPlan } from '../match/assignment.js';
import type { CustomerWriter } from '../store/customers.js';
import type { Db } from '../store/db.js';
import { appendMergeEvent, type MergeKind } from '../store/merge-events.js';

export interface ApplyContext {
  db: Db;
  customers: CustomerWriter;
  /** Current customer of every record the plan mentions (updated as records move). */
  current: Map<number, number | null>;
  /** Records of each existing customer. */
  members: Map<number, number[]>;
  kind: MergeKind;
  runId: number | null;
  actor: string;
  /** Scores behind each merge, for the event's details (optional). */
  details?(records: number[]): unknown;
}

export interface ApplyResult {
  touched: Set<number>;
  merges: number;
  newCustomers: number;
  recordsMoved: number;
}

export function applyAssignment(plan: AssignmentPlan, ctx: ApplyContext): ApplyResult {
  const result: ApplyResult = { touched: new Set(), merges: 0, newCustomers: 0, recordsMoved: 0 };
  for (const group of plan.newCustomers) {
    const id = ctx.customers.newCustomer();
    result.newCustomers++;
    result.touched.add(id);
    for (const r of group) {
      ctx.customers.queueRecordMove(r, id);
      ctx.current.set(r, id);
    }
    ctx.members.set(id, [...group]);
    // Several records made one customer at once: that is a merge too, and can be undone.
    if (group.length > 1) record(ctx, id, group.map((r) => [r, null]), group, result);
  }
  for (const m of plan.merges) {
    const moving: [number, number | null][] = [
      ...m.absorbed.flatMap((c) => (ctx.members.get(c) ?? []).map((r): [number, number | null] => [r, c])),
      ...m.joining.map((r): [number, number | null] => [r, null]),
    ];
    for (const [r] of moving) {
      ctx.customers.queueRecordMove(r, m.survivor);
      ctx.current.set(r, m.survivor);
    }
    for (const c of m.absorbed) {
      ctx.customers.retire(c);
      ctx.members.delete(c);
    }
    ctx.members.set(m.survivor, [...(ctx.members.get(m.survivor) ?? []), ...moving.map(([r]) => r)]);
    ctx.customers.touch(m.survivor);
    result.touched.add(m.survivor);
    result.recordsMoved += moving.length;
    record(ctx, m.survivor, moving, [...(ctx.members.get(m.survivor) ?? [])], result);
  }
  ctx.customers.flushMoves();
  return result;
}

function record(ctx: ApplyContext, customerId: number, moving: [number, number | null][], all: number[], result: ApplyResult): void {
  appendMergeEvent(ctx.db, {
    kind: ctx.kind, customerId, runId: ctx.runId, actor: ctx.actor,
    before: new Map(moving), after: new Map(moving.map(([r]) => [r, customerId])),
    details: ctx.details?.(all),
  });
  result.merges++;
}
