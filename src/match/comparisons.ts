// The comparisons of record linkage: per field, an ordered list of levels from the strongest agreement down to
// 'else' (disagreement). Level 0 is always 'missing' (either side lacks the value): it carries no weight.
// Fellegi–Sunter estimates P(level | match) and P(level | non-match) for every level (scoring.ts).
//
// One list serves companies and people: a comparison whose fields a data set lacks is simply always missing.
//   name          name core (companies, or people whose name is not split into first / last): exact (term-
//                 frequency adjusted), same pinyin (homophone typos), close, similar, else
//   first_name    exact (TF), swapped with the other's last name, close (Jaro-Winkler >= 0.92), similar, else
//   last_name     same levels
//   birth_date    exact, one edit (typo or day/month swapped), within a year or two edits, within 10 years, else
//   id_number     exact, one edit, two edits, else
//   uscc          exact, same 17-character body (check character differs), one edit, else
//   phones        a shared number (TF on the rarest shared number: a switchboard or filler counts little), else
//   emails        a shared address (TF), same mailbox or one edit, else
//   region        same GB/T 2260 code, one inside the other (district in its city), same city, same province, else
//   city          city text outside China: exact (TF), close, else
//   postal_code   exact, one edit, same area (first three characters), else
//   address       exact, close, similar, else (Chinese addresses compared after their province/city/district)
//   contact_name  exact, close, else
//   website       exact host, else
//   gender        exact, else
//   industry      exact (TF), same GB/T 4754 division, else
//
// String similarity helpers live in similarity.ts and are re-exported here.
import type { Comparison, ComparisonLevel, MatchRecord } from './types.js';
import { bigramContainment, bigramJaccard, hasHan, jaroWinkler, osaWithin, tokenContainment, tokenJaccard, tokensOf } from './similarity.js';

export {
  bigramContainment, bigramJaccard, bigramsOf, hasHan, jaro, jaroWinkler, levenshtein, osaDistance, osaWithin, soundex, tokenContainment, tokenJaccard, tokensOf,
} from './similarity.js';

function levels(...rest: [string, boolean][]): readonly ComparisonLevel[] {
  return Object.freeze([{ label: 'missing', agrees: false }, ...rest.map(([label, agrees]) => ({ label, agrees }))]);
}

const splitPerson = (r: MatchRecord): boolean => r.firstName !== null && r.lastName !== null;

// ------------------------------------------------------------------------------------------------ names

/** A form of address after a Chinese name: 李涛秀先生, 何经理. */
const HONORIFIC = /(?:先生|女士|小姐|太太|夫人|老师|总经理|经理|总监|主任|老板|老总|师傅|总)$/u;

/** The name without a trailing form of address, when at least two characters remain. */
export function withoutHonorific(name: string): string {
  const m = HONORIFIC.exec(name);
  return m && m.index >= 2 ? name.slice(0, m.index) : name;
}

/** Name cores: exact 1, same pinyin 2, close 3, similar 4, else 5. */
export function compareNameCore(x: string, y: string, keyX: string | null, keyY: string | null): number {
  if (x === y) return 1;
  if (keyX !== null && keyX === keyY) return 2;
  const jw = jaroWinkler(x, y);
  if (hasHan(x) || hasHan(y)) {
    if (withoutHonorific(x) === withoutHonorific(y)) return 3;
    const jac = bigramJaccard(x, y);
    const shorter = Math.min(x.length, y.length);
    const contained = shorter >= 3 && shorter * 2 >= Math.max(x.length, y.length) && bigramContainment(x, y) === 1;
    if (jac >= 0.6 || contained) return 3;
    // Same trade-name start (辰帮电子 / 辰帮信息): a sister company as often as a variant; EM weighs it.
    if (jac >= 0.3 || jw >= 0.85 || (x.length >= 3 && y.length >= 3 && x.charCodeAt(0) === y.charCodeAt(0) && x.charCodeAt(1) === y.charCodeAt(1))) return 4;
    return 5;
  }
  if (jw >= 0.92 || tokenJaccard(x, y) >= 0.75 || tokenContainment(x, y) === 1) return 3;
  if (jw >= 0.8 || tokenJaccard(x, y) >= 0.4) return 4;
  return 5;
}

export const nameComparison: Comparison = {
  name: 'name',
  levels: levels(['exact', true], ['same_pinyin', true], ['close', true], ['similar', false], ['else', false]),
  compare(a, b) {
    const x = a.nameCore;
    const y = b.nameCore;
    if (x === null || y === null || (splitPerson(a) && splitPerson(b))) return 0;
    return compareNameCore(x, y, a.nameKey, b.nameKey);
  },
  tfValue: (r) => r.nameCore,
  tfLevels: [1, 2],
  display: (r) => r.name ?? r.nameCore ?? '',
};

