// The dedupe pipeline, one call: blocking -> vetoes -> comparison vectors -> model (u by random sampling, m and λ
// by EM) -> weights (term-frequency adjusted) -> clustering. Pure: records in, scored pairs and clusters out.
//
// Thresholds are match probabilities: pairs at or above `upper` are merged automatically (through clustering,
// which may still keep a weakly linked record apart); pairs from `lower` up are returned for review with their
// waterfall (pairs at or above `upper` carry it only with explain: 'all'; scorePair explains any pair later).
// Vetoed pairs (hard evidence against) are set aside before comparison; the few that look like one customer (a
// branch and its head office, one name in one place with two valid USCCs) are returned with their veto.
// Incremental runs (`newIds`): only pairs touching a new or changed record are made and scored; the model is
// re-estimated from a random sample of records plus the new ones unless one is given (then byRule also counts the
// sample's pairs). `cannotLink` takes record ids (MatchRecord.id): such pairs never end up in one cluster.
import { buildCandidatePairs, type BlockingOptions, type BlockingStats } from './blocking.js';
import { clusterPairs, type ClusterStats } from './clustering.js';
import { compareRegionCodes, DEFAULT_COMPARISONS } from './comparisons.js';
import {
  buildTermFrequencies, buildVetoIndex, compareCandidatePairs, estimateModel, makeScorer, pairWeight, probabilityOf,
  scorePair, scoreVectors, seededRandom, vetoAt, weightOf, type VetoReason,
} from './scoring.js';
import type { CandidatePairs, Cluster, Comparison, MatchModel, MatchRecord, PairScore } from './types.js';

export interface FindMatchesOptions {
  /** Auto-merge threshold, a match probability (default 0.9, see DEFAULT_UPPER). */
  upper?: number;
  /** Review threshold (default 0.6). */
  lower?: number;
  /** Ids (MatchRecord.id) of new or changed records: only pairs touching one are compared. */
  newIds?: ReadonlySet<number>;
  seed?: number;
  /** A steward's never-merge rule, by record id. */
  cannotLink?: (a: number, b: number) => boolean;
  /** A model from an earlier run: skips estimation. */
  model?: MatchModel;
  comparisons?: readonly Comparison[];
  blocking?: Omit<BlockingOptions, 'touching'>;
  /** Random pairs for u (default one per record, at least 200,000, at most 500,000). */
  uPairs?: number;
  /** Records sampled to re-estimate the model in an incremental run (default 50,000). */
  incrementalSample?: number;
  /**
   * Which scored pairs carry their contributions: 'review' (default: those below upper, which a steward reads;
   * explain any other pair with scorePair), 'all', or 'none'.
   */
  explain?: 'all' | 'review' | 'none';
  maxComponentSize?: number;
  clamp?: number;
}

export interface FindMatchesStats {
  records: number;
  /** Candidate pairs compared (blocked pairs less the vetoed ones; in an incremental run, those touching new records). */
  pairs: number;
  /** Blocked pairs by the first rule that proposed them (vetoed ones included). */
  byRule: Record<string, number>;
  blocking: BlockingStats[];
  /** Blocked pairs vetoed before comparison (different valid USCCs or ID numbers, branch against head office). */
  vetoed: number;
  clustering: ClusterStats;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export interface FindMatchesResult {
  model: MatchModel;
  /** Pairs with probability >= lower, and vetoed look-alikes whose evidence alone would reach lower; by (a, b). */
  scored: PairScore[];
  /** Groups of record indexes (two or more) judged one customer at `upper`. */
  clusters: Cluster[];
  stats: FindMatchesStats;
}

/**
 * Default thresholds, tuned on the labelled sets (FEBRL1/3, Splink fake_1000 and historical_50k, Fodor's/Zagat,
 * a synthetic Chinese company set). Auto-merge at 0.9: cluster precision stays >= 0.989 on every set (the same
 * as at 0.95) while recall gains 1-3 points; below 0.9 precision starts to slip (restaurants 0.979 at 0.8).
 * Review from 0.6: pairs between 0.6 and 0.9 are true matches 73-92% of the time (restaurants: 5 of 10); from
 * 0.5 down, half or less on the person sets.
 */
export const DEFAULT_UPPER = 0.9;
export const DEFAULT_LOWER = 0.6;

/** The pairs k with keep[k] === 1. */
function selectPairs(pairs: CandidatePairs, keep: Uint8Array): CandidatePairs {
  let count = 0;
  for (let k = 0; k < pairs.length; k++) count += keep[k]!;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  const rule = new Uint8Array(count);
  let w = 0;
  for (let k = 0; k < pairs.length; k++) {
    if (keep[k] !== 1) continue;
    a[w] = pairs.a[k]!;
    b[w] = pairs.b[k]!;
    rule[w++] = pairs.rule[k]!;
  }
  return { a, b, rule, length: count, rules: pairs.rules };
}

/**
 * A vetoed pair is worth showing a steward when it looks like one customer: a branch and its head office (or two
 * branches), or the same name core in the same place with two valid, different USCCs (or ID numbers).
 */
function worthReporting(reason: VetoReason, a: MatchRecord, b: MatchRecord): boolean {
  if (reason === 'branch_vs_head_office' || reason === 'different_branches') return true;
  if (a.nameCore === null || a.nameCore !== b.nameCore) return false;
  return a.regionCode !== null && b.regionCode !== null && compareRegionCodes(a.regionCode, b.regionCode) <= 3;
}

export function findMatches(records: readonly MatchRecord[], options: FindMatchesOptions = {}): FindMatchesResult {
  const upper = options.upper ?? DEFAULT_UPPER;
  const lower = options.lower ?? DEFAULT_LOWER;
  if (!(lower > 0 && lower <= upper && upper < 1)) throw new RangeError(`thresholds must satisfy 0 < lower <= upper < 1: ${lower}, ${upper}`);
  const comparisons = options.comparisons ?? DEFAULT_COMPARISONS;
  const seed = options.seed ?? 42;
  const n = records.length;
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string): void => {
    const now = performance.now();
    timings[stage] = Math.round(now - t);
    t = now;
  };

