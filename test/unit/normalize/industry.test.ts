import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { listIndustries, normalizeIndustry } from '../../../src/normalize/industry.js';

describe('industry table', () => {
  it('holds 20 门类, 97 大类, 473 中类 and 1,382 小类', () => {
    const counts = [1, 2, 3, 4].map((level) => listIndustries().filter((n) => n.level === level).length);
    expect(counts).toEqual([20, 97, 473, 1382]);
  });

  it.each([
    ['O8052', '足浴服务'],
    ['R9051', '文化活动服务'],
    ['R905', '文化体育娱乐活动与经纪代理服务'],
  ])('corrects the merged-cell name of %s', (code, name) => {
    expect(listIndustries().find((n) => n.code === code)?.name).toBe(name);
  });
});

describe('normalizeIndustry: codes', () => {
  it.each([
    ['I65', 'I65', 2, 'unchanged'],
    ['65', 'I65', 2, 'normalized'],
    ['I 65', 'I65', 2, 'normalized'],
    ['6513', 'I6513', 4, 'normalized'],
    ['I6513', 'I6513', 4, 'unchanged'],
    ['C', 'C', 1, 'unchanged'],
    ['651', 'I651', 3, 'normalized'],
    ['0111', 'A0111', 4, 'normalized'],
    ['Ｃ３９１１', 'C3911', 4, 'normalized'],
  ] as const)('%s → %s (level %i, %s)', (raw, code, level, status) => {
    const result = normalizeIndustry(raw);
    expect(result).toMatchObject({ code, level, status, issues: [] });
  });

  it.each([
    ['A65', 'belongs to section I'],
    ['6510', 'no code 6510'],
    ['X', 'no section X'],
  ])('%s is an invalid code', (raw, message) => {
    const result = normalizeIndustry(raw);
    expect(result.status).toBe('invalid');
    expect(result.code).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ field: 'industry', code: 'invalid_industry_code', value: raw });
    expect(result.issues[0]?.message).toContain(message);
  });

  it.each([
    ['65-软件和信息技术服务业', 'I65'],
    ['6513 应用软件开发', 'I6513'],
    ['软件和信息技术服务业（I65）', 'I65'],
    ['C 制造业', 'C'],
  ])('reads a code next to its label: %s → %s', (raw, code) => {
    expect(normalizeIndustry(raw)).toMatchObject({ code, status: 'normalized' });
  });

  it('accepts a label that names an ancestor of the code', () => {
    expect(normalizeIndustry('0111 谷物')).toMatchObject({ code: 'A0111', status: 'normalized' });
  });

  it('flags a code whose label names another industry', () => {
    const result = normalizeIndustry('65 餐饮');
    expect(result).toMatchObject({ code: null, status: 'unresolved' });
    expect(result.issues.map((i) => i.code)).toEqual(['industry_code_name_mismatch']);
  });
});

describe('normalizeIndustry: names and aliases', () => {
  it.each([
    ['软件和信息技术服务业', 'I65', '软件和信息技术服务业', 'unchanged'],
    ['软件和信息技术服务', 'I65', '软件和信息技术服务业', 'normalized'],
    ['批发零售', 'F', '批发和零售业', 'normalized'],
    ['教育', 'P83', '教育', 'unchanged'],
    ['国际组织', 'T9700', '国际组织', 'unchanged'],
    ['足浴服务养生保健服务', 'O8052', '足浴服务', 'normalized'],
    ['互联网', 'I64', '互联网和相关服务', 'normalized'],
    ['SaaS', 'I651', '软件开发', 'normalized'],
    ['餐饮行业', 'H62', '餐饮业', 'normalized'],
    ['Real Estate', 'K70', '房地产业', 'normalized'],
    ['Hospital & Health Care', 'Q84', '卫生', 'normalized'],
    ['IT/互联网', 'I', '信息传输、软件和信息技术服务业', 'normalized'],
    ['制造业 > 汽车', 'C36', '汽车制造业', 'normalized'],
    ['精密模具制造', 'C3525', '模具制造', 'normalized'],
  ] as const)('%s → %s %s', (raw, code, name, status) => {
    expect(normalizeIndustry(raw)).toMatchObject({ code, name, status, issues: [] });
  });

  it.each(['芯片', '互联网金融', 'Energy', '医疗/医药'])('%s is ambiguous', (raw) => {
    const result = normalizeIndustry(raw);
    expect(result).toMatchObject({ code: null, status: 'unresolved' });
    expect(result.issues.map((i) => i.code)).toEqual(['ambiguous_industry']);
  });

  it.each(['其他', '无', 'asdf', '液晶电视', '化工设备', '软件'.repeat(60)])('%s is unknown', (raw) => {
    const result = normalizeIndustry(raw);
    expect(result).toMatchObject({ code: null, status: 'unresolved' });
    expect(result.issues.map((i) => i.code)).toEqual(['unknown_industry']);
  });

  it.each([null, undefined, '', '   '])('%j is empty', (raw) => {
    expect(normalizeIndustry(raw)).toEqual({ code: null, name: null, level: null, status: 'empty', issues: [] });
  });

  it('memoizes without sharing: a caller may change its copy', () => {
    const first = normalizeIndustry('互联网金融');
    first.issues.push({ field: 'industry', code: 'extra', value: '', message: '' });
    first.code = 'X';
    const second = normalizeIndustry('互联网金融');
    expect(second.code).toBeNull();
    expect(second.issues.map((i) => i.code)).toEqual(['ambiguous_industry']);
  });
});

describe('normalizeIndustry: labelled accuracy', () => {
  const rows = parse(readFileSync(new URL('./labelled/industry.csv', import.meta.url)), {
    columns: true,
    skip_empty_lines: true,
  }) as { input: string; expected_code: string; expected_status: string; note: string }[];

  it('has at least 120 hand-checked inputs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
  });

  it('gets ≥ 99% of codes and statuses right', () => {
    const misses: string[] = [];
    let codeHits = 0;
    let statusHits = 0;
    for (const row of rows) {
      const result = normalizeIndustry(row.input);
      const code = result.code ?? '';
      if (code === row.expected_code) codeHits++;
      else misses.push(`KNOWN MISS code: ${row.input} expected ${row.expected_code || '(none)'} got ${code || '(none)'}`);
      if (result.status === row.expected_status) statusHits++;
      else misses.push(`KNOWN MISS status: ${row.input} expected ${row.expected_status} got ${result.status}`);
    }
    const codeAccuracy = codeHits / rows.length;
    const statusAccuracy = statusHits / rows.length;
    for (const miss of misses) console.log(miss);
    console.log(
      `industry labelled accuracy: code ${(codeAccuracy * 100).toFixed(1)}%, status ${(statusAccuracy * 100).toFixed(1)}% (${rows.length} inputs)`,
    );
    expect(codeAccuracy).toBeGreaterThanOrEqual(0.99);
    expect(statusAccuracy).toBeGreaterThanOrEqual(0.99);
  });
});
