// The reason codes of record issues (table record_issues): one entry for every code a normalizer in this folder
// or the importer (src/ingest) can emit, with what it means and what a data steward should do about it. Reports
// print `description` and `fix`; test/unit/normalize/reason-codes.test.ts keeps this list equal to the codes the
// source can emit, and fixtures/normalize/every-reason.csv reaches every one of them.
//
// - `field`: the record field the issue is filed under. Codes filed under several fields list them with '|':
//   phone codes go to the column the number came from (mobile, phone, fax), date codes to the date column.
// - `severity`: what the code does to the value. 'invalid' = provably wrong, the field's status is 'invalid';
//   'unresolved' = a person has to decide (ambiguous, unknown, needs confirming); 'warning' = the value is kept
//   (and is valid or was completed), the issue only points at something to check.
export type ReasonSeverity = 'invalid' | 'unresolved' | 'warning';

export interface ReasonCodeInfo {
  field: string;
  severity: ReasonSeverity;
  /** What the code means, in a sentence. */
  description: string;
  /** One line for the data steward: what to change in the source system. */
  fix: string;
}

const DATE_FIELDS = 'birth_date|created_at|updated_at|last_activity_at|last_deal_at';

export const REASON_CODES: Record<string, ReasonCodeInfo> = {
  // name (name.ts)
  name_has_placeholder: {
    field: 'name',
    severity: 'invalid',
    description: 'The name is a placeholder (测试, test, xxx, 无, 张三, 某某公司, a bare 有限公司), not a customer name.',
    fix: "Enter the customer's registered name, or delete the record if it is test data.",
  },
  name_has_note: {
    field: 'name',
    severity: 'warning',
    description: 'A note such as (已注销) or -重复 was cut from the end of the name; the rest is kept as the name.',
    fix: 'Move the note to the remarks or status field and keep only the registered name.',
  },
  customer_type_conflict: {
    field: 'name',
    severity: 'warning',
    description:
      'Evidence on company vs individual disagrees (legal form or branch in the name, customer type, USCC, ID number); the strongest wins.',
    fix: 'Check whether the customer is a company or a person and correct the type, name or identifier that does not fit.',
  },
  name_too_long: {
    field: 'name',
    severity: 'warning',
    description: 'The name has more than 150 characters (notes or other fields pasted in); it is cleaned but not split into parts.',
    fix: 'Shorten it to the registered name and move the rest to the remarks field.',
  },

  // uscc, org_code, id_number (identifier.ts)
  uscc_format: {
    field: 'uscc',
    severity: 'invalid',
    description:
      'The 统一社会信用代码 is not 18 characters of the GB 32100 set (0-9, A-Y without I O S V Z), or positions 3-8 are not digits.',
    fix: 'Copy the code again from the business licence or the national credit system (gsxt.gov.cn).',
  },
  uscc_checksum: {
    field: 'uscc',
    severity: 'invalid',
    description: 'The check character (18th) of the 统一社会信用代码 does not match the first 17: a character was mistyped.',
    fix: 'Compare the code character by character with the business licence and correct the mistyped one.',
  },
  uscc_org_code: {
    field: 'uscc',
    severity: 'warning',
    description:
      'The 统一社会信用代码 passes its own check, but the organization code inside it (positions 9-17) fails GB 11714.',
    fix: 'Confirm the code against the licence; if it matches, keep it (some issued codes have this defect).',
  },
  org_code_format: {
    field: 'org_code',
    severity: 'invalid',
    description: 'The 组织机构代码 is not 8 digits or capital letters plus one check character (XXXXXXXX-X).',
    fix: 'Re-enter it from the certificate, or take positions 9-17 of the customer\'s 统一社会信用代码.',
  },
  org_code_checksum: {
    field: 'org_code',
    severity: 'invalid',
    description: 'The check character of the 组织机构代码 does not match its first 8 characters (GB 11714).',
    fix: 'Compare the code with the certificate or the USCC (positions 9-17) and correct the mistyped character.',
  },
  id_format: {
    field: 'id_number',
    severity: 'invalid',
    description: 'The 身份证号 is not 18 characters (digits, X only last) nor an old 15-digit number.',
    fix: 'Re-enter the number from the ID card; look for a missing, extra or letter character.',
  },
  id_checksum: {
    field: 'id_number',
    severity: 'invalid',
    description: 'The check character (18th) of the 身份证号 does not match the first 17 digits (GB 11643).',
    fix: 'Compare the number with the ID card and correct the mistyped digit.',
  },
  id_birth_date: {
    field: 'id_number',
    severity: 'invalid',
    description: 'The birth date inside the 身份证号 (positions 7-14) does not exist or lies in the future.',
    fix: 'Re-enter the number from the ID card; the date digits are mistyped.',
  },
  id_region_code: {
    field: 'id_number',
    severity: 'invalid',
    description: 'The address code of the 身份证号 (positions 1-6) never existed in GB/T 2260 (1981-2024).',
    fix: 'Re-enter the number from the ID card; the first six digits are mistyped.',
  },

  // mobile, phone, fax (phone.ts, record.ts)
  invalid_phone: {
    field: 'phone|fax',
    severity: 'invalid',
    description: 'Part of a phone or fax cell is not a valid number (wrong length or prefix, masked digits, no digits at all).',
    fix: 'Correct the number from a reliable source (business card, contract), or delete it.',
  },
  invalid_mobile: {
    field: 'mobile',
    severity: 'invalid',
    description: 'Part of the mobile cell is not a valid number (often a digit too few or too many, or masked as 138****8000).',
    fix: 'Correct the mobile number with the contact, or delete it.',
  },
  filler_phone: {
    field: 'mobile|phone|fax',
    severity: 'invalid',
    description: 'A placeholder typed to get past a required field (13800000000, 11111111111, 12345678901, 0571-87654321); dropped.',
    fix: "Enter the customer's real number, or leave the field empty.",
  },
  missing_area_code: {
    field: 'mobile|phone|fax',
    severity: 'unresolved',
    description:
      "A landline without its area code: completed (and flagged) when the record's region or an earlier number gives one code, else left out.",
    fix: 'Write the number with its area code (021-62345678).',
  },
  short_number: {
    field: 'mobile|phone|fax',
    severity: 'unresolved',
    description: "A service short number (95588, 10086, 12315): a bank, carrier or hotline, not the customer's own number.",
    fix: "Replace it with the customer's own number.",
  },
  area_code_conflict: {
    field: 'mobile|phone',
    severity: 'warning',
    description: "A landline's area code does not belong to the record's region (a 021 number on a Beijing customer).",
    fix: 'Check which is right, the region or the number, and correct the other.',
  },

  // email (email.ts)
  invalid_email: {
    field: 'email',
    severity: 'invalid',
    description: 'Part of the e-mail cell is not an address (two @, no domain dot, spaces inside, or only words such as 见名片).',
    fix: 'Correct the address with the contact, or delete it.',
  },
  email_domain_typo: {
    field: 'email',
    severity: 'unresolved',
    description: 'The address is well-formed, but its domain looks like a typo of a big mail domain (qq.con for qq.com); kept as written.',
    fix: 'Confirm the address with the contact and correct the domain.',
  },

  // region (region.ts)
  ambiguous_region: {
    field: 'region',
    severity: 'unresolved',
    description: 'The region name fits several divisions (鼓楼区 is in 南京, 福州, 徐州, 开封); only their common parent, if any, is kept.',
    fix: 'Add the province and city.',
  },
  unknown_region: {
    field: 'region',
    severity: 'unresolved',
    description:
      'A province/city/district, region or address value names no GB/T 2260 division (sales territories such as 华东大区, typos, places abroad).',
    fix: 'Fill in province, city and district with their official names.',
  },
  region_conflict: {
    field: 'region',
    severity: 'unresolved',
    description: 'Region values contradict each other (province 广东省 with city 杭州市); the most specific consistent part is kept.',
    fix: 'Correct the province, city or district that does not belong to the others.',
  },

  // industry (industry.ts)
  invalid_industry_code: {
    field: 'industry',
    severity: 'invalid',
    description: 'An industry code GB/T 4754-2017 does not have, or a section letter that does not own the digits (A65).',
    fix: 'Use a GB/T 4754-2017 code (I65) or the industry name.',
  },
  industry_code_name_mismatch: {
    field: 'industry',
    severity: 'unresolved',
    description: 'The industry code and the label next to it name different industries (65-餐饮业: 65 is software and IT services).',
    fix: 'Keep either the code or the name, whichever is right, and drop the other.',
  },
  ambiguous_industry: {
    field: 'industry',
    severity: 'unresolved',
    description: 'The text names industries in different sections (互联网金融: internet services or finance).',
    fix: 'Choose the one industry that describes the main business.',
  },
  unknown_industry: {
    field: 'industry',
    severity: 'unresolved',
    description: 'The text names no GB/T 4754-2017 industry (placeholders such as 其他, marketing words, text over 100 characters).',
    fix: 'Replace it with a GB/T 4754-2017 industry name or code.',
  },

  // annual_amount (amount.ts)
  invalid_amount: {
    field: 'annual_amount',
    severity: 'invalid',
    description: 'Not an amount of money (a percentage, words, or digits grouped wrongly such as 1,23).',
    fix: 'Enter the amount in yuan as a number (1200000 or 120万).',
  },
  foreign_currency: {
    field: 'annual_amount',
    severity: 'unresolved',
    description: 'The amount is in a foreign currency (USD, HK$, €); it is not converted and the value is left empty.',
    fix: 'Convert it to yuan, or record the currency in its own field.',
  },
  approximate_amount: {
    field: 'annual_amount',
    severity: 'unresolved',
    description: 'An approximate amount (约500万, 100万以上, 100多万); the number is kept but needs confirming.',
    fix: 'Confirm the amount and enter it without 约 / 左右 / 以上.',
  },
  amount_range: {
    field: 'annual_amount',
    severity: 'unresolved',
    description: 'A range (100-200万) instead of one amount; the value is left empty.',
    fix: 'Enter one amount, e.g. the best estimate.',
  },

  // dates (date.ts)
  invalid_date: {
    field: DATE_FIELDS,
    severity: 'invalid',
    description:
      "Not a date, or one that does not exist (2023-02-30), lies outside 1900-2100, or contradicts the file's declared day/month order.",
    fix: 'Enter the date as YYYY-MM-DD.',
  },
  ambiguous_date: {
    field: DATE_FIELDS,
    severity: 'unresolved',
    description: 'Day and month can be swapped (05/06/2023), or the day is missing (2024年3月).',
    fix: 'Enter the date as YYYY-MM-DD.',
  },

  // gender (record.ts)
  unknown_gender: {
    field: 'gender',
    severity: 'unresolved',
    description: 'The gender value says neither male nor female (保密, 未知, 其他).',
    fix: 'Enter 男 or 女, or leave the field empty.',
  },

  // source_id (ingest/import-file.ts, stage 'import')
  duplicate_source_id: {
    field: 'source_id',
    severity: 'warning',
    description: 'The same customer code appears on several rows of one file; the later rows are kept as separate records.',
    fix: 'In the source CRM, merge the rows if they are one customer, or give each customer its own code.',
  },
};

/** Codes recorded by `crm import` itself (stage 'import'); all others come from normalization (stage 'normalize'). */
export const IMPORT_STAGE_CODES: ReadonlySet<string> = new Set(['duplicate_source_id']);

