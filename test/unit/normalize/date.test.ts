import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeDate, type DateOrder } from '../../../src/normalize/date.js';

describe('normalizeDate', () => {
  it.each<[string | null | undefined, DateOrder | undefined, string | null, string, string[]]>([
    ['2024/1/5', undefined, '2024-01-05', 'normalized', []],
    ['2024-01-05 14:22', undefined, '2024-01-05T14:22', 'normalized', []],
    ['2024年1月5日', undefined, '2024-01-05', 'normalized', []],
    ['2024.1.5', undefined, '2024-01-05', 'normalized', []],
    ['20240105', undefined, '2024-01-05', 'normalized', []],
    ['45296', undefined, '2024-01-05', 'normalized', []],
    ['2024-01-05T06:22:00Z', undefined, '2024-01-05T14:22:00', 'normalized', []],
    ['2024-01-05', undefined, '2024-01-05', 'unchanged', []],
    ['2024-01-05T14:22', undefined, '2024-01-05T14:22', 'unchanged', []],
    ['01/05/2024 2:30 PM', 'mdy', '2024-01-05T14:30', 'normalized', []],
    ['05/01/2024', 'dmy', '2024-01-05', 'normalized', []],
    ['05/06/2024', undefined, null, 'unresolved', ['ambiguous_date']],
    ['05/06/2024', 'mdy', '2024-05-06', 'normalized', []],
    ['05/06/2024', 'dmy', '2024-06-05', 'normalized', []],
    ['13/05/2024', undefined, '2024-05-13', 'normalized', []],
    ['13/05/2024', 'mdy', null, 'invalid', ['invalid_date']],
    ['2023-02-29', undefined, null, 'invalid', ['invalid_date']],
    ['2024-02-29', undefined, '2024-02-29', 'unchanged', []],
    ['12345', undefined, null, 'invalid', ['invalid_date']],
    ['2024年1月', undefined, null, 'unresolved', ['ambiguous_date']],
    ['1704441600', undefined, '2024-01-05T16:00:00', 'normalized', []],
    ['0000-00-00', undefined, null, 'empty', []],
    ['', undefined, null, 'empty', []],
    [null, undefined, null, 'empty', []],
    [undefined, 'mdy', null, 'empty', []],
  ])('%s (order %s)', (raw, order, value, status, codes) => {
    const r = normalizeDate(raw, order === undefined ? undefined : { order });
    expect(r.value).toBe(value);
    expect(r.status).toBe(status);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  it('puts opts.field and the raw text on the issue', () => {
    expect(normalizeDate(' 2023-02-29 ', { field: 'created_at' }).issues).toEqual([
      { field: 'created_at', code: 'invalid_date', value: '2023-02-29', message: expect.stringContaining('2023-02-29') },
    ]);
  });

  it('names both readings of an ambiguous date', () => {
    expect(normalizeDate('05/06/2024').issues[0]?.message).toMatch(/2024-05-06.*2024-06-05/);
  });
});

describe('normalizeDate: labelled table (labelled/date.csv)', () => {
  interface Row {
    input: string;
    order: string;
    expected: string;
    expected_issue: string;
    note: string;
  }
  const rows = parse(readFileSync(new URL('./labelled/date.csv', import.meta.url), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];

  it('has at least 60 hand-checked rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  it('gets >= 99% of them right, printing every miss', () => {
    let hits = 0;
    for (const row of rows) {
      const order = row.order === '' ? undefined : (row.order as DateOrder);
      const r = normalizeDate(row.input, { order, field: 'created_at' });
      const got = [r.value ?? '', r.issues.map((i) => i.code).join('|')].join(' / ');
      const want = [row.expected, row.expected_issue].join(' / ');
      if (got === want) hits++;
      else console.log(`KNOWN MISS date: ${row.input} expected ${want} got ${got} (${row.note})`);
    }
    const accuracy = hits / rows.length;
    console.log(`date labelled accuracy: ${hits}/${rows.length} = ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});
