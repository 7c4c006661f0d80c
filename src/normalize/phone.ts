// Phone numbers of one record → E.164, classified by the number (not by the column it came from).
//
// A cell is read in four steps:
//   1. NFKC (full-width digits and punctuation), dash look-alikes → '-', extension markers (转 / 分机 / ext / x / #)
//      → ' #<digits>', masks (138****8000, 138xxxx8000) → '*'.
//   2. Split on hard separators (; , / 、 | ~ newline 或 or ...). Spaces are soft: '010 8888 8888' is one number,
//      '13800138000 13900139000' is two. Within a segment the longest run of space-separated tokens that reads as a
//      number wins, so grouping follows the digits, not the spacing.
//   3. Each group is read by phone-parse.ts (libphonenumber-js max, with a proven-equal fast route for the common
//      mainland shapes). A trailing '-8001' / ' 8001' / '(8001)' after a complete fixed line (or 400/800 number)
//      becomes its extension. A 1–2 digit segment after a number ('021-62345678/79') is an alternative ending of
//      that number; after a number with an extension ('转8001/8002') it is another extension.
//   4. Record-level rules: filler numbers are flagged and dropped, bank-style short numbers are typed 'short',
//      landlines without an area code are completed only from an earlier fixed line in the same cell or from
//      ctx.areaCode, and always flagged.
//
// Output choices (documented here because other modules rely on them):
// - `phones` holds every valid, non-filler, non-short number as bare E.164 (no extension), deduplicated, in order
//   of appearance: it is the matching key, and callers join it with ';'. Extensions stay in `numbers[].ext` and,
//   for the chosen landline, in `phoneExt`.
// - normalizeFax returns one value, so it keeps an extension in RFC 3966 form ('+862162345678;ext=8001').
// - Short numbers (95588, 10086, 12315, 110) have no E.164: they appear in `numbers` (type 'short', e164 null)
//   with a `short_number` issue, and never in `mobile`, `phone` or `phones`.
// - Filler numbers (13800000000, 13888888888, 11111111111, 12345678901) appear nowhere but in the issues.
// - Fixed lines whose subscriber part is all one digit (010-88888888) are NOT flagged: such vanity numbers exist.
// - Status: 'invalid' if any part of any cell is not a usable number (invalid_phone, invalid_mobile,
//   filler_phone), else 'unresolved' if something needs a person (short_number, missing_area_code that could not
//   be completed), else 'unchanged' if every cell already was exactly its E.164 form, else 'normalized'.
//   A value can be 'invalid' and still yield `mobile`/`phone` from the other parts of the record.
//
// Reason codes: invalid_phone, invalid_mobile (the raw came from a mobile column), filler_phone,
// missing_area_code, short_number.
import type { FieldIssue, NormalizeStatus } from './types.js';
import { parseFast, parsePhoneCore, type CoreNumber } from './phone-parse.js';

export type PhoneType = 'mobile' | 'fixed_line' | 'toll_free' | 'shared_cost' | 'short' | 'voip' | 'other';

export interface ParsedPhone {
  /** E.164 without extension; null for short numbers. */
  e164: string | null;
  /** Digits as dialled inside the country; CN fixed lines keep the trunk 0 ('02162345678'). */
  national: string;
  type: PhoneType;
  ext: string | null;
  /** '021', '0755' for CN fixed lines, else null. */
  areaCode: string | null;
  /** ISO 3166 alpha-2 ('CN', 'HK'), null when unknown. */
  country: string | null;
  /** The input field the number came from. */
  field: string;
  /** The part of the cell this number was read from (after NFKC). */
  raw: string;
}

export interface PhonesResult {
  /** E.164 of the first valid mobile. */
  mobile: string | null;
  /** E.164 of the first valid other number (fixed line, 400/800, foreign). */
  phone: string | null;
  /** Extension of `phone`. */
  phoneExt: string | null;
  /** Every valid number as bare E.164 (no extension), deduplicated, in order of appearance. */
  phones: string[];
  /** Every number read, short numbers included, in order, with field, extension and raw text. */
  numbers: ParsedPhone[];
  status: NormalizeStatus;
  issues: FieldIssue[];
}

export interface PhoneContext {
  /** The record's area code ('021', '0755', '21'), used to complete landlines written without one. */
  areaCode?: string | null;
  /** Default true. false sends every number through libphonenumber-js (agreement test and benchmark). */
  fastPath?: boolean;
}

