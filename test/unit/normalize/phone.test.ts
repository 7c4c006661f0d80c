import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import parsePhoneNumberFromString, { Metadata } from 'libphonenumber-js/max';
import { normalizeFax, normalizePhones, tokensOf } from '../../../src/normalize/phone.js';
import { FAST_ROUTE_AVAILABLE, parseFast, readFast } from '../../../src/normalize/phone-parse.js';


type Expect = {
  mobile?: string | null;
  phone?: string | null;
  phoneExt?: string | null;
  phones?: string[];
  status?: string;
  codes?: string[];
  types?: string[];
};

function check(inputs: { field: string; value: string | null | undefined }[], want: Expect, ctx?: { areaCode?: string | null }): void {
  const r = normalizePhones(inputs, ctx);
  if (want.mobile !== undefined) expect(r.mobile).toBe(want.mobile);
  if (want.phone !== undefined) expect(r.phone).toBe(want.phone);
  if (want.phoneExt !== undefined) expect(r.phoneExt).toBe(want.phoneExt);
  if (want.phones !== undefined) expect(r.phones).toEqual(want.phones);
  if (want.status !== undefined) expect(r.status).toBe(want.status);
  if (want.codes !== undefined) expect(r.issues.map((i) => i.code)).toEqual(want.codes);
  if (want.types !== undefined) expect(r.numbers.map((n) => n.type)).toEqual(want.types);
}

const M = '+8613800138000';
const SH = '+862162345678';

describe('normalizePhones: NOTES.md §3.2 probes', () => {
  it.each<[string, Expect]>([
    ['13800138000', { mobile: M, phone: null, phones: [M], status: 'normalized', codes: [] }],
    ['+86 138 0013 8000', { mobile: M, phones: [M], codes: [] }],
    ['0086-13800138000', { mobile: M, phones: [M], codes: [] }],
    ['(021)62345678', { mobile: null, phone: SH, phoneExt: null, phones: [SH], types: ['fixed_line'] }],
    ['021-6234-5678 转 8001', { phone: SH, phoneExt: '8001', phones: [SH], codes: [] }],
    ['010 8888 8888', { phone: '+861088888888', phones: ['+861088888888'], codes: [] }],
    ['１３８００１３８０００', { mobile: M, phones: [M], codes: [] }],
    ['400-800-8888', { phone: '+864008008888', types: ['shared_cost'], codes: [] }],
    ['800-820-8820', { phone: '+868008208820', types: ['toll_free'], codes: [] }],
    ['95588', { mobile: null, phone: null, phones: [], types: ['short'], status: 'unresolved', codes: ['short_number'] }],
    ['6234 5678', { phone: null, phones: [], status: 'unresolved', codes: ['missing_area_code'] }],
    ['1380013800', { mobile: null, phone: null, phones: [], status: 'invalid', codes: ['invalid_phone'] }],
    ['12345678901', { phones: [], status: 'invalid', codes: ['filler_phone'] }],
    ['+852 2123 4567', { phone: '+85221234567', types: ['fixed_line'], codes: [] }],
    ['0755-86013388', { phone: '+8675586013388', phones: ['+8675586013388'], codes: [] }],
    ['+1 415 555 2671', { mobile: null, phone: '+14155552671', types: ['other'], codes: [] }],
    ['021-62345678-8001', { phone: SH, phoneExt: '8001', codes: [] }],
    ['13800138000;13900139000', { mobile: M, phones: [M, '+8613900139000'], codes: [] }],
    ['0755 1234567', { phones: [], status: 'invalid', codes: ['invalid_phone'] }],
    ['16612345678', { mobile: '+8616612345678' }],
    ['17012345678', { mobile: '+8617012345678' }],
    ['19912345678', { mobile: '+8619912345678' }],
    // pattern-level area-code validation in the library: 024 + 8 digits is "valid" although 0249 is no city
    ['0249 1234567', { phone: '+862491234567', codes: [] }],
    // 010 + 01234567: valid for the library, but a counting placeholder
    ['0100 1234567', { phone: null, codes: ['filler_phone'] }],
  ])('%s', (value, want) => check([{ field: 'phone', value }], want));
});

