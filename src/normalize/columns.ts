// The normalized columns of a record, in the order they are stored (record_values) and exported.

export const NORMALIZED_COLUMNS = [
  'name', 'name_core', 'legal_form', 'branch', 'parent_name', 'name_key', 'customer_type',
  'first_name', 'last_name', 'short_name',
  'uscc', 'uscc_valid', 'org_code', 'org_code_valid', 'id_number', 'id_valid', 'birth_date', 'gender',
  'contact_name', 'mobile', 'phone', 'phone_ext', 'phones', 'fax', 'email', 'website',
  'country', 'region_code', 'province', 'city', 'district', 'address', 'postal_code',
  'industry_code', 'industry_name', 'owner', 'grade', 'stage', 'channel', 'annual_amount',
  'created_at', 'updated_at', 'last_activity_at', 'last_deal_at', 'notes',
] as const;
export type NormalizedColumn = (typeof NORMALIZED_COLUMNS)[number];
export type NormalizedRecord = Record<NormalizedColumn, string | number | null>;

