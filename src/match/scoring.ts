// Scoring: Fellegi–Sunter match weights, estimated without labels, as Splink does.
//
//   u  P(level | non-match): from random pairs of records (seeded, so a run is reproducible); all pairs when
//      there are few enough. Random pairs are almost all non-matches.
//   m  P(level | match): expectation–maximisation over the candidate pairs' comparison vectors (aggregated into
//      distinct patterns, so each iteration costs the number of patterns, not pairs). During EM both m and the
//      candidate pairs' own u are free: candidate non-matches are not random pairs (namesakes share a block), and
//      letting EM model them keeps m from absorbing them. Only m is kept; u stays the random-pair estimate.
//   λ  the prior: EM's expected number of matches among the candidates, over all n(n-1)/2 pairs (blocking is
//      assumed to miss few matches), so probabilities are those of a random pair, as in Splink.
//
// A pair's weight = log2(λ/(1-λ)) + Σ log2(m/u) over its comparisons (missing = 0); a level-1 (exact) weight is
// raised to the best of its comparison's other levels when EM left it below. Term-frequency adjustment:
// at a comparison's tf levels, u is replaced by the frequency of the agreed value (Splink's formula), so 王伟 or
// 新华书店 count for less than a rare name, and a switchboard shared by 40 records for less than a mobile.
// Vetoes override the evidence: two different valid USCCs (or valid ID numbers), a branch against its head office,
// two different branches of one company. A vetoed pair has probability 0 whatever its weight.
import { DEFAULT_COMPARISONS, displayValue } from './comparisons.js';
import type { CandidatePairs, Comparison, Contribution, MatchModel, MatchRecord, PairScore } from './types.js';

// ------------------------------------------------------------------------------------------------ PRNG

/** mulberry32: a small, fast, seedable PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------------------------------------ term frequencies

/** Per comparison (same order as the list): value -> count among the non-null values, or null (no TF). */
export interface TermFrequencies {
  tables: (Map<string, number> | null)[];
  /** Values counted per comparison (a value's frequency is its count over this). */
  totals: number[];
}

/** The frequency of a value on comparison ci (an unseen value counts as seen once). */
export function termFrequency(tf: TermFrequencies, ci: number, value: string): number {
  const total = tf.totals[ci]!;
  return total > 0 ? (tf.tables[ci]?.get(value) ?? 1) / total : NaN;
}

export function buildTermFrequencies(records: readonly MatchRecord[], comparisons: readonly Comparison[] = DEFAULT_COMPARISONS): TermFrequencies {
  const tables: (Map<string, number> | null)[] = [];
  const totals: number[] = [];
  for (const c of comparisons) {
    if (!c.tfValue && !c.tfValues) {
      tables.push(null);
      totals.push(0);
      continue;
    }
    const counts = new Map<string, number>();
    let total = 0;
    for (const r of records) {
      if (c.tfValues) {
        for (const v of c.tfValues(r)) {
          counts.set(v, (counts.get(v) ?? 0) + 1);
          total++;
        }
      } else {
        const v = c.tfValue!(r);
        if (v === null) continue;
        counts.set(v, (counts.get(v) ?? 0) + 1);
        total++;
      }
    }
    tables.push(counts);
    totals.push(total);
  }
  return { tables, totals };
}

/** The frequency tempering a pair's agreement on comparison ci, or NaN when TF does not apply. */
function pairFrequency(c: Comparison, ci: number, tf: TermFrequencies, a: MatchRecord, b: MatchRecord): number {
  const table = tf.tables[ci];
  const total = tf.totals[ci]!;
  if (!table || total === 0) return NaN;
  if (c.tfShared) {
    let best = NaN;
    for (const v of c.tfShared(a, b)) {
      const f = (table.get(v) ?? 1) / total;
      if (!(f >= best)) best = f;
    }
    return best;
  }
  const va = c.tfValue?.(a) ?? null;
  const vb = c.tfValue?.(b) ?? null;
  const fa = va === null ? NaN : (table.get(va) ?? 1) / total;
  const fb = vb === null ? NaN : (table.get(vb) ?? 1) / total;
  if (Number.isNaN(fa)) return fb;
  if (Number.isNaN(fb)) return fa;
  return Math.max(fa, fb);
}

