// Reads ONE phone number (no separators, no extension) into E.164 + type.
//
// Two routes give the same answer:
// - the library route: libphonenumber-js with the `max` metadata (the only build that tells CN mobiles from
//   fixed lines), default country CN;
// - a fast route for every number the library reads with the CN numbering plan: national digits (with or without
//   the trunk 0 or a carrier prefix such as 17951), +86, 0086 and 86 without a plus, written with digits, spaces,
//   dashes and brackets only. It replays the library's own steps for such input (international prefix, calling
//   code without a plus, national prefix, number type) on the SAME CN metadata (read at load time, patterns
//   compiled once), so it answers "valid, this number" and also "not a valid number". Anything else (another
//   country, dots, letters, '#', a second '+') it declines and the library decides. The library recompiles its
//   patterns and builds metadata objects on every call, which is where its time goes; the fast route skips that.
// test/unit/normalize/phone.test.ts proves on a 200k-input seeded corpus that the fast route either declines or
// agrees with the library: same e164/type/national/areaCode/country, or invalid for both.
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneType } from './phone.js';

/** A valid number, before the record-level rules (extension, filler, dedupe) are applied. */
export interface CoreNumber {
  e164: string;
  /** Digits as dialled inside the country: CN fixed lines keep the trunk 0 ('02162345678'). */
  national: string;
  type: PhoneType;
  /** '021', '0755' for CN fixed lines, else null. */
  areaCode: string | null;
  country: string | null;
}

const LIBRARY_TYPES: Record<string, PhoneType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  TOLL_FREE: 'toll_free',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
};

/** CN area codes are 2 digits after the trunk 0 for Beijing (10) and 2x, 3 digits for everything else. */
export function cnAreaCode(nationalSignificant: string): string {
  const c0 = nationalSignificant.charCodeAt(0);
  const two = c0 === 50 /* 2 */ || nationalSignificant.startsWith('10');
  return '0' + nationalSignificant.slice(0, two ? 2 : 3);
}

function buildCore(
  nsn: string,
  type: PhoneType,
  country: string | null,
  callingCode: string,
  formattedNational: () => string,
): CoreNumber {
  if (country === 'CN') {
    const fixed = type === 'fixed_line';
    return {
      e164: '+86' + nsn,
      national: fixed ? '0' + nsn : nsn,
      type,
      areaCode: fixed ? cnAreaCode(nsn) : null,
      country,
    };
  }
  return {
    e164: '+' + callingCode + nsn,
    national: formattedNational().replace(/\D/g, ''),
    type,
    areaCode: null,
    country,
  };
}

/**
 * The library route. `text` holds digits and + ( ) - . and spaces only.
 * Returns undefined when the library does not call it a valid number, or when it read only part of the digits
 * (its text-extraction mode can stop early; the national number must end the input's digit string).
 */
export function parseWithLibrary(text: string): CoreNumber | undefined {
  const parsed = parsePhoneNumberFromString(text, 'CN');
  if (!parsed || !parsed.isValid()) return undefined;
  const nsn = String(parsed.nationalNumber);
  if (!text.replace(/\D/g, '').endsWith(nsn)) return undefined;
  const libType = parsed.getType();
  const type: PhoneType = (libType && LIBRARY_TYPES[libType]) ?? 'other';
  return buildCore(nsn, type, parsed.country ?? null, String(parsed.countryCallingCode), () => parsed.formatNational());
}

// ---- fast route ----------------------------------------------------------------------------------------------

/** The library's names, in the order its getNumberType tries them (fixed line first, then the rest). */
const TYPE_ORDER = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

interface TypePattern {
  name: (typeof TYPE_ORDER)[number];
  re: RegExp;
  /** Bit n set: n is a possible length (all CN lengths are far below 31; checked at load time). */
  lengths: number;
}

/** What the fast route needs of the CN numbering plan, compiled once. */
interface CnPlan {
  /** The national (significant) number pattern of the whole plan. */
  general: RegExp;
  /** Possible lengths of the whole plan, ascending. */
  lengths: readonly number[];
  /** Types with a pattern, FIXED_LINE first, then in the library's order. */
  types: readonly TypePattern[];
  /** The mobile type has a pattern (else the library calls every fixed line FIXED_LINE_OR_MOBILE). */
  hasMobile: boolean;
  /** International (IDD) prefix, anchored and sticky (see prefixLength): '00', '1(?:[12]\d|79)\d\d00'. */
  idd: RegExp;
  /** National prefix for parsing, anchored and sticky: the trunk 0, or a carrier prefix ('17951'). */
  nationalPrefix: RegExp;
}

