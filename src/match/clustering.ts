// Clustering: from scored pairs to groups of records that are one customer, resisting chaining.
//
// Connected components over the pairs at or above the threshold are the candidates (union-find, linear). A plain
// component can chain: one weak link pulls two large groups together. So each component is then re-clustered by
// average-linkage agglomeration (dedupe does the same with centroid linkage): every pair inside the component is
// weighed (pairWeight: also the pairs blocking never proposed), and two groups merge only while the average
// weight between them stays at or above the threshold. Pair weights are clamped to ±clamp bits before averaging
// so one overwhelming pair cannot carry (or sink) a whole group. A pair that must never be together (a veto, a
// steward's never-merge: weight -Infinity) forbids merging the two groups that hold it, whatever the average.
//
// Bounded work: a component larger than maxComponentSize is first split by raising the edge threshold in steps
// of 2 bits (again connected components), until every piece fits; agglomeration is O(k³) in a piece of size k.
import { weightOf } from './scoring.js';
import type { Cluster } from './types.js';

export interface ScoredEdges {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  /** log2 odds (match weight); -Infinity = never together. */
  weight: ArrayLike<number>;
  length: number;
}

export interface ClusterOptions {
  /** Weight of any pair of records (indexes); -Infinity = must never be in one cluster. */
  pairWeight?: (i: number, j: number) => number;
  /** Components larger than this are split on their weakest edges first (default 300). */
  maxComponentSize?: number;
  /** Bits a single pair can add or take away from an average (default 20). */
  clamp?: number;
}

export interface ClusterStats {
  components: number;
  largestComponent: number;
  splitComponents: number;
  pairsWeighed: number;
}

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).fill(-1);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r]! >= 0) r = this.parent[r]!;
    while (this.parent[x]! >= 0) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(x: number, y: number): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx === ry) return;
    // union by size (sizes stored negated in the roots)
    if (this.parent[rx]! > this.parent[ry]!) {
      this.parent[ry]! += this.parent[rx]!;
      this.parent[rx] = ry;
    } else {
      this.parent[rx]! += this.parent[ry]!;
      this.parent[ry] = rx;
    }
  }
}

/** Connected components (size >= 2) of the given edges whose weight is >= threshold, as sorted member lists. */
export function connectedComponents(n: number, edges: ScoredEdges, thresholdWeight: number, subset?: readonly number[]): number[][] {
  const uf = new UnionFind(n);
  for (let k = 0; k < edges.length; k++) {
    if (edges.weight[k]! >= thresholdWeight) uf.union(edges.a[k]!, edges.b[k]!);
  }
  const groups = new Map<number, number[]>();
  const nodes = subset ?? null;
  const visit = (i: number): void => {
    if (uf.parent[i] === -1) return; // a root of size 1 with no edges
    const r = uf.find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  };
  if (nodes) for (const i of nodes) visit(i);
  else for (let i = 0; i < n; i++) visit(i);
  const out: number[][] = [];
  for (const g of groups.values()) if (g.length >= 2) out.push(g.sort((x, y) => x - y));
  return out;
}

/** Average-linkage agglomeration of one small component; returns its clusters of two or more. */
export function averageLinkage(members: readonly number[], weightOfPair: (i: number, j: number) => number, thresholdWeight: number, clamp = 20): number[][] {
  const k = members.length;
  if (k < 2) return [];
  const sum = new Float64Array(k * k);
  const blocked = new Uint8Array(k * k);
  for (let x = 0; x < k; x++) {
    for (let y = x + 1; y < k; y++) {
      const w = weightOfPair(members[x]!, members[y]!);
      if (w === -Infinity || Number.isNaN(w)) {
        blocked[x * k + y] = 1;
        blocked[y * k + x] = 1;
      } else {
        const c = Math.max(-clamp, Math.min(clamp, w));
        sum[x * k + y] = c;
        sum[y * k + x] = c;
      }
    }
  }
  const size = new Float64Array(k).fill(1);
  const active = new Uint8Array(k).fill(1);
  const groups: number[][] = members.map((m) => [m]);
  for (;;) {
    let best = -Infinity;
    let bx = -1;
    let by = -1;
    for (let x = 0; x < k; x++) {
      if (!active[x]) continue;
      for (let y = x + 1; y < k; y++) {
        if (!active[y] || blocked[x * k + y]) continue;
        const avg = sum[x * k + y]! / (size[x]! * size[y]!);
        if (avg > best) {
          best = avg;
          bx = x;
          by = y;
        }
      }
    }
    if (bx < 0 || best < thresholdWeight) break;
    // merge by into bx
    for (let z = 0; z < k; z++) {
      if (!active[z] || z === bx || z === by) continue;
      const s = sum[bx * k + z]! + sum[by * k + z]!;
      sum[bx * k + z] = s;
      sum[z * k + bx] = s;
      const blk = blocked[bx * k + z]! | blocked[by * k + z]!;
      blocked[bx * k + z] = blk;
      blocked[z * k + bx] = blk;
    }
    size[bx]! += size[by]!;
    active[by] = 0;
    groups[bx]!.push(...groups[by]!);
  }
  const out: number[][] = [];
  for (let x = 0; x < k; x++) if (active[x] && groups[x]!.length >= 2) out.push(groups[x]!.sort((p, q) => p - q));
  return out;
}