/** One part of a person's name: exact 1, swapped 2, close 3, similar 4, else 5. */
function comparePersonPart(x: string, y: string, otherX: string | null, otherY: string | null): number {
  if (x === y) return 1;
  if (otherX !== null && otherY !== null && x === otherY && y === otherX) return 2;
  const jw = jaroWinkler(x, y);
  if (jw >= 0.92) return 3;
  // Swapped and misspelt: 'Moore Oscar' / 'Oscra Moore'.
  if (otherX !== null && otherY !== null && jaroWinkler(x, otherY) >= 0.9 && jaroWinkler(y, otherX) >= 0.9) return 2;
  if (jw >= 0.8) return 4;
  // An initial against the full name: 'j' / 'john'.
  if ((x.length === 1 || y.length === 1) && x.charCodeAt(0) === y.charCodeAt(0)) return 4;
  return 5;
}

const personLevels = levels(['exact', true], ['swapped', true], ['close', true], ['similar', false], ['else', false]);

export const firstNameComparison: Comparison = {
  name: 'first_name',
  levels: personLevels,
  compare(a, b) {
    if (a.firstName === null || b.firstName === null) return 0;
    return comparePersonPart(a.firstName, b.firstName, a.lastName, b.lastName);
  },
  tfValue: (r) => r.firstName,
};

export const lastNameComparison: Comparison = {
  name: 'last_name',
  levels: personLevels,
  compare(a, b) {
    if (a.lastName === null || b.lastName === null) return 0;
    return comparePersonPart(a.lastName, b.lastName, a.firstName, b.firstName);
  },
  tfValue: (r) => r.lastName,
};

// ------------------------------------------------------------------------------------------------ dates, ids

const dayCache = new Map<string, number>();

/** Days since 1970 of a YYYY-MM-DD date (NaN when unreadable). */
function dayNumber(d: string): number {
  let v = dayCache.get(d);
  if (v === undefined) {
    v = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
    if (dayCache.size > 200_000) dayCache.clear();
    dayCache.set(d, v);
  }
  return v;
}

/** Birth dates (YYYY-MM-DD): exact 1, one edit or day/month swapped 2, within a year or two edits 3, within 10 years 4, else 5. */
export function compareDates(x: string, y: string): number {
  if (x === y) return 1;
  const edits = osaWithin(x, y, 2); // the dashes line up, so this is the distance of the digits
  if (edits <= 1) return 2;
  if (x.length === 10 && y.length === 10 && x.startsWith(y.slice(0, 5)) && x.charCodeAt(5) === y.charCodeAt(8) &&
    x.charCodeAt(6) === y.charCodeAt(9) && x.charCodeAt(8) === y.charCodeAt(5) && x.charCodeAt(9) === y.charCodeAt(6)) return 2;
  const days = Math.abs(dayNumber(x) - dayNumber(y));
  if (edits <= 2 || days <= 366) return 3;
  if (days <= 3653) return 4;
  return 5;
}

export const birthDateComparison: Comparison = {
  name: 'birth_date',
  levels: levels(['exact', true], ['one_edit', true], ['within_year', false], ['within_10_years', false], ['else', false]),
  compare(a, b) {
    if (a.birthDate === null || b.birthDate === null) return 0;
    return compareDates(a.birthDate, b.birthDate);
  },
  display: (r) => r.birthDate ?? '',
};

export const idNumberComparison: Comparison = {
  name: 'id_number',
  levels: levels(['exact', true], ['one_edit', true], ['two_edits', false], ['else', false]),
  compare(a, b) {
    if (a.idNumber === null || b.idNumber === null) return 0;
    if (a.idNumber === b.idNumber) return 1;
    const d = osaWithin(a.idNumber, b.idNumber, 2);
    return d <= 1 ? 2 : d <= 2 ? 3 : 4;
  },
  display: (r) => r.idNumber ?? '',
};

export const usccComparison: Comparison = {
  name: 'uscc',
  levels: levels(['exact', true], ['same_body', true], ['one_edit', true], ['else', false]),
  compare(a, b) {
    const x = a.uscc;
    const y = b.uscc;
    if (x === null || y === null) return 0;
    if (x === y) return 1;
    if (x.length === 18 && y.length === 18 && x.slice(0, 17) === y.slice(0, 17)) return 2;
    return osaWithin(x, y, 1) <= 1 ? 3 : 4;
  },
  display: (r) => r.uscc ?? '',
};

// ------------------------------------------------------------------------------------------------ contacts

/** The values two small sets share. */
function sharedValues(xs: readonly string[], ys: readonly string[]): string[] {
  return xs.filter((x) => ys.includes(x));
}