describe('normalizePhones: splitting, extensions, classification', () => {
  it.each<[string, string, Expect]>([
    ['phone', '13800138000 13900139000', { phones: [M, '+8613900139000'] }],
    ['phone', '13800138000、13900139000，13700137000', { phones: [M, '+8613900139000', '+8613700137000'] }],
    ['phone', '13800138000／13900139000', { phones: [M, '+8613900139000'] }],
    ['phone', '+86 13800138000 +86 13900139000', { phones: [M, '+8613900139000'] }],
    ['phone', '手机：13800138000 / 座机 021-62345678 分机 201', { mobile: M, phone: SH, phoneExt: '201', phones: [M, SH] }],
    ['phone', '021-62345678 ext. 12', { phone: SH, phoneExt: '12' }],
    ['phone', '021-62345678 x12', { phone: SH, phoneExt: '12' }],
    ['phone', '021-62345678#12', { phone: SH, phoneExt: '12' }],
    ['phone', '021-62345678(8001)', { phone: SH, phoneExt: '8001' }],
    ['phone', '0755 86013388 8001', { phone: '+8675586013388', phoneExt: '8001' }],
    ['phone', '021-62345678转8001/8002', { phones: [SH], phoneExt: '8001', types: ['fixed_line', 'fixed_line'] }],
    ['phone', '021-62345678/79', { phones: [SH, '+862162345679'], codes: [] }],
    ['phone', '13912345678/9', { phones: ['+8613912345678', '+8613912345679'] }],
    ['phone', '0571-8888 1234, 8888 5678', { phones: ['+8657188881234', '+8657188885678'], codes: ['missing_area_code'], status: 'normalized' }],
    ['phone', '（０２１）６２３４－５６７８　转　８００１', { phone: SH, phoneExt: '8001' }],
    ['phone', '021—62345678', { phone: SH }],
    ['phone', '+86 21 6234 5678', { phone: SH }],
    ['phone', '+86 (0)21 6234 5678', { phone: SH }],
    ['phone', '86-10-65238888', { phone: '+861065238888' }],
    ['phone', '17951 13800138000', { mobile: M }],
    ['phone', '13800138000.0', { mobile: M, codes: [] }],
    ['phone', '13800138000（微信同号）', { mobile: M, codes: [] }],
    ['phone', '张经理 13800138000', { mobile: M, codes: [] }],
    ['phone', '021 6234567', { phones: [], codes: ['invalid_phone'] }],
    ['phone', '138****8000', { phones: [], codes: ['invalid_phone'], status: 'invalid' }],
    ['phone', '138xxxx8000', { phones: [], codes: ['invalid_phone'] }],
    ['mobile', '1380013800', { codes: ['invalid_mobile'], status: 'invalid' }],
    ['mobile', '021-62345678', { mobile: null, phone: SH, codes: [] }],
    ['phone', '13800138000', { mobile: M, phone: null, codes: [] }],
    ['mobile', '13800000000', { mobile: null, codes: ['filler_phone'] }],
    ['mobile', '13888888888', { mobile: null, codes: ['filler_phone'] }],
    ['mobile', '11111111111', { mobile: null, codes: ['filler_phone'] }],
    ['phone', '010-88888888', { phone: '+861088888888', codes: [] }],
    ['phone', '10086', { types: ['short'], codes: ['short_number'] }],
    ['phone', '12315', { types: ['short'], codes: ['short_number'] }],
    ['phone', '110', { types: ['short'], codes: ['short_number'] }],
    ['phone', '121', { types: ['short'], codes: ['short_number'] }],
    // Three digits that are no service line: a broken number, not a short one.
    ['phone', '123', { types: [], codes: ['invalid_phone'], status: 'invalid' }],
    // A Xi'an landline one digit short, its subscriber part spaced: one invalid number, not a number and a short one.
    ['phone', '029-8832 123', { phones: [], types: [], codes: ['invalid_phone'], status: 'invalid' }],
    ['phone', '13800138000; 95588', { mobile: M, phones: [M], types: ['mobile', 'short'], status: 'unresolved' }],
    ['phone', '13800138000; 1234', { mobile: M, phones: [M], codes: ['invalid_phone'], status: 'invalid' }],
    ['phone', '+8613800138000', { mobile: M, status: 'unchanged' }],
    ['phone', '无', { phones: [], status: 'empty', codes: [] }],
    ['phone', 'N/A', { status: 'empty', codes: [] }],
    ['phone', '   ', { status: 'empty', codes: [] }],
    ['phone', '见备注', { status: 'invalid', codes: ['invalid_phone'] }],
  ])('%s %s', (field, value, want) => check([{ field, value }], want));

  it('classifies by the number, not the column, and deduplicates in order', () => {
    check(
      [
        { field: 'mobile', value: '021-62345678' },
        { field: 'phone', value: '138 0013 8000；021 6234 5678' },
        { field: 'other_phone', value: '13900139000' },
      ],
      { mobile: M, phone: SH, phoneExt: null, phones: [SH, M, '+8613900139000'], status: 'normalized', codes: [] },
    );
  });

  it('completes a landline from ctx.areaCode and still records missing_area_code', () => {
    const r = normalizePhones([{ field: 'phone', value: '6234 5678' }], { areaCode: '021' });
    expect(r.phone).toBe(SH);
    expect(r.numbers[0]?.areaCode).toBe('021');
    expect(r.issues).toEqual([
      expect.objectContaining({ field: 'phone', code: 'missing_area_code', value: '6234 5678' }),
    ]);
    expect(r.status).toBe('normalized');
  });

  it('does not complete with an area code whose numbers have another length', () => {
    check([{ field: 'phone', value: '6234567' }], { phone: null, codes: ['missing_area_code'], status: 'unresolved' }, { areaCode: '021' });
  });

  it('reports field and raw value on every issue', () => {
    const r = normalizePhones([{ field: 'mobile', value: '１３８００１３８００' }]);
    expect(r.issues).toEqual([
      { field: 'mobile', code: 'invalid_mobile', value: '１３８００１３８００', message: expect.stringContaining('1380013800') },
    ]);
  });

  it('returns parsed details per number', () => {
    const r = normalizePhones([{ field: 'phone', value: '0755-8601 3388 转 8001' }]);
    expect(r.numbers).toEqual([
      {
        e164: '+8675586013388',
        national: '075586013388',
        type: 'fixed_line',
        ext: '8001',
        areaCode: '0755',
        country: 'CN',
        field: 'phone',
        raw: '0755-8601 3388 转 8001',
      },
    ]);
  });

  it('is empty for no input', () => {
    expect(normalizePhones([])).toEqual({ mobile: null, phone: null, phoneExt: null, phones: [], numbers: [], status: 'empty', issues: [] });
    check([{ field: 'mobile', value: null }, { field: 'phone', value: undefined }], { status: 'empty' });
  });
});