// ------------------------------------------------------------------------------------------------ vetoes

export const VETO_REASONS = ['different_uscc', 'different_id_number', 'branch_vs_head_office', 'different_branches'] as const;
export type VetoReason = (typeof VETO_REASONS)[number];

const branchKey = (s: string): string => s.replace(/[\s省市区县()]/g, '');

const BRANCH_WORD = /(?:分公司|分行|支行|分理处|办事处|代表处|联络处|营业部|营业所|分店|分部|分厂|分所|分院|分社|分中心|门店|Branch|Office)$/iu;

/** The place a branch is named after: 郑州分公司 -> 郑州 ('' when it has none). */
function branchPlace(branch: string): string {
  return branch.replace(BRANCH_WORD, '').replace(/[\s省市区县()]/g, '').trim();
}

/** Hard evidence that two records are never one customer, or null. */
export function vetoReason(a: MatchRecord, b: MatchRecord): VetoReason | null {
  if (a.usccValid && b.usccValid && a.uscc !== null && b.uscc !== null && a.uscc !== b.uscc) return 'different_uscc';
  if (a.idValid && b.idValid && a.idNumber !== null && b.idNumber !== null && a.idNumber !== b.idNumber) return 'different_id_number';
  const ba = a.branch;
  const bb = b.branch;
  if (ba !== bb) {
    if (ba === null || bb === null) {
      // Only a branch of that company against it: a branch and an unrelated record are just different names.
      // A record named after the branch's own place (维铭商贸(郑州)有限公司 against 广州维铭商贸有限公司郑州分公司) is
      // the branch written without its suffix, not the head office.
      const branch = ba === null ? b : a;
      const other = ba === null ? a : b;
      if (other.type !== 'individual' && other.nameCore !== null && other.nameCore === branch.nameCore) {
        const place = branchPlace(branch.branch!);
        if (place.length >= 2 && other.name !== null && other.name.includes(place)) return null;
        return 'branch_vs_head_office';
      }
    } else if (branchKey(ba) !== branchKey(bb)) return 'different_branches';
  }
  return null;
}

/** The veto-relevant values of every record, interned to integers: vetoes of millions of pairs, fast. */
export interface VetoIndex {
  records: readonly MatchRecord[];
  /** Per record: id of its valid USCC / valid ID number / branch (as compared), or -1. */
  uscc: Int32Array;
  idNumber: Int32Array;
  branch: Int32Array;
}

export function buildVetoIndex(records: readonly MatchRecord[]): VetoIndex {
  const n = records.length;
  const ids = { uscc: new Map<string, number>(), idNumber: new Map<string, number>(), branch: new Map<string, number>() };
  const intern = (map: Map<string, number>, v: string): number => {
    let id = map.get(v);
    if (id === undefined) map.set(v, (id = map.size));
    return id;
  };
  const index: VetoIndex = { records, uscc: new Int32Array(n).fill(-1), idNumber: new Int32Array(n).fill(-1), branch: new Int32Array(n).fill(-1) };
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.usccValid && r.uscc !== null) index.uscc[i] = intern(ids.uscc, r.uscc);
    if (r.idValid && r.idNumber !== null) index.idNumber[i] = intern(ids.idNumber, r.idNumber);
    if (r.branch !== null) index.branch[i] = intern(ids.branch, branchKey(r.branch));
  }
  return index;
}

/** vetoReason for records i and j of an index (same answers, without touching the records in the common case). */
export function vetoAt(index: VetoIndex, i: number, j: number): VetoReason | null {
  const ui = index.uscc[i]!;
  const uj = index.uscc[j]!;
  if (ui >= 0 && uj >= 0 && ui !== uj) return 'different_uscc';
  const di = index.idNumber[i]!;
  const dj = index.idNumber[j]!;
  if (di >= 0 && dj >= 0 && di !== dj) return 'different_id_number';
  const bi = index.branch[i]!;
  const bj = index.branch[j]!;
  if (bi === bj) return null;
  if (bi >= 0 && bj >= 0) return 'different_branches';
  return vetoReason(index.records[i]!, index.records[j]!);
}

