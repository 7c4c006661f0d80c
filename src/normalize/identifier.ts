// Identifier checksums: 统一社会信用代码 (GB 32100-2015), 公民身份号码 (GB 11643-1999) and 组织机构代码
// (GB 11714-1997). Algorithms and test vectors: shared/standards/NOTES.md §4.
// A value that fails keeps its cleaned text (so the user sees it), valid=false, status 'invalid', and an issue
// that says what is wrong.
import { isKnownRegionCode } from './region.js';
import type { FieldIssue, NormalizeStatus } from './types.js';

export interface UsccResult {
  value: string | null;
  valid: boolean | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
  /** Embedded 组织机构代码 (positions 9–17), written XXXXXXXX-X; null unless the code is valid. */
  orgCode: string | null;
  /** 登记管理机关行政区划码 (positions 3–8); null unless the code is valid. */
  regionCode: string | null;
}

export interface IdNumberResult {
  value: string | null;
  valid: boolean | null;
  birthDate: string | null; // YYYY-MM-DD
  gender: 'male' | 'female' | null;
  regionCode: string | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
}

export interface OrgCodeResult {
  value: string | null;
  valid: boolean | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

/** Full-width -> half-width (NFKC), upper case, no spaces or hyphens of any width. */
function clean(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑‒–—―－_]+/g, '');
}

function issue(field: string, code: string, value: string, message: string): FieldIssue {
  return { field, code, value, message };
}

function statusOf(issues: FieldIssue[], errorCodes: Set<string>, value: string, raw: string): NormalizeStatus {
  if (issues.some((i) => errorCodes.has(i.code))) return 'invalid';
  return value === raw ? 'unchanged' : 'normalized';
}

function positionList(positions: number[]): string {
  return positions.map((p) => p + 1).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// 组织机构代码 GB 11714-1997: 8 characters (0-9, A-Z = 10–35) + check character, weights 3 7 9 10 5 8 4 2,
// C9 = 11 − (Σ mod 11); 10 -> X, 11 -> 0.

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_FIELD = 'org_code';

function orgCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 90) return c - 55; // A-Z -> 10..35
  return -1;
}

/** The GB 11714 check character for an 8-character body (0-9, A-Z). */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const ORG_ERRORS = new Set(['org_code_format', 'org_code_checksum']);

export function normalizeOrgCode(raw: string | null | undefined): OrgCodeResult {
  if (raw == null || raw.trim() === '') return { value: null, valid: null, status: 'empty', issues: [] };
  // Keep one hyphen (the written form) so a short body is told apart from a missing check character.
  const text = raw.normalize('NFKC').toUpperCase().replace(/\s+/g, '').replace(/[‐‑‒–—―－_]/g, '-');
  const parts = text.split('-').filter((p) => p !== '');
  const hyphenated = parts.length === 2;
  const body = hyphenated ? (parts[0] ?? '') : parts.join('').slice(0, -1);
  const check = hyphenated ? (parts[1] ?? '') : parts.join('').slice(-1);
  const written = `${body}-${check}`;
  const issues: FieldIssue[] = [];
  const fail = (code: string, message: string): void => {
    issues.push(issue(ORG_FIELD, code, raw, message));
  };
  const badBody = [...body].flatMap((ch, i) => (orgCharValue(ch) < 0 ? [i] : []));
  if (parts.length > 2 || body.length !== 8 || check.length !== 1) {
    const got = hyphenated ? `${body.length} + ${check.length}` : `${body.length + check.length}`;
    fail('org_code_format', `must be 8 characters and a check character (XXXXXXXX-X), got ${got} characters`);
  } else if (badBody.length > 0) {
    fail('org_code_format', `characters 1–8 must be digits or letters A–Z (position ${positionList(badBody)})`);
  } else if (!/^[0-9X]$/.test(check)) {
    fail('org_code_format', `check character must be a digit or X, got '${check}'`);
  } else {
    const expected = orgCodeCheckChar(body);
    if (expected !== check) fail('org_code_checksum', `check character should be ${expected}`);
  }
  const status = statusOf(issues, ORG_ERRORS, written, raw);
  if (status === 'invalid') return { value: text, valid: false, status, issues };
  return { value: written, valid: true, status, issues };
}

// ---------------------------------------------------------------------------------------------------------------
// 统一社会信用代码 GB 32100-2015: 18 characters from a 31-character set (no I O S V Z); weights 3^(i−1) mod 31;
// C18 = (31 − Σ mod 31) mod 31. Positions 3–8 are the registering authority's GB/T 2260 code, 9–17 the
// organization code (GB 11714, its failure is only a warning).

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_FIELD = 'uscc';
const USCC_ERRORS = new Set(['uscc_format', 'uscc_checksum']);

