// Phone numbers of one record → E.164, classified by the number (not by the column it came from).
//
// A cell is read in four steps:
//   1. NFKC (full-width digits and punctuation), dash look-alikes → '-', extension markers (转 / 分机 / ext / x / #)
//      → ' #<digits>', masks (138****8000, 138xxxx8000) → '*'.
//   2. Split on hard separators (; , / 、 | ~ newline 或 or ...). Spaces are soft: '010 8888 8888' is one number,
//      '13800138000 13900139000' is two. Within a segment the longest run of space-separated tokens that reads as a
//      number wins, so grouping follows the digits, not the spacing.
//   3. Each group is read by phone-parse.ts (libphonenumber-js max, with a proven-equal fast route for every
//      number in the CN plan written with digits, spaces, dashes and brackets). A trailing '-8001' / ' 8001' / '(8001)' after a complete fixed line (or 400/800 number)
//      becomes its extension. A 1–2 digit segment after a number ('021-62345678/79') is an alternative ending of
//      that number; after a number with an extension ('转8001/8002') it is another extension.
//   4. Record-level rules: filler numbers are flagged and dropped, bank-style short numbers are typed 'short',
//      landlines without an area code are completed only from an earlier fixed line in the same cell or from
//      ctx.areaCode, and always flagged.
// Most cells are one or a few plainly written numbers ('13812345678', '138 1234 5678/+86 139-8765-4321'); for
// them steps 1–3 provably come down to reading each separated part whole, and readPlainList does just that.
// Every shortcut here must give byte-identical results: the test compares whole records with the fast route on
// and off.
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
import { parsePhoneCore, readFastDigits, type CoreNumber } from './phone-parse.js';

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
  readonly numbers: ParsedPhone[];
  readonly issues: FieldIssue[];
  readonly severity: Severity;
  /** The cell already was exactly the E.164 (or RFC 3966) form of its one number. */
  unchanged(): boolean;
}

/** What one group of tokens reads as, before record-level rules. Never mutated, so the invalid ones are shared. */
type Reading =
  | { kind: 'valid'; core: CoreNumber; ext: string | null }
  | { kind: 'short'; digits: string }
  | { kind: 'local'; digits: string }
  | { kind: 'invalid'; masked: boolean };

const NOT_A_NUMBER: Reading = { kind: 'invalid', masked: false };
const MASKED: Reading = { kind: 'invalid', masked: true };

