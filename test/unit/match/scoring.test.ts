import { describe, expect, it } from 'vitest';
import { buildCandidatePairs } from '../../../src/match/blocking.js';
import { DEFAULT_COMPARISONS, nameComparison, phonesComparison, regionComparison } from '../../../src/match/comparisons.js';
import {
  buildTermFrequencies, buildVetoIndex, estimateModel, estimateU, expectationMaximisation, makeScorer, pairWeight, probabilityOf, scorePair,
  seededRandom, termFrequency, vetoAt, vetoReason, weightOf,
} from '../../../src/match/scoring.js';
import type { Comparison, MatchModel, MatchRecord } from '../../../src/match/types.js';
import { makeRecord } from './make-record.js';

const HEAD = { type: 'company' as const, nameCore: '辰帮电子', name: '上海辰帮电子有限公司' };

describe('vetoReason', () => {
  it.each([
    ['two different valid USCCs', { uscc: '91310115MA1H7X6Y1A', usccValid: true }, { uscc: '91310115MA1H7X6Y2B', usccValid: true }, 'different_uscc'],
    ['the same USCC', { uscc: '91310115MA1H7X6Y1A', usccValid: true }, { uscc: '91310115MA1H7X6Y1A', usccValid: true }, null],
    ['a valid and an invalid USCC', { uscc: '91310115MA1H7X6Y1A', usccValid: true }, { uscc: '91310115MA1H7X6Y1B', usccValid: false }, null],
    ['two different valid ID numbers', { idNumber: '110101199003074514', idValid: true }, { idNumber: '110101199003071234', idValid: true }, 'different_id_number'],
    ['a branch and its head office', { ...HEAD, branch: '北京分公司' }, HEAD, 'branch_vs_head_office'],
    ['two branches of one company', { ...HEAD, branch: '北京分公司' }, { ...HEAD, branch: '广州分公司' }, 'different_branches'],
    ['one branch written two ways', { ...HEAD, branch: '北京分公司' }, { ...HEAD, branch: '北京市分公司' }, null],
    ['a branch and an unrelated company', { ...HEAD, branch: '北京分公司' }, { type: 'company' as const, nameCore: '华达物流' }, null],
    ['a branch and a record named after its place', { ...HEAD, branch: '北京分公司' }, { ...HEAD, name: '辰帮电子(北京)有限公司' }, null],
  ] as [string, Partial<MatchRecord>, Partial<MatchRecord>, string | null][])('%s', (_, a, b, want) => {
    expect(vetoReason(makeRecord(1, a), makeRecord(2, b))).toBe(want);
    expect(vetoReason(makeRecord(2, b), makeRecord(1, a))).toBe(want);
    const index = buildVetoIndex([makeRecord(1, a), makeRecord(2, b)]);
    expect(vetoAt(index, 0, 1)).toBe(want);
    expect(vetoAt(index, 1, 0)).toBe(want);
  });
});

describe('seededRandom', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(8)()).not.toBe(xs[0]);
  });
});

describe('term frequencies', () => {
  it('gives each value its share, multi-valued fields counting every value', () => {
    const rs = [
      makeRecord(0, { nameCore: '新华书店', phones: ['+1', '+2'] }),
      makeRecord(1, { nameCore: '新华书店', phones: ['+1'] }),
      makeRecord(2, { nameCore: '辰帮电子' }),
      makeRecord(3),
    ];
    const tf = buildTermFrequencies(rs, [nameComparison, phonesComparison, regionComparison]);
    expect(termFrequency(tf, 0, '新华书店')).toBeCloseTo(2 / 3);
    expect(termFrequency(tf, 1, '+1')).toBeCloseTo(2 / 3);
    expect(termFrequency(tf, 1, '+9')).toBeCloseTo(1 / 3); // unseen: as if seen once
    expect(tf.tables[2]).toBeNull();
  });
});

