import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../src/normalize/email.js';

describe('normalizeEmail', () => {
  it.each<[string | null | undefined, string | null, string[], string, string[]]>([
    [' ZhangSan@QQ.com ', 'zhangsan@qq.com', ['zhangsan@qq.com'], 'normalized', []],
    ['zhangsan@qq.com', 'zhangsan@qq.com', ['zhangsan@qq.com'], 'unchanged', []],
    ['ｚｈａｎｇｓａｎ＠ｑｑ．ｃｏｍ', 'zhangsan@qq.com', ['zhangsan@qq.com'], 'normalized', []],
    ['zhangsan@qq。com', 'zhangsan@qq.com', ['zhangsan@qq.com'], 'normalized', []],
    ['张三 <ZhangSan@QQ.com>', 'zhangsan@qq.com', ['zhangsan@qq.com'], 'normalized', []],
    ['a@qq.com; b@163.com，c@126.com', 'a@qq.com', ['a@qq.com', 'b@163.com', 'c@126.com'], 'normalized', []],
    ['a@qq.com b@163.com', 'a@qq.com', ['a@qq.com', 'b@163.com'], 'normalized', []],
    ['a@qq.com;A@QQ.COM', 'a@qq.com', ['a@qq.com'], 'normalized', []],
    // typos are flagged, never fixed
    ['zhangsan@qq.con', 'zhangsan@qq.con', ['zhangsan@qq.con'], 'unresolved', ['email_domain_typo']],
    ['lisi@163.cm', 'lisi@163.cm', ['lisi@163.cm'], 'unresolved', ['email_domain_typo']],
    ['john@gmial.com', 'john@gmial.com', ['john@gmial.com'], 'unresolved', ['email_domain_typo']],
    ['mary@hotmial.com', 'mary@hotmial.com', ['mary@hotmial.com'], 'unresolved', ['email_domain_typo']],
    ['x@126.cm', 'x@126.cm', ['x@126.cm'], 'unresolved', ['email_domain_typo']],
    ['x@126.com', 'x@126.com', ['x@126.com'], 'unchanged', []],
    ['x@189.com', 'x@189.com', ['x@189.com'], 'unresolved', ['email_domain_typo']],
    ['x@mail.com', 'x@mail.com', ['x@mail.com'], 'unchanged', []],
    // invalid parts never reach value/emails
    ['zhangsan@qqcom', null, [], 'invalid', ['invalid_email']],
    ['zhang san@qq.com', null, [], 'invalid', ['invalid_email']],
    ['a@qq.com;not-an-email', 'a@qq.com', ['a@qq.com'], 'invalid', ['invalid_email']],
    ['a..b@qq.com', null, [], 'invalid', ['invalid_email']],
    ['a@qq', null, [], 'invalid', ['invalid_email']],
    ['见名片', null, [], 'invalid', ['invalid_email']],
    ['无', null, [], 'empty', []],
    ['N/A', null, [], 'empty', []],
    ['', null, [], 'empty', []],
    [null, null, [], 'empty', []],
    [undefined, null, [], 'empty', []],
  ])('%s', (raw, value, emails, status, codes) => {
    const r = normalizeEmail(raw);
    expect(r.value).toBe(value);
    expect(r.emails).toEqual(emails);
    expect(r.status).toBe(status);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  it('names the suggestion in the typo message and keeps field/value', () => {
    const r = normalizeEmail('Zhang@QQ.con');
    expect(r.issues).toEqual([
      { field: 'email', code: 'email_domain_typo', value: 'Zhang@QQ.con', message: expect.stringContaining('zhang@qq.com') },
    ]);
  });

  it('hints at the domain when the dot is missing', () => {
    expect(normalizeEmail('zhangsan@163com').issues[0]?.message).toContain('zhangsan@163.com');
  });
});

describe('normalizeEmail: labelled table (labelled/email.csv)', () => {
  interface Row {
    input: string;
    expected_value: string;
    expected_emails: string;
    expected_issue: string;
    note: string;
  }
  const rows = parse(readFileSync(new URL('./labelled/email.csv', import.meta.url), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];

  it('has at least 40 hand-checked rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it('gets >= 99% of them right, printing every miss', () => {
    let hits = 0;
    for (const row of rows) {
      const r = normalizeEmail(row.input);
      const got = [r.value ?? '', r.emails.join('|'), r.issues.map((i) => i.code).join('|')].join(' / ');
      const want = [row.expected_value, row.expected_emails, row.expected_issue].join(' / ');
      if (got === want) hits++;
      else console.log(`KNOWN MISS email: ${row.input} expected ${want} got ${got} (${row.note})`);
    }
    const accuracy = hits / rows.length;
    console.log(`email labelled accuracy: ${hits}/${rows.length} = ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});
