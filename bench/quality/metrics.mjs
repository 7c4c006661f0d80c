// Clustering-quality metrics for the dedupe benchmark: pure functions, no I/O.
//
// Every function takes records by index. `truth[i]` is the true entity of record i (a string); `pred[i]` is the
// predicted cluster (customer id) of record i, where null, undefined or '' means "a cluster of its own" (what
// `crm export` shows before any merge).
//
//   pairwise   precision = |predicted pairs ∩ true pairs| / |predicted pairs|, recall = … / |true pairs|, where a
//              pair is two records in the same cluster. Counted from cluster sizes (Σ C(n,2)), never enumerated,
//              so a 50k-record "everything in one cluster" costs nothing. Precision is null (undefined) when no pair
//              is predicted; recall is null when there is no true pair; F1 is 0 when one side is 0 or undefined and
//              the other is not, and null only when both are undefined.
//   B-cubed    per record: precision = |pred(r) ∩ true(r)| / |pred(r)|, recall = |pred(r) ∩ true(r)| / |true(r)|,
//              averaged over records (Bagga & Baldwin 1998); F1 = harmonic mean of the averages.
//   blocking   recall ("pairs completeness") = share of true pairs that were candidate pairs; reduction ratio =
//              1 − candidates / (n(n−1)/2).

const pairsOf = (n) => (n * (n - 1)) / 2;

/** Cluster keys with singletons made unique: null / undefined / '' → a key no other record has. */
export function clusterKeys(pred) {
  return pred.map((p, i) => (p === null || p === undefined || p === '' ? `\u0000singleton:${i}` : `c:${p}`));
}

function countBy(keys) {
  const counts = new Map();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** Sizes of true clusters, predicted clusters and their intersections (the contingency table). */
export function contingency(truth, pred) {
  if (truth.length !== pred.length) throw new Error(`truth has ${truth.length} records, prediction ${pred.length}`);
  const predKeys = clusterKeys(pred);
  const trueSize = countBy(truth);
  const predSize = countBy(predKeys);
  const cell = new Map();
  for (let i = 0; i < truth.length; i++) {
    const k = `${truth[i]}\u0001${predKeys[i]}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  }
  return { predKeys, trueSize, predSize, cell };
}

export function f1Of(precision, recall) {
  if (precision === null && recall === null) return null;
  if (!precision || !recall) return 0;
  return (2 * precision * recall) / (precision + recall);
}

/** Pairwise precision / recall / F1 and the pair counts behind them. */
export function pairwiseMetrics(truth, pred) {
  const { trueSize, predSize, cell } = contingency(truth, pred);
  let truePairs = 0;
  let predictedPairs = 0;
  let truePositives = 0;
  for (const n of trueSize.values()) truePairs += pairsOf(n);
  for (const n of predSize.values()) predictedPairs += pairsOf(n);
  for (const n of cell.values()) truePositives += pairsOf(n);
  const precision = predictedPairs > 0 ? truePositives / predictedPairs : null;
  const recall = truePairs > 0 ? truePositives / truePairs : null;
  return {
    truePairs,
    predictedPairs,
    truePositives,
    falsePositives: predictedPairs - truePositives,
    falseNegatives: truePairs - truePositives,
    precision,
    recall,
    f1: f1Of(precision, recall),
  };
}

/** B-cubed precision / recall / F1 (record-averaged); nulls for an empty input. */
export function bcubedMetrics(truth, pred) {
  const { predKeys, trueSize, predSize, cell } = contingency(truth, pred);
  const n = truth.length;
  if (n === 0) return { precision: null, recall: null, f1: null };
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = cell.get(`${truth[i]}\u0001${predKeys[i]}`);
    p += both / predSize.get(predKeys[i]);
    r += both / trueSize.get(truth[i]);
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Cluster counts: true and predicted clusters (singletons included), and predicted clusters equal to a true one. */
export function clusterCounts(truth, pred) {
  const { trueSize, predSize, cell } = contingency(truth, pred);
  let exact = 0;
  for (const [k, n] of cell) {
    const [t, p] = k.split('\u0001');
    if (trueSize.get(t) === n && predSize.get(p) === n) exact++;
  }
  let largestPredicted = 0;
  for (const n of predSize.values()) largestPredicted = Math.max(largestPredicted, n);
  let largestTrue = 0;
  for (const n of trueSize.values()) largestTrue = Math.max(largestTrue, n);
  return { trueClusters: trueSize.size, predictedClusters: predSize.size, exactClusters: exact, largestTrue, largestPredicted };
}

/**
 * Blocking quality from candidate pairs given as [i, j] record indexes (order and repeats do not matter; i === j is
 * ignored): the share of true pairs that were candidates, and the reduction ratio against all n(n−1)/2 pairs.
 */
export function blockingMetrics(truth, candidatePairs) {
  const seen = new Set();
  let candidates = 0;
  let trueCandidates = 0;
  for (const [x, y] of candidatePairs) {
    if (x === y) continue;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (a < 0 || b >= truth.length) throw new Error(`candidate pair (${x}, ${y}) outside 0..${truth.length - 1}`);
    const key = a * truth.length + b;
    if (seen.has(key)) continue;
    seen.add(key);
    candidates++;
    if (truth[a] === truth[b]) trueCandidates++;
  }
  let truePairs = 0;
  for (const n of countBy(truth).values()) truePairs += pairsOf(n);
  const all = pairsOf(truth.length);
  return {
    candidates,
    trueCandidates,
    truePairs,
    recall: truePairs > 0 ? trueCandidates / truePairs : null,
    reductionRatio: all > 0 ? 1 - candidates / all : null,
  };
}

/** All pairwise and B-cubed figures plus cluster counts for one clustering. */
export function evaluateClustering(truth, pred) {
  return {
    records: truth.length,
    pairwise: pairwiseMetrics(truth, pred),
    bcubed: bcubedMetrics(truth, pred),
    clusters: clusterCounts(truth, pred),
  };
}

/**
 * Up to `limit` false-positive and false-negative pairs, for error analysis: each [i, j] with i < j, in record
 * order. Enumerates lazily, so a giant predicted cluster does not enumerate its billions of pairs.
 */
export function errorPairs(truth, pred, limit = 100) {
  const predKeys = clusterKeys(pred);
  const membersOf = (keys) => {
    const groups = new Map();
    keys.forEach((k, i) => {
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    });
    return [...groups.values()].filter((g) => g.length > 1);
  };
  const collect = (groups, wrong) => {
    const out = [];
    for (const g of groups) {
      for (let x = 0; x < g.length && out.length < limit; x++) {
        for (let y = x + 1; y < g.length && out.length < limit; y++) if (wrong(g[x], g[y])) out.push([g[x], g[y]]);
      }
      if (out.length >= limit) break;
    }
    return out;
  };
  return {
    falsePositives: collect(membersOf(predKeys), (i, j) => truth[i] !== truth[j]),
    falseNegatives: collect(membersOf(truth), (i, j) => predKeys[i] !== predKeys[j]),
  };
}