describe('estimation', () => {
  it('estimateU is reproducible and sums to 1 over the non-missing levels', () => {
    const rs = Array.from({ length: 300 }, (_, i) => makeRecord(i, { nameCore: `n${i % 50}`, regionCode: i % 2 ? '310115' : '440305' }));
    const one = estimateU(rs, [nameComparison, regionComparison], { seed: 3, maxPairs: 5000 });
    const two = estimateU(rs, [nameComparison, regionComparison], { seed: 3, maxPairs: 5000 });
    expect(one).toEqual(two);
    expect(one.pairs).toBe(5000);
    for (const row of one.u) expect(row.slice(1).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    expect(one.u[1]![1]).toBeGreaterThan(0.4); // two regions: half of random pairs agree
  });

  it('EM recovers m and the share of matches from a known mixture', () => {
    // Two comparisons with levels [missing, agree, disagree]; 30% matches with m = (0.9, 0.1), u = (0.05, 0.95).
    const two: Comparison[] = ['x', 'y', 'z'].map((name) => ({
      name,
      levels: [{ label: 'missing', agrees: false }, { label: 'agree', agrees: true }, { label: 'else', agrees: false }],
      compare: () => 0,
    }));
    const rand = seededRandom(11);
    const pairs = 20_000;
    const v = new Uint8Array(pairs * 3);
    for (let k = 0; k < pairs; k++) {
      const match = rand() < 0.3;
      for (let c = 0; c < 3; c++) v[k * 3 + c] = rand() < (match ? 0.9 : 0.05) ? 1 : 2;
    }
    const u = two.map(() => [0, 0.05, 0.95]);
    const em = expectationMaximisation(v, two, u);
    expect(em.lambda).toBeCloseTo(0.3, 1);
    for (let c = 0; c < 3; c++) expect(em.m[c]![1]).toBeCloseTo(0.9, 1);
  });

  it('anchors EM on vetoed pairs (known non-matches)', () => {
    const one: Comparison[] = [{ name: 'x', levels: [{ label: 'missing', agrees: false }, { label: 'agree', agrees: true }, { label: 'else', agrees: false }], compare: () => 0 }];
    const v = new Uint8Array(1000).fill(1);
    const vetoed = new Uint8Array(1000).fill(1, 0, 900);
    const em = expectationMaximisation(v, one, [[0, 0.01, 0.99]], { vetoed });
    expect(em.expectedMatches).toBeLessThanOrEqual(100 + 1e-9);
  });
});

describe('scorePair', () => {
  const records = [
    makeRecord(0, { nameCore: '新华书店', regionCode: '310115', phones: ['+862161111111'] }),
    makeRecord(1, { nameCore: '新华书店', regionCode: '310115', phones: ['+862161111111'] }),
    makeRecord(2, { nameCore: '辰帮电子', regionCode: '310115' }),
    makeRecord(3, { nameCore: '辰帮电子', regionCode: '310115' }),
    ...Array.from({ length: 20 }, (_, i) => makeRecord(4 + i, { nameCore: '新华书店', regionCode: '440305' })),
  ];
  const comparisons = [nameComparison, regionComparison, phonesComparison];
  const model: MatchModel = {
    prior: 0.01,
    comparisons: comparisons.map((c) => c.name),
    m: [[0, 0.8, 0.1, 0.05, 0.03, 0.02], [0, 0.7, 0.1, 0.1, 0.05, 0.05], [0, 0.6, 0.4]],
    u: [[0, 0.001, 0.001, 0.01, 0.05, 0.938], [0, 0.05, 0.05, 0.1, 0.2, 0.6], [0, 0.0001, 0.9999]],
  };
  const tf = buildTermFrequencies(records, comparisons);

  it('explains the weight: the prior, then one contribution per comparison, summing to the total', () => {
    const s = scorePair(records, 1, 0, model, tf, comparisons);
    expect([s.a, s.b]).toEqual([0, 1]);
    expect(s.contributions.map((c) => c.comparison)).toEqual(['prior', 'name', 'region', 'phones']);
    expect(s.contributions.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(s.weight, 9);
    expect(s.contributions[1]).toMatchObject({ level: 'exact', left: '新华书店', right: '新华书店' });
    expect(s.probability).toBeCloseTo(probabilityOf(s.weight), 12);
    expect(s.veto).toBeNull();
  });

  it('weighs agreement on a common name less than on a rare one (term frequency)', () => {
    const common = scorePair(records, 0, 1, model, tf, comparisons).contributions[1]!;
    const rare = scorePair(records, 2, 3, model, tf, comparisons).contributions[1]!;
    expect(common.tf).toBeCloseTo(22 / 24);
    expect(rare.weight).toBeGreaterThan(common.weight + 3);
  });

  it('pairWeight matches scorePair', () => {
    const scorer = makeScorer(model, tf, comparisons);
    expect(pairWeight(records, 2, 3, scorer)).toBeCloseTo(scorePair(records, 2, 3, model, tf, comparisons).weight, 9);
  });

  it('weightOf and probabilityOf are inverse', () => {
    for (const p of [0.01, 0.6, 0.95, 0.999]) expect(probabilityOf(weightOf(p))).toBeCloseTo(p, 12);
    expect(probabilityOf(-Infinity)).toBe(0);
  });
});

describe('estimateModel', () => {
  it('finds the duplicates of a small company list without labels', () => {
    const base = ['辰帮电子', '华达物流', '鑫源贸易', '通盛科技', '利恒食品', '泰诚建材', '宏信咨询', '海天广告'];
    const rs: MatchRecord[] = [];
    base.forEach((core, i) => {
      for (let k = 0; k < 3; k++) {
        rs.push(makeRecord(rs.length, {
          type: 'company', nameCore: core, nameKey: core, regionCode: '310115',
          phones: k < 2 ? [`+86216${String(i).padStart(7, '0')}`] : [], uscc: k !== 1 ? `9131011500000000${i}X` : null,
        }));
      }
    });
    // Enough other customers that random pairs are non-matches, as in real data.
    for (let i = 0; i < 400; i++) {
      rs.push(makeRecord(rs.length, {
        type: 'company', nameCore: `客户${i}`, regionCode: i % 2 ? '440305' : '310115', phones: [`+86755${String(i).padStart(8, '0')}`],
        uscc: `9144030500000${String(i).padStart(4, '0')}X`,
      }));
    }
    const { pairs } = buildCandidatePairs(rs);
    const model = estimateModel(rs, pairs, DEFAULT_COMPARISONS, { seed: 1 });
    expect(model.comparisons).toEqual(DEFAULT_COMPARISONS.map((c) => c.name));
    expect(model.expectedMatches).toBeGreaterThan(20);
    expect(model.prior).toBeGreaterThan(0);
    const tf = buildTermFrequencies(rs);
    expect(scorePair(rs, 0, 1, model, tf).probability).toBeGreaterThan(0.9);
    expect(scorePair(rs, 0, 2, model, tf).probability).toBeGreaterThan(0.99); // + the same USCC
    expect(scorePair(rs, 0, 3, model, tf).probability).toBeLessThan(0.05);
  });
});