// ------------------------------------------------------------------------------------------------ comparison vectors

/** Levels of every candidate pair: vectors[k * C + c] is pair k's level on comparison c. */
export function compareCandidatePairs(
  records: readonly MatchRecord[],
  pairs: CandidatePairs,
  comparisons: readonly Comparison[] = DEFAULT_COMPARISONS,
): Uint8Array {
  const C = comparisons.length;
  const out = new Uint8Array(pairs.length * C);
  const fns = comparisons.map((c) => c.compare.bind(c));
  for (let k = 0; k < pairs.length; k++) {
    const ra = records[pairs.a[k]!]!;
    const rb = records[pairs.b[k]!]!;
    const base = k * C;
    for (let c = 0; c < C; c++) out[base + c] = fns[c]!(ra, rb);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ u by random sampling

export interface UEstimate {
  u: number[][];
  pairs: number;
}

/** u from random pairs (all pairs when n(n-1)/2 <= maxPairs). Levels never seen get a small pseudo-count. */
export function estimateU(
  records: readonly MatchRecord[],
  comparisons: readonly Comparison[] = DEFAULT_COMPARISONS,
  options: { seed?: number; maxPairs?: number } = {},
): UEstimate {
  const n = records.length;
  const maxPairs = options.maxPairs ?? 1_000_000;
  const C = comparisons.length;
  const counts = comparisons.map((c) => new Float64Array(c.levels.length));
  const fns = comparisons.map((c) => c.compare.bind(c));
  const tally = (ra: MatchRecord, rb: MatchRecord): void => {
    for (let c = 0; c < C; c++) counts[c]![fns[c]!(ra, rb)]!++;
  };
  let sampled = 0;
  if ((n * (n - 1)) / 2 <= maxPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) tally(records[i]!, records[j]!);
    sampled = (n * (n - 1)) / 2;
  } else {
    const rand = seededRandom(options.seed ?? 42);
    for (let k = 0; k < maxPairs; k++) {
      const i = Math.floor(rand() * n);
      let j = Math.floor(rand() * (n - 1));
      if (j >= i) j++;
      tally(records[i]!, records[j]!);
    }
    sampled = maxPairs;
  }
  const u = counts.map((levelCounts) => normalizeLevels(levelCounts, 1));
  return { u, pairs: sampled };
}

/** Level 0 (missing) gets 0; the others their share of the non-missing count, with `pseudo` spread over them. */
function normalizeLevels(counts: Float64Array, pseudo: number): number[] {
  const L = counts.length;
  let total = 0;
  for (let l = 1; l < L; l++) total += counts[l]!;
  const out = [0];
  for (let l = 1; l < L; l++) out.push((counts[l]! + pseudo / (L - 1)) / (total + pseudo));
  return out;
}

// ------------------------------------------------------------------------------------------------ m by EM

interface Patterns {
  levels: Uint8Array; // P * C
  counts: Float64Array;
  size: number;
  /** 1 = the pattern's pairs are vetoed: known non-matches, whatever their levels. */
  vetoed: Uint8Array;
}

function aggregatePatterns(vectors: Uint8Array, C: number, radix: number[], vetoed: Uint8Array | null): Patterns {
  const index = new Map<number, number>();
  const firstAt: number[] = [];
  const counts: number[] = [];
  const pairs = vectors.length / C;
  for (let k = 0; k < pairs; k++) {
    let code = vetoed ? vetoed[k]! : 0;
    const base = k * C;
    for (let c = 0; c < C; c++) code = code * radix[c]! + vectors[base + c]!;
    const p = index.get(code);
    if (p === undefined) {
      index.set(code, counts.length);
      firstAt.push(k);
      counts.push(1);
    } else counts[p]!++;
  }
  const size = counts.length;
  const levels = new Uint8Array(size * C);
  const known = new Uint8Array(size);
  for (let p = 0; p < size; p++) {
    levels.set(vectors.subarray(firstAt[p]! * C, firstAt[p]! * C + C), p * C);
    if (vetoed) known[p] = vetoed[firstAt[p]!]!;
  }
  return { levels, counts: Float64Array.from(counts), size, vetoed: known };
}

export interface EmResult {
  m: number[][];
  /** u of the candidate population (not kept in the model). */
  uCandidates: number[][];
  lambda: number;
  expectedMatches: number;
  iterations: number;
}

/** Initial m: agreeing levels share 0.9 (the first most), the others 0.1. */
function initialM(c: Comparison): number[] {
  const agree = c.levels.map((l, i) => i > 0 && l.agrees);
  const nAgree = agree.filter(Boolean).length;
  const nOther = c.levels.length - 1 - nAgree;
  const out = [0];
  let rank = 0;
  const weights = Array.from({ length: nAgree }, (_, i) => 2 ** -i);
  const wsum = weights.reduce((s, w) => s + w, 0);
  for (let l = 1; l < c.levels.length; l++) {
    if (agree[l]) out.push((0.9 * weights[rank++]!) / wsum);
    else out.push(nOther > 0 ? 0.1 / nOther : 0);
  }
  if (nOther === 0) for (let l = 1; l < out.length; l++) out[l]! /= 0.9;
  return out;
}

/**
 * EM over comparison vectors. `vetoed` (per pair, optional) marks known non-matches: their posterior is fixed at
 * 0, which anchors the match class on entities rather than on whatever agrees most (namesakes share a name core,
 * and a free EM happily calls every same-name pair a match).
 */
export function expectationMaximisation(
  vectors: Uint8Array,
  comparisons: readonly Comparison[],
  uStart: number[][],
  options: { maxIterations?: number; tolerance?: number; lambdaStart?: number; vetoed?: Uint8Array } = {},
): EmResult {
  const C = comparisons.length;
  const radix = comparisons.map((c) => c.levels.length);
  const pat = aggregatePatterns(vectors, C, radix, options.vetoed ?? null);
  const total = vectors.length / C;
  let m = comparisons.map(initialM);
  let uc = uStart.map((row) => row.slice());
  let lambda = options.lambdaStart ?? 0.1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  const post = new Float64Array(pat.size);
  let iterations = 0;
  let expected = 0;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    // E-step
    const logM = m.map((row) => row.map((v) => Math.log(Math.max(v, 1e-300))));
    const logU = uc.map((row) => row.map((v) => Math.log(Math.max(v, 1e-300))));
    const logPrior = Math.log(lambda / (1 - lambda));
    for (let p = 0; p < pat.size; p++) {
      if (pat.vetoed[p]) {
        post[p] = 0;
        continue;
      }
      let s = logPrior;
      const base = p * C;
      for (let c = 0; c < C; c++) {
        const l = pat.levels[base + c]!;
        if (l !== 0) s += logM[c]![l]! - logU[c]![l]!;
      }
      post[p] = s > 30 ? 1 : s < -30 ? 0 : 1 / (1 + Math.exp(-s));
    }
    // M-step
    const mCounts = radix.map((L) => new Float64Array(L));
    const uCounts = radix.map((L) => new Float64Array(L));
    expected = 0;
    for (let p = 0; p < pat.size; p++) {
      const w = post[p]! * pat.counts[p]!;
      const wn = pat.counts[p]! - w;
      expected += w;
      const base = p * C;
      for (let c = 0; c < C; c++) {
        const l = pat.levels[base + c]!;
        mCounts[c]![l]! += w;
        uCounts[c]![l]! += wn;
      }
    }
    const nextM = mCounts.map((row) => normalizeLevels(row, 1));
    const nextU = uCounts.map((row) => normalizeLevels(row, 1));
    const nextLambda = Math.min(0.999, Math.max(1e-9, expected / total));
    let change = Math.abs(nextLambda - lambda);
    for (let c = 0; c < C; c++) {
      for (let l = 1; l < radix[c]!; l++) change = Math.max(change, Math.abs(nextM[c]![l]! - m[c]![l]!));
    }
    m = nextM;
    uc = nextU;
    lambda = nextLambda;
    if (change < tolerance) break;
  }
  return { m, uCandidates: uc, lambda, expectedMatches: expected, iterations };
}

