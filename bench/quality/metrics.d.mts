// Types for bench/quality/metrics.mjs, so the TypeScript tests can import the plain-JS module.

export type ClusterId = string | number | null | undefined;

export interface PairwiseMetrics {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when no pair is predicted */
  precision: number | null;
  /** null when there is no true pair */
  recall: number | null;
  f1: number | null;
}

export interface BcubedMetrics {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface ClusterCounts {
  trueClusters: number;
  predictedClusters: number;
  exactClusters: number;
  largestTrue: number;
  largestPredicted: number;
}

export interface BlockingMetrics {
  candidates: number;
  trueCandidates: number;
  truePairs: number;
  recall: number | null;
  reductionRatio: number | null;
}

export declare function clusterKeys(pred: readonly ClusterId[]): string[];
export declare function f1Of(precision: number | null, recall: number | null): number | null;
export declare function pairwiseMetrics(truth: readonly string[], pred: readonly ClusterId[]): PairwiseMetrics;
export declare function bcubedMetrics(truth: readonly string[], pred: readonly ClusterId[]): BcubedMetrics;
export declare function clusterCounts(truth: readonly string[], pred: readonly ClusterId[]): ClusterCounts;
export declare function blockingMetrics(truth: readonly string[], candidatePairs: Iterable<readonly [number, number]>): BlockingMetrics;
export declare function evaluateClustering(
  truth: readonly string[],
  pred: readonly ClusterId[],
): { records: number; pairwise: PairwiseMetrics; bcubed: BcubedMetrics; clusters: ClusterCounts };
export declare function errorPairs(
  truth: readonly string[],
  pred: readonly ClusterId[],
  limit?: number,
): { falsePositives: [number, number][]; falseNegatives: [number, number][] };
