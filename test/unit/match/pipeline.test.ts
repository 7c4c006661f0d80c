import { describe, expect, it } from 'vitest';
import type { CanonicalValues } from '../../../src/canonical-fields.js';
import { normalizeRecord } from '../../../src/normalize/record.js';
import { buildMatchRecord } from '../../../src/match/match-record.js';
import { findMatches } from '../../../src/match/pipeline.js';
import { buildTermFrequencies, scorePair } from '../../../src/match/scoring.js';
import { usccCheckChar } from '../../../src/normalize/identifier.js';
import type { MatchRecord } from '../../../src/match/types.js';

const uscc = (district: string, n: number): string => {
  const body = `91${district}${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
};

const BRANDS = '华达鑫源通盛利恒泰诚宏信海天元正和兴隆安康金银星月光明阳春秋中美佳德福瑞祥云龙凤飞腾博远创新致卓越伟';
const TRADES = ['科技', '贸易', '物流', '食品', '建材', '咨询', '广告', '电子'];

/** About 300 distinct customers, then the cases under test. Returns records and the index of each named row. */
function buildSet(): { records: MatchRecord[]; at: Record<string, number> } {
  const rows: [string, CanonicalValues][] = [];
  let n = 0;
  for (let i = 0; i < 300; i++) {
    const brand = BRANDS[i % BRANDS.length]! + BRANDS[(i * 7 + 3) % BRANDS.length]! + BRANDS[(i * 13 + 5) % BRANDS.length]!;
    rows.push([`filler${i}`, {
      name: `上海${brand}${TRADES[i % TRADES.length]}有限公司`, uscc: uscc('310115', ++n), mobile: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
      province: '上海市', district: '浦东新区', contact_name: `张${BRANDS[i % 20]}`,
    }]);
    if (i % 4 === 0) {
      // a duplicate written another way: bracket form, legal form dropped, no USCC, a second number
      rows.push([`filler${i}dup`, {
        name: `${brand}${TRADES[i % TRADES.length]}(上海)`, mobile: `139${String(10_000_000 + i * 7919).slice(0, 8)}`, phone: '021-61234567',
        city: '上海', contact_name: `张${BRANDS[i % 20]}`,
      }]);
    }
  }
  const head = uscc('440305', ++n);
  rows.push(
    ['head', { name: '深圳辰帮电子科技有限公司', uscc: head, phone: '0755-26543210', province: '广东省', city: '深圳市', district: '南山区' }],
    ['headDup', { name: '辰帮电子科技(深圳)有限公司', uscc: head, mobile: '13812345678', city: '深圳' }],
    ['headTrad', { name: '深圳市辰幫電子科技有限公司', phone: '0755-26543210', mobile: '13812345678', city: '深圳市' }],
    ['branch', { name: '深圳辰帮电子科技有限公司上海分公司', uscc: uscc('310115', ++n), phone: '0755-26543210', province: '上海市', district: '浦东新区' }],
    ['namesake', { name: '北京辰帮电子科技有限公司', uscc: uscc('110108', ++n), mobile: '13900001111', province: '北京市', district: '海淀区' }],
    ['stewardA', { name: '杭州明远软件有限公司', uscc: uscc('330106', ++n), mobile: '13700002222', city: '杭州市' }],
    ['stewardB', { name: '杭州明远软件有限公司', uscc: uscc('330106', n), mobile: '13700002222', city: '杭州市' }],
  );
  const at: Record<string, number> = {};
  const records = rows.map(([label, raw], i) => {
    at[label] = i;
    return buildMatchRecord(1000 + i, normalizeRecord(raw, { dateOrder: 'ymd' }).values, { raw });
  });
  return { records, at };
}

const { records, at } = buildSet();
const clusterOf = (clusters: number[][], i: number): number[] | undefined => clusters.find((c) => c.includes(i));
const together = (clusters: number[][], i: number, j: number): boolean => clusterOf(clusters, i)?.includes(j) ?? false;

describe('findMatches', () => {
  const result = findMatches(records, { upper: 0.95, lower: 0.6, seed: 1 });

  it('merges a company written three ways, and the duplicates of the other customers', () => {
    expect(together(result.clusters, at.head!, at.headDup!)).toBe(true);
    expect(together(result.clusters, at.head!, at.headTrad!)).toBe(true);
    expect(together(result.clusters, at.filler0!, at.filler0dup!)).toBe(true);
    expect(together(result.clusters, at.filler4!, at.filler4dup!)).toBe(true);
  });

  it('never merges a branch with its head office, nor a namesake in another city', () => {
    expect(together(result.clusters, at.head!, at.branch!)).toBe(false);
    expect(together(result.clusters, at.head!, at.namesake!)).toBe(false);
    const vetoed = result.scored.find((s) => s.a === Math.min(at.head!, at.branch!) && s.b === Math.max(at.head!, at.branch!));
    if (vetoed) expect(vetoed.veto).toBe('branch_vs_head_office');
  });

  it('explains the pairs for review, and any other pair on demand, and reports its work', () => {
    const tf = buildTermFrequencies(records);
    for (const s of result.scored) {
      expect(s.probability >= 0.6 || s.veto !== null).toBe(true);
      const explained = s.contributions.length > 0 ? s : scorePair(records, s.a, s.b, result.model, tf);
      if (s.probability < 0.95) expect(s.contributions.length).toBeGreaterThan(0);
      expect(explained.contributions[0]!.comparison).toBe('prior');
      expect(explained.contributions.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(s.weight, 6);
    }
    expect(result.stats.pairs).toBeGreaterThan(0);
    expect(Object.values(result.stats.byRule).reduce((s, x) => s + x, 0)).toBe(result.stats.pairs + result.stats.vetoed);
    expect(Object.keys(result.stats.timings)).toContain('clustering');
  });

  it('respects a steward\'s never-merge rule (by record id)', () => {
    expect(together(result.clusters, at.stewardA!, at.stewardB!)).toBe(true);
    const idA = records[at.stewardA!]!.id;
    const idB = records[at.stewardB!]!.id;
    const blocked = findMatches(records, { seed: 1, model: result.model, cannotLink: (a, b) => (a === idA && b === idB) || (a === idB && b === idA) });
    expect(together(blocked.clusters, at.stewardA!, at.stewardB!)).toBe(false);
  });

  it('is deterministic', () => {
    const again = findMatches(records, { upper: 0.95, lower: 0.6, seed: 1 });
    expect(again.clusters).toEqual(result.clusters);
    expect(again.model).toEqual(result.model);
  });

  it('compares only pairs touching new records in an incremental run', () => {
    const newIds = new Set([records[at.headTrad!]!.id]);
    const inc = findMatches(records, { newIds, model: result.model });
    expect(inc.stats.pairs).toBeGreaterThan(0);
    for (const s of inc.scored) expect(s.a === at.headTrad || s.b === at.headTrad).toBe(true);
    expect(together(inc.clusters, at.head!, at.headTrad!)).toBe(true);
    // Without a model it estimates one from a sample, and still only scores pairs touching new records.
    const fresh = findMatches(records, { newIds, seed: 2 });
    for (const s of fresh.scored) expect(s.a === at.headTrad || s.b === at.headTrad).toBe(true);
  });

  it('rejects thresholds out of order', () => {
    expect(() => findMatches(records, { upper: 0.5, lower: 0.9 })).toThrow(RangeError);
  });
});