type Severity = 0 | 1 | 2; // 0 fine (maybe with a note), 1 unresolved, 2 invalid

interface CellResult {
  numbers: ParsedPhone[];
  issues: FieldIssue[];
  severity: Severity;
  unchanged: boolean;
}

/** What one group of tokens reads as, before record-level rules. */
type Reading =
  | { kind: 'valid'; core: CoreNumber; ext: string | null }
  | { kind: 'short'; digits: string }
  | { kind: 'local'; digits: string }
  | { kind: 'invalid'; masked: boolean };

const NON_ASCII = /[^\x00-\x7f]/;
const DASHES = /[\u2010-\u2015\u2212\u30fc\ufe58\ufe63]/g;
const MASKS = /[xX]{2,}/g;
const EXT_MARK =
  /[\s-]*(?:转|轉|分机号?|分機號?|内线|內線|(?<![a-z])ext(?:ension)?\.?|(?<![a-z])extn\.?|(?<=[\d\s)])[x#])\s*[:.\-]?\s*(?=\d)/gi;
const HARD_SPLIT = /[;,/、|\\~\n\r]+|或者|或|(?<![a-z])(?:or|and)(?![a-z])/i;
/** A number that went through a spreadsheet as a float: '13800138000.0'. */
const EXCEL_FLOAT = /^(\+?\d{5,})\.0+$/;
const NOT_PHONE_CHAR = /[^0-9+()\-.#* ]/g;
const LEAD_JUNK = /^[^\d(+#]+/;
const TRAIL_JUNK = /[^\d)]+$/;
const HAS_DIGIT = /\d/;
const ONLY_DIGITS = /^\d+$/;
const TAIL_EXT = /^(.*\d)\s*(?:[\s-]+(\d{1,5})|\((\d{1,5})\))$/;
const SHORT_NUMBER = /^(?:1[12]\d|10\d{3}|12\d{3}|9[56]\d{3})$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;
const AREA_CODE_ONLY = /^\(?0\d{2,3}\)?-?$/;
const MOBILE_FIELD = /mobile|cell|手机|移动电话|mob/i;
const AREA_CODE = /^(?:\+?86)?[\s-]?0?(\d{2,3})$/;
/** Cells that say "no number" in words: treated as empty, not as invalid numbers. */
const NO_VALUE = /^(?:无|暂无|没有|不详|未知|空|未填|n\/?a|none|null|nil|[-/.—_]+)$/i;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Built field by field: object spread here was 5× slower than the whole rest of the fast route. */
function makeNumber(core: CoreNumber, ext: string | null, field: string, raw: string): ParsedPhone {
  return {
    e164: core.e164,
    national: core.national,
    type: core.type,
    ext,
    areaCode: core.areaCode,
    country: core.country,
    field,
    raw,
  };
}

function copyWithExt(n: ParsedPhone, ext: string, raw: string): ParsedPhone {
  return {
    e164: n.e164,
    national: n.national,
    type: n.type,
    ext,
    areaCode: n.areaCode,
    country: n.country,
    field: n.field,
    raw,
  };
}

/** RFC 3966 style: E.164, plus ';ext=' when there is an extension. */
function phoneString(n: ParsedPhone): string | null {
  if (n.e164 === null) return null;
  return n.ext === null ? n.e164 : `${n.e164};ext=${n.ext}`;
}

function allSame(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (s[i] !== s[0]) return false;
  return true;
}

/** Every step +1 (mod 10) or every step -1: 12345678901, 9876543210. */
function sequential(s: string): boolean {
  if (s.length < 7) return false;
  const step = (s.charCodeAt(1) - s.charCodeAt(0) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = 2; i < s.length; i++) if ((s.charCodeAt(i) - s.charCodeAt(i - 1) + 10) % 10 !== step) return false;
  return true;
}

/** Placeholder numbers typed to get past a required field. */
function isFillerDigits(digits: string): boolean {
  return (digits.length >= 5 && allSame(digits)) || sequential(digits);
}

function isFillerNumber(core: CoreNumber): boolean {
  const nsn = core.e164.slice(3);
  if (core.country !== 'CN') return isFillerDigits(core.e164.slice(1));
  if (core.type === 'mobile') return allSame(nsn.slice(3)) || sequential(nsn);
  if (core.type === 'fixed_line' && core.areaCode !== null) {
    return sequential(nsn.slice(core.areaCode.length - 1));
  }
  return isFillerDigits(nsn);
}

function normalizeAreaCode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const m = AREA_CODE.exec(raw.trim());
  return m?.[1] ?? null;
}

/** Reads one cell (one field of one record). */
class CellReader {
  readonly numbers: ParsedPhone[] = [];
  readonly issues: FieldIssue[] = [];
  severity: Severity = 0;
  private lastArea: string | null = null;
  private memo: Map<string, Reading> | null = null; // only the slow path needs it

  constructor(
    private readonly field: string,
    private readonly raw: string,
    private readonly ctxArea: string | null,
    private readonly fast: boolean,
  ) {}

  private issue(code: string, message: string, severity: Severity): void {
    this.issues.push({ field: this.field, code, value: this.raw.trim(), message });
    if (severity > this.severity) this.severity = severity;
  }

  /** Reads a group of tokens without its explicit extension. */
  private read(text: string): Reading {
    this.memo ??= new Map();
    const known = this.memo.get(text);
    if (known !== undefined) return known;
    const reading = this.readUncached(text);
    this.memo.set(text, reading);
    return reading;
  }

  private readUncached(text: string): Reading {
    if (text.includes('*')) return { kind: 'invalid', masked: true };
    const core = parsePhoneCore(text, this.fast);
    if (core !== undefined) return { kind: 'valid', core, ext: null };
    const tail = TAIL_EXT.exec(text);
    if (tail !== null) {
      const head = parsePhoneCore(tail[1] ?? '', this.fast);
      if (head !== undefined && (head.type === 'fixed_line' || head.type === 'toll_free' || head.type === 'shared_cost')) {
        return { kind: 'valid', core: head, ext: tail[2] ?? tail[3] ?? null };
      }
    }
    const digits = digitsOf(text);
    if (!text.includes('+') && digits.charCodeAt(0) !== 48 /* 0 */) {
      if (SHORT_NUMBER.test(digits)) return { kind: 'short', digits };
      if (LOCAL_NUMBER.test(digits)) return { kind: 'local', digits };
    }
    return { kind: 'invalid', masked: false };
  }

  private acceptable(text: string): boolean {
    return digitsOf(text).length <= 17 && this.read(text).kind !== 'invalid';
  }

  private lastNumber(): ParsedPhone | undefined {
    return this.numbers[this.numbers.length - 1];
  }

  private addValid(core: CoreNumber, ext: string | null, raw: string): void {
    if (isFillerNumber(core)) {
      this.issue('filler_phone', `'${raw}' looks like a placeholder number, not a real one`, 2);
      return;
    }
    if (core.areaCode !== null) this.lastArea = core.areaCode.slice(1);
    this.numbers.push(makeNumber(core, ext, this.field, raw));
  }

  private addInvalid(raw: string, masked: boolean): void {
    const digits = digitsOf(raw);
    if (!masked && isFillerDigits(digits)) {
      this.issue('filler_phone', `'${raw}' looks like a placeholder number, not a real one`, 2);
      return;
    }
    const code = MOBILE_FIELD.test(this.field) ? 'invalid_mobile' : 'invalid_phone';
    const why = masked ? 'is masked' : 'is not a valid phone number';
    this.issue(code, `'${raw}' ${why}`, 2);
  }

  private addReading(reading: Reading, ext: string | null, raw: string): void {
    switch (reading.kind) {
      case 'valid':
        if (ext !== null && reading.ext !== null) this.addInvalid(raw, false);
        else this.addValid(reading.core, ext ?? reading.ext, raw);
        return;
      case 'short':
        if (ext !== null) return this.addInvalid(raw, false);
        this.numbers.push({
          e164: null,
          national: reading.digits,
          type: 'short',
          ext: null,
          areaCode: null,
          country: 'CN',
          field: this.field,
          raw,
        });
        this.issue('short_number', `'${raw}' is a service short number (bank, carrier, hotline), not a customer's number`, 1);
        return;
      case 'local':
        return this.addLocal(reading.digits, ext, raw);
      case 'invalid':
        return this.addInvalid(raw, reading.masked);
    }
  }

  private addLocal(digits: string, ext: string | null, raw: string): void {
    const area = this.lastArea ?? this.ctxArea;
    const source = this.lastArea !== null ? 'an earlier number in the same field' : "the record's area code";
    if (area === null) {
      this.issue('missing_area_code', `'${raw}' is a landline without an area code`, 1);
      return;
    }
    const core = parsePhoneCore(`0${area}${digits}`, this.fast);
    if (core === undefined || core.type !== 'fixed_line') {
      this.issue('missing_area_code', `'${raw}' has no area code, and 0${area} + ${digits} is not a valid number`, 1);
      return;
    }
    this.issue('missing_area_code', `'${raw}' has no area code; completed with 0${area} from ${source}`, 0);
    this.addValid(core, ext, raw);
  }

  /** A lone short segment after a number: another extension (1–6 digits), or another ending (1–2 digits). */
  private readAlternative(token: string, raw: string): boolean {
    const prev = this.lastNumber();
    if (prev === undefined || prev.e164 === null) return false;
    if (prev.ext !== null && token.length <= 6) {
      this.numbers.push(copyWithExt(prev, token, raw));
      return true;
    }
    if (token.length > 2 || (prev.type !== 'mobile' && prev.type !== 'fixed_line')) return false;
    const core = parsePhoneCore(prev.national.slice(0, -token.length) + token, this.fast);
    if (core === undefined) return false;
    this.addValid(core, null, raw);
    return true;
  }

  readCell(): boolean {
    const trimmed = this.raw.trim();
    if (trimmed === '' || NO_VALUE.test(trimmed)) return false;
    if (this.fast) {
      const quick = parseFast(trimmed);
      if (quick !== undefined) {
        this.addValid(quick, null, trimmed);
        return true;
      }
    }
    let text = NON_ASCII.test(trimmed) ? trimmed.normalize('NFKC').replace(DASHES, '-') : trimmed;
    if (NO_VALUE.test(text)) return false;
    text = text.replace(EXCEL_FLOAT, '$1');
    const shown = text.split(HARD_SPLIT); // what the user wrote, for ParsedPhone.raw and messages
    text = text.replace(MASKS, (m) => '*'.repeat(m.length)).replace(EXT_MARK, ' #');
    const segments = text.split(HARD_SPLIT); // same cuts: the two replacements add or remove no separator
    let sawDigits = false;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s] ?? '';
      const tokens: string[] = [];
      for (const piece of segment.replace(NOT_PHONE_CHAR, ' ').split(' ')) {
        const token = piece.replace(LEAD_JUNK, '').replace(TRAIL_JUNK, '');
        if (HAS_DIGIT.test(token)) tokens.push(token);
      }
      if (tokens.length === 0) continue;
      sawDigits = true;
      this.readSegment(tokens, (shown.length === segments.length ? (shown[s] ?? segment) : segment).trim());
    }
    if (!sawDigits) this.addInvalid(trimmed, false);
    return true;
  }

  private readSegment(tokens: string[], segmentText: string): void {
    const only = tokens[0];
    if (tokens.length === 1 && only !== undefined && ONLY_DIGITS.test(only) && only.length <= 6 && !SHORT_NUMBER.test(only)) {
      if (this.readAlternative(only, segmentText)) return;
    }
    const groups = this.groupTokens(tokens);
    for (const g of groups) {
      const raw = groups.length === 1 ? segmentText : g.ext === null ? g.text : `${g.text} #${g.ext}`;
      if (g.text === '') {
        // an extension with no number before it in this segment: another extension of the previous number
        const prev = this.lastNumber();
        if (prev !== undefined && prev.e164 !== null && g.ext !== null) {
          this.numbers.push(copyWithExt(prev, g.ext, raw));
        } else this.addInvalid(raw, false);
        continue;
      }
      this.addReading(this.read(g.text), g.ext, raw);
    }
  }

  /** Longest-first grouping of space-separated tokens; '#123' tokens are extensions of the group before. */
  private groupTokens(tokens: string[]): { text: string; ext: string | null }[] {
    const groups: { text: string; ext: string | null }[] = [];
    const n = tokens.length;
    const join = (from: number, to: number): string => tokens.slice(from, to + 1).join(' ');
    const isExt = (t: string | undefined): boolean => t !== undefined && t.charCodeAt(0) === 35; /* # */
    let i = 0;
    while (i < n) {
      const t = tokens[i] ?? '';
      if (isExt(t)) {
        const last = groups[groups.length - 1];
        const ext = digitsOf(t);
        if (last !== undefined && last.ext === null) last.ext = ext;
        else groups.push({ text: '', ext });
        i++;
        continue;
      }
      let end = i;
      while (end < n && !isExt(tokens[end])) end++;
      let found = -1;
      for (let j = end - 1; j >= i; j--) {
        if (this.acceptable(join(i, j))) {
          found = j;
          break;
        }
      }
      if (found >= 0) {
        groups.push({ text: join(i, found), ext: null });
        i = found + 1;
        continue;
      }
      // Nothing readable starts here: the bad part runs until a token where something readable starts. A bare
      // area code followed by a subscriber of the wrong length ('021 6234567') stays one bad number.
      const stopsBadPart = (from: number): boolean => {
        for (let j = end - 1; j >= from; j--) {
          const text = join(from, j);
          if (this.acceptable(text)) return !(AREA_CODE_ONLY.test(join(i, from - 1)) && this.read(text).kind === 'local');
        }
        return false;
      };
      let m = i + 1;
      while (m < end && !stopsBadPart(m)) m++;
      groups.push({ text: join(i, m - 1), ext: null });
      i = m;
    }
    return groups;
  }

  result(): CellResult {
    const only = this.numbers[0];
    const unchanged =
      this.numbers.length === 1 && this.issues.length === 0 && only !== undefined && phoneString(only) === this.raw.trim();
    return { numbers: this.numbers, issues: this.issues, severity: this.severity, unchanged };
  }
}