/** Role mailboxes: the same one at two domains says nothing (info@a.com / info@b.com). */
export const GENERIC_MAILBOXES: ReadonlySet<string> = new Set([
  'info', 'sales', 'service', 'admin', 'contact', 'office', 'support', 'hello', 'mail', 'email', 'market', 'marketing', 'hr',
  'kefu', 'finance', 'business', 'enquiries', 'inquiry', 'webmaster', 'postmaster', 'noreply', 'no-reply',
]);

export const phonesComparison: Comparison = {
  name: 'phones',
  levels: levels(['shared', true], ['else', false]),
  compare(a, b) {
    if (a.phones.length === 0 || b.phones.length === 0) return 0;
    for (const p of a.phones) if (b.phones.includes(p)) return 1;
    return 2;
  },
  tfValues: (r) => r.phones,
  tfShared: (a, b) => sharedValues(a.phones, b.phones),
  display: (r) => r.phones.join(';'),
};

export const emailsComparison: Comparison = {
  name: 'emails',
  levels: levels(['shared', true], ['same_mailbox', true], ['else', false]),
  compare(a, b) {
    if (a.emails.length === 0 || b.emails.length === 0) return 0;
    for (const e of a.emails) if (b.emails.includes(e)) return 1;
    for (const x of a.emails) {
      const at = x.indexOf('@');
      const personal = at >= 4 && !GENERIC_MAILBOXES.has(x.slice(0, at));
      for (const y of b.emails) {
        // The same personal mailbox at another domain (zhang.wei@163.com / zhang.wei@qq.com), or a typo.
        if (personal && y.indexOf('@') === at && x.slice(0, at) === y.slice(0, at)) return 2;
        if (osaWithin(x, y, 1) <= 1 && (personal || x.length >= 12)) return 2;
      }
    }
    return 3;
  },
  tfValues: (r) => r.emails,
  tfShared: (a, b) => sharedValues(a.emails, b.emails),
  display: (r) => r.emails.join(';'),
};

export const contactNameComparison: Comparison = {
  name: 'contact_name',
  levels: levels(['exact', true], ['close', true], ['else', false]),
  compare(a, b) {
    const x = a.contactName;
    const y = b.contactName;
    if (x === null || y === null) return 0;
    if (x === y) return 1;
    if (jaroWinkler(x, y) >= 0.88) return 2;
    // A surname and a form of address against the full name: 何经理 / 何洋.
    if (hasHan(x) && x.charCodeAt(0) === y.charCodeAt(0) && (HONORIFIC.test(x) || HONORIFIC.test(y)) && Math.min(x.length, y.length) <= 4) return 2;
    return 3;
  },
  display: (r) => r.contactName ?? '',
};

function host(w: string): string {
  return w.replace(/^www\./, '').replace(/\/.*$/, '');
}

export const websiteComparison: Comparison = {
  name: 'website',
  levels: levels(['exact', true], ['else', false]),
  compare(a, b) {
    if (a.website === null || b.website === null) return 0;
    return host(a.website) === host(b.website) ? 1 : 2;
  },
  display: (r) => r.website ?? '',
};

// ------------------------------------------------------------------------------------------------ places

/**
 * GB/T 2260 codes: same code 1; one contains the other (a district in its city, a city in its province) 2;
 * two districts of one city 3; same province 4; else 5.
 */
export function compareRegionCodes(x: string, y: string): number {
  if (x === y) return 1;
  const px = x.slice(0, 2);
  if (px !== y.slice(0, 2)) return 5;
  const cx = x.slice(2, 4);
  const cy = y.slice(2, 4);
  if (cx === '00' || cy === '00') return 2; // a province against a place in it
  if (cx !== cy) return 4;
  if (x.slice(4) === '00' || y.slice(4) === '00') return 2; // a city against a district in it
  return 3;
}

export const regionComparison: Comparison = {
  name: 'region',
  levels: levels(['exact', true], ['contains', true], ['same_city', true], ['same_province', false], ['else', false]),
  compare(a, b) {
    if (a.regionCode === null || b.regionCode === null) return 0;
    return compareRegionCodes(a.regionCode, b.regionCode);
  },
  display: (r) => r.regionCode ?? '',
};

export const cityComparison: Comparison = {
  name: 'city',
  levels: levels(['exact', true], ['close', true], ['else', false]),
  compare(a, b) {
    if (a.city === null || b.city === null) return 0;
    if (a.city === b.city) return 1;
    return jaroWinkler(a.city, b.city) >= 0.9 ? 2 : 3;
  },
  tfValue: (r) => r.city,
};

