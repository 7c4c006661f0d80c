import { describe, expect, it } from 'vitest';
import { averageLinkage, clusterPairs, connectedComponents, type ClusterStats } from '../../../src/match/clustering.js';

function edges(list: [number, number, number][]) {
  return { a: list.map((e) => e[0]), b: list.map((e) => e[1]), weight: list.map((e) => e[2]), length: list.length };
}

/** A weight table: listed pairs get their weight, every other pair `otherwise`. */
function table(list: [number, number, number][], otherwise = -10) {
  const m = new Map(list.map(([a, b, w]) => [`${Math.min(a, b)},${Math.max(a, b)}`, w]));
  return (i: number, j: number): number => m.get(`${Math.min(i, j)},${Math.max(i, j)}`) ?? otherwise;
}

describe('connectedComponents', () => {
  it('groups records linked by edges at or above the threshold', () => {
    const e = edges([[0, 1, 5], [1, 2, 5], [3, 4, 1], [5, 6, 9]]);
    expect(connectedComponents(7, e, 4)).toEqual([[0, 1, 2], [5, 6]]);
  });
});

describe('clusterPairs', () => {
  it('keeps two tight groups apart when a single weak link bridges them (no chaining)', () => {
    const groupA: [number, number, number][] = [[0, 1, 20], [0, 2, 20], [1, 2, 20], [0, 3, 20], [1, 3, 20], [2, 3, 20]];
    const groupB: [number, number, number][] = groupA.map(([a, b, w]) => [a + 4, b + 4, w]);
    const bridge: [number, number, number] = [3, 4, 6];
    const all = [...groupA, ...groupB, bridge];
    const stats: ClusterStats = { components: 0, largestComponent: 0, splitComponents: 0, pairsWeighed: 0 };
    const clusters = clusterPairs(8, edges(all), 0.95, { pairWeight: table(all) }, stats);
    expect(clusters).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    expect(stats.components).toBe(1); // one component, split by average linkage
  });

  it('never puts a cannot-link pair (weight -Infinity) in one cluster, however strong the chain', () => {
    const list: [number, number, number][] = [[0, 1, 30], [1, 2, 30], [0, 2, -Infinity]];
    const clusters = clusterPairs(3, edges(list), 0.95, { pairWeight: table(list) });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toContain(1);
    expect(clusters[0]!.includes(0) && clusters[0]!.includes(2)).toBe(false);
  });

  it('merges a record whose pair with one member was never blocked, when the average stays high', () => {
    const list: [number, number, number][] = [[0, 1, 25], [1, 2, 25], [0, 2, 2]];
    expect(clusterPairs(3, edges([[0, 1, 25], [1, 2, 25]]), 0.95, { pairWeight: table(list) })).toEqual([[0, 1, 2]]);
  });

  it('drops a pair below the threshold and a two-record component with a cannot-link', () => {
    expect(clusterPairs(4, edges([[0, 1, 1], [2, 3, 9]]), 0.95, { pairWeight: () => -Infinity })).toEqual([]);
    expect(clusterPairs(4, edges([[0, 1, 1], [2, 3, 9]]), 0.95)).toEqual([[2, 3]]);
  });

  it('bounds the work on a giant component by splitting it on its weakest edges first', () => {
    // 30 records in a chain of strong pairs (weight 20) with weak links (weight 5) every 5 records.
    const list: [number, number, number][] = [];
    for (let i = 0; i + 1 < 30; i++) list.push([i, i + 1, (i + 1) % 5 === 0 ? 5 : 20]);
    const stats: ClusterStats = { components: 0, largestComponent: 0, splitComponents: 0, pairsWeighed: 0 };
    const clusters = clusterPairs(30, edges(list), 0.95, { pairWeight: table(list, 15), maxComponentSize: 10 }, stats);
    expect(stats.largestComponent).toBe(30);
    expect(stats.splitComponents).toBe(1);
    expect(clusters.every((c) => c.length <= 10)).toBe(true);
    expect(clusters.map((c) => c.length).reduce((s, x) => s + x, 0)).toBe(30);
  });
});

describe('averageLinkage', () => {
  it('merges while the average weight between groups reaches the threshold, clamping outliers', () => {
    const w = table([[0, 1, 100], [0, 2, 3], [1, 2, 3]], -100);
    // 0-1 merge; {0,1}-2 averages 3 < 4.25: stays apart.
    expect(averageLinkage([0, 1, 2], w, 4.25)).toEqual([[0, 1]]);
    // With a lower threshold all three merge.
    expect(averageLinkage([0, 1, 2], w, 2)).toEqual([[0, 1, 2]]);
  });
});
