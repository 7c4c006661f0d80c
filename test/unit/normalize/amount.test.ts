import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeAmount } from '../../../src/normalize/amount.js';

describe('normalizeAmount', () => {
  it.each<[string | null | undefined, number | null, string, string[]]>([
    ['12.5万', 125000, 'normalized', []],
    ['1.2亿', 120000000, 'normalized', []],
    ['¥1,234.00', 1234, 'normalized', []],
    ['1,234.00', 1234, 'normalized', []],
    ['￥88', 88, 'normalized', []],
    ['RMB 1,234.00', 1234, 'normalized', []],
    ['500元', 500, 'normalized', []],
    ['１２３４', 1234, 'normalized', []],
    ['1234', 1234, 'unchanged', []],
    ['1234.5', 1234.5, 'unchanged', []],
    ['−1,234', -1234, 'normalized', []],
    ['(1,234.00)', -1234, 'normalized', []],
    ['3千', 3000, 'normalized', []],
    ['5百万', 5000000, 'normalized', []],
    ['0.07万', 700, 'normalized', []],
    ['1亿2000万', 120000000, 'normalized', []],
    ['约100万', 1000000, 'unresolved', ['approximate_amount']],
    ['10-50万', null, 'unresolved', ['amount_range']],
    ['$1,000', null, 'unresolved', ['foreign_currency']],
    ['12%', null, 'invalid', ['invalid_amount']],
    ['abc', null, 'invalid', ['invalid_amount']],
    ['2万5', null, 'invalid', ['invalid_amount']],
    ['无', null, 'empty', []],
    ['', null, 'empty', []],
    [null, null, 'empty', []],
    [undefined, null, 'empty', []],
  ])('%s → %s', (raw, value, status, codes) => {
    const r = normalizeAmount(raw);
    expect(r.value).toBe(value);
    expect(r.status).toBe(status);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  it('scales decimals exactly', () => {
    expect(normalizeAmount('1.23万').value).toBe(12300);
    expect(normalizeAmount('0.1亿').value).toBe(10000000);
    expect(normalizeAmount('12.345万').value).toBe(123450);
  });

  it('puts opts.field and the raw text on the issue', () => {
    expect(normalizeAmount(' 待定 ', { field: 'annual_revenue' }).issues).toEqual([
      { field: 'annual_revenue', code: 'invalid_amount', value: '待定', message: expect.any(String) },
    ]);
  });
});

describe('normalizeAmount: labelled table (labelled/amount.csv)', () => {
  interface Row {
    input: string;
    expected: string;
    expected_issue: string;
    note: string;
  }
  const rows = parse(readFileSync(new URL('./labelled/amount.csv', import.meta.url), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];

  it('has at least 40 hand-checked rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it('gets >= 99% of them right, printing every miss', () => {
    let hits = 0;
    for (const row of rows) {
      const r = normalizeAmount(row.input, { field: 'annual_revenue' });
      const got = [r.value === null ? '' : String(r.value), r.issues.map((i) => i.code).join('|')].join(' / ');
      const want = [row.expected, row.expected_issue].join(' / ');
      if (got === want) hits++;
      else console.log(`KNOWN MISS amount: ${row.input} expected ${want} got ${got} (${row.note})`);
    }
    const accuracy = hits / rows.length;
    console.log(`amount labelled accuracy: ${hits}/${rows.length} = ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});
