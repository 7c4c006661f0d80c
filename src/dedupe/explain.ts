// Why two records do or do not match: every comparison's contribution to the score (the waterfall).
import { findMatches } from '../match/pipeline.js';
import { buildTermFrequencies, scorePair } from '../match/scoring.js';
import type { MatchModel, PairScore } from '../match/types.js';
import { CrmError, UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { lastFinishedRun } from '../store/dedupe-runs.js';
import { loadMatchRecords } from './run-dedupe.js';

export interface Explanation extends PairScore {
  left: { record_id: number; source: string; name: string | null };
  right: { record_id: number; source: string; name: string | null };
  /** Where the model came from: the last dedupe run, or fitted now because there was none. */
  model_from: string;
}

/** A record by id ("42") or by "source:source_id" ("u8:U0001"). */
export function resolveRecordRef(db: Db, ref: string): number {
  if (/^\d+$/.test(ref)) {
    if (db.prepare('SELECT 1 FROM source_records WHERE record_id = ?').get(Number(ref))) return Number(ref);
    throw new CrmError(`no record ${ref}`);
  }
  const colon = ref.indexOf(':');
  if (colon <= 0) throw new UsageError(`a record is a record id or source:source_id, got ${JSON.stringify(ref)}`);
  const ids = db
    .prepare('SELECT record_id FROM source_records WHERE source = ? AND source_id = ? ORDER BY record_id')
    .pluck()
    .all(ref.slice(0, colon), ref.slice(colon + 1)) as number[];
  if (ids.length === 0) throw new CrmError(`no record ${ref}`);
  if (ids.length > 1) throw new CrmError(`${ref} names ${ids.length} records (ids ${ids.join(', ')}); use a record id`);
  return ids[0]!;
}

export function explainPair(db: Db, refA: string, refB: string): Explanation {
  const idA = resolveRecordRef(db, refA);
  const idB = resolveRecordRef(db, refB);
  if (idA === idB) throw new UsageError('name two different records');
  const records = loadMatchRecords(db);
  const a = records.findIndex((r) => r.id === idA);
  const b = records.findIndex((r) => r.id === idB);
  if (a < 0 || b < 0) throw new CrmError('both records need normalized values: run `crm normalize`');
  const last = lastFinishedRun(db);
  let model: MatchModel;
  let from: string;
  if (last?.model_json) {
    model = JSON.parse(last.model_json) as MatchModel;
    from = `dedupe run ${last.id}`;
  } else {
    model = findMatches(records, { explain: 'none' }).model;
    from = 'fitted now (no dedupe run yet)';
  }
  const score = scorePair(records, a, b, model, buildTermFrequencies(records));
  const [l, r] = score.a === a ? [records[a]!, records[b]!] : [records[b]!, records[a]!];
  return {
    ...score,
    left: { record_id: l.id, source: l.source, name: l.name },
    right: { record_id: r.id, source: r.source, name: r.name },
    model_from: from,
  };
}
