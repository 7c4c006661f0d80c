// What a data steward does by hand: merge customers, undo a merge, accept or reject a queued pair.
// Each is one transaction, leaves a merge event (or a never-merge rule), and refreshes the golden records it touches.
import { planAssignment } from '../match/assignment.js';
import type { SurvivorshipOptions } from '../match/survivorship.js';
import { CrmError, UsageError } from '../errors.js';
import { appendAudit } from '../store/audit.js';
import { CustomerWriter, customerExists, membersOf } from '../store/customers.js';
import type { Db } from '../store/db.js';
import { activeMergesInto, appendMergeEvent, markUndone } from '../store/merge-events.js';
import { addNeverMerge, loadNeverMerge } from '../store/never-merge.js';
import { decideReviewPair, getReviewPair } from '../store/review-pairs.js';
import { applyAssignment } from './apply-merges.js';
import { refreshGolden } from './golden.js';

export interface StewardContext {
  db: Db;
  actor: string;
  survivorship: SurvivorshipOptions;
}

/** Merges customers into the first one named. Refuses when a never-merge rule stands between them, unless forced. */
export function mergeCustomers(ctx: StewardContext, ids: number[], force = false): { survivor: number; moved: number } {
  if (ids.length < 2) throw new UsageError('name at least two customers to merge');
  for (const id of ids) {
    const c = customerExists(ctx.db, id);
    if (!c) throw new CrmError(`no customer ${id}`);
    if (c.status !== 'active') throw new CrmError(`customer ${id} was merged away (retired); merge the customer that holds its records`);
  }
  return ctx.db.transaction(() => {
    const members = membersOf(ctx.db, ids);
    const rules = loadNeverMerge(ctx.db);
    const [survivor, ...others] = ids as [number, ...number[]];
    for (const other of others) {
      for (const a of members.get(survivor) ?? []) {
        for (const b of members.get(other) ?? []) {
          if (!rules.cannotLink(a, b)) continue;
          if (!force) throw new CrmError(`records ${a} and ${b} were marked never to merge (customers ${survivor}, ${other}); use --force to merge anyway`);
          ctx.db.prepare('DELETE FROM never_merge WHERE record_a = ? AND record_b = ?').run(Math.min(a, b), Math.max(a, b));
        }
      }
    }
    const current = customerOfEach(members);
    const customers = new CustomerWriter(ctx.db);
    const result = applyAssignment({ merges: [{ survivor, absorbed: others, joining: [] }], newCustomers: [], blocked: [] }, {
      db: ctx.db, customers, current, members, kind: 'manual_merge', runId: null, actor: ctx.actor,
    });
    refreshGolden(ctx.db, customers, [survivor], ctx.survivorship);
    appendAudit(ctx.db, { actor: ctx.actor, command: 'merge', action: 'manual_merge', target: String(survivor), details: { merged: others, records_moved: result.recordsMoved } });
    return { survivor, moved: result.recordsMoved };
  })();
}

/** Undoes the latest merge into a customer (or all of them): every record goes back to the customer it had before,
 * and the split groups are remembered as never-merge so later runs do not join them again. */
