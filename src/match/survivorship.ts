// Golden records: for each field of a customer, pick the surviving value among its source records by a chain of
// rules, and remember which record it came from. Pure.
import { NORMALIZED_COLUMNS, type NormalizedColumn, type NormalizedRecord } from '../normalize/columns.js';

export type SurvivorRule = 'source_priority' | 'valid' | 'most_recent' | 'most_complete' | 'most_frequent';
/** What provenance records: the deciding rule, or 'only_value' / 'union'. */
export type ReportedRule = SurvivorRule | 'only_value' | 'union';

/** One source record as survivorship sees it. */
export interface SurvivorInput {
  recordId: number;
  source: string;
  /** When the record last changed: its own updated_at if the source gave one, else when it was imported. */
  changedAt: string;
  values: NormalizedRecord;
}

export interface GoldenRecord {
  values: NormalizedRecord;
  provenance: Partial<Record<NormalizedColumn, { record_id: number; rule: ReportedRule }>>;
  recordCount: number;
  sources: string[];
}

export interface SurvivorshipOptions {
  /** Sources in order of trust (`--prefer u8,fxiaoke`): the first rule for every field when given. */
  prefer?: readonly string[];
}

const VALIDITY: Partial<Record<NormalizedColumn, NormalizedColumn>> = {
  uscc: 'uscc_valid',
  org_code: 'org_code_valid',
  id_number: 'id_valid',
};

/** Fields that travel together: the survivor of the first decides the others (a region is one choice). */
const GROUPS: NormalizedColumn[][] = [
  ['name', 'name_core', 'legal_form', 'branch', 'parent_name', 'name_key', 'customer_type'],
  ['uscc', 'uscc_valid'],
  ['org_code', 'org_code_valid'],
  ['id_number', 'id_valid'],
  ['phone', 'phone_ext'],
  ['region_code', 'province', 'city', 'district'],
  ['industry_code', 'industry_name'],
];

/** Per leading field, the rule chain (after source priority when --prefer is given). */
const RULES: Partial<Record<NormalizedColumn, SurvivorRule[]>> = {
  name: ['most_complete', 'most_frequent', 'most_recent'],
  uscc: ['valid', 'most_frequent', 'most_recent'],
  org_code: ['valid', 'most_frequent', 'most_recent'],
  id_number: ['valid', 'most_frequent', 'most_recent'],
  region_code: ['most_complete', 'most_frequent', 'most_recent'],
  industry_code: ['most_complete', 'most_frequent', 'most_recent'],
  created_at: ['most_frequent'],
};
const DEFAULT_RULES: SurvivorRule[] = ['most_recent', 'most_frequent'];

/** Multi-valued fields: the golden record keeps the union, in order of first appearance (most recent first). */
const UNION: ReadonlySet<NormalizedColumn> = new Set(['phones']);

/** Per leading column: the columns it decides, and its rule chain without and with --prefer (computed once). */
const PLAN = NORMALIZED_COLUMNS.map((column) => {
  const rules = RULES[column] ?? DEFAULT_RULES;
  return {
    column,
    group: GROUPS.find((g) => g[0] === column) ?? [column],
    union: UNION.has(column),
    chain: rules,
    preferChain: ['source_priority' as const, ...rules],
  };
}).filter((p) => !GROUPS.some((g) => g.indexOf(p.column) > 0));

export function pickSurvivors(records: readonly SurvivorInput[], options: SurvivorshipOptions = {}): GoldenRecord {
  if (records.length === 0) throw new Error('a customer needs at least one record');
  if (records.length === 1) return single(records[0]!);
  const byRecent = [...records].sort((x, y) => (x.changedAt < y.changedAt ? 1 : x.changedAt > y.changedAt ? -1 : x.recordId - y.recordId));
  const values = {} as NormalizedRecord;
  const provenance: GoldenRecord['provenance'] = {};
  const prefer = options.prefer ?? [];

  for (const { column, group, union, chain, preferChain } of PLAN) {
    if (union) {
      const all = byRecent.flatMap((r) => String(r.values[column] ?? '').split(';').filter(Boolean));
      const merged = [...new Set(all)];
      values[column] = merged.length > 0 ? merged.join(';') : null;
      const from = byRecent.find((r) => r.values[column]);
      if (from) provenance[column] = { record_id: from.recordId, rule: 'union' };
      continue;
    }
    const winner = choose(byRecent, column, prefer.length > 0 ? preferChain : chain, prefer);
    for (const c of group) {
      values[c] = winner ? winner.record.values[c] : null;
      if (winner && values[c] !== null) provenance[c] = { record_id: winner.record.recordId, rule: winner.rule };
    }
  }
  return { values, provenance, recordCount: records.length, sources: [...new Set(records.map((r) => r.source))].sort() };
}