// ------------------------------------------------------------------------------------------------ the model

export interface EstimateOptions {
  seed?: number;
  /** Random pairs for u (default one per record, at least 200,000, at most 500,000). */
  uPairs?: number;
  /** The candidate pairs' comparison vectors, when already computed. */
  vectors?: Uint8Array;
  /** Pairs the candidates were drawn from (default n(n-1)/2): the denominator of the prior. */
  totalPairs?: number;
  maxIterations?: number;
}

export function estimateModel(
  records: readonly MatchRecord[],
  pairs: CandidatePairs,
  comparisons: readonly Comparison[] = DEFAULT_COMPARISONS,
  options: EstimateOptions = {},
): MatchModel {
  const n = records.length;
  const uPairs = options.uPairs ?? Math.min(500_000, Math.max(200_000, n));
  const { u, pairs: randomPairs } = estimateU(records, comparisons, { seed: options.seed ?? 42, maxPairs: uPairs });
  const vectors = options.vectors ?? compareCandidatePairs(records, pairs, comparisons);
  const vetoed = new Uint8Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) if (vetoReason(records[pairs.a[k]!]!, records[pairs.b[k]!]!) !== null) vetoed[k] = 1;
  const em = pairs.length > 0
    ? expectationMaximisation(vectors, comparisons, u, { maxIterations: options.maxIterations ?? 100, vetoed })
    : { m: comparisons.map(initialM), lambda: 0, expectedMatches: 0, iterations: 0 };
  const totalPairs = options.totalPairs ?? (n * (n - 1)) / 2;
  const prior = Math.min(0.5, Math.max(1e-12, totalPairs > 0 ? em.expectedMatches / totalPairs : 0));
  return {
    prior,
    m: em.m,
    u,
    comparisons: comparisons.map((c) => c.name),
    candidatePrior: em.lambda,
    expectedMatches: em.expectedMatches,
    iterations: em.iterations,
    candidatePairs: pairs.length,
    randomPairs,
  };
}