/**
 * Clusters of n records from scored pairs: components over pairs with probability >= threshold, each split by
 * constrained average linkage. Returns clusters of two or more record indexes (members ascending, clusters by
 * their first member); every record not in one is a cluster of its own.
 */
export function clusterPairs(n: number, edges: ScoredEdges, threshold: number, options: ClusterOptions = {}, stats?: ClusterStats): Cluster[] {
  const tw = weightOf(threshold);
  const maxSize = options.maxComponentSize ?? 300;
  const clamp = options.clamp ?? 20;
  // Without pairWeight, a pair not among the edges counts as strong evidence against (-clamp).
  let known: Map<number, number> | null = null;
  const weigh = options.pairWeight ?? ((i: number, j: number): number => {
    if (!known) {
      known = new Map();
      for (let k = 0; k < edges.length; k++) {
        const x = Math.min(edges.a[k]!, edges.b[k]!);
        const y = Math.max(edges.a[k]!, edges.b[k]!);
        known.set(x * n + y, edges.weight[k]!);
      }
    }
    return known.get(Math.min(i, j) * n + Math.max(i, j)) ?? -clamp;
  });
  let weighed = 0;
  const counted = (i: number, j: number): number => {
    weighed++;
    return weigh(i, j);
  };

  const clusters: number[][] = [];
  const components = connectedComponents(n, edges, tw);
  let largest = 0;
  let split = 0;
  const pieces: number[][] = [];
  // Oversized components: their edges, gathered in one pass over all edges.
  const oversized = components.filter((c) => c.length > maxSize);
  const owner = new Int32Array(oversized.length > 0 ? n : 0).fill(-1);
  oversized.forEach((c, ci) => c.forEach((i) => (owner[i] = ci)));
  const subs = oversized.map(() => ({ a: [] as number[], b: [] as number[], weight: [] as number[], length: 0 }));
  if (oversized.length > 0) {
    for (let k = 0; k < edges.length; k++) {
      const ci = owner[edges.a[k]!]!;
      if (ci < 0 || edges.weight[k]! < tw) continue;
      const sub = subs[ci]!;
      sub.a.push(edges.a[k]!);
      sub.b.push(edges.b[k]!);
      sub.weight.push(edges.weight[k]!);
      sub.length++;
    }
  }
  for (const comp of components) {
    if (comp.length > largest) largest = comp.length;
    if (comp.length <= maxSize) {
      pieces.push(comp);
      continue;
    }
    // Raise the threshold on this component's own edges until every piece fits.
    const sub = subs[split++]!;
    let queue = [comp];
    let level = tw;
    while (queue.length > 0) {
      level += 2;
      const next: number[][] = [];
      for (const part of connectedComponents(n, sub, level, queue.flat())) (part.length <= maxSize ? pieces : next).push(part);
      queue = next;
    }
  }
  for (const piece of pieces) {
    if (piece.length === 2) {
      if (counted(piece[0]!, piece[1]!) >= tw) clusters.push(piece);
      continue;
    }
    for (const c of averageLinkage(piece, counted, tw, clamp)) clusters.push(c);
  }
  clusters.sort((x, y) => x[0]! - y[0]!);
  if (stats) {
    stats.components = components.length;
    stats.largestComponent = largest;
    stats.splitComponents = split;
    stats.pairsWeighed = weighed;
  }
  return clusters;
}