  // Incremental: flag the new records, and (to estimate a model) a random sample of the others.
  let isNew: Uint8Array | null = null;
  let touching: Uint8Array | undefined;
  let totalPairs = (n * (n - 1)) / 2;
  if (options.newIds) {
    isNew = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (options.newIds.has(records[i]!.id)) isNew[i] = 1;
    touching = isNew;
    if (!options.model) {
      touching = isNew.slice();
      const rand = seededRandom(seed ^ 0x5eed);
      const want = Math.min(n, options.incrementalSample ?? 50_000);
      for (let i = 0; i < n; i++) if (rand() * n < want) touching[i] = 1;
    }
    let t1 = 0;
    for (let i = 0; i < n; i++) t1 += touching[i]!;
    totalPairs = t1 * (n - t1) + (t1 * (t1 - 1)) / 2;
  }

  const blocked = buildCandidatePairs(records, { ...options.blocking, touching });
  lap('blocking');

  // Vetoed pairs are known non-matches: they are neither compared nor used to estimate the model (which also keeps
  // namesakes with their own USCC out of EM's match class). The few that look like one customer are set aside to
  // be reported with their evidence.
  const keep = new Uint8Array(blocked.pairs.length);
  let vetoCount = 0;
  let reportable: number[] = [];
  const vetoes = buildVetoIndex(records);
  for (let k = 0; k < blocked.pairs.length; k++) {
    const reason = vetoAt(vetoes, blocked.pairs.a[k]!, blocked.pairs.b[k]!);
    if (reason === null) keep[k] = 1;
    else {
      vetoCount++;
      if (worthReporting(reason, records[blocked.pairs.a[k]!]!, records[blocked.pairs.b[k]!]!)) reportable.push(k);
    }
  }
  let pairs = selectPairs(blocked.pairs, keep);
  lap('vetoes');
  const tf = buildTermFrequencies(records, comparisons);
  lap('termFrequencies');
  let vectors = compareCandidatePairs(records, pairs, comparisons);
  lap('comparisons');
  const model = options.model ?? estimateModel(records, pairs, comparisons, { seed, vectors, totalPairs, uPairs: options.uPairs });
  lap('estimation');
  if (isNew && touching !== isNew) {
    // The sample only served estimation: from here on, only pairs touching a new record.
    const C = comparisons.length;
    const keepNew = new Uint8Array(pairs.length);
    let kept = 0;
    for (let k = 0; k < pairs.length; k++) {
      if (isNew[pairs.a[k]!] || isNew[pairs.b[k]!]) {
        keepNew[k] = 1;
        kept++;
      }
    }
    const keptVectors = new Uint8Array(kept * C);
    for (let k = 0, w = 0; k < pairs.length; k++) if (keepNew[k]) keptVectors.set(vectors.subarray(k * C, k * C + C), C * w++);
    pairs = selectPairs(pairs, keepNew);
    vectors = keptVectors;
    const all = blocked.pairs;
    reportable = reportable.filter((k) => isNew![all.a[k]!] === 1 || isNew![all.b[k]!] === 1);
  }

  const scorer = makeScorer(model, tf, comparisons);
  const weights = scoreVectors(records, pairs, vectors, scorer);
  lap('scoring');

  const cannot = options.cannotLink;
  const weigh = (i: number, j: number): number => {
    if (cannot && cannot(records[i]!.id, records[j]!.id)) return -Infinity;
    return pairWeight(records, i, j, scorer);
  };
  const clusterStats: ClusterStats = { components: 0, largestComponent: 0, splitComponents: 0, pairsWeighed: 0 };
  const clusters = clusterPairs(n, { a: pairs.a, b: pairs.b, weight: weights, length: pairs.length }, upper, {
    pairWeight: weigh, maxComponentSize: options.maxComponentSize, clamp: options.clamp,
  }, clusterStats);
  lap('clustering');

  const lowerWeight = weightOf(lower);
  const upperWeight = weightOf(upper);
  const explain = options.explain ?? 'review';
  const scored: PairScore[] = [];
  for (let k = 0; k < pairs.length; k++) {
    const w = weights[k]!;
    if (w < lowerWeight) continue;
    const a = pairs.a[k]!;
    const b = pairs.b[k]!;
    if (explain === 'all' || (explain === 'review' && w < upperWeight)) {
      scored.push(scorePair(records, a, b, model, tf, comparisons, scorer));
    } else {
      scored.push({ a, b, weight: w, probability: probabilityOf(w), contributions: [], veto: null });
    }
  }
  // Vetoed look-alikes whose evidence alone would reach review: the steward sees why they stay apart.
  let vetoShown = 0;
  for (const k of reportable) {
    const s = scorePair(records, blocked.pairs.a[k]!, blocked.pairs.b[k]!, model, tf, comparisons, scorer);
    if (s.weight < lowerWeight) continue;
    scored.push(explain === 'none' ? { ...s, contributions: [] } : s);
    vetoShown++;
  }
  if (vetoShown > 0) scored.sort((x, y) => x.a - y.a || x.b - y.b);
  lap('output');

  return {
    model,
    scored,
    clusters,
    stats: { records: n, pairs: pairs.length, byRule: blocked.byRule, blocking: blocked.stats, vetoed: vetoCount, clustering: clusterStats, timings },
  };
}