// ------------------------------------------------------------------------------------------------ scoring

export const log2 = (x: number): number => Math.log(x) / Math.LN2;
export const probabilityOf = (weight: number): number => (weight === -Infinity ? 0 : 1 / (1 + 2 ** -weight));
export const weightOf = (probability: number): number => log2(probability / (1 - probability));

/** Everything scoring needs, precomputed once per run. */
export interface Scorer {
  comparisons: readonly Comparison[];
  model: MatchModel;
  tf: TermFrequencies;
  /** log2(m/u) per comparison and level (0 for missing). */
  weights: number[][];
  priorWeight: number;
  /** Per comparison: whether level l is TF-adjusted. */
  tfAt: boolean[][];
}

export function makeScorer(model: MatchModel, tf: TermFrequencies, comparisons: readonly Comparison[] = DEFAULT_COMPARISONS): Scorer {
  if (model.comparisons.length !== comparisons.length || model.comparisons.some((name, i) => comparisons[i]!.name !== name)) {
    throw new RangeError(`model comparisons (${model.comparisons.join(',')}) differ from the list given`);
  }
  const weights = comparisons.map((c, ci) => {
    const w = c.levels.map((_, l) => (l === 0 ? 0 : log2(model.m[ci]![l]! / model.u[ci]![l]!)));
    // Exact agreement never counts for less than a partial one: with few matches at the exact level (every
    // duplicate has only a city where the original has a district), EM can put its m below u.
    if (w.length > 2) w[1] = Math.max(w[1]!, ...w.slice(2));
    return w;
  });
  const tfAt = comparisons.map((c, ci) => {
    const levels = c.tfLevels ?? [1];
    return c.levels.map((_, l) => tf.tables[ci] !== null && levels.includes(l));
  });
  return { comparisons, model, tf, weights, priorWeight: log2(model.prior / (1 - model.prior)), tfAt };
}