export const postalCodeComparison: Comparison = {
  name: 'postal_code',
  levels: levels(['exact', true], ['one_edit', true], ['same_area', false], ['else', false]),
  compare(a, b) {
    const x = a.postalCode;
    const y = b.postalCode;
    if (x === null || y === null) return 0;
    if (x === y) return 1;
    if (osaWithin(x, y, 1) <= 1) return 2;
    return x.length >= 4 && y.length >= 4 && x.slice(0, 3) === y.slice(0, 3) ? 3 : 4;
  },
  display: (r) => r.postalCode ?? '',
};

const ADMIN_PREFIX = /^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,8}?(?:市|自治州|地区|盟))?(?:[\u4e00-\u9fff]{1,6}?(?:区|县|旗))?/u;
const addressCache = new Map<string, string>();

/** The comparable part of an address: no punctuation or spaces next to Han text, no leading province/city/district. */
export function addressKey(address: string): string {
  let key = addressCache.get(address);
  if (key !== undefined) return key;
  if (hasHan(address)) {
    const compact = address.replace(/[\s,，。.、#()（）-]+/g, '');
    const tail = compact.replace(ADMIN_PREFIX, '');
    key = tail.length >= 4 ? tail : compact;
  } else {
    key = address.replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  }
  if (addressCache.size > 1_000_000) addressCache.clear();
  addressCache.set(address, key);
  return key;
}

/** Addresses: exact 1, close 2, similar 3, else 4. */
export function compareAddresses(x: string, y: string): number {
  if (x === y) return 1;
  const kx = addressKey(x);
  const ky = addressKey(y);
  if (kx === ky) return 1;
  if (hasHan(kx) || hasHan(ky)) {
    const jac = bigramJaccard(kx, ky);
    const shorter = Math.min(kx.length, ky.length);
    if (jac >= 0.6 || (shorter >= 5 && bigramContainment(kx, ky) >= 0.95)) return 2;
    return jac >= 0.3 ? 3 : 4;
  }
  // Long Latin strings: token overlap, then character-bigram overlap (typos, run-together words); no Jaro-Winkler,
  // which is slow on 30+ characters and adds nothing here.
  const tok = tokenJaccard(kx, ky);
  if (tok >= 0.6) return 2;
  // One address is the other plus detail ('2450 broadway' / '2450 broadway between 90th and 91st sts.').
  if (tok > 0 && Math.min(tokensOf(kx).length, tokensOf(ky).length) >= 2 && tokenContainment(kx, ky) === 1) return 2;
  const gram = bigramJaccard(kx, ky);
  if (gram >= 0.6) return 2;
  return tok >= 0.3 || gram >= 0.35 ? 3 : 4;
}

export const addressComparison: Comparison = {
  name: 'address',
  levels: levels(['exact', true], ['close', true], ['similar', false], ['else', false]),
  compare(a, b) {
    if (a.address === null || b.address === null) return 0;
    return compareAddresses(a.address, b.address);
  },
  display: (r) => r.address ?? '',
};

// ------------------------------------------------------------------------------------------------ other

export const genderComparison: Comparison = {
  name: 'gender',
  levels: levels(['exact', true], ['else', false]),
  compare(a, b) {
    const x = a.gender ?? null;
    const y = b.gender ?? null;
    if (x === null || y === null) return 0;
    return x === y ? 1 : 2;
  },
  display: (r) => r.gender ?? '',
};

const INDUSTRY_CODE = /^[A-T]\d{2,4}$/;

export const industryComparison: Comparison = {
  name: 'industry',
  levels: levels(['exact', true], ['same_division', true], ['else', false]),
  compare(a, b) {
    const x = a.industry ?? null;
    const y = b.industry ?? null;
    if (x === null || y === null) return 0;
    if (x === y) return 1;
    return INDUSTRY_CODE.test(x) && INDUSTRY_CODE.test(y) && x.slice(0, 3) === y.slice(0, 3) ? 2 : 3;
  },
  tfValue: (r) => r.industry ?? null,
};

/** Every comparison `crm dedupe` uses, in waterfall order. */
export const DEFAULT_COMPARISONS: readonly Comparison[] = Object.freeze([
  nameComparison,
  firstNameComparison,
  lastNameComparison,
  usccComparison,
  idNumberComparison,
  birthDateComparison,
  phonesComparison,
  emailsComparison,
  regionComparison,
  cityComparison,
  postalCodeComparison,
  addressComparison,
  contactNameComparison,
  websiteComparison,
  genderComparison,
  industryComparison,
]);

/** The value of a comparison's field as shown in an explanation. */
export function displayValue(c: Comparison, r: MatchRecord): string {
  if (c.display) return c.display(r);
  return c.tfValue?.(r) ?? '';
}
