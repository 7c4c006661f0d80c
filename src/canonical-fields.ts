// The canonical customer fields every import maps onto. One list, used by header mapping, the store and exports.
// Covers companies and individuals; anything else a file carries is kept as an unmapped column.

export const CANONICAL_FIELDS = [
  'source_id',
  'name',
  'first_name',
  'last_name',
  'short_name',
  'customer_type',
  'uscc',
  'org_code',
  'id_number',
  'birth_date',
  'gender',
  'contact_name',
  'mobile',
  'phone',
  'fax',
  'email',
  'website',
  'country',
  'province',
  'city',
  'district',
  'region',
  'address',
  'postal_code',
  'industry',
  'owner',
  'grade',
  'stage',
  'channel',
  'annual_amount',
  'created_at',
  'updated_at',
  'last_activity_at',
  'last_deal_at',
  'notes',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Canonical field → raw text as read (after column mapping/concatenation). Absent = no value. */
export type CanonicalValues = Partial<Record<CanonicalField, string>>;

const FIELD_SET: ReadonlySet<string> = new Set(CANONICAL_FIELDS);

export function isCanonicalField(name: string): name is CanonicalField {
  return FIELD_SET.has(name);
}