/** The weight of comparison ci at level l for this pair (TF-adjusted where it applies). */
function levelWeight(s: Scorer, ci: number, l: number, ra: MatchRecord, rb: MatchRecord): { weight: number; tf: number } {
  if (l === 0) return { weight: 0, tf: NaN };
  if (s.tfAt[ci]![l]) {
    const f = pairFrequency(s.comparisons[ci]!, ci, s.tf, ra, rb);
    if (f > 0) return { weight: log2(s.model.m[ci]![l]! / f), tf: f };
  }
  return { weight: s.weights[ci]![l]!, tf: NaN };
}

/**
 * Weights (log2 odds, prior included) of pairs from their comparison vectors. Vetoed pairs get -Infinity, or,
 * when a `vetoed` array is given, keep their weight and are flagged there (1 = vetoed).
 */
export function scoreVectors(
  records: readonly MatchRecord[],
  pairs: CandidatePairs,
  vectors: Uint8Array,
  s: Scorer,
  vetoed?: Uint8Array,
): Float64Array {
  const C = s.comparisons.length;
  const out = new Float64Array(pairs.length);
  const tfComparisons: number[] = [];
  for (let c = 0; c < C; c++) if (s.tfAt[c]!.some(Boolean)) tfComparisons.push(c);
  for (let k = 0; k < pairs.length; k++) {
    const base = k * C;
    let w = s.priorWeight;
    for (let c = 0; c < C; c++) w += s.weights[c]![vectors[base + c]!]!;
    const ra = records[pairs.a[k]!]!;
    const rb = records[pairs.b[k]!]!;
    for (const c of tfComparisons) {
      const l = vectors[base + c]!;
      if (s.tfAt[c]![l]) w += levelWeight(s, c, l, ra, rb).weight - s.weights[c]![l]!;
    }
    if (vetoReason(ra, rb) === null) out[k] = w;
    else if (vetoed) {
      vetoed[k] = 1;
      out[k] = w;
    } else out[k] = -Infinity;
  }
  return out;
}

/** The weight of one pair (prior included, -Infinity when vetoed), computed from the records. */
export function pairWeight(records: readonly MatchRecord[], a: number, b: number, s: Scorer): number {
  const ra = records[a]!;
  const rb = records[b]!;
  if (vetoReason(ra, rb) !== null) return -Infinity;
  let w = s.priorWeight;
  for (let c = 0; c < s.comparisons.length; c++) {
    const l = s.comparisons[c]!.compare(ra, rb);
    w += s.tfAt[c]![l] ? levelWeight(s, c, l, ra, rb).weight : s.weights[c]![l]!;
  }
  return w;
}

/**
 * One pair, explained: every comparison's level and weight (the waterfall; the first contribution is the prior),
 * the total weight, the match probability and any veto. A vetoed pair keeps its weight (the evidence) but has
 * probability 0.
 */
export function scorePair(
  records: readonly MatchRecord[],
  a: number,
  b: number,
  model: MatchModel,
  tf: TermFrequencies,
  comparisons: readonly Comparison[] = DEFAULT_COMPARISONS,
  scorer?: Scorer,
): PairScore {
  const s = scorer ?? makeScorer(model, tf, comparisons);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const ra = records[lo]!;
  const rb = records[hi]!;
  const contributions: Contribution[] = [{ comparison: 'prior', level: '', weight: s.priorWeight, left: '', right: '' }];
  let weight = s.priorWeight;
  for (let c = 0; c < s.comparisons.length; c++) {
    const comp = s.comparisons[c]!;
    const l = comp.compare(ra, rb);
    const { weight: w, tf: f } = s.tfAt[c]![l] ? levelWeight(s, c, l, ra, rb) : { weight: s.weights[c]![l]!, tf: NaN };
    weight += w;
    const entry: Contribution = { comparison: comp.name, level: comp.levels[l]!.label, weight: w, left: displayValue(comp, ra), right: displayValue(comp, rb) };
    if (!Number.isNaN(f)) entry.tf = f;
    contributions.push(entry);
  }
  const veto = vetoReason(ra, rb);
  return { a: lo, b: hi, weight, probability: veto ? 0 : probabilityOf(weight), contributions, veto };
}