/** The parts of the library's runtime Metadata object that we read. Not in its .d.ts, so checked at load time. */
interface RuntimeType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface RuntimeNumberingPlan {
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  type(name: string): RuntimeType | undefined;
  IDDPrefix(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
}
interface RuntimeMetadata {
  hasCallingCode(code: string): unknown;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function loadCnPlan(): CnPlan | null {
  try {
    const metadata = new Metadata();
    const runtime = metadata as unknown as RuntimeMetadata;
    // The replay below assumes: 86 is CN's alone, no calling code '8' (so '+86…' reads as 86), and a national
    // prefix that is only stripped, never rewritten. If the metadata says otherwise, the library answers everything.
    const countries = runtime.getCountryCodesForCallingCode('86');
    if (countries?.length !== 1 || countries[0] !== 'CN' || runtime.hasCallingCode('8')) return null;
    metadata.selectNumberingPlan('CN');
    const plan = metadata.numberingPlan as unknown as RuntimeNumberingPlan | undefined;
    if (!plan || typeof plan.type !== 'function' || typeof plan.nationalNumberPattern !== 'function') return null;
    if (plan.nationalPrefixTransformRule() || !plan.nationalPrefixForParsing() || !plan.IDDPrefix()) return null;
    const lengths = plan.possibleLengths();
    if (!Array.isArray(lengths) || lengths.length === 0) return null;
    const types: TypePattern[] = [];
    for (const name of TYPE_ORDER) {
      const t = plan.type(name);
      if (!t || !t.pattern()) continue;
      const possible = t.possibleLengths() ?? lengths;
      if (possible.some((n) => !(n >= 0 && n < 31))) return null;
      types.push({ name, re: anchored(t.pattern()), lengths: possible.reduce((mask, n) => mask | (1 << n), 0) });
    }
    if (types[0]?.name !== 'FIXED_LINE') return null;
    return {
      general: anchored(plan.nationalNumberPattern()),
      lengths,
      types,
      hasMobile: types.some((t) => t.name === 'MOBILE'),
      idd: new RegExp(`^(?:${plan.IDDPrefix()})`, 'y'),
      nationalPrefix: new RegExp(`^(?:${plan.nationalPrefixForParsing()})`, 'y'),
    };
  } catch {
    return null; // metadata API changed: the fast route switches itself off, the library answers everything
  }
}

const CN: CnPlan | null = loadCnPlan();

/** The library's isNumberTypeEqualTo. `nsn` has at most 17 digits (readFastDigits). */
function matchesType(t: TypePattern, nsn: string): boolean {
  return (t.lengths & (1 << nsn.length)) !== 0 && t.re.test(nsn);
}

/** The library's checkNumberLength on the whole plan: 'short' (TOO_SHORT or INVALID_LENGTH), 'long', or 'ok'. */
function lengthCheck(plan: CnPlan, n: string): 'short' | 'long' | 'ok' {
  const ls = plan.lengths;
  const len = n.length;
  const min = ls[0] ?? 0;
  if (len === min) return 'ok';
  if (len < min) return 'short';
  if ((ls[ls.length - 1] ?? 0) < len) return 'long';
  return ls.indexOf(len, 1) >= 0 ? 'ok' : 'short';
}

/** Length of the match of a sticky prefix pattern at the start of `digits`, -1 when none (no match array built). */
function prefixLength(sticky: RegExp, digits: string): number {
  sticky.lastIndex = 0;
  return sticky.test(digits) ? sticky.lastIndex : -1;
}

/** The library's extractNationalNumber: strip the trunk 0 or a carrier prefix, unless that leaves a worse number. */
function stripNationalPrefix(plan: CnPlan, number: string): string {
  const length = prefixLength(plan.nationalPrefix, number);
  if (length < 0) return number;
  const rest = number.slice(length);
  if (rest === number) return number;
  if (plan.general.test(number) && !plan.general.test(rest)) return number;
  if (lengthCheck(plan, rest) === 'short') return number;
  return rest;
}

/** The library's getNumberType, mapped to ours; undefined = not a valid number. */
function typeOf(plan: CnPlan, nsn: string): PhoneType | undefined {
  if (!plan.general.test(nsn)) return undefined;
  const types = plan.types;
  const fixed = types[0];
  if (fixed !== undefined && matchesType(fixed, nsn)) {
    if (!plan.hasMobile) return 'other'; // FIXED_LINE_OR_MOBILE
    for (let i = 1; i < types.length; i++) {
      const t = types[i];
      if (t !== undefined && t.name === 'MOBILE') return matchesType(t, nsn) ? 'other' : 'fixed_line';
    }
    return 'fixed_line';
  }
  for (let i = 1; i < types.length; i++) {
    const t = types[i];
    if (t !== undefined && matchesType(t, nsn)) return LIBRARY_TYPES[t.name] ?? 'other';
  }
  return undefined;
}

/**
 * The national significant number the library reads from these digits with default country CN, null when it
 * reads no CN number at all (invalid), undefined when it would leave the CN plan (decline).
 */
function cnNationalNumber(plan: CnPlan, plus: boolean, digits: string): string | null | undefined {
  let number: string;
  if (plus) {
    // '+' then the calling code: only 86 stays in the plan
    if (digits.charCodeAt(0) !== 56 /* 8 */ || digits.charCodeAt(1) !== 54 /* 6 */) return undefined;
    number = digits.slice(2);
  } else {
    const idd = prefixLength(plan.idd, digits);
    const afterIdd = idd < 0 ? '' : digits.slice(idd);
    if (idd >= 0 && afterIdd !== '' && afterIdd.charCodeAt(0) !== 48 /* 0 */) {
      // dialled from abroad ('0086…', '17951 00 86…'): only 86 stays in the plan. With at most 2 digits after the
      // prefix ('0064'), any calling code leaves less than the 2-digit minimum of a national number: invalid.
      if (afterIdd.charCodeAt(0) !== 56 || afterIdd.charCodeAt(1) !== 54) return afterIdd.length <= 2 ? null : undefined;
      number = afterIdd.slice(2);
    } else if (digits.charCodeAt(0) === 56 && digits.charCodeAt(1) === 54) {
      // '86…' without a plus: the library drops the 86 when the rest reads better, or the whole is too long
      const shorter = digits.slice(2);
      const whole = stripNationalPrefix(plan, digits);
      const dropped =
        (!plan.general.test(whole) && plan.general.test(stripNationalPrefix(plan, shorter))) ||
        lengthCheck(plan, whole) === 'long';
      if (!dropped) return whole;
      number = shorter;
    } else {
      return stripNationalPrefix(plan, digits);
    }
  }
  if (number === '') return null; // a calling code and nothing after it
  return stripNationalPrefix(plan, number);
}

const NON_DIGIT = /\D/g;
const ONLY_DIGITS = /^\d+$/;
/** What the fast route reads: digits, spaces, dashes, brackets and '+'. */
const FAST_CHARS = /^[\d ()+-]*$/;
/** A '+' before the first digit: the number is international. */
const LEADING_PLUS = /^[ ()-]*\+/;

function lastDigitAt(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return -1;
}
/** The library gives up on longer input; the fast route leaves it to the library. */
const MAX_TEXT = 250;

/**
 * The fast route: a CoreNumber when the library would read a valid CN number, null when it would read no valid
 * number, undefined ("decline", ask the library) for anything outside the CN plan or the shapes above.
 * Never disagrees with parseWithLibrary (see the corpus test).
 */
export function readFast(text: string): CoreNumber | null | undefined {
  if (CN === null || text.length > MAX_TEXT) return undefined;
  // (Regular expressions rather than a loop over the characters: they run as native code from the first call,
  // and the first rows of an import are read before the JIT has optimized anything.)
  let plus = false;
  let digits = text;
  if (!ONLY_DIGITS.test(text)) {
    if (!FAST_CHARS.test(text)) return undefined;
    plus = LEADING_PLUS.test(text);
    // a '+' inside the number ('13812345678 +86 1'): the library sees no number at all; one after the last
    // digit is trailing junk it cuts off
    const innerPlus = text.indexOf('+', plus ? text.indexOf('+') + 1 : 0);
    if (innerPlus >= 0 && innerPlus < lastDigitAt(text)) return null;
    digits = text.replace(NON_DIGIT, '');
  }
  return readFastDigits(digits, plus);
}

/**
 * readFast for a text the library sees as these digits, with or without a leading '+' (a text of digits, spaces,
 * dashes and brackets, and at most one '+', before its first digit).
 */
export function readFastDigits(digits: string, plus: boolean): CoreNumber | null | undefined {
  if (CN === null) return undefined;
  // fewer than 3 digits: not even a viable number for the library; CN numbers have 7 or more anyway
  if (digits.length < 3) return null;
  const nsn = cnNationalNumber(CN, plus, digits);
  if (nsn === undefined) return undefined;
  if (nsn === null || nsn.length < 2 || nsn.length > 17) return null;
  const type = typeOf(CN, nsn);
  if (type === undefined) return null;
  const fixed = type === 'fixed_line';
  // 7-digit fixed lines ('9031239'): the library's national format cuts some of their area codes where cnAreaCode
  // does not, so the corpus cannot prove them; they are rare, the library reads them
  if (fixed && nsn.length < 8) return undefined;
  return {
    e164: '+86' + nsn,
    national: fixed ? '0' + nsn : nsn,
    type,
    areaCode: fixed ? cnAreaCode(nsn) : null,
    country: 'CN',
  };
}

/** The fast route's valid answers only: a CoreNumber, or undefined for "invalid" and "declined" alike. */
export function parseFast(text: string): CoreNumber | undefined {
  return readFast(text) ?? undefined;
}

/** True when the fast route is available (the library's metadata could be read). */
export const FAST_ROUTE_AVAILABLE: boolean = CN !== null;

/** One number: the fast route first (unless disabled), then the library. */
export function parsePhoneCore(text: string, fast: boolean): CoreNumber | undefined {
  if (fast) {
    const quick = readFast(text);
    if (quick !== undefined) return quick ?? undefined;
  }
  return parseWithLibrary(text);
}
