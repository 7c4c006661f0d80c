// The columns of `crm export --view records`: provenance, then the canonical fields with their normalized values,
// then the extra normalized columns, and with --with-raw the raw value of every canonical field.
import { CANONICAL_FIELDS, type CanonicalValues } from '../canonical-fields.js';
import type { NormalizedRecord } from '../normalize/columns.js';
import type { StoredRecordRow } from '../store/record-views.js';

const FIELDS = CANONICAL_FIELDS.filter((f) => f !== 'source_id');
/** Canonical fields that are free text whose normalized form lives in code columns: exported as read. */
const RAW_ONLY: ReadonlySet<string> = new Set(['region', 'industry']);
const EXTRA = ['name_core', 'legal_form', 'branch', 'parent_name', 'uscc_valid', 'org_code_valid', 'id_valid', 'phone_ext', 'phones', 'region_code', 'industry_code', 'industry_name'] as const;

export function recordColumns(withRaw: boolean): string[] {
  return ['source', 'source_row', 'source_id', 'customer_id', ...FIELDS, ...EXTRA, ...(withRaw ? FIELDS.map((f) => `raw_${f}`) : [])];
}

export function recordRow(r: StoredRecordRow, raw: CanonicalValues, withRaw: boolean): unknown[] {
  const v: NormalizedRecord | null = r.values;
  const shown = FIELDS.map((f) => (v && !RAW_ONLY.has(f) ? (v[f as keyof NormalizedRecord] ?? '') : (raw[f] ?? '')));
  const extra = EXTRA.map((c) => (v ? (v[c] ?? '') : ''));
  const rawCols = withRaw ? FIELDS.map((f) => raw[f] ?? '') : [];
  return [r.source, r.source_row, r.source_id ?? '', r.customer_id ?? '', ...shown, ...extra, ...rawCols];
}
