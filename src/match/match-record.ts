// From a normalized record (src/normalize/record.ts columns) to what matching sees of it (MatchRecord).
// Pure. Text that matching compares is lower-cased here once, so comparisons never fold case per pair.
//
// Where a normalizer could not resolve a value but the raw text still identifies it, the raw text is used:
//   city         the raw city (lower-cased) when no GB/T 2260 code was found: suburbs, US or UK towns;
//   birthDate    (not companies) a raw date written YYYY-MM-DD or YYYYMMDD that normalizeDate refused (before 1900, or a typo
//                such as month 13: its digits still agree with the true date but for one edit);
//   industry     the raw industry (occupation) text when it has no GB/T 4754 code.
import type { CanonicalValues } from '../canonical-fields.js';
import type { NormalizedColumn, NormalizedRecord } from '../normalize/columns.js';
import type { MatchRecord } from './types.js';

/** The normalized columns matching reads (a load for matching selects just these). */
export const MATCH_COLUMNS = [
  'name', 'name_core', 'name_key', 'branch', 'parent_name', 'customer_type', 'first_name', 'last_name',
  'uscc', 'uscc_valid', 'id_number', 'id_valid', 'birth_date', 'gender', 'phones', 'email', 'region_code', 'city',
  'postal_code', 'address', 'contact_name', 'website', 'updated_at', 'industry_code',
] as const satisfies readonly NormalizedColumn[];

export type MatchValues = Pick<NormalizedRecord, (typeof MATCH_COLUMNS)[number]>;

export interface MatchRecordContext {
  source?: string;
  customerId?: number | null;
  /** The raw values the record was normalized from, for the fallbacks above. */
  raw?: CanonicalValues;
}

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const lower = (v: string | number | null | undefined): string | null => {
  const s = str(v);
  if (s === null) return null;
  const t = s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

const ISO_DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

function rawDate(raw: string | undefined): string | null {
  const m = ISO_DATE.exec((raw ?? '').trim());
  if (!m) return null;
  return `${m[1]}-${m[2]}-${m[3]}`; // kept even when impossible (19991319): its digits still match a typo
}

/** Whether buildMatchRecord would use any raw value for these normalized values (callers skip decoding the raw
 * row otherwise). Companies have no birth date to fall back to. */
export function needsRawFallback(values: MatchValues): boolean {
  return !values.region_code || !values.industry_code || (!values.birth_date && values.customer_type !== 'company');
}

export function buildMatchRecord(id: number, values: MatchValues, ctx: MatchRecordContext = {}): MatchRecord {
  const raw = ctx.raw ?? {};
  const regionCode = str(values.region_code);
  const phones = str(values.phones);
  const email = lower(values.email);
  const type = values.customer_type === 'company' || values.customer_type === 'individual' ? values.customer_type : null;
  return {
    id,
    source: ctx.source ?? '',
    customerId: ctx.customerId ?? null,
    type,
    name: str(values.name),
    nameCore: lower(values.name_core),
    nameKey: str(values.name_key),
    branch: str(values.branch),
    parentName: str(values.parent_name),
    firstName: lower(values.first_name),
    lastName: lower(values.last_name),
    uscc: str(values.uscc),
    usccValid: values.uscc_valid === 1,
    idNumber: str(values.id_number),
    birthDate: str(values.birth_date) ?? (values.customer_type === 'company' ? null : rawDate(raw.birth_date)),
    phones: phones ? phones.split(';').filter(Boolean) : [],
    emails: email ? [email] : [],
    regionCode,
    city: regionCode ? null : lower(raw.city ?? values.city),
    postalCode: lower(values.postal_code),
    address: lower(values.address),
    contactName: lower(values.contact_name),
    website: lower(values.website),
    updatedAt: str(values.updated_at),
    idValid: values.id_valid === 1,
    gender: str(values.gender),
    industry: str(values.industry_code) ?? lower(raw.industry),
  };
}