const NON_ASCII = /[^\x00-\x7f]/;
const DASHES = /[\u2010-\u2015\u2212\u30fc\ufe58\ufe63]/;
const DASHES_ALL = new RegExp(DASHES.source, 'g');
const MASKS = /[xX]{2,}/g;
const HAS_MASK = /[xX]{2}/;
/** Every match of MASKS or EXT_MARK holds one of these: cells without one skip both replacements. */
const MASK_OR_EXT_HINT = /[xX#转轉分内內]/;
const EXT_MARK =
  /[\s-]*(?:转|轉|分机号?|分機號?|内线|內線|(?<![a-z])ext(?:ension)?\.?|(?<![a-z])extn\.?|(?<=[\d\s)])[x#])\s*[:.\-]?\s*(?=\d)/gi;
const SEPARATORS = '[;,/、|\\\\~\\n\\r]+';
const HARD_SPLIT = new RegExp(`${SEPARATORS}|或者|或|(?<![a-z])(?:or|and)(?![a-z])`, 'i');
/** HARD_SPLIT without its words: enough to cut a cell whose every part is a plainly written number. */
const LIST_SPLIT = new RegExp(SEPARATORS);
/** A number that went through a spreadsheet as a float: '13800138000.0'. */
const EXCEL_FLOAT = /^(\+?\d{5,})\.0+$/;
const ONLY_DIGITS = /^\d+$/;
const TAIL_EXT = /^(.*\d)\s*(?:[\s-]+(\d{1,5})|\((\d{1,5})\))$/;
/** TAIL_EXT needs a space, a dash or a bracket: texts without one skip it. */
const MAY_HAVE_TAIL = /[\s(-]/;
// Service short numbers: 110/112/114/117/118/119/120/121/122, 10xxx carriers, 12xxx hotlines, 95xxx/96xxx banks
// and utilities. Other three-digit strings are broken numbers, not service lines.
const SHORT_NUMBER = /^(?:11[0247-9]|12[0-2]|10\d{3}|12\d{3}|9[56]\d{3})$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;
const AREA_CODE_ONLY = /^\(?0\d{2,3}\)?-?$/;
const MOBILE_FIELD = /mobile|cell|手机|移动电话|mob/i;
const AREA_CODE = /^(?:\+?86)?[\s-]?0?(\d{2,3})$/;
/**
 * One number written plainly: digits with single spaces or dashes, +86 / (+86) / 0086, a bracketed area code.
 * The full reading of a cell turns such a segment into exactly one token group, the segment itself, when it has at
 * most 17 digits (see readPlainList).
 */
const PLAIN_NUMBER = /^(?:\(\+86\)|(?:\+86|0086)[ -]?)?(?:\(0\d{2,3}\)[ -]?)?\d(?:[ -]?\d)*$/;
/** Cells that say "no number" in words: treated as empty, not as invalid numbers. */
const NO_VALUE = /^(?:无|暂无|没有|不详|未知|空|未填|n\/?a|none|null|nil|[-/.—_]+)$/i;

/** A digit, '+' or '(' first: NO_VALUE cannot match, so most cells skip it. */
function startsLikeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 40;
}

const NON_DIGITS = /\D/g;

function digitsOf(text: string): string {
  return text.replace(NON_DIGITS, '');
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** digitsOf(text).length, without building the string. */
function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) n++;
  return n;
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

// The filler checks look at the digits of `s` from index `from` on (no slicing: they run on every number).

function allSame(s: string, from = 0): boolean {
  const first = s.charCodeAt(from);
  for (let i = from + 1; i < s.length; i++) if (s.charCodeAt(i) !== first) return false;
  return true;
}

/** Every step +1 (mod 10) or every step -1: 12345678901, 9876543210. */
function sequential(s: string, from = 0): boolean {
  if (s.length - from < 7) return false;
  const step = (s.charCodeAt(from + 1) - s.charCodeAt(from) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = from + 2; i < s.length; i++) if ((s.charCodeAt(i) - s.charCodeAt(i - 1) + 10) % 10 !== step) return false;
  return true;
}

/** Placeholder numbers typed to get past a required field. */
function isFillerDigits(digits: string, from = 0): boolean {
  return (digits.length - from >= 5 && allSame(digits, from)) || sequential(digits, from);
}

/**
 * Checked on the E.164 digits (index 1 the calling code, index 3 the CN national significant number), except CN
 * mobiles and fixed lines, the common ones, checked on `national` (the same digits; fixed lines behind their trunk
 * 0): a fresh E.164 string is a concatenation that reading it character by character would flatten.
 */
function isFillerNumber(core: CoreNumber): boolean {
  if (core.country !== 'CN') return isFillerDigits(core.e164, 1);
  if (core.type === 'mobile') return allSame(core.national, 3) || sequential(core.national, 0);
  if (core.type === 'fixed_line' && core.areaCode !== null) return sequential(core.national, core.areaCode.length);
  return isFillerDigits(core.e164, 3);
}

/** Characters a token can hold: digits and + ( ) - . # * (anything else, and spaces, cut tokens). */
function isPhoneChar(c: number): boolean {
  return isDigit(c) || c === 43 || c === 40 || c === 41 || c === 45 || c === 46 || c === 35 || c === 42;
}

/** A digit, '(', '+' or '#': what a token can start with. */
function startsToken(c: number): boolean {
  return isDigit(c) || c === 40 || c === 43 || c === 35;
}

/** A digit or ')': what a token can end with. */
function endsToken(c: number): boolean {
  return isDigit(c) || c === 41;
}

/**
 * The tokens of a segment: its runs of phone characters, each without leading junk (anything but a digit, '(',
 * '+', '#') and then trailing junk (anything but a digit or ')'), keeping those with a digit. One pass, no regex;
 * the test checks it against the regex pipeline it replaced (`segment.replace(/[^0-9+()\-.#* ]/g, ' ').split(' ')`,
 * then `/^[^\d(+#]+/` and `/[^\d)]+$/` removed from each piece, kept when it matches `/\d/`).
 */
export function tokensOf(segment: string): string[] {
  const tokens: string[] = [];
  const n = segment.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isPhoneChar(segment.charCodeAt(i))) i++;
    let end = i;
    while (end < n && isPhoneChar(segment.charCodeAt(end))) end++;
    let a = i;
    let b = end;
    i = end;
    while (a < b && !startsToken(segment.charCodeAt(a))) a++;
    while (b > a && !endsToken(segment.charCodeAt(b - 1))) b--;
    for (let k = a; k < b; k++) {
      if (isDigit(segment.charCodeAt(k))) {
        tokens.push(segment.slice(a, b));
        break;
      }
    }
  }
  return tokens;
}