describe('tokensOf', () => {
  // the regex pipeline it replaced, kept here as its specification
  const byRegex = (segment: string): string[] =>
    segment
      .replace(/[^0-9+()\-.#* ]/g, ' ')
      .split(' ')
      .map((piece) => piece.replace(/^[^\d(+#]+/, '').replace(/[^\d)]+$/, ''))
      .filter((token) => /\d/.test(token));

  it.each(['021-62345678 #8001', '（0755）8601 3388', ' +86 (0)21 6234 5678 ', '-)(8-', '手机:138-1234-5678。', '#12)', '..1.2..', ''])(
    '%j',
    (segment) => expect(tokensOf(segment)).toEqual(byRegex(segment)),
  );

  it('splits 100,000 random segments as the regex pipeline does', () => {
    const rnd = seededRandom(5);
    const alphabet = '0123456789+()-.#* \tx转a,（）';
    for (let i = 0; i < 100_000; i++) {
      let segment = '';
      const len = Math.floor(rnd() * 24);
      for (let k = 0; k < len; k++) segment += alphabet[Math.floor(rnd() * alphabet.length)] ?? '';
      const got = tokensOf(segment);
      const want = byRegex(segment);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ segment, got }).toEqual({ segment, got: want });
    }
  });
});

describe('normalizeFax', () => {
  it.each<[string | null, string | null, string, string[]]>([
    ['021-62345678', SH, 'normalized', []],
    ['(0755)86013388-8001', '+8675586013388;ext=8001', 'normalized', []],
    ['+862162345678', SH, 'unchanged', []],
    ['1234', null, 'invalid', ['invalid_phone']],
    ['62345678', null, 'unresolved', ['missing_area_code']],
    [null, null, 'empty', []],
    ['', null, 'empty', []],
  ])('%s → %s', (raw, value, status, codes) => {
    const r = normalizeFax(raw);
    expect(r.value).toBe(value);
    expect(r.status).toBe(status);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
    for (const i of r.issues) expect(i.field).toBe('fax');
  });

  it('uses ctx.areaCode', () => {
    expect(normalizeFax('62345678', { areaCode: '0755' }).value).toBe('+8675562345678');
  });
});

describe('normalizePhones: labelled table (labelled/phone.csv)', () => {
  interface Row {
    field: string;
    input: string;
    expected_mobile: string;
    expected_phone: string;
    expected_ext: string;
    expected_phones: string;
    note: string;
  }
  const rows = parse(readFileSync(new URL('./labelled/phone.csv', import.meta.url), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: false,
  }) as Row[];

  it('has at least 120 hand-checked rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
  });

  it('gets >= 99% of them right, printing every miss', () => {
    let hits = 0;
    for (const row of rows) {
      const r = normalizePhones([{ field: row.field, value: row.input }]);
      const got = [r.mobile ?? '', r.phone ?? '', r.phoneExt ?? '', r.phones.join('|')].join(' / ');
      const want = [row.expected_mobile, row.expected_phone, row.expected_ext, row.expected_phones].join(' / ');
      if (got === want) hits++;
      else console.log(`KNOWN MISS phone: ${row.input} expected ${want} got ${got} (${row.note})`);
    }
    const accuracy = hits / rows.length;
    console.log(`phone labelled accuracy: ${hits}/${rows.length} = ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});

// ---- seeded corpus -------------------------------------------------------------------------------------------

/** mulberry32: small seeded PRNG, same sequence on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RuntimePlan {
  type(name: string): { pattern(): string } | undefined;
}

/** Every 2-digit (10, 2x) and 3-digit ([3-9]xx) prefix for which the CN fixed-line pattern accepts some subscriber. */
function areaCodesFromMetadata(): string[] {
  const metadata = new Metadata();
  metadata.selectNumberingPlan('CN');
  const plan = metadata.numberingPlan as unknown as RuntimePlan;
  const fixed = new RegExp(`^(?:${plan.type('FIXED_LINE')?.pattern() ?? '$^'})$`);
  const rnd = seededRandom(7);
  const digits = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
    return s;
  };
  const prefixes: string[] = ['10'];
  for (let p = 20; p <= 29; p++) prefixes.push(String(p));
  for (let p = 300; p <= 999; p++) prefixes.push(String(p));
  const found: string[] = [];
  for (const p of prefixes) {
    let hit = false;
    for (let len = 7; len <= 8 && !hit; len++) {
      for (let first = 0; first <= 9 && !hit; first++) {
        for (let k = 0; k < 4 && !hit; k++) hit = fixed.test(p + String(first) + digits(len - 1));
      }
    }
    if (hit) found.push(p);
  }
  return found;
}

function makeCorpus(size: number, seed: number, areaCodes: readonly string[]): string[] {
  const rnd = seededRandom(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const digits = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += int(10);
    return s;
  };
  // a digit string cut into groups with a separator, sometimes at odd places, sometimes doubled, sometimes with
  // brackets around a group ('(021)6234 5678', '138(1234)5678')
  const separate = (d: string, groups: number[]): string => {
    const style = int(10);
    if (style < 4) return d;
    const sep = style < 6 ? ' ' : style < 8 ? '-' : style === 8 ? pick(['  ', '--', ' - ', '.', ' -', '- ']) : pick([' ', '-', '']);
    if (int(5) === 0) {
      // random cut points
      let out = '';
      for (let i = 0; i < d.length; i++) out += (i > 0 && int(4) === 0 ? sep : '') + d[i];
      return out;
    }
    const cut: string[] = [];
    let at = 0;
    for (const g of groups) {
      if (at >= d.length) break;
      cut.push(d.slice(at, at + g));
      at += g;
    }
    if (at < d.length) cut.push(d.slice(at));
    if (int(6) === 0 && cut.length > 1) {
      const k = int(cut.length);
      cut[k] = `(${cut[k] ?? ''})`;
    }
    return cut.join(sep);
  };
  // how the country and carrier are written before a number: +86 in every spelling, 86 without a plus, 0086 and
  // carrier / IP-dialling prefixes (17951, 12593, 17951 00 86), and broken ones ('+', '+8', '008', '+0', '00')
  const intl = (): string =>
    pick([
      '', '', '', '', '', '+86', '+86 ', '+86-', '0086', '0086 ', '0086-', '86', '86-', '86 ', '+', '+8', '008',
      '(+86)', '(+86) ', '(+86)-', '+(86)', '+ 86 ', '(86)', '+86 (0)', '+86(0)', '+860', '0086 0', '+0', '00',
      '17951', '17951 ', '17951-', '12593', '17911', '17901 ', '1795100', '1795186', '17951 0086 ', '1259300 86',
      '+86 17951 ', '860',
    ]);
  const mobile = (): string => {
    const seg = int(4) === 0 ? pick(['1610', '1740', '1741', '1745', '1746', '1749', '1790', '1795']) : '1' + digits(2);
    const len = pick([11, 11, 11, 11, 11, 10, 12, 9]);
    const nsn = (seg + digits(Math.max(0, len - seg.length))).slice(0, len);
    const pre = int(12) === 0 ? '0' : int(15) === 0 ? '17951' : intl();
    return pre + separate(nsn, [3, 4, 4]);
  };
  const fixed = (): string => {
    const area = int(8) === 0 ? digits(pick([2, 3])) : pick(areaCodes);
    const subLen = pick([7, 8, 8, 8, 7, 6, 9]);
    const first = int(3) === 0 ? String(int(10)) : String(2 + int(7));
    const sub = first + digits(subLen - 1);
    const shape = int(12);
    if (shape < 5) return '0' + area + separate(sub, [4, 4]).replace(/^/, pick(['', '-', ' ', '-', '']));
    if (shape === 5) return `(0${area})` + pick(['', ' ', '-']) + separate(sub, [4, 4]);
    if (shape === 6) return pick(['+86 ', '+86-', '0086 ', '+86', '86-', '86 ', '(+86)', '(+86) ']) + area + pick(['', ' ', '-']) + separate(sub, [4, 4]);
    if (shape === 7) return pick(['+86 0', '+86 (0)', '0086 0', '+86(0', '86 0', '860', '86-0', '(+86)0', '(+86) (0']) + area + pick(['', ' ', '-', ')']) + sub;
    if (shape === 8) return area + pick(['', '-', ' ']) + sub; // no trunk 0
    if (shape === 9) return intl() + pick(['0', '(0', '']) + area + pick(['', ')', ') ', '-']) + separate(sub, [4, 4]);
    if (shape === 10) return separate(sub, [4, 4]); // subscriber only, as typed without an area code
    return '0' + area + sub + pick(['-' + digits(1 + int(4)), ' ' + digits(3), '']);
  };
  const special = (): string => {
    const kind = int(11);
    if (kind === 0) return pick(['', '0', '+86 ', '86', '(+86)', '0086']) + pick(['400', '800']) + separate(digits(7), [3, 4]);
    if (kind === 1) return pick(['010', '021', '10', '21']) + '800' + digits(pick([6, 7, 8]));
    if (kind === 2) return pick(['95', '96', '100', '123', '11', '12']) + digits(int(6));
    if (kind === 3) return pick(['160', '168']) + digits(5);
    if (kind === 4) return intl() + digits(5 + int(9));
    if (kind === 5) return pick(['+852 ', '+853 ', '+886 ', '+1 ', '+44 ', '00852', '+7 ', '+8 6', '001 ']) + digits(7 + int(4));
    // fragments: what a cell's pieces read as on their own ('0755', '+86', '8001', '1', '86-')
    if (kind === 6) return pick(['', '', '+', '(', '+86', '86', '0', '(0', '+86 ', '00', '00', '1795100']) + digits(1 + int(8)) + pick(['', '', ')', '-']);
    // fillers and repeated digits
    if (kind === 7) return intl() + pick(['1', '0', '8', '2']) + String(int(10)).repeat(6 + int(6));
    // short service lines inside an area ('0755 95xxx', '021 123xx'), with and without the area's trunk 0
    if (kind === 8) return intl() + pick(['', '0', '0', '(0']) + pick(areaCodes) + pick(['', ' ', '-', ') ']) + pick(['95', '100', '123', '96']) + digits(2 + int(3));
    // a '+' after the number started: what grouping tries when the next number is written with +86
    if (kind === 9) return pick(['', '+', '++', '(+86)']) + digits(3 + int(9)) + pick([' +86', ' +', '+', ' (+86)', ' +86 1', '-+86']) + digits(int(9));
    return digits(13 + int(10)); // too long: several numbers run together
  };
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const k = int(10);
    out.push(k < 4 ? mobile() : k < 8 ? fixed() : special());
  }
  return out;
}

const LIB_TYPES: Record<string, string> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  TOLL_FREE: 'toll_free',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
};

/** What the library alone says about one string, in the fast route's terms. */
function libraryView(text: string): string {
  const p = parsePhoneNumberFromString(text, 'CN');
  if (!p || !p.isValid()) return 'invalid';
  const type = LIB_TYPES[p.getType() ?? ''] ?? 'other';
  const nsn = String(p.nationalNumber);
  const national = p.country === 'CN' && type === 'fixed_line' ? '0' + nsn : nsn;
  // area code as the library's own national format groups it ('021 6234 5678', '0755 8601 3388')
  let area = '';
  if (type === 'fixed_line') {
    const first = p.formatNational().split(' ')[0] ?? '';
    area = first.startsWith('0') ? first : '0' + first;
  }
  return [p.number, type, p.ext ?? '', p.country ?? '', national, area].join('|');
}

describe('phone fast route agrees with libphonenumber-js (max)', () => {
  const areaCodes = areaCodesFromMetadata();

  it('finds the area codes in the metadata', () => {
    expect(FAST_ROUTE_AVAILABLE).toBe(true);
    expect(areaCodes).toContain('10');
    expect(areaCodes).toContain('21');
    expect(areaCodes).toContain('755');
    expect(areaCodes.length).toBeGreaterThan(300);
  });

  it('on 200,000 seeded inputs: it declines, or agrees with the library on validity and e164/type/country/national/area code', () => {
    const corpus = makeCorpus(200_000, 20240105, areaCodes);
    let answeredValid = 0;
    let answeredInvalid = 0;
    let declinedValid = 0;
    const mismatches: string[] = [];
    for (const text of corpus) {
      const fast = readFast(text);
      const want = libraryView(text);
      if (fast === undefined) {
        if (want !== 'invalid') declinedValid++;
        continue;
      }
      let got = 'invalid';
      if (fast === null) answeredInvalid++;
      else {
        answeredValid++;
        got = [fast.e164, fast.type, '', fast.country ?? '', fast.national, fast.areaCode ?? ''].join('|');
      }
      if (got !== want) mismatches.push(`${JSON.stringify(text)}: fast ${got} library ${want}`);
      // parseFast is the valid-only view of the same answer
      expect(parseFast(text)).toEqual(fast ?? undefined);
    }
    const declined = corpus.length - answeredValid - answeredInvalid;
    console.log(
      `phone fast route: ${corpus.length} inputs, ${areaCodes.length} area codes; answered by the fast route and ` +
        `checked against the library: ${answeredValid} valid, ${answeredInvalid} invalid; ${declined} declined ` +
        `(${declinedValid} of them valid for the library: shapes the fast route leaves to it)`,
    );
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(answeredValid).toBeGreaterThan(40_000);
    expect(answeredInvalid).toBeGreaterThan(100_000);
  });

  it('reads every writing in the bench data the same as the library (hand-picked shapes)', () => {
    const shapes = [
      '13812345678', '138 1234 5678', '138-1234-5678', '+86 138-1234-5678', '+8613812345678', '86-13812345678',
      '(+86)13812345678', '013812345678', '0086 13812345678', '17951 13812345678', '1795113812345678',
      '021-62345678', '(0755)86013388', '0755 8601 3388', '86-755-86013388', '86-21-62345678', '+86 755 86013388',
      '+86 21 62345678', '+86 (0)21 6234 5678', '400-800-8888', '400 800 8888', '4008008888', '4008-008888',
      '0551-21720944', '62345678', '0755', '+86', '86', '1', '8001', '1381234567', '138123456789', '0000-0000000',
      '13800138000 13900139000', '021 6234567', '0755-86013388-8001', '86 0', '(86)', '+86 0', '17951',
      '13812345678 +86', '021-62345678 +86 138', '++8613812345678', '+86+13812345678', '13812345678 +', '(+86)755 8601 3388+',
      '0064', '0099', '001', '1795100', '1795100 44', '75195201', '0751 95201', '+86 (0)751-95201',
    ];
    for (const text of shapes) {
      const fast = readFast(text);
      expect.soft(fast, text).not.toBeUndefined();
      const got = fast == null ? 'invalid' : [fast.e164, fast.type, '', fast.country ?? '', fast.national, fast.areaCode ?? ''].join('|');
      expect.soft(got, text).toBe(libraryView(text));
    }
  });

  it('declines what leaves the CN plan or the plain shapes', () => {
    for (const text of ['+852 2123 4567', '+1 415 555 2671', '00852 21234567', '138.1234.5678', '021-62345678#12', '+0 13812345678', '1795100852 21234567', '9031239']) {
      expect(readFast(text), text).toBeUndefined();
    }
  });

  it('whole records read the same with and without the fast route (30,000 multi-number cells)', () => {
    const rnd = seededRandom(99);
    const parts = makeCorpus(60_000, 4242, areaCodes);
    // separators between numbers, including empty segments and the full-width ones NFKC folds
    const seps = [';', '；', '/', '、', ',', '，', ' ', '  ', ' / ', ';;', ' ; ', '\n', '|', '／', ' 或 ', ' or '];
    const exts = ['', '', '', '', '', ' 转 8001', '分机12', ' ext. 305', 'x22', '#9', '-801', '(66)', '（分机8）'];
    // what else sits in a cell around the numbers
    const around = (v: string): string => {
      const k = Math.floor(rnd() * 30);
      if (k === 0) return `手机：${v}`;
      if (k === 1) return `${v}（微信同号）`;
      if (k === 2) return `${v};`;
      if (k === 3) return `/${v}`;
      if (k === 4) return `  ${v}\t`;
      if (k === 5) return v.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))); // full-width digits
      if (k === 6) return `${v}.0`;
      if (k === 7) return v.replace(/(\d{3})\d{4}/, '$1****');
      if (k === 8) return `+ ${v}`; // a plus that tokenizing drops
      if (k === 9) return `+ 86 ${v.slice(0, 5)}`;
      return v;
    };
    let next = 0;
    const cell = (): string => {
      const count = 1 + Math.floor(rnd() * 3);
      let value = '';
      for (let k = 0; k < count; k++) {
        const sep = seps[Math.floor(rnd() * seps.length)] ?? ';';
        const ext = exts[Math.floor(rnd() * exts.length)] ?? '';
        value += (k > 0 ? sep : '') + (parts[next++ % parts.length] ?? '') + ext;
      }
      return around(value);
    };
    const diffs: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      // one cell, or a record's mobile and phone columns together (one of them sometimes empty)
      const inputs =
        rnd() < 0.6
          ? [{ field: rnd() < 0.5 ? 'mobile' : 'phone', value: cell() }]
          : [
              { field: 'mobile', value: rnd() < 0.2 ? undefined : cell() },
              { field: 'phone', value: rnd() < 0.2 ? '' : cell() },
            ];
      const ctx = rnd() < 0.3 ? { areaCode: '021' } : {};
      const a = normalizePhones(inputs, { ...ctx, fastPath: true });
      const b = normalizePhones(inputs, { ...ctx, fastPath: false });
      if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${JSON.stringify(inputs)}\n  fast ${JSON.stringify(a)}\n  lib  ${JSON.stringify(b)}`);
    }
    expect(diffs.slice(0, 10)).toEqual([]);
  });
});
