// One `crm dedupe` run: load the normalized records, find matches, turn clusters into customers with stable ids,
// queue the uncertain pairs for review, refresh golden records; all in one transaction (a crash leaves the store
// as it was). Incremental by default: only records new or changed since the last run are compared with the rest.
import { buildMatchRecord, MATCH_COLUMNS, needsRawFallback } from '../match/match-record.js';
import { planAssignment } from '../match/assignment.js';
import { buildCandidatePairs } from '../match/blocking.js';
import { findMatches, type FindMatchesResult, type FindMatchesStats } from '../match/pipeline.js';
import type { MatchRecord, PairScore } from '../match/types.js';
import { RecordDecoder } from '../ingest/record-decoder.js';
import { appendAudit } from '../store/audit.js';
import { CustomerWriter } from '../store/customers.js';
import { withTransaction, type Db } from '../store/db.js';
import { finishDedupeRun, lastFinishedRun, startDedupeRun } from '../store/dedupe-runs.js';
import { loadNeverMerge, type NeverMergeRules } from '../store/never-merge.js';
import { changedRecordIds, iterateColumns } from '../store/record-views.js';
import { queuePair, resolveSettledPairs } from '../store/review-pairs.js';
import { applyAssignment } from './apply-merges.js';
import { refreshAllGolden, refreshGolden } from './golden.js';

export interface DedupeOptions {
  /** Merge pairs above `upper` automatically; without it they are queued for review too. */
  auto: boolean;
  full: boolean;
  upper: number;
  lower: number;
  prefer: string[];
  dryRun: boolean;
  actor: string;
  seed: number;
  /** Called with every candidate pair (record ids), e.g. to measure blocking recall. */
  onCandidate?(a: number, b: number): void;
  /** Called after every write of the run, just before it commits (the tests crash the process here). */
  beforeCommit?(): void;
}

export interface DedupeSummary {
  mode: 'full' | 'incremental';
  dry_run: boolean;
  records: number;
  new_records: number;
  pairs_compared: number;
  blocking: Record<string, number>;
  auto_merged: number;
  records_merged: number;
  new_customers: number;
  customers: number;
  queued_for_review: number;
  vetoed: number;
  blocked_by_rules: number;
  elapsed_ms: number;
  timings: Record<string, number>;
}

/** The records as matching sees them, in record-id order. */
export function loadMatchRecords(db: Db): MatchRecord[] {
  const decoder = new RecordDecoder(db);
  const records: MatchRecord[] = [];
  for (const row of iterateColumns(db, MATCH_COLUMNS)) {
    records.push(buildMatchRecord(row.record_id, row.values, {
      source: row.source, customerId: row.customer_id, raw: needsRawFallback(row.values) ? decoder.values(row.batch_id, row.raw_text) : {},
    }));
  }
  return records;
}

/** What matching found, held only until it is written (the golden pass runs without it). */
interface Matched {
  loadMs: number;
  records: MatchRecord[];
  result: FindMatchesResult;
  rules: NeverMergeRules;
}

export async function runDedupe(db: Db, options: DedupeOptions): Promise<DedupeSummary> {
  const started = Date.now();
  const last = lastFinishedRun(db);
  const mode = options.full || !last ? 'full' : 'incremental';
  const newIds = mode === 'incremental' ? changedRecordIds(db, last!.started_at) : null;
  let matched: Matched | null = matchStore(db, options, newIds);
  const model = matched.result.model;
  const matchStats = matched.result.stats;
  // Milliseconds per stage: loading the records, then findMatches' stages, then the writes.
  const timings: Record<string, number> = { load: matched.loadMs, ...matchStats.timings };
  let lap = Date.now();
  const stage = (name: string): void => {
    const now = Date.now();
    timings[name] = now - lap;
    lap = now;
  };
  const summary: DedupeSummary = {
    mode, dry_run: options.dryRun, records: matchStats.records, new_records: newIds ? newIds.size : matchStats.records,
    pairs_compared: matchStats.pairs, blocking: matchStats.byRule, auto_merged: 0, records_merged: 0, new_customers: 0,
    customers: 0, queued_for_review: 0, vetoed: matchStats.vetoed, blocked_by_rules: 0, elapsed_ms: 0, timings,
  };

  const write = async () => {
    lap = Date.now();
    const runId = startDedupeRun(db, mode, { auto: options.auto, upper: options.upper, lower: options.lower, prefer: options.prefer, seed: options.seed }, options.actor);
    const customers = new CustomerWriter(db);
    const touched = writeMatches(db, matched!, customers, runId, options, summary);
    // Records and scored pairs are done with: let the collector reclaim them before the golden pass.
    matched = null;
    stage('assign');
    if (mode === 'full' && !last) refreshAllGolden(db, customers, { prefer: options.prefer });
    else refreshGolden(db, customers, touched, { prefer: options.prefer });
    stage('golden');
    resolveSettledPairs(db);
    summary.customers = db.prepare("SELECT count(*) FROM customers WHERE status = 'active'").pluck().get() as number;
    summary.elapsed_ms = Date.now() - started;
    finishDedupeRun(db, runId, model, { ...summary, stats: statsOf(matchStats) });
    appendAudit(db, { actor: options.actor, command: 'dedupe', action: mode === 'full' ? 'dedupe_full' : 'dedupe_incremental', details: summary });
    options.beforeCommit?.();
  };
  if (options.dryRun) {
    await withTransaction(db, async () => {
      await write();
      throw new DryRun();
    }).catch((e: unknown) => {
      if (!(e instanceof DryRun)) throw e;
    });
  } else {
    await withTransaction(db, write);
  }
  stage('commit');
  summary.elapsed_ms = Date.now() - started;
  return summary;
}

