import { describe, expect, it } from 'vitest';
import { applyMapping, compileMapping, mappedValue, parseCustomMap, planMapping } from '../../../src/csv/header-map.js';
import { headerKey } from '../../../src/csv/presets.js';
import { sniffDelimiter } from '../../../src/csv/sniff-delimiter.js';

const fieldsOf = (header: string[], preset = 'auto') => {
  const plan = planMapping(header, { preset });
  return Object.fromEntries(Object.entries(plan.fields).map(([f, s]) => [f, s!.columns.map((c) => header[c])]));
};

describe('auto header mapping', () => {
  it.each([
    ['客户名称', 'name'], ['公司名称', 'name'], ['单位名称', 'name'], ['企业名称', 'name'], ['Account Name', 'name'],
    ['Company name', 'name'], ['统一社会信用代码', 'uscc'], ['税号', 'uscc'], ['纳税人识别号', 'uscc'], ['Tax ID', 'uscc'],
    ['手机', 'mobile'], ['手机号', 'mobile'], ['Mobile', 'mobile'], ['电话', 'phone'], ['联系电话', 'phone'], ['座机', 'phone'],
    ['Phone', 'phone'], ['省', 'province'], ['省份', 'province'], ['State', 'province'], ['地区', 'region'],
    ['所在地区', 'region'], ['所属地区', 'region'], ['行业', 'industry'], ['所属行业', 'industry'], ['Industry', 'industry'],
    ['*客户名称', 'name'], ['手机号码（必填）', 'mobile'], [' E-mail ', 'email'], ['\ufeff客户编码', 'source_id'],
  ])('maps %s to %s', (header, field) => {
    expect(fieldsOf([header, 'unrelated'])[field]).toEqual([header]);
  });

  it('recognises a preset from its vocabulary and uses its date order', () => {
    const plan = planMapping(['Record Id', 'Account Name', 'Account Owner', 'Phone', 'Billing City', 'Created Time'], { preset: 'auto' });
    expect(plan.detected).toBe('zoho-accounts');
    expect(plan.dateOrder).toBe('mdy');
  });

  it('joins every phone column, takes the first column for single-valued fields, keeps the rest unmapped', () => {
    const header = ['客户名称', '电话', '电话', '公司名称', '开户银行'];
    const plan = planMapping(header, { preset: 'auto' });
    expect(plan.fields.phone?.columns).toEqual([1, 2]);
    expect(plan.fields.name?.columns).toEqual([0]);
    expect(plan.unmapped.map((u) => u.key)).toEqual(['公司名称', '开户银行']);
    const { values, extras } = applyMapping(compileMapping(plan), ['明远', '021-1', '021-2', '明远公司', '工行']);
    expect(values).toEqual({ name: '明远', phone: '021-1; 021-2' });
    expect(extras).toEqual({ 公司名称: '明远公司', 开户银行: '工行' });
  });

  it('disambiguates duplicate unmapped headers so no column is lost', () => {
    const plan = planMapping(['客户名称', '自定义', '自定义'], { preset: 'auto' });
    expect(plan.unmapped.map((u) => u.key)).toEqual(['自定义', '自定义 #2']);
  });

  it('applies a custom --map first, including concatenation', () => {
    const map = parseCustomMap({ contact_name: { columns: ['姓', '名'], separator: '' }, name: '单位' }, 'm.json');
    const plan = planMapping(['单位', '姓', '名', '客户名称'], { preset: 'auto', custom: map });
    const { values, extras } = applyMapping(compileMapping(plan), ['明远', '张', '三', '别的']);
    expect(values).toEqual({ name: '明远', contact_name: '张三' });
    expect(extras).toEqual({ 客户名称: '别的' });
  });

  it.each([
    [['明远', ' 张 ', '三', '别的'], { name: '明远', contact_name: '张三' }],
    [['', '', '  ', 'x'], { name: undefined, contact_name: undefined }],
    [['明远', '', '三', ''], { name: '明远', contact_name: '三' }],
  ])('mappedValue gives one field exactly as applyMapping does: %j', (cells, expected) => {
    const map = parseCustomMap({ contact_name: { columns: ['姓', '名'], separator: '' }, name: '单位' }, 'm.json');
    const compiled = compileMapping(planMapping(['单位', '姓', '名', '客户名称'], { preset: 'auto', custom: map }));
    const { values } = applyMapping(compiled, cells);
    for (const field of ['name', 'contact_name', 'email'] as const) {
      expect(mappedValue(compiled, field, cells)).toBe(values[field]);
      expect(mappedValue(compiled, field, cells)).toBe((expected as Record<string, string | undefined>)[field]);
    }
  });

  it('names every problem of a bad --map', () => {
    expect(() => parseCustomMap({ nmae: 'x' }, 'm.json')).toThrow(/unknown field\(s\) nmae/);
    expect(() => planMapping(['a'], { preset: 'auto', custom: { name: 'nope' } })).toThrow(/name: no column "nope"/);
    expect(() => planMapping(['a'], { preset: 'sap' })).toThrow(/unknown preset "sap"/);
  });

  it('normalizes header text for matching', () => {
    expect(headerKey('  Billing_State / Province ')).toBe(headerKey('billingstate/province'));
  });
});

describe('delimiter sniffing', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['semicolon', 'a;b;c\n1;2,5;3\n', ';'],
    ['pipe', 'a|b|c\n1|2|3\n', '|'],
    ['commas inside quotes do not fool it', 'a;b\n"x,y,z";2\n"p,q";3\n', ';'],
  ])('%s', (_n, sample, expected) => {
    expect(sniffDelimiter(sample)).toBe(expected);
  });
});
