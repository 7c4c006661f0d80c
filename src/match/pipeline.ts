// The dedupe pipeline, one call: blocking -> comparison vectors -> model (u by random sampling, m and λ by EM)
// -> weights (term-frequency adjusted, vetoes) -> clustering. Pure: records in, scored pairs and clusters out.
//
// Thresholds are match probabilities: pairs at or above `upper` are merged automatically (through clustering,
// which may still keep a weakly linked record apart); pairs from `lower` up are returned for review with their
// waterfall. Incremental runs (`newIds`): only pairs touching a new or changed record are made and scored; the
// model is re-estimated from a random sample of records plus the new ones unless one is given. `cannotLink`
// takes record ids (MatchRecord.id): such pairs never end up in one cluster.
import { buildCandidatePairs, type BlockingOptions, type BlockingStats } from './blocking.js';
import { clusterPairs, type ClusterStats } from './clustering.js';
import { DEFAULT_COMPARISONS } from './comparisons.js';
import {
  buildTermFrequencies, compareCandidatePairs, estimateModel, makeScorer, pairWeight, scorePair, scoreVectors,
  seededRandom, weightOf,
} from './scoring.js';
import type { CandidatePairs, Cluster, Comparison, MatchModel, MatchRecord, PairScore } from './types.js';

export interface FindMatchesOptions {
  /** Auto-merge threshold, a match probability (default 0.95). */
  upper?: number;
  /** Review threshold (default 0.60). */
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
  /** Random pairs for u (default 1,000,000). */
  uPairs?: number;
  /** Records sampled to re-estimate the model in an incremental run (default 50,000). */
  incrementalSample?: number;
  /** Which scored pairs carry their contributions: all (default), those below upper, or none. */
  explain?: 'all' | 'review' | 'none';
  maxComponentSize?: number;
  clamp?: number;
}

export interface FindMatchesStats {
  records: number;
  /** Candidate pairs compared. */
  pairs: number;
  byRule: Record<string, number>;
  blocking: BlockingStats[];
  vetoed: number;
  clustering: ClusterStats;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export interface FindMatchesResult {
  model: MatchModel;
  /** Pairs with probability >= lower, and vetoed pairs whose evidence alone would reach lower; by (a, b). */
  scored: PairScore[];
  /** Groups of record indexes (two or more) judged one customer at `upper`. */
  clusters: Cluster[];
  stats: FindMatchesStats;
}

export const DEFAULT_UPPER = 0.95;
export const DEFAULT_LOWER = 0.6;

/** The pairs whose index k passes `keep`. */
function selectPairs(pairs: CandidatePairs, keep: (k: number) => boolean): CandidatePairs {
  const idx: number[] = [];
  for (let k = 0; k < pairs.length; k++) if (keep(k)) idx.push(k);
  const a = new Uint32Array(idx.length);
  const b = new Uint32Array(idx.length);
  const rule = new Uint8Array(idx.length);
  idx.forEach((k, i) => {
    a[i] = pairs.a[k]!;
    b[i] = pairs.b[k]!;
    rule[i] = pairs.rule[k]!;
  });
  return { a, b, rule, length: idx.length, rules: pairs.rules };
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
  let pairs = blocked.pairs;
  lap('blocking');
  const tf = buildTermFrequencies(records, comparisons);
  lap('termFrequencies');
  let vectors = compareCandidatePairs(records, pairs, comparisons);
  lap('comparisons');
  const model = options.model ?? estimateModel(records, pairs, comparisons, { seed, vectors, totalPairs, uPairs: options.uPairs });
  lap('estimation');
  if (isNew && touching !== isNew) {
    const keepNew = isNew;
    const C = comparisons.length;
    const idx: number[] = [];
    for (let k = 0; k < pairs.length; k++) if (keepNew[pairs.a[k]!] || keepNew[pairs.b[k]!]) idx.push(k);
    const kept = new Uint8Array(idx.length * C);
    idx.forEach((k, i) => kept.set(vectors.subarray(k * C, k * C + C), i * C));
    const keepSet = new Uint8Array(pairs.length);
    for (const k of idx) keepSet[k] = 1;
    pairs = selectPairs(pairs, (k) => keepSet[k] === 1);
    vectors = kept;
  }

  const scorer = makeScorer(model, tf, comparisons);
  const vetoed = new Uint8Array(pairs.length);
  const weights = scoreVectors(records, pairs, vectors, scorer, vetoed);
  lap('scoring');

  const cannot = options.cannotLink;
  const weigh = (i: number, j: number): number => {
    if (cannot && cannot(records[i]!.id, records[j]!.id)) return -Infinity;
    return pairWeight(records, i, j, scorer);
  };
  const clusterStats: ClusterStats = { components: 0, largestComponent: 0, splitComponents: 0, pairsWeighed: 0 };
  // Clustering sees vetoed pairs as -Infinity (never together).
  const edgeWeights = weights.map((w, k) => (vetoed[k] ? -Infinity : w));
  const clusters = clusterPairs(n, { a: pairs.a, b: pairs.b, weight: edgeWeights, length: pairs.length }, upper, {
    pairWeight: weigh, maxComponentSize: options.maxComponentSize, clamp: options.clamp,
  }, clusterStats);
  lap('clustering');

  const lowerWeight = weightOf(lower);
  const upperWeight = weightOf(upper);
  const explain = options.explain ?? 'all';
  const scored: PairScore[] = [];
  let vetoCount = 0;
  for (let k = 0; k < pairs.length; k++) {
    const w = weights[k]!;
    if (vetoed[k]) vetoCount++;
    if (w < lowerWeight) continue;
    const a = pairs.a[k]!;
    const b = pairs.b[k]!;
    if (vetoed[k]) {
      // A vetoed pair is kept when its evidence alone would have reached review: the steward sees why not.
      const s = scorePair(records, a, b, model, tf, comparisons, scorer);
      scored.push(explain === 'none' ? { ...s, contributions: [] } : s);
      continue;
    }
    if (explain === 'all' || (explain === 'review' && w < upperWeight)) {
      scored.push(scorePair(records, a, b, model, tf, comparisons, scorer));
    } else {
      scored.push({ a, b, weight: w, probability: 1 / (1 + 2 ** -w), contributions: [], veto: null });
    }
  }
  lap('output');

  return {
    model,
    scored,
    clusters,
    stats: { records: n, pairs: pairs.length, byRule: blocked.byRule, blocking: blocked.stats, vetoed: vetoCount, clustering: clusterStats, timings },
  };
}
