// The labelled Chinese company set (fixtures/dedupe/chinese-companies*.csv): reproducible from its seed, and its
// labels defensible — copies of one company share an identifier, different companies never do.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../../bench/generate-crm.mjs';
import { HEADER, LABEL_HEADER, makeChineseSet } from '../../../bench/quality/make-chinese-set.mjs';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/dedupe/${name}`, import.meta.url)));

const built = makeChineseSet();
const rows = parse(built.csv, { bom: true, columns: true }) as Record<string, string>[];
const labels = parse(built.labels, { columns: true }) as Record<string, string>[];
const entityOf = new Map(labels.map((l) => [l.source_id!, l.entity_id!]));
const caseOf = new Map(labels.map((l) => [l.entity_id!, l.case!]));

const digits = (s: string) => s.replace(/\D/g, '');
/** Same number however it was written: the last 8 digits (mobiles are 11, landline locals 8). */
const phoneKey = (s: string) => (digits(s).length >= 8 ? digits(s).slice(-8) : null);
const usccKey = (s: string) => s.replace(/\s/g, '').toUpperCase();

/** identifier kind → value → entities using it */
function identifierOwners(): Map<string, Map<string, Set<string>>> {
  const owners = new Map<string, Map<string, Set<string>>>();
  const add = (kind: string, value: string | null, entity: string) => {
    if (!value) return;
    const byValue = owners.get(kind) ?? new Map<string, Set<string>>();
    owners.set(kind, byValue);
    const set = byValue.get(value) ?? new Set<string>();
    byValue.set(value, set);
    set.add(entity);
  };
  for (const r of rows) {
    const e = entityOf.get(r['客户编码']!)!;
    add('uscc', r['统一社会信用代码'] ? usccKey(r['统一社会信用代码']) : null, e);
    add('phone', r['手机'] ? phoneKey(r['手机']) : null, e);
    add('phone', r['电话'] ? phoneKey(r['电话']) : null, e);
    add('email', r['邮箱'] ? r['邮箱'].toLowerCase() : null, e);
  }
  return owners;
}

describe('make-chinese-set', () => {
  it('reproduces the committed fixture byte for byte', () => {
    expect(Buffer.from(built.csv, 'utf8').equals(fixture('chinese-companies.csv'))).toBe(true);
    expect(Buffer.from(built.labels, 'utf8').equals(fixture('chinese-companies.labels.csv'))).toBe(true);
    expect(makeChineseSet().csv).toBe(built.csv);
    expect(makeChineseSet({ seed: 7 }).csv).not.toBe(built.csv);
  });

  it('is a CRM export: BOM, CRLF, the Chinese header, one label per row, unique customer codes', () => {
    expect(built.csv.startsWith(`\ufeff${HEADER.join(',')}\r\n`)).toBe(true);
    expect(built.labels.startsWith(`${LABEL_HEADER.join(',')}\n`)).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(rows.length).toBeLessThanOrEqual(1000);
    expect(labels.map((l) => l.source_id)).toEqual(rows.map((r) => r['客户编码']));
    expect(new Set(rows.map((r) => r['客户编码'])).size).toBe(rows.length);
    expect(built.stats.records).toBe(rows.length);
  });

  it('writes only valid USCCs, one per entity', () => {
    const byEntity = new Map<string, Set<string>>();
    for (const r of rows) {
      const u = r['统一社会信用代码'];
      if (!u) continue;
      expect(isValidUscc(usccKey(u))).toBe(true);
      const e = entityOf.get(r['客户编码']!)!;
      byEntity.set(e, (byEntity.get(e) ?? new Set()).add(usccKey(u)));
    }
    for (const codes of byEntity.values()) expect(codes.size).toBe(1);
  });

  it('never gives two entities the same USCC, phone number or e-mail address', () => {
    for (const [kind, byValue] of identifierOwners()) {
      const shared = [...byValue].filter(([, entities]) => entities.size > 1).map(([v, entities]) => `${kind} ${v}: ${[...entities].join(', ')}`);
      expect(shared).toEqual([]);
    }
  });

  it('gives every copy of an entity an identifier that another copy also carries', () => {
    const keysOf = (r: Record<string, string>) =>
      [
        r['统一社会信用代码'] ? `u:${usccKey(r['统一社会信用代码'])}` : null,
        r['手机'] ? `p:${phoneKey(r['手机'])}` : null,
        r['电话'] ? `p:${phoneKey(r['电话'])}` : null,
        r['邮箱'] ? `e:${r['邮箱'].toLowerCase()}` : null,
      ].filter((k): k is string => k !== null);
    const byEntity = new Map<string, Record<string, string>[]>();
    for (const r of rows) {
      const e = entityOf.get(r['客户编码']!)!;
      byEntity.set(e, [...(byEntity.get(e) ?? []), r]);
    }
    const lonely: string[] = [];
    for (const [e, recs] of byEntity) {
      if (recs.length < 2) continue;
      recs.forEach((r, i) => {
        const others = new Set(recs.filter((_, j) => j !== i).flatMap(keysOf));
        if (!keysOf(r).some((k) => others.has(k))) lonely.push(`${e} ${r['客户编码']}`);
      });
    }
    expect(lonely).toEqual([]);
  });

  it('has the case mix the README describes: hard negatives, branches, name variants', () => {
    const s = built.stats;
    expect(Object.keys(s.cases).sort()).toEqual(['branch', 'head_office', 'namesake', 'regular', 'similar_name']);
    expect(s.hardNegativePairs.namesake).toBeGreaterThan(100);
    expect(s.hardNegativePairs.branch).toBeGreaterThan(50);
    expect(s.hardNegativePairs.similar).toBeGreaterThan(50);
    for (const v of ['canonical', 'exact_copy', 'region_moved', 'fullwidth_brackets', 'no_region', 'no_legal_form', 'short_name', 'legal_form_swap', 'traditional', 'homophone', 'spaces', 'city_suffix']) {
      expect(s.variants[v], v).toBeGreaterThan(5);
    }
    for (const r of rows) {
      const kase = caseOf.get(entityOf.get(r['客户编码']!)!);
      expect(r['客户名称']!.includes('分公司'), `${r['客户名称']} (${kase})`).toBe(kase === 'branch');
    }
  });
});
