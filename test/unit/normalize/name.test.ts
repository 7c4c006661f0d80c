import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../src/normalize/name.js';
import type { NameHints, NameResult } from '../../../src/normalize/name.js';

describe('normalizeName: cleaning', () => {
  it.each([
    ['騰訊科技（深圳）有限公司', '腾讯科技(深圳)有限公司', 'normalized'],
    ['腾讯 科技 ( 深圳 ) 有限公司', '腾讯科技(深圳)有限公司', 'normalized'],
    ['Ｔｅｎｃｅｎｔ　Ｈｏｌｄｉｎｇｓ', 'Tencent Holdings', 'normalized'],
    ['某集团【北方】', '某集团(北方)', 'normalized'],
    ['华为技术有限公司', '华为技术有限公司', 'unchanged'],
    ['台灣積體電路製造股份有限公司', '台湾积体电路制造股份有限公司', 'normalized'],
  ] as const)('%s → %s (%s)', (raw, name, status) => {
    expect(normalizeName(raw)).toMatchObject({ name, status });
  });

  it.each([null, undefined, '', '  '])('%j is empty', (raw) => {
    expect(normalizeName(raw)).toMatchObject({ name: null, nameCore: null, status: 'empty', issues: [] });
  });
});

describe('normalizeName: company parts', () => {
  it.each<[string, Partial<NameResult>]>([
    ['腾讯科技(深圳)有限公司', { nameCore: '腾讯科技', legalForm: '有限公司', region: '深圳', regionCode: '440300' }],
    ['深圳市腾讯计算机系统有限公司', { nameCore: '腾讯计算机系统', region: '深圳市', regionCode: '440300' }],
    ['深圳市南山区某达科技有限公司', { nameCore: '某达科技', region: '深圳市南山区', regionCode: '440305' }],
    ['中国平安保险(集团)股份有限公司', { nameCore: '中国平安保险', legalForm: '(集团)股份有限公司', region: null }],
    ['北京银行股份有限公司', { nameCore: '北京银行', region: null }],
    ['上海交通大学', { nameCore: '上海交通大学', region: null, customerType: 'company' }],
    ['Tencent Technology (Shenzhen) Co., Ltd.', { nameCore: 'Tencent Technology', legalForm: 'Co., Ltd.', region: 'Shenzhen', regionCode: '440300' }],
    ['某达投资合伙企业(有限合伙)', { nameCore: '某达投资', legalForm: '合伙企业(有限合伙)' }],
  ])('%s', (raw, expected) => {
    expect(normalizeName(raw)).toMatchObject({ ...expected, customerType: 'company' });
  });

  it.each<[string, string, string, string]>([
    ['华达科技有限公司上海分公司', '上海分公司', '华达科技有限公司', '华达科技'],
    ['中国工商银行股份有限公司北京海淀支行', '北京海淀支行', '中国工商银行股份有限公司', '中国工商银行'],
    ['华达科技有限公司驻北京办事处', '驻北京办事处', '华达科技有限公司', '华达科技'],
    ['招商银行上海分行', '上海分行', '招商银行', '招商银行'],
    ['肯德基徐汇分店', '徐汇分店', '肯德基', '肯德基'],
    ['Citibank (China) Co., Ltd. Shanghai Branch', 'Shanghai Branch', 'Citibank (China) Co., Ltd.', 'Citibank'],
  ])('links the branch %s to its head office', (raw, branch, parentName, nameCore) => {
    expect(normalizeName(raw)).toMatchObject({ branch, parentName, nameCore, customerType: 'company' });
  });

  it('does not take a sole trader for a branch', () => {
    expect(normalizeName('张记五金经营部')).toMatchObject({ branch: null, parentName: null, customerType: 'company' });
  });

  it('cuts a note off the end and reports it', () => {
    const result = normalizeName('华达科技有限公司(已注销)');
    expect(result).toMatchObject({ name: '华达科技有限公司', nameCore: '华达科技', status: 'normalized' });
    expect(result.issues.map((i) => i.code)).toEqual(['name_has_note']);
  });

  it.each([
    ['腾讯科技', 'tengxunkeji'],
    ['腾迅科技', 'tengxunkeji'],
    ['重庆长安汽车股份有限公司', 'changanqiche'],
    ['Tencent Holdings Ltd.', 'tencent'],
  ])('gives %s the pinyin key %s', (raw, key) => {
    expect(normalizeName(raw).pinyinKey).toBe(key);
  });
});

