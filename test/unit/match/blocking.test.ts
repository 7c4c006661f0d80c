import { describe, expect, it } from 'vitest';
import { buildCandidatePairs, candidatePairList, DEFAULT_BLOCKING_RULES, type BlockingRule } from '../../../src/match/blocking.js';
import type { MatchRecord } from '../../../src/match/types.js';
import { makeRecord } from './make-record.js';

const rule = (name: string, key: (r: MatchRecord) => string | null, extra: Partial<BlockingRule> = {}): BlockingRule => ({
  name,
  keys: (r, out) => {
    const k = key(r);
    if (k) out.push(k);
  },
  ...extra,
});

describe('buildCandidatePairs', () => {
  const records = [
    makeRecord(0, { nameCore: '腾讯科技', phones: ['+8675512345678'] }),
    makeRecord(1, { nameCore: '腾讯科技', phones: ['+8675512345678'] }),
    makeRecord(2, { nameCore: '华为技术', phones: ['+8675512345678'] }),
    makeRecord(3, { nameCore: '华为技术' }),
    makeRecord(4, { nameCore: '阿里巴巴' }),
  ];
  const rules = [rule('phone', (r) => r.phones[0] ?? null), rule('name', (r) => r.nameCore)];

  it('proposes every pair sharing a key once, a < b, sorted, credited to the first rule', () => {
    const { pairs, byRule } = buildCandidatePairs(records, { rules });
    expect(candidatePairList(pairs)).toEqual([{ a: 0, b: 1 }, { a: 0, b: 2 }, { a: 1, b: 2 }, { a: 2, b: 3 }]);
    expect(byRule).toEqual({ phone: 3, name: 1 });
    expect([...pairs.rule]).toEqual([0, 0, 0, 1]);
    expect(pairs.rules).toEqual(['phone', 'name']);
  });

  it('only makes pairs touching flagged records in an incremental run', () => {
    const touching = new Uint8Array([0, 0, 0, 1, 0]);
    const { pairs } = buildCandidatePairs(records, { rules, touching });
    expect(candidatePairList(pairs)).toEqual([{ a: 2, b: 3 }]);
  });

  it('compares an oversized block by sorted neighbourhood, or skips it', () => {
    const many = Array.from({ length: 50 }, (_, i) => makeRecord(i, { nameKey: `n${String(i).padStart(2, '0')}`, phones: ['+8613800000000'] }));
    const windowed = buildCandidatePairs(many, { rules: [rule('phone', (r) => r.phones[0]!)], maxBlockSize: 10, window: 3 });
    // each record meets the next 3 in name order: 47*3 + 2 + 1
    expect(windowed.pairs.length).toBe(47 * 3 + 3);
    expect(windowed.stats[0]!.oversizedBlocks).toBe(1);
    const skipped = buildCandidatePairs(many, { rules: [rule('phone', (r) => r.phones[0]!, { oversized: 'skip' })], maxBlockSize: 10 });
    expect(skipped.pairs.length).toBe(0);
  });

  it('counts a key a record gives twice only once', () => {
    const twice: BlockingRule = { name: 'twice', keys: (r, out) => out.push('k', 'k') };
    const { pairs } = buildCandidatePairs([makeRecord(0), makeRecord(1)], { rules: [twice] });
    expect(pairs.length).toBe(1);
  });

  it('default rules meet records on USCC body, pinyin key, e-mail mailbox and person keys', () => {
    const rs = [
      makeRecord(0, { uscc: '91310115MA1H7X6Y1A', nameCore: '辰帮电子', nameKey: 'chenbangdianzi', regionCode: '310115' }),
      makeRecord(1, { uscc: '91310115MA1H7X6Y1B', nameCore: '晨邦电子', nameKey: 'chenbangdianzi' }),
      makeRecord(2, { emails: ['zhang.wei@163.com'] }),
      makeRecord(3, { emails: ['zhang.wei@qq.com'] }),
      makeRecord(4, { firstName: 'john', lastName: 'smith', birthDate: '1970-01-01' }),
      makeRecord(5, { firstName: 'jon', lastName: 'smith', birthDate: '1971-01-01' }),
      makeRecord(6, { firstName: 'mary', lastName: 'jones' }),
    ];
    const { pairs, byRule } = buildCandidatePairs(rs);
    expect(candidatePairList(pairs)).toEqual([{ a: 0, b: 1 }, { a: 2, b: 3 }, { a: 4, b: 5 }]);
    expect(byRule.uscc).toBe(1);
    expect(byRule.email_mailbox).toBe(1);
    expect(byRule.person_surname_initial).toBe(1);
    expect(Object.keys(byRule)).toEqual(DEFAULT_BLOCKING_RULES.map((r) => r.name));
  });

  it('refuses to exceed maxPairs', () => {
    const many = Array.from({ length: 30 }, (_, i) => makeRecord(i, { nameCore: 'same' }));
    expect(() => buildCandidatePairs(many, { rules: [rule('name', (r) => r.nameCore)], maxPairs: 100 })).toThrow(/more than 100 candidate pairs/);
  });
});
