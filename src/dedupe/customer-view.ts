// The columns of `crm export --view customers`: one golden row per active customer, with the canonical fields
// (free-text region and industry shown as their normalized names), the extra normalized columns, record_count and
// sources. Pure.
import { CANONICAL_FIELDS } from '../canonical-fields.js';
import type { NormalizedRecord } from '../normalize/columns.js';
import type { CustomerExportRow } from '../store/customers.js';

const FIELDS = CANONICAL_FIELDS.filter((f) => f !== 'source_id');
const EXTRA = ['name_core', 'legal_form', 'branch', 'parent_name', 'uscc_valid', 'phone_ext', 'phones', 'region_code', 'industry_code', 'industry_name'] as const;

export const CUSTOMER_COLUMNS = ['customer_id', ...FIELDS, ...EXTRA, 'record_count', 'sources'];

export function customerRow(c: CustomerExportRow): unknown[] {
  const v: NormalizedRecord = c.values;
  const field = (f: (typeof FIELDS)[number]): unknown => {
    if (f === 'region') return [v.province, v.city, v.district].filter((x, i, all) => x && all.indexOf(x) === i).join('');
    if (f === 'industry') return v.industry_name ?? '';
    return v[f as keyof NormalizedRecord] ?? '';
  };
  return [c.customer_id, ...FIELDS.map(field), ...EXTRA.map((e) => v[e] ?? ''), c.record_count, c.sources];
}