/** A customer with one record (most of them): every value is that record's, with nothing to choose (the store
 * writes these in SQL: writeSingleRecordGolden must agree). */
function single(r: SurvivorInput): GoldenRecord {
  const provenance: GoldenRecord['provenance'] = {};
  for (const c of NORMALIZED_COLUMNS) {
    if (r.values[c] !== null && r.values[c] !== '') provenance[c] = { record_id: r.recordId, rule: 'only_value' };
  }
  return { values: { ...r.values }, provenance, recordCount: 1, sources: [r.source] };
}

/** Narrows the candidates rule by rule. The reported rule is the last one that narrowed the set ('only_value'
 * when a single record has the field; 'most_recent' when different values were still tied, broken by recency). */
function choose(byRecent: readonly SurvivorInput[], column: NormalizedColumn, chain: SurvivorRule[], prefer: readonly string[]): { record: SurvivorInput; rule: ReportedRule } | null {
  let candidates = byRecent.filter((r) => r.values[column] !== null && r.values[column] !== '');
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return { record: candidates[0]!, rule: 'only_value' };
  let decisive: ReportedRule = 'most_recent';
  for (const rule of chain) {
    if (candidates.length === 1) break;
    const narrowed = narrow(candidates, column, rule, prefer);
    if (narrowed.length < candidates.length) decisive = rule;
    candidates = narrowed;
  }
  // Candidates left tied on the same value were decided by the rule that got there; differing values fall to recency.
  const first = candidates[0]!;
  const agreed = candidates.every((r) => r.values[column] === first.values[column]);
  return { record: first, rule: agreed ? decisive : 'most_recent' };
}

function narrow(candidates: SurvivorInput[], column: NormalizedColumn, rule: SurvivorRule, prefer: readonly string[]): SurvivorInput[] {
  switch (rule) {
    case 'source_priority': {
      const rank = (r: SurvivorInput) => {
        const i = prefer.indexOf(r.source);
        return i < 0 ? prefer.length : i;
      };
      const best = Math.min(...candidates.map(rank));
      return candidates.filter((r) => rank(r) === best);
    }
    case 'valid': {
      const flag = VALIDITY[column];
      if (!flag) return candidates;
      const valid = candidates.filter((r) => r.values[flag] === 1);
      return valid.length > 0 ? valid : candidates;
    }
    case 'most_recent': {
      // Candidates are ordered most recent first; keep those tied with the first.
      const top = candidates[0]!.changedAt;
      return candidates.filter((r) => r.changedAt === top);
    }
    case 'most_complete': {
      const best = Math.max(...candidates.map((r) => completeness(column, r.values)));
      return candidates.filter((r) => completeness(column, r.values) === best);
    }
    case 'most_frequent': {
      const counts = new Map<unknown, number>();
      for (const r of candidates) counts.set(r.values[column], (counts.get(r.values[column]) ?? 0) + 1);
      const best = Math.max(...counts.values());
      return candidates.filter((r) => counts.get(r.values[column]) === best);
    }
  }
}

const HAN = /\p{Script=Han}/u;

/** How complete a value is: a name with its legal form and in Chinese (the registered name) beats a bare or
 * romanised one; codes count by specificity (310115 over 310000, I6513 over I65); other text by length. */
function completeness(column: NormalizedColumn, v: NormalizedRecord): number {
  const text = String(v[column]);
  if (column === 'name') return (v.legal_form ? 2000 : 0) + (HAN.test(text) ? 1000 : 0) + Math.min(text.length, 999);
  if (column === 'region_code') return text.replace(/(00)+$/, '').length;
  return text.length;
}