function readCell(field: string, raw: string, area: string | null, fast: boolean): CellResult | null {
  const reader = new CellReader(field, raw, area, fast);
  return reader.readCell() ? reader.result() : null;
}

function statusOf(cells: CellResult[]): NormalizeStatus {
  if (cells.length === 0) return 'empty';
  let worst: Severity = 0;
  for (const c of cells) if (c.severity > worst) worst = c.severity;
  if (worst === 2) return 'invalid';
  if (worst === 1) return 'unresolved';
  return cells.every((c) => c.unchanged) ? 'unchanged' : 'normalized';
}

/**
 * All phone-ish fields of one record (e.g. {field:'mobile',value:...},{field:'phone',value:...}); classified by the
 * number, not the column.
 */
export function normalizePhones(
  inputs: { field: string; value: string | null | undefined }[],
  ctx?: PhoneContext,
): PhonesResult {
  const cells: CellResult[] = [];
  const area = normalizeAreaCode(ctx?.areaCode);
  const fast = ctx?.fastPath !== false;
  for (const input of inputs) {
    if (input.value === null || input.value === undefined) continue;
    const cell = readCell(input.field, input.value, area, fast);
    if (cell !== null) cells.push(cell);
  }
  const numbers: ParsedPhone[] = [];
  const issues: FieldIssue[] = [];
  for (const c of cells) {
    numbers.push(...c.numbers);
    issues.push(...c.issues);
  }
  let mobile: string | null = null;
  let phone: string | null = null;
  let phoneExt: string | null = null;
  const phones: string[] = [];
  for (const n of numbers) {
    if (n.e164 === null) continue;
    if (!phones.includes(n.e164)) phones.push(n.e164); // a handful per record: cheaper than a Set
    if (n.type === 'mobile') mobile ??= n.e164;
    else if (phone === null) {
      phone = n.e164;
      phoneExt = n.ext;
    }
  }
  return { mobile, phone, phoneExt, phones, numbers, status: statusOf(cells), issues };
}

/**
 * A fax cell: the first usable number (E.164, ';ext=' appended when there is one). Same reading and reason codes
 * as normalizePhones, with field 'fax'.
 */
export function normalizeFax(
  raw: string | null | undefined,
  ctx?: PhoneContext,
): { value: string | null; status: NormalizeStatus; issues: FieldIssue[] } {
  if (raw === null || raw === undefined) return { value: null, status: 'empty', issues: [] };
  const cell = readCell('fax', raw, normalizeAreaCode(ctx?.areaCode), ctx?.fastPath !== false);
  if (cell === null) return { value: null, status: 'empty', issues: [] };
  const first = cell.numbers.find((n) => n.e164 !== null);
  return { value: first === undefined ? null : phoneString(first), status: statusOf([cell]), issues: cell.issues };
}