/** A plainly written number (PLAIN_NUMBER, at most 17 digits) that the fast route reads as valid, else undefined. */
function plainNumber(text: string): CoreNumber | undefined {
  return PLAIN_NUMBER.test(text) ? (readPlain(text, false) ?? undefined) : undefined;
}

/**
 * The fast route's answer for a text known to match PLAIN_NUMBER (so readFast(text), read straight from its
 * digits: its only '+' can be the one of '+86' / '(+86)'); undefined past 17 digits. `onlyDigits`: the caller
 * has seen that the text is all digits, so it is its own digit string.
 */
function readPlain(text: string, onlyDigits: boolean): CoreNumber | null | undefined {
  const digits = onlyDigits ? text : text.replace(NON_DIGITS, '');
  if (digits.length > 17) return undefined;
  const c0 = text.charCodeAt(0);
  return readFastDigits(digits, c0 === 43 /* + */ || (c0 === 40 /* ( */ && text.charCodeAt(1) === 43));
}

function normalizeAreaCode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const m = AREA_CODE.exec(raw.trim());
  return m?.[1] ?? null;
}

/** Reads one cell (one field of one record); once read, it is the cell's result. */
class CellReader implements CellResult {
  readonly numbers: ParsedPhone[] = [];
  readonly issues: FieldIssue[] = [];
  severity: Severity = 0;
  private lastArea: string | null = null;
  private memo: Map<string, Reading> | null = null; // only the slow path needs it
  /** A text the fast route already called invalid (readPlainNumber). */
  private knownInvalid: string | null = null;

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
    if (text.includes('*')) return MASKED;
    const core = text === this.knownInvalid ? undefined : parsePhoneCore(text, this.fast);
    if (core !== undefined) return { kind: 'valid', core, ext: null };
    const tail = MAY_HAVE_TAIL.test(text) ? TAIL_EXT.exec(text) : null;
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
    return NOT_A_NUMBER;
  }

  private acceptable(text: string): boolean {
    return digitCount(text) <= 17 && this.read(text).kind !== 'invalid';
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
    if (trimmed === '') return false;
    let text = trimmed;
    const onlyDigits = this.fast && ONLY_DIGITS.test(trimmed);
    if (onlyDigits || (this.fast && PLAIN_NUMBER.test(trimmed))) {
      // the most common cell: one number, plainly written (so ASCII, and no NO_VALUE word)
      if (this.readPlainNumber(trimmed, onlyDigits)) return true;
    } else {
      if (!startsLikeNumber(trimmed) && NO_VALUE.test(trimmed)) return false;
      if (NON_ASCII.test(trimmed)) {
        text = trimmed.normalize('NFKC');
        if (DASHES.test(text)) text = text.replace(DASHES_ALL, '-');
        if (text !== trimmed && !startsLikeNumber(text) && NO_VALUE.test(text)) return false;
      }
      // (when NFKC changed nothing, text is trimmed: not a plain number, as tested above)
      if (this.fast && this.readPlainList(text, text !== trimmed)) return true;
    }
    if (text.includes('.')) text = text.replace(EXCEL_FLOAT, '$1');
    const shown = text.split(HARD_SPLIT); // what the user wrote, for ParsedPhone.raw and messages
    let segments = shown;
    if (MASK_OR_EXT_HINT.test(text)) {
      const marked = (HAS_MASK.test(text) ? text.replace(MASKS, (m) => '*'.repeat(m.length)) : text).replace(EXT_MARK, ' #');
      // same cuts: the two replacements add or remove no separator
      if (marked !== text) segments = marked.split(HARD_SPLIT);
      text = marked;
    }
    let sawDigits = false;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s] ?? '';
      const tokens = tokensOf(segment);
      if (tokens.length === 0) continue;
      sawDigits = true;
      this.readSegment(tokens, (shown.length === segments.length ? (shown[s] ?? segment) : segment).trim());
    }
    if (!sawDigits) this.addInvalid(trimmed, false);
    return true;
  }

  /**
   * The common cell, read without the machinery below: one or more plainly written numbers between hard
   * separators ('13812345678', '138 1234 5678/+86 139-8765-4321', '(0755)86013388；13812345678'), each of them
   * valid for the fast route. For such a cell the full reading changes nothing (no float, mask or extension
   * marker can be in it), every segment is one token group, the segment itself, and its raw text is the segment
   * trimmed: so adding each number here gives the same result. Any other cell: returns false, having added nothing.
   */
  private readPlainList(text: string, mayBeOne: boolean): boolean {
    // one number: a plain one holds no separator
    if (mayBeOne && PLAIN_NUMBER.test(text)) return this.readPlainNumber(text, false);
    const parts = text.split(LIST_SPLIT);
    if (parts.length === 1) return false;
    const cores: CoreNumber[] = [];
    const raws: string[] = [];
    for (const part of parts) {
      const raw = part.trim();
      if (raw === '') continue; // the full reading skips empty segments too
      const core = plainNumber(raw);
      if (core === undefined) return false;
      cores.push(core);
      raws.push(raw);
    }
    if (cores.length === 0) return false;
    for (let i = 0; i < cores.length; i++) this.addValid(cores[i] as CoreNumber, null, raws[i] as string);
    return true;
  }

  /**
   * readPlainList for a cell that is one plainly written number. When that is not a valid number and is one token
   * (no space: '62345678', '0551-21720944', '(0755)8601338'), the full reading comes down to reading the cell as
   * one group: its segment is this one token, readSegment's alternative-ending rule needs an earlier number, and
   * groupTokens makes one group of a single token whether it reads or not. So that is done here too.
   */
  private readPlainNumber(text: string, onlyDigits: boolean): boolean {
    const answer = readPlain(text, onlyDigits);
    if (answer !== null && answer !== undefined) {
      this.addValid(answer, null, text);
      return true;
    }
    if (answer === null) this.knownInvalid = text; // readUncached will ask about the same text: spare it
    if (text.includes(' ')) return false;
    this.addReading(this.readUncached(text), null, text);
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
    const join = (from: number, to: number): string => (from === to ? (tokens[from] ?? '') : tokens.slice(from, to + 1).join(' '));
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

  unchanged(): boolean {
    const only = this.numbers[0];
    return this.numbers.length === 1 && this.issues.length === 0 && only !== undefined && phoneString(only) === this.raw.trim();
  }
}