export function unmergeCustomer(ctx: StewardContext, customerId: number, all = false): { events: number; restored: Map<number, number> } {
  const customer = customerExists(ctx.db, customerId);
  if (!customer) throw new CrmError(`no customer ${customerId}`);
  const events = activeMergesInto(ctx.db, customerId);
  if (events.length === 0) throw new CrmError(`customer ${customerId} has no merge to undo`);
  return ctx.db.transaction(() => {
    const customers = new CustomerWriter(ctx.db);
    const restored = new Map<number, number>();
    const touched = new Set<number>([customerId]);
    for (const event of all ? events : events.slice(0, 1)) {
      const stay = new Set(membersOf(ctx.db, [customerId]).get(customerId) ?? []);
      const groups = new Map<number, number[]>();
      const before = new Map<number, number | null>();
      const after = new Map<number, number | null>();
      for (const [key, previous] of Object.entries(event.before)) {
        const record = Number(key);
        if (!stay.has(record)) continue; // moved on since; nothing to undo for it
        let target = previous;
        if (target === null) target = customers.newCustomer();
        else customers.reactivate(target);
        customers.assignRecord(record, target);
        stay.delete(record);
        (groups.get(target) ?? groups.set(target, []).get(target)!).push(record);
        before.set(record, customerId);
        after.set(record, target);
        restored.set(record, target);
        touched.add(target);
      }
      // Every pair across the split groups (and the records that stayed) must not be merged again.
      const parts = [[...stay], ...groups.values()].filter((p) => p.length > 0);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          for (const a of parts[i]!) for (const b of parts[j]!) addNeverMerge(ctx.db, a, b, `unmerge of customer ${customerId}`, ctx.actor);
        }
      }
      if (stay.size === 0) customers.retire(customerId);
      const undo = appendMergeEvent(ctx.db, { kind: 'unmerge', customerId, runId: null, actor: ctx.actor, before, after, details: { undoes: event.id } });
      markUndone(ctx.db, event.id, undo);
    }
    const active = [...touched].filter((c) => customerExists(ctx.db, c)?.status === 'active');
    refreshGolden(ctx.db, customers, active, ctx.survivorship);
    appendAudit(ctx.db, { actor: ctx.actor, command: 'unmerge', action: 'unmerge', target: String(customerId), details: { records: restored.size } });
    return { events: all ? events.length : 1, restored };
  })();
}

/** Accepting a queued pair merges the two records' customers (the larger, then older, one survives). */
export function acceptPair(ctx: StewardContext, pairId: number): { survivor: number | null } {
  const pair = getReviewPair(ctx.db, pairId);
  if (!pair) throw new CrmError(`no review pair ${pairId}`);
  return ctx.db.transaction(() => {
    const customerOf = ctx.db.prepare('SELECT customer_id FROM source_records WHERE record_id = ?').pluck();
    const ca = customerOf.get(pair.record_a) as number | null;
    const cb = customerOf.get(pair.record_b) as number | null;
    let survivor: number | null = ca;
    if (ca !== null && cb !== null && ca !== cb) {
      const members = membersOf(ctx.db, [ca, cb]);
      const current = customerOfEach(members);
      const rules = loadNeverMerge(ctx.db);
      const plan = planAssignment({ current, clusters: [[pair.record_a, pair.record_b]], members, cannotLink: rules.cannotLink });
      if (plan.blocked.length > 0) throw new CrmError(`pair ${pairId}: ${plan.blocked[0]!.reason}`);
      const customers = new CustomerWriter(ctx.db);
      applyAssignment(plan, { db: ctx.db, customers, current, members, kind: 'review_merge', runId: null, actor: ctx.actor, details: () => ({ review_pair: pairId, probability: pair.probability }) });
      survivor = plan.merges[0]?.survivor ?? ca;
      refreshGolden(ctx.db, customers, [survivor], ctx.survivorship);
    }
    decideReviewPair(ctx.db, pairId, 'accepted', ctx.actor);
    appendAudit(ctx.db, { actor: ctx.actor, command: 'review', action: 'accept_pair', target: String(pairId), details: { survivor } });
    return { survivor };
  })();
}

/** Rejecting a queued pair records "never merge these two". */
export function rejectPair(ctx: StewardContext, pairId: number): void {
  const pair = getReviewPair(ctx.db, pairId);
  if (!pair) throw new CrmError(`no review pair ${pairId}`);
  ctx.db.transaction(() => {
    addNeverMerge(ctx.db, pair.record_a, pair.record_b, `review pair ${pairId} rejected`, ctx.actor);
    decideReviewPair(ctx.db, pairId, 'rejected', ctx.actor);
    appendAudit(ctx.db, { actor: ctx.actor, command: 'review', action: 'reject_pair', target: String(pairId) });
  })();
}

export function skipPair(ctx: StewardContext, pairId: number): void {
  if (!getReviewPair(ctx.db, pairId)) throw new CrmError(`no review pair ${pairId}`);
  decideReviewPair(ctx.db, pairId, 'skipped', ctx.actor);
}

/** record -> customer, from customer -> records. */
function customerOfEach(members: ReadonlyMap<number, readonly number[]>): Map<number, number | null> {
  const current = new Map<number, number | null>();
  for (const [c, rs] of members) for (const r of rs) current.set(r, c);
  return current;
}
