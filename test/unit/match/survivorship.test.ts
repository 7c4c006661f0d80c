import { describe, expect, it } from 'vitest';
import { NORMALIZED_COLUMNS, type NormalizedRecord } from '../../../src/normalize/columns.js';
import { pickSurvivors, type SurvivorInput } from '../../../src/match/survivorship.js';

const blank = () => Object.fromEntries(NORMALIZED_COLUMNS.map((c) => [c, null])) as NormalizedRecord;
const rec = (recordId: number, source: string, changedAt: string, v: Partial<NormalizedRecord>): SurvivorInput => ({
  recordId, source, changedAt, values: { ...blank(), ...v },
});

const u8 = rec(1, 'u8', '2024-01-01', {
  name: '上海明远信息科技有限公司', name_core: '明远信息科技', legal_form: '有限公司', uscc: '91310101MA1K4L2B9U', uscc_valid: 1,
  mobile: '+8613812345678', phones: '+8613812345678;+862162345678', region_code: '310000', province: '上海市', city: '上海市',
  industry_code: 'I65', industry_name: '软件和信息技术服务业', email: 'old@mingyuan.cn',
});
const fx = rec(2, 'fxiaoke', '2024-06-01', {
  name: '明远信息科技', name_core: '明远信息科技', uscc: '91310101MA1K4L2B90', uscc_valid: 0,
  mobile: '+8613900000000', phones: '+8613900000000', region_code: '310115', province: '上海市', city: '上海市', district: '浦东新区',
  industry_code: 'I6513', industry_name: '应用软件开发', email: 'new@mingyuan.cn',
});
const hs = rec(3, 'hubspot', '2023-01-01', { name: 'Mingyuan Information Technology Co. Ltd.', email: 'old@mingyuan.cn' });

describe('pickSurvivors', () => {
  const golden = pickSurvivors([u8, fx, hs]);

  it.each([
    ['name', '上海明远信息科技有限公司', 1, 'most_complete'],
    ['uscc', '91310101MA1K4L2B9U', 1, 'valid'],
    ['mobile', '+8613900000000', 2, 'most_recent'],
    ['region_code', '310115', 2, 'most_complete'],
    ['industry_code', 'I6513', 2, 'most_complete'],
    ['email', 'new@mingyuan.cn', 2, 'most_recent'],
  ] as const)('%s survives as %s from record %i by %s', (field, value, recordId, rule) => {
    expect(golden.values[field]).toBe(value);
    expect(golden.provenance[field]).toEqual({ record_id: recordId, rule });
  });

  it('keeps fields of one group together (a region is one choice)', () => {
    expect([golden.values.province, golden.values.city, golden.values.district]).toEqual(['上海市', '上海市', '浦东新区']);
    expect(golden.values.legal_form).toBe('有限公司');
    expect(golden.values.uscc_valid).toBe(1);
  });

  it('unions multi-valued phones, most recent first', () => {
    expect(golden.values.phones).toBe('+8613900000000;+8613812345678;+862162345678');
  });

  it('says when a value came from the only record that has it', () => {
    expect(golden.provenance.district).toEqual({ record_id: 2, rule: 'most_complete' });
    expect(pickSurvivors([u8, hs]).provenance.uscc).toEqual({ record_id: 1, rule: 'only_value' });
  });

  it('puts preferred sources first for every field when --prefer is given', () => {
    const preferred = pickSurvivors([u8, fx, hs], { prefer: ['fxiaoke'] });
    expect(preferred.values.name).toBe('明远信息科技');
    expect(preferred.provenance.name).toEqual({ record_id: 2, rule: 'source_priority' });
    expect(preferred.values.uscc).toBe('91310101MA1K4L2B90');
  });

  it('takes the most frequent value when records are equally recent', () => {
    const a = rec(7, 'a', '2024-05-05', { owner: '陈静' });
    const b = rec(8, 'b', '2024-05-05', { owner: '周敏' });
    const c = rec(9, 'c', '2024-05-05', { owner: '周敏' });
    expect(pickSurvivors([a, b, c]).provenance.owner).toEqual({ record_id: 8, rule: 'most_frequent' });
  });

  it('prefers the registered Chinese name with its legal form over a longer romanised one', () => {
    expect(golden.values.name).toBe('上海明远信息科技有限公司');
  });

  it('counts records and lists sources', () => {
    expect(golden.recordCount).toBe(3);
    expect(golden.sources).toEqual(['fxiaoke', 'hubspot', 'u8']);
  });
});