/**
 * The most common cell, one valid number plainly written, read without a CellReader (building one is a sizeable
 * share of such a cell's cost until the JIT has optimized it, i.e. for the first rows of every import). Gives
 * exactly what CellReader gives it (readCell → readPlainNumber → addValid): the cell's only number, no issue.
 * Undefined for any other cell (empty, invalid, filler, several numbers...): a CellReader reads those.
 */
function readPlainCell(field: string, raw: string): ParsedPhone | undefined {
  const trimmed = raw.trim();
  const onlyDigits = ONLY_DIGITS.test(trimmed);
  if (!onlyDigits && !PLAIN_NUMBER.test(trimmed)) return undefined;
  const core = readPlain(trimmed, onlyDigits);
  if (core === null || core === undefined || isFillerNumber(core)) return undefined;
  return makeNumber(core, null, field, trimmed);
}

function readCell(field: string, raw: string, area: string | null, fast: boolean): CellResult | null {
  const reader = new CellReader(field, raw, area, fast);
  return reader.readCell() ? reader : null;
}

function statusOf(cells: CellResult[]): NormalizeStatus {
  if (cells.length === 0) return 'empty';
  let worst: Severity = 0;
  for (const c of cells) if (c.severity > worst) worst = c.severity;
  if (worst === 2) return 'invalid';
  if (worst === 1) return 'unresolved';
  for (const c of cells) if (!c.unchanged()) return 'normalized';
  return 'unchanged';
}