function matchStore(db: Db, options: DedupeOptions, newIds: Set<number> | null): Matched {
  const started = Date.now();
  const records = loadMatchRecords(db);
  const loadMs = Date.now() - started;
  const rules = loadNeverMerge(db);
  const result = findMatches(records, {
    upper: options.upper, lower: options.lower, seed: options.seed, cannotLink: rules.count > 0 ? rules.cannotLink : undefined,
    // Queued pairs carry their explanation; with --auto only those below --upper are queued.
    ...(newIds ? { newIds } : {}), explain: options.auto ? 'review' : 'all',
  });
  if (options.onCandidate) emitCandidates(records, newIds, options.onCandidate);
  return { loadMs, records, result, rules };
}

/** Turns clusters into customers (stable ids) and queues the uncertain pairs; returns the customers touched. */
function writeMatches(db: Db, { records, result, rules }: Matched, customers: CustomerWriter, runId: number, options: DedupeOptions, summary: DedupeSummary): Set<number> {
  const current = new Map<number, number | null>();
  const members = new Map<number, number[]>();
  for (const r of records) {
    current.set(r.id, r.customerId);
    if (r.customerId !== null) (members.get(r.customerId) ?? members.set(r.customerId, []).get(r.customerId)!).push(r.id);
  }
  const clusters = options.auto ? result.clusters.map((c) => c.map((i) => records[i]!.id)) : [];
  const plan = planAssignment({ current, clusters, members, cannotLink: rules.cannotLink });
  summary.blocked_by_rules = plan.blocked.length;
  const byPair = scoresByRecord(records, result.scored);
  const applied = applyAssignment(plan, {
    db, customers, current, members, kind: 'auto_merge', runId, actor: options.actor,
    details: (ids) => ({ pairs: pairsWithin(ids, byPair) }),
  });
  summary.auto_merged = applied.merges;
  summary.records_merged = applied.recordsMoved + plan.newCustomers.filter((g) => g.length > 1).reduce((n, g) => n + g.length, 0);
  summary.new_customers = applied.newCustomers;
  summary.queued_for_review = queueUncertain(db, records, result.scored, current, rules.cannotLink, options, runId);
  return applied.touched;
}

class DryRun extends Error {}

/** Pairs between the thresholds (and, without --auto, above them) whose records ended in different customers. */
function queueUncertain(db: Db, records: MatchRecord[], scored: PairScore[], current: Map<number, number | null>,
  cannotLink: (a: number, b: number) => boolean, options: DedupeOptions, runId: number): number {
  let queued = 0;
  for (const s of scored) {
    if (s.veto || s.probability < options.lower) continue;
    const a = records[s.a]!.id;
    const b = records[s.b]!.id;
    if (current.get(a) === current.get(b) || cannotLink(a, b)) continue;
    queuePair(db, { a, b, probability: s.probability, weight: s.weight, explanation: s.contributions, runId });
    queued++;
  }
  return queued;
}

function scoresByRecord(records: MatchRecord[], scored: PairScore[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of scored) out.set(`${records[s.a]!.id}:${records[s.b]!.id}`, Math.round(s.probability * 1e4) / 1e4);
  return out;
}

/** The scored pairs inside one merged group, for the merge event (what the merge was based on). */
function pairsWithin(ids: number[], byPair: Map<string, number>): [number, number, number][] {
  const sorted = [...ids].sort((x, y) => x - y);
  const out: [number, number, number][] = [];
  for (let i = 0; i < sorted.length && out.length < 50; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const p = byPair.get(`${sorted[i]}:${sorted[j]}`);
      if (p !== undefined) out.push([sorted[i]!, sorted[j]!, p]);
    }
  }
  return out;
}

function emitCandidates(records: MatchRecord[], newIds: Set<number> | null, emit: (a: number, b: number) => void): void {
  let touching: Uint8Array | undefined;
  if (newIds) {
    touching = new Uint8Array(records.length);
    records.forEach((r, i) => (touching![i] = newIds.has(r.id) ? 1 : 0));
  }
  const { pairs } = buildCandidatePairs(records, { touching });
  for (let k = 0; k < pairs.length; k++) emit(records[pairs.a[k]!]!.id, records[pairs.b[k]!]!.id);
}

function statsOf(s: FindMatchesStats): unknown {
  return { pairs: s.pairs, byRule: s.byRule, vetoed: s.vetoed, clustering: s.clustering, timings: s.timings };
}