/** The GB 32100 check character for the first 17 characters (all from the USCC character set). */
export function usccCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function normalizeUscc(raw: string | null | undefined): UsccResult {
  const none = { orgCode: null, regionCode: null };
  if (raw == null || raw.trim() === '') return { value: null, valid: null, status: 'empty', issues: [], ...none };
  const text = clean(raw);
  const issues: FieldIssue[] = [];
  if (text.length !== 18) {
    issues.push(issue(USCC_FIELD, 'uscc_format', raw, `must be 18 characters, got ${text.length}`));
  }
  const bad = [...text].flatMap((ch, i) => (USCC_CHARSET.includes(ch) ? [] : [i]));
  if (bad.length > 0) {
    const chars = [...new Set(bad.map((i) => text.charAt(i)))].join(', ');
    issues.push(
      issue(
        USCC_FIELD,
        'uscc_format',
        raw,
        `character ${chars} at position ${positionList(bad)} is not allowed (GB 32100 uses 0–9 and A–Y without I, O, S, V, Z)`,
      ),
    );
  }
  if (text.length === 18 && !/^\d{6}$/.test(text.slice(2, 8))) {
    issues.push(issue(USCC_FIELD, 'uscc_format', raw, 'positions 3–8 must be digits (the registering authority region code)'));
  }
  if (issues.length === 0) {
    const expected = usccCheckChar(text);
    if (expected !== text.charAt(17)) {
      issues.push(issue(USCC_FIELD, 'uscc_checksum', raw, `check character should be ${expected}`));
    }
  }
  const status = statusOf(issues, USCC_ERRORS, text, raw);
  if (status === 'invalid') return { value: text, valid: false, status, issues, ...none };
  const org = text.slice(8, 17);
  const orgExpected = orgCodeCheckChar(org);
  if (orgExpected !== org.charAt(8)) {
    issues.push(
      issue(
        USCC_FIELD,
        'uscc_org_code',
        raw,
        `embedded organization code ${org.slice(0, 8)}-${org.charAt(8)} fails GB 11714: check character should be ${orgExpected}`,
      ),
    );
  }
  return {
    value: text,
    valid: true,
    status,
    issues,
    orgCode: `${org.slice(0, 8)}-${org.charAt(8)}`,
    regionCode: text.slice(2, 8),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 公民身份号码 GB 11643-1999 (ISO 7064 MOD 11-2): 6 address + 8 birth date + 3 sequence (odd male) + check;
// weights 2^(18−i) mod 11, Σ mod 11 -> 1 0 X 9 8 7 6 5 4 3 2. 15-digit numbers (GB 11643-1989) get "19" and a check.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const ID_FIELD = 'id_number';
const ID_ERRORS = new Set(['id_format', 'id_checksum', 'id_birth_date', 'id_region_code']);

/** The GB 11643 check character for the first 17 digits. */
export function idNumberCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Address codes are frozen at issue time, so any code that existed 1981–2024 is accepted, and also the
 *  市辖区 placeholders (xxxx01) of prefectures that existed, which older tables listed and some IDs carry. */
function isIdRegionCode(code: string): boolean {
  if (isKnownRegionCode(code, { historical: true })) return true;
  return code.endsWith('01') && !code.endsWith('0001') && isKnownRegionCode(`${code.slice(0, 4)}00`, { historical: true });
}

export function normalizeIdNumber(raw: string | null | undefined): IdNumberResult {
  const none = { birthDate: null, gender: null, regionCode: null } as const;
  if (raw == null || raw.trim() === '') return { value: null, valid: null, status: 'empty', issues: [], ...none };
  const text = clean(raw);
  const issues: FieldIssue[] = [];
  const invalid = (value: string): IdNumberResult => ({ value, valid: false, status: 'invalid', issues, ...none });

  let body: string; // 17 digits
  let value: string;
  if (/^\d{15}$/.test(text)) {
    body = `${text.slice(0, 6)}19${text.slice(6)}`;
    value = body + idNumberCheckChar(body);
  } else if (/^\d{17}[\dX]$/.test(text)) {
    body = text.slice(0, 17);
    value = text;
    const expected = idNumberCheckChar(body);
    if (expected !== text.charAt(17)) {
      issues.push(issue(ID_FIELD, 'id_checksum', raw, `check character should be ${expected}`));
    }
  } else {
    let why: string;
    if (text.length !== 18 && text.length !== 15) why = `must be 18 (or old 15) characters, got ${text.length}`;
    else if (/X/.test(text.slice(0, -1))) why = 'X may only be the last character';
    else why = 'must be digits, with X only as the last character';
    issues.push(issue(ID_FIELD, 'id_format', raw, why));
    return invalid(text);
  }

  const year = Number(body.slice(6, 10));
  const month = Number(body.slice(10, 12));
  const day = Number(body.slice(12, 14));
  const birthDate = `${body.slice(6, 10)}-${body.slice(10, 12)}-${body.slice(12, 14)}`;
  if (!isRealDate(year, month, day) || year < 1800) {
    issues.push(issue(ID_FIELD, 'id_birth_date', raw, `birth date ${birthDate} does not exist`));
  } else if (Date.UTC(year, month - 1, day) > Date.now()) {
    issues.push(issue(ID_FIELD, 'id_birth_date', raw, `birth date ${birthDate} is in the future`));
  }
  const regionCode = body.slice(0, 6);
  if (!isIdRegionCode(regionCode)) {
    issues.push(issue(ID_FIELD, 'id_region_code', raw, `address code ${regionCode} never existed in GB/T 2260 (1981–2024)`));
  }
  if (issues.some((i) => ID_ERRORS.has(i.code))) return invalid(text);
  return {
    value,
    valid: true,
    birthDate,
    gender: Number(body.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode,
    status: value === raw ? 'unchanged' : 'normalized',
    issues,
  };
}
