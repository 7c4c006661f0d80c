// Pairwise, B-cubed, cluster-count and blocking metrics of the quality benchmark, on tiny clusterings whose figures
// were worked out by hand (the working is in the comments).
import { describe, expect, it } from 'vitest';
import {
  bcubedMetrics,
  blockingMetrics,
  clusterCounts,
  errorPairs,
  evaluateClustering,
  f1Of,
  pairwiseMetrics,
} from '../../../bench/quality/metrics.mjs';

// Records 0..5. True: a{0,1,2} b{3,4} c{5}. Predicted: 1{0,1} 2{2,3,4} 3{5}.
const TRUTH_A = ['a', 'a', 'a', 'b', 'b', 'c'];
const PRED_A = ['1', '1', '2', '2', '2', '3'];
// Records 0..4. True: a{0,1} b{2,3,4}: 1 + 3 = 4 true pairs.
const TRUTH_B = ['a', 'a', 'b', 'b', 'b'];

describe('pairwiseMetrics', () => {
  it('split and merged clusters: true pairs 3+1, predicted 1+3, shared (0,1) and (3,4) → P = R = F1 = 0.5', () => {
    expect(pairwiseMetrics(TRUTH_A, PRED_A)).toEqual({
      truePairs: 4, predictedPairs: 4, truePositives: 2, falsePositives: 2, falseNegatives: 2,
      precision: 0.5, recall: 0.5, f1: 0.5,
    });
  });

  it('every record its own cluster (customer_id empty): precision undefined, recall 0, F1 0', () => {
    const m = pairwiseMetrics(TRUTH_B, [null, '', undefined, '', null]);
    expect(m).toMatchObject({ truePairs: 4, predictedPairs: 0, truePositives: 0, falseNegatives: 4 });
    expect(m.precision).toBeNull();
    expect(m.recall).toBe(0);
    expect(m.f1).toBe(0);
  });

  it('everything in one cluster: C(5,2) = 10 predicted, 4 right → P 0.4, R 1, F1 4/7', () => {
    const m = pairwiseMetrics(TRUTH_B, ['x', 'x', 'x', 'x', 'x']);
    expect(m).toMatchObject({ truePairs: 4, predictedPairs: 10, truePositives: 4, falsePositives: 6, precision: 0.4, recall: 1 });
    expect(m.f1).toBeCloseTo(4 / 7, 12);
  });

  it('perfect clustering with a singleton; cluster ids need not match entity ids', () => {
    expect(pairwiseMetrics(['x', 'y', 'y'], [7, 9, 9])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('no true pairs but a predicted one: precision 0, recall undefined, F1 0', () => {
    expect(pairwiseMetrics(['a', 'b'], ['1', '1'])).toMatchObject({ truePairs: 0, predictedPairs: 1, precision: 0, recall: null, f1: 0 });
  });

  it('no records: everything undefined', () => {
    expect(pairwiseMetrics([], [])).toMatchObject({ truePairs: 0, predictedPairs: 0, precision: null, recall: null, f1: null });
  });

  it('refuses truth and prediction of different lengths', () => {
    expect(() => pairwiseMetrics(['a'], [])).toThrow(/1 records, prediction 0/);
  });
});

describe('bcubedMetrics', () => {
  it('split and merged clusters: P = R = 7/9', () => {
    // per record p: 1, 1, 1/3, 2/3, 2/3, 1 → 14/3 / 6; r: 2/3, 2/3, 1/3, 1, 1, 1 → 14/3 / 6
    const m = bcubedMetrics(TRUTH_A, PRED_A);
    expect(m.precision).toBeCloseTo(7 / 9, 12);
    expect(m.recall).toBeCloseTo(7 / 9, 12);
    expect(m.f1).toBeCloseTo(7 / 9, 12);
  });

  it('all singletons: P 1, R (1/2·2 + 1/3·3)/5 = 0.4, F1 4/7', () => {
    const m = bcubedMetrics(TRUTH_B, [null, null, null, null, null]);
    expect(m.precision).toBe(1);
    expect(m.recall).toBeCloseTo(0.4, 12);
    expect(m.f1).toBeCloseTo(4 / 7, 12);
  });

  it('everything in one cluster: P (2·2/5 + 3·3/5)/5 = 13/25, R 1, F1 13/19', () => {
    const m = bcubedMetrics(TRUTH_B, ['x', 'x', 'x', 'x', 'x']);
    expect(m.precision).toBeCloseTo(13 / 25, 12);
    expect(m.recall).toBe(1);
    expect(m.f1).toBeCloseTo(13 / 19, 12);
  });

  it('no records: undefined', () => {
    expect(bcubedMetrics([], [])).toEqual({ precision: null, recall: null, f1: null });
  });
});

describe('clusterCounts', () => {
  it('counts true, predicted and exactly recovered clusters (singletons included)', () => {
    expect(clusterCounts(TRUTH_A, PRED_A)).toEqual({ trueClusters: 3, predictedClusters: 3, exactClusters: 1, largestTrue: 3, largestPredicted: 3 });
    expect(clusterCounts(TRUTH_B, [null, '', null, '', null])).toEqual({ trueClusters: 2, predictedClusters: 5, exactClusters: 0, largestTrue: 3, largestPredicted: 1 });
    expect(clusterCounts(['x', 'y', 'y'], [7, 9, 9])).toMatchObject({ exactClusters: 2 });
  });
});

describe('blockingMetrics', () => {
  it('dedupes candidate pairs in either order, ignores self pairs, counts the true ones', () => {
    // distinct candidates (0,1) true, (2,3) true, (0,2) false; 4 true pairs; 10 possible pairs
    const m = blockingMetrics(TRUTH_B, [[0, 1], [1, 0], [2, 3], [0, 2], [3, 3]]);
    expect(m).toEqual({ candidates: 3, trueCandidates: 2, truePairs: 4, recall: 0.5, reductionRatio: 0.7 });
  });

  it('no candidates: recall 0, reduction 1', () => {
    expect(blockingMetrics(TRUTH_B, [])).toMatchObject({ recall: 0, reductionRatio: 1 });
  });

  it('refuses an index outside the records', () => {
    expect(() => blockingMetrics(TRUTH_B, [[0, 5]])).toThrow(/outside/);
  });
});

describe('errorPairs and evaluateClustering', () => {
  it('lists false positives and false negatives in record order, up to the limit', () => {
    expect(errorPairs(TRUTH_A, PRED_A)).toEqual({ falsePositives: [[2, 3], [2, 4]], falseNegatives: [[0, 2], [1, 2]] });
    expect(errorPairs(TRUTH_A, PRED_A, 1)).toEqual({ falsePositives: [[2, 3]], falseNegatives: [[0, 2]] });
  });

  it('stops early on a giant cluster', () => {
    const n = 20_000; // 2e8 pairs if enumerated
    const truth = Array.from({ length: n }, (_, i) => `e${i}`);
    const { falsePositives } = errorPairs(truth, truth.map(() => 'all'), 3);
    expect(falsePositives).toEqual([[0, 1], [0, 2], [0, 3]]);
    expect(pairwiseMetrics(truth, truth.map(() => 'all'))).toMatchObject({ predictedPairs: (n * (n - 1)) / 2, precision: 0 });
  });

  it('bundles the figures', () => {
    const e = evaluateClustering(TRUTH_A, PRED_A);
    expect(e.records).toBe(6);
    expect(e.pairwise.f1).toBe(0.5);
    expect(e.clusters.exactClusters).toBe(1);
  });

  it('f1Of: harmonic mean; 0 when one side is 0 or undefined; null when both undefined', () => {
    expect(f1Of(0.5, 1)).toBeCloseTo(2 / 3, 12);
    expect(f1Of(null, 0)).toBe(0);
    expect(f1Of(0, null)).toBe(0);
    expect(f1Of(null, null)).toBeNull();
  });
});
