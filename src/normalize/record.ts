// Normalizes one record: every canonical field through its normalizer, plus the cross-field checks (landline area
// code vs region). Pure: raw values in, normalized values, per-field statuses and issues out. The raw values are
// never changed here; the caller stores the result next to them.
import type { CanonicalValues } from '../canonical-fields.js';
import { normalizeAmount } from './amount.js';
import { normalizeDate, type DateOrder } from './date.js';
import { normalizeEmail } from './email.js';
import { normalizeIdNumber, normalizeOrgCode, normalizeUscc } from './identifier.js';
import { normalizeIndustry } from './industry.js';
import { normalizeName } from './name.js';
import { normalizeFax, normalizePhones } from './phone.js';
import { areaCodesForRegion, checkAreaCode, normalizeRegion } from './region.js';
import type { FieldIssue, NormalizeStatus } from './types.js';
import type { NormalizedRecord } from './columns.js';

export { NORMALIZED_COLUMNS, type NormalizedColumn, type NormalizedRecord } from './columns.js';

/** The fields `crm normalize` reports on, each with one status per record. */
export const REPORTED_FIELDS = [
  'name', 'uscc', 'org_code', 'id_number', 'phone', 'fax', 'email', 'region', 'industry', 'annual_amount',
  'birth_date', 'gender', 'created_at', 'updated_at', 'last_activity_at', 'last_deal_at',
] as const;
export type ReportedField = (typeof REPORTED_FIELDS)[number];

export interface NormalizeContext {
  /** How numeric dates like 03/04/2024 are read (from the import preset). */
  dateOrder: DateOrder;
}

export interface NormalizedResult {
  values: NormalizedRecord;
  statuses: Record<ReportedField, NormalizeStatus>;
  issues: FieldIssue[];
}

const DATE_FIELDS = ['created_at', 'updated_at', 'last_activity_at', 'last_deal_at'] as const;

export function normalizeRecord(raw: CanonicalValues, ctx: NormalizeContext): NormalizedResult {
  const issues: FieldIssue[] = [];
  const take = <T extends { issues: FieldIssue[] }>(r: T): T => {
    if (r.issues.length > 0) issues.push(...r.issues);
    return r;
  };

  const uscc = take(normalizeUscc(raw.uscc));
  const org = take(normalizeOrgCode(raw.org_code));
  const id = take(normalizeIdNumber(raw.id_number));
  const name = take(normalizeName(raw.name, {
    customerType: raw.customer_type ?? null, uscc: raw.uscc ?? null, idNumber: raw.id_number ?? null,
    firstName: raw.first_name ?? null, lastName: raw.last_name ?? null,
  }));
  const region = take(normalizeRegion({
    province: raw.province, city: raw.city, district: raw.district, region: raw.region, address: raw.address,
  }));
  // Complete a landline written without its area code only when the region implies exactly one code.
  const codes = region.code ? areaCodesForRegion(region.code) : [];
  const areaCode = codes.length === 1 ? codes[0]! : null;
  const phones = take(normalizePhones([{ field: 'mobile', value: raw.mobile }, { field: 'phone', value: raw.phone }], { areaCode }));
  const fax = take(normalizeFax(raw.fax, { areaCode }));
  if (region.code) {
    // The fax is a landline too: its area code is checked the same way.
    for (const n of [...phones.numbers, ...fax.numbers]) {
      if (n.areaCode && n.country === 'CN' && checkAreaCode(region.code, n.areaCode) === 'conflict') {
        issues.push({
          field: n.field, code: 'area_code_conflict', value: n.raw,
          message: `area code ${n.areaCode} does not belong to ${[region.province, region.city, region.district].filter(Boolean).join('')} (${region.code})`,
        });
      }
    }
  }
  const email = take(normalizeEmail(raw.email));
  const industry = take(normalizeIndustry(raw.industry));
  const amount = take(normalizeAmount(raw.annual_amount, { field: 'annual_amount' }));
  const birth = take(normalizeDate(raw.birth_date, { order: ctx.dateOrder, field: 'birth_date' }));
  const gender = take(normalizeGender(raw.gender));
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, take(normalizeDate(raw[f], { order: ctx.dateOrder, field: f }))])) as Record<(typeof DATE_FIELDS)[number], ReturnType<typeof normalizeDate>>;

  const values: NormalizedRecord = {
    name: name.name, name_core: name.nameCore, legal_form: name.legalForm, branch: name.branch, parent_name: name.parentName,
    name_key: name.pinyinKey, customer_type: name.customerType,
    first_name: text(raw.first_name), last_name: text(raw.last_name), short_name: text(raw.short_name),
    uscc: uscc.value, uscc_valid: flag(uscc.valid), org_code: org.value ?? uscc.orgCode, org_code_valid: flag(org.valid),
    id_number: id.value, id_valid: flag(id.valid), birth_date: birth.value ?? id.birthDate, gender: gender.value ?? id.gender,
    contact_name: text(raw.contact_name), mobile: phones.mobile, phone: phones.phone, phone_ext: phones.phoneExt,
    phones: phones.phones.length > 0 ? phones.phones.join(';') : null, fax: fax.value, email: email.value,
    website: website(raw.website),
    country: text(raw.country), region_code: region.code, province: region.province, city: region.city, district: region.district,
    address: text(raw.address), postal_code: text(raw.postal_code),
    industry_code: industry.code, industry_name: industry.name,
    owner: text(raw.owner), grade: text(raw.grade), stage: text(raw.stage), channel: text(raw.channel),
    annual_amount: amount.value,
    created_at: dates.created_at.value, updated_at: dates.updated_at.value, last_activity_at: dates.last_activity_at.value,
    last_deal_at: dates.last_deal_at.value, notes: raw.notes ?? null,
  };
  const statuses: Record<ReportedField, NormalizeStatus> = {
    name: name.status, uscc: uscc.status, org_code: org.status, id_number: id.status, phone: phones.status, fax: fax.status,
    email: email.status, region: region.status, industry: industry.status, annual_amount: amount.status,
    birth_date: birth.status, gender: gender.status, created_at: dates.created_at.status, updated_at: dates.updated_at.status,
    last_activity_at: dates.last_activity_at.status, last_deal_at: dates.last_deal_at.status,
  };
  return { values, statuses, issues };
}

/** Free text: NFKC (full-width → half-width), spaces collapsed. */
function text(v: string | undefined): string | null {
  if (!v) return null;
  const t = v.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function flag(v: boolean | null): number | null {
  return v === null ? null : v ? 1 : 0;
}

function website(v: string | undefined): string | null {
  const t = text(v);
  return t ? t.toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '') : null;
}

const MALE = new Set(['男', 'm', 'male', '先生', '男性', 'man']);
const FEMALE = new Set(['女', 'f', 'female', '女士', '女性', 'woman', '小姐']);

export function normalizeGender(raw: string | undefined): { value: 'male' | 'female' | null; status: NormalizeStatus; issues: FieldIssue[] } {
  const t = raw?.normalize('NFKC').trim().toLowerCase();
  if (!t) return { value: null, status: 'empty', issues: [] };
  if (MALE.has(t)) return { value: 'male', status: t === 'male' ? 'unchanged' : 'normalized', issues: [] };
  if (FEMALE.has(t)) return { value: 'female', status: t === 'female' ? 'unchanged' : 'normalized', issues: [] };
  return { value: null, status: 'unresolved', issues: [{ field: 'gender', code: 'unknown_gender', value: raw!, message: `cannot tell a gender from "${raw}"` }] };
}