describe('normalizeName: customer type', () => {
  it.each<[string, NameHints | undefined, 'company' | 'individual' | null]>([
    ['张伟', undefined, 'individual'],
    ['欧阳娜娜', undefined, 'individual'],
    ['李先生', undefined, 'individual'],
    ['John Smith', undefined, 'individual'],
    ['张三五金店', undefined, 'company'],
    ['拼多多', undefined, 'company'],
    ['Apple', undefined, null],
    ['张伟', { customerType: '企业' }, 'company'],
    ['Apple', { customerType: 'Individual' }, 'individual'],
    ['华达', { uscc: '91440300MA5EXAMPLE' }, 'company'],
    ['华达', { idNumber: '11010519491231002X' }, 'individual'],
  ])('%s with %j → %s', (raw, hints, customerType) => {
    expect(normalizeName(raw, hints).customerType).toBe(customerType);
  });

  it('reports a hint that contradicts a legal form, and trusts the legal form', () => {
    const result = normalizeName('华达科技有限公司', { customerType: '个人' });
    expect(result.customerType).toBe('company');
    expect(result.issues.map((i) => i.code)).toEqual(['customer_type_conflict']);
  });

  it.each<[NameHints, string]>([
    [{ firstName: '伟', lastName: '张' }, '张伟'],
    [{ firstName: 'John', lastName: 'Smith' }, 'John Smith'],
    [{ lastName: 'Smith' }, 'Smith'],
  ])('builds the name from %j', (hints, name) => {
    expect(normalizeName('', hints)).toMatchObject({ name, nameCore: name, status: 'normalized', customerType: 'individual' });
  });
});

describe('normalizeName: placeholders', () => {
  it.each(['测试', 'test', 'Test123', 'xxx', '无', '-', '未知', 'N/A', '张三', '测试有限公司', '某某科技有限公司', '123', '有限公司', 'Co., Ltd.'])(
    '%s is a placeholder',
    (raw) => {
      const result = normalizeName(raw);
      expect(result).toMatchObject({ name: null, nameCore: null, pinyinKey: null, status: 'invalid' });
      expect(result.issues).toEqual([expect.objectContaining({ field: 'name', code: 'name_has_placeholder', value: raw })]);
    },
  );
});

describe('normalizeName: oversized input', () => {
  it('cleans but does not take apart a name of hundreds of characters', () => {
    const raw = `华达科技有限公司${'备注'.repeat(100)}`;
    const result = normalizeName(raw);
    expect(result).toMatchObject({ name: raw, nameCore: raw, legalForm: null, customerType: 'company' });
    expect(result.issues.map((i) => i.code)).toEqual(['name_too_long']);
  });
});

describe('normalizeName: labelled accuracy', () => {
  const rows = parse(readFileSync(new URL('./labelled/name.csv', import.meta.url)), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];

  const fields: [string, (r: NameResult) => string | null][] = [
    ['name_core', (r) => r.nameCore],
    ['legal_form', (r) => r.legalForm],
    ['region', (r) => r.region],
    ['branch', (r) => r.branch],
    ['customer_type', (r) => r.customerType],
  ];

  it('has at least 120 hand-checked inputs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
  });

  it.each(fields)('gets ≥ 99% of %s right', (field, get) => {
    let hits = 0;
    for (const row of rows) {
      const expected = row[`expected_${field}`] ?? '';
      const got = get(normalizeName(row.input)) ?? '';
      if (got === expected) hits++;
      else console.log(`KNOWN MISS ${field}: ${row.input} expected ${expected || '(none)'} got ${got || '(none)'}`);
    }
    const accuracy = hits / rows.length;
    console.log(`name labelled accuracy: ${field} ${(accuracy * 100).toFixed(1)}% (${rows.length} inputs)`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});
