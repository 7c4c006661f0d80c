// Reads ONE phone number (no separators, no extension) into E.164 + type.
//
// Two routes give the same answer:
// - the library route: libphonenumber-js with the `max` metadata (the only build that tells CN mobiles from
//   fixed lines), default country CN;
// - a fast route for the common mainland shapes (11-digit mobiles with optional +86/0086, 0-prefixed fixed lines,
//   +86 + area code). It tests the digits against the SAME CN patterns the library uses (read from the library's
//   metadata at load time, compiled once), and answers only when the answer is a plain mobile or a plain fixed line;
//   for anything else it declines and the library decides. The library recompiles its patterns on every call,
//   which is where its time goes; the fast route skips that.
// test/unit/normalize/phone.test.ts proves on a 200k-input seeded corpus that the fast route either declines or
// agrees with the library on e164/type/national/areaCode/country.
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

interface TypePattern {
  re: RegExp;
  lengths: readonly number[];
}
interface CnPatterns {
  general: TypePattern;
  fixed: TypePattern;
  mobile: TypePattern;
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
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function loadCnPatterns(): CnPatterns | null {
  try {
    const metadata = new Metadata();
    metadata.selectNumberingPlan('CN');
    const plan = metadata.numberingPlan as unknown as RuntimeNumberingPlan | undefined;
    if (!plan || typeof plan.type !== 'function' || typeof plan.nationalNumberPattern !== 'function') return null;
    const fixed = plan.type('FIXED_LINE');
    const mobile = plan.type('MOBILE');
    if (!fixed || !mobile || !fixed.pattern() || !mobile.pattern()) return null;
    const generalLengths = plan.possibleLengths();
    return {
      general: { re: anchored(plan.nationalNumberPattern()), lengths: generalLengths },
      fixed: { re: anchored(fixed.pattern()), lengths: fixed.possibleLengths() ?? generalLengths },
      mobile: { re: anchored(mobile.pattern()), lengths: mobile.possibleLengths() ?? generalLengths },
    };
  } catch {
    return null; // metadata API changed: the fast route switches itself off, the library answers everything
  }
}

const CN: CnPatterns | null = loadCnPatterns();

function matches(t: TypePattern, nsn: string): boolean {
  return t.lengths.includes(nsn.length) && t.re.test(nsn);
}

/** Optional +86 / 0086, optional (0xx) area code, then digits with single space or dash separators. */
const FAST_SHAPE = /^(?:(?:\+86|0086)[ -]?)?(?:\(0\d{2,3}\)[ -]?)?\d(?:[ -]?\d)*$/;

/**
 * The fast route: a CoreNumber for a plain CN mobile or fixed line in a common shape, or undefined ("decline",
 * ask the library). Never returns a number the library would call invalid or type differently (see the corpus test).
 */
export function parseFast(text: string): CoreNumber | undefined {
  if (CN === null || !FAST_SHAPE.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  let nsn: string;
  let viaTrunk = false;
  if (text.charCodeAt(0) === 43 /* + */) nsn = digits.slice(2);
  else if (text.startsWith('0086')) nsn = digits.slice(4);
  else if (digits.charCodeAt(0) === 48 /* 0 */) {
    nsn = digits.slice(1);
    viaTrunk = true;
  } else nsn = digits;

  const c0 = nsn.charCodeAt(0);
  if (c0 === 49 /* 1 */ && nsn.length === 11 && !viaTrunk && nsn.charCodeAt(1) !== 48) {
    // mobile shape: 1[1-9]xxxxxxxxx without trunk 0
    if (!matches(CN.general, nsn) || !matches(CN.mobile, nsn) || matches(CN.fixed, nsn)) return undefined;
    return { e164: '+86' + nsn, national: nsn, type: 'mobile', areaCode: null, country: 'CN' };
  }
  const fixedStart = (c0 >= 50 && c0 <= 57) || (c0 === 49 && nsn.charCodeAt(1) === 48); // [2-9] or 10
  const prefixed = viaTrunk || nsn.length !== digits.length;
  if (fixedStart && prefixed && nsn.length >= 9 && nsn.length <= 11) {
    if (!matches(CN.general, nsn) || !matches(CN.fixed, nsn) || matches(CN.mobile, nsn)) return undefined;
    return { e164: '+86' + nsn, national: '0' + nsn, type: 'fixed_line', areaCode: cnAreaCode(nsn), country: 'CN' };
  }
  return undefined;
}

/** True when the fast route is available (the library's metadata could be read). */
export const FAST_ROUTE_AVAILABLE: boolean = CN !== null;

/** One number: the fast route first (unless disabled), then the library. */
export function parsePhoneCore(text: string, fast: boolean): CoreNumber | undefined {
  if (fast) {
    const quick = parseFast(text);
    if (quick !== undefined) return quick;
  }
  return parseWithLibrary(text);
}