/**
 * All phone-ish fields of one record (e.g. {field:'mobile',value:...},{field:'phone',value:...}); classified by the
 * number, not the column.
 */
export function normalizePhones(
  inputs: { field: string; value: string | null | undefined }[],
  ctx?: PhoneContext,
): PhonesResult {
  const area = normalizeAreaCode(ctx?.areaCode);
  const fast = ctx?.fastPath !== false;
  // statusOf, folded into the loop; a cell reader's arrays can become the result's (the reader is done with them)
  let cells = 0;
  let worst: Severity = 0;
  let allUnchanged = true;
  let numbers: ParsedPhone[] | null = null;
  let issues: FieldIssue[] | null = null;
  // (indexed loops here: for-of costs an iterator per loop until the JIT has optimized this function)
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k] as { field: string; value: string | null | undefined };
    if (input.value === null || input.value === undefined) continue;
    const plain = fast ? readPlainCell(input.field, input.value) : undefined;
    if (plain !== undefined) {
      cells++;
      if (plain.e164 !== plain.raw) allUnchanged = false; // CellResult.unchanged() of a one-number cell
      if (numbers === null) numbers = [plain];
      else numbers.push(plain);
      continue;
    }
    const cell = readCell(input.field, input.value, area, fast);
    if (cell === null) continue;
    cells++;
    if (cell.severity > worst) worst = cell.severity;
    if (allUnchanged && !cell.unchanged()) allUnchanged = false;
    if (numbers === null) numbers = cell.numbers;
    else for (let i = 0; i < cell.numbers.length; i++) numbers.push(cell.numbers[i] as ParsedPhone); // not push(...)
    if (issues === null) issues = cell.issues;
    else for (let i = 0; i < cell.issues.length; i++) issues.push(cell.issues[i] as FieldIssue);
  }
  numbers ??= [];
  issues ??= [];
  const status: NormalizeStatus =
    cells === 0 ? 'empty' : worst === 2 ? 'invalid' : worst === 1 ? 'unresolved' : allUnchanged ? 'unchanged' : 'normalized';
  let mobile: string | null = null;
  let phone: string | null = null;
  let phoneExt: string | null = null;
  const phones: string[] = [];
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k] as ParsedPhone;
    if (n.e164 === null) continue;
    if (!phones.includes(n.e164)) phones.push(n.e164); // a handful per record: cheaper than a Set
    if (n.type === 'mobile') mobile ??= n.e164;
    else if (phone === null) {
      phone = n.e164;
      phoneExt = n.ext;
    }
  }
  return { mobile, phone, phoneExt, phones, numbers, status, issues };
}

/**
 * A fax cell: the first usable number (E.164, ';ext=' appended when there is one). Same reading and reason codes
 * as normalizePhones, with field 'fax'.
 */
export function normalizeFax(
  raw: string | null | undefined,
  ctx?: PhoneContext,
): { value: string | null; status: NormalizeStatus; issues: FieldIssue[]; numbers: ParsedPhone[] } {
  if (raw === null || raw === undefined) return { value: null, status: 'empty', issues: [], numbers: [] };
  const cell = readCell('fax', raw, normalizeAreaCode(ctx?.areaCode), ctx?.fastPath !== false);
  if (cell === null) return { value: null, status: 'empty', issues: [], numbers: [] };
  const first = cell.numbers.find((n) => n.e164 !== null);
  return { value: first === undefined ? null : phoneString(first), status: statusOf([cell]), issues: cell.issues, numbers: first ? [first] : [] };
}
