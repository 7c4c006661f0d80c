// Region text -> GB/T 2260 code (MCA table at 2024-12-31).
//
// Evidence comes from the province/city/district columns, else one free-text region field, else the leading
// part of the street address; a later source may refine an earlier one but never overrides it. Each piece of
// text is read into "mentions" (a name and every division it may denote), then one reading is chosen for all
// mentions together: the most mentions explained by one chain province > city > district, then the most
// distinct levels, then the best name match (current name over old name over suffix-less name). Ties that
// leave more than one division are reported as `ambiguous_region` with the common ancestor as the code;
// nothing is guessed. Columns that contradict each other keep the most specific consistent part
// (`region_conflict`); inside one free-text field names are read in order and a contradicting one is dropped.
// Old names (闸北区, 襄樊) are read through the 1981–2024 history and give current codes.
import { Converter } from 'opencc-js/t2cn';
import { LATIN_NOISE, latinIndex } from './region-latin.js';
import { regionLexicon, stripSuffix } from './region-lexicon.js';
import type { Candidate, Division } from './region-lexicon.js';
import type { FieldIssue, NormalizeStatus } from './types.js';

export interface RegionInput {
  province?: string | null;
  city?: string | null;
  district?: string | null;
  region?: string | null;
  address?: string | null;
}

export interface RegionResult {
  /** Most specific 6-digit code the evidence supports. */
  code: string | null;
  level: 'province' | 'city' | 'district' | null;
  /** Current (2024) official names of the code's ancestry. For 北京/天津/上海/重庆 `city` repeats the municipality. */
  province: string | null;
  city: string | null;
  district: string | null;
  status: NormalizeStatus;
  /** Which input gave the (most specific) evidence. */
  source: 'columns' | 'region' | 'address' | null;
  /** field 'region'; codes `ambiguous_region`, `unknown_region`, `region_conflict`. */
  issues: FieldIssue[];
}

type Slot = 'province' | 'city' | 'district';
type Source = 'columns' | 'region' | 'address';
/**
 * How a field is read. All modes stop at a name that contradicts the names before it; column and region text
 * report it (region_conflict) and pass over pieces that name nothing; an address (or a later source that only
 * refines: augment) is read from its start and stops silently.
 */
type ScanMode = 'column' | 'region' | 'address' | 'augment';

interface Mention {
  text: string; // the name as matched (compacted input)
  raw: string; // the field it came from, for messages
  source: Source;
  cands: Candidate[];
  weak: boolean;
  /** Contradicts the names before it in the same field: not used, only reported as region_conflict. */
  dropped?: boolean;
}

interface Outcome {
  code: string | null;
  ambiguous: string[] | null; // the tied codes when the evidence does not single one out
  conflicts: Mention[]; // mentions the chosen code does not explain
  used: Mention[]; // mentions that support the chosen code
}

const FIELD = 'region';
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
/** Province-level units with no subdivisions in GB/T 2260. */
const CHILDLESS = new Set(['710000', '810000', '820000']);
const LEVEL_NAMES = ['province', 'city', 'district'] as const;

/** Province 简称 (standards/NOTES.md §1.4), read only as a whole field or at the start before one of its cities. */
const ABBREVIATIONS: Record<string, string> = {
  京: '110000', 津: '120000', 冀: '130000', 晋: '140000', 蒙: '150000', 辽: '210000', 吉: '220000', 黑: '230000',
  沪: '310000', 申: '310000', 苏: '320000', 浙: '330000', 皖: '340000', 闽: '350000', 赣: '360000', 鲁: '370000',
  豫: '410000', 鄂: '420000', 湘: '430000', 粤: '440000', 桂: '450000', 琼: '460000', 渝: '500000', 川: '510000',
  蜀: '510000', 黔: '520000', 贵: '520000', 滇: '530000', 云: '530000', 藏: '540000', 陕: '610000', 秦: '610000',
  甘: '620000', 陇: '620000', 青: '630000', 宁: '640000', 新: '650000', 台: '710000', 港: '810000', 澳: '820000',
};

/** Whole-field values that carry no region. */
const EMPTY_VALUES = new Set([
  '', '-', '--', '/', 'null', 'none', 'nil', 'n/a', 'na', 'nan', 'undefined', '无', '暂无', '未知', '不详', '其他',
  '其它', '请选择', '全部', '不限', '0', '省', '市', '区', '县', '市辖区', '直辖', '直辖市', '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);
/** Words skipped between names: the 市辖区/直辖 placeholders of old code tables, and stray suffix characters. */
const FILLERS = [
  '新疆生产建设兵团',
  '生产建设兵团',
  '自治区直辖县级行政区划',
  '省直辖县级行政区划',
  '省直辖行政单位',
  '直辖县级行政单位',
  '直辖县级',
  '自治区直辖',
  '省直辖',
  '直辖市',
  '市辖区',
  '特别行政区',
  '自治区',
  '自治州',
  '地区',
  '省',
  '市',
  '区',
  '县',
  '州',
  '盟',
  '旗',
];
const ENDS_WITH_SUFFIX = /(省|市|区|县|州|盟|旗)$/;
/** 兵团 divisions (第八师) in front of the city they run (石河子市). */
const DIVISION_OF_CORPS = /^第[一二三四五六七八九十]{1,3}师/;
const SUFFIX_AFTER_STEM = /^(特别行政区|自治区|自治州|自治县|新区|地区|林区|省|市|区|县|州|盟|旗)/;
const COUNTRY_PREFIX = /^(中华人民共和国|中国大陆|中国|china|prc)/;
/** After a suffix-less name, these mean a street, building or institution (中山路, 南京东路, 中山大学). */
const NOT_A_REGION_AFTER =
  /^(?:[东西南北中]{0,2}(?:路|街|道|巷|弄|胡同|里|桥|门|口)|大道|大街|广场|大厦|花园|公园|小区|新村|村|镇|乡|号|站|机场|码头|大学|学院|中学|小学|医院|公司|集团|银行|酒店|宾馆|饭店|商场|商城|市场)/;
const SEPARATORS = /[\s,，、;；:：|/\\·・.。\-－—–_~～'"“”‘’`()（）[\]【】{}<>《》]+/g;

const CACHE_LIMIT = 100_000;
const ADDRESS_WINDOW = 40; // characters of the address that are read; the region part is never longer
interface CacheEntry {
  result: RegionResult;
  /** The columns/region field settled the code: an address could not refine it. */
  final: boolean;
}
const cache = new Map<string, CacheEntry>();

// ---------------------------------------------------------------------------------------------------------------
// Public API

export function normalizeRegion(input: RegionInput): RegionResult {
  const province = input.province ?? '';
  const city = input.city ?? '';
  const district = input.district ?? '';
  const region = input.region ?? '';
  const address = (input.address ?? '').trim().slice(0, ADDRESS_WINDOW);
  // Addresses are nearly unique per row, so first read the other fields alone: when they already settle the
  // code, the address cannot change it and the answer is shared by every row with the same fields.
  const baseKey = `${province}\u0001${city}\u0001${district}\u0001${region}`;
  let base = cache.get(baseKey);
  if (base === undefined) {
    base = computeRegion(province, city, district, region, '');
    remember(baseKey, base);
  }
  let result = base.result;
  if (address !== '' && !base.final) {
    const key = `${baseKey}\u0001${address}`;
    let full = cache.get(key);
    if (full === undefined) {
      full = computeRegion(province, city, district, region, address);
      remember(key, full);
    }
    result = full.result;
  }
  // Callers may add issues (area_code_conflict): hand out a fresh top-level object and array every time.
  return { ...result, issues: result.issues.slice() };
}

function remember(key: string, entry: CacheEntry): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, entry);
}

/**
 * Longest region name starting at text[start]: a full name, a name without its suffix, an old name (mapped to
 * the current code), or a province 简称 when it is the whole text or starts it before one of that province's
 * cities. `name` is the unit's official 2024 name; the matched text is `text.slice(start, start + length)`.
 * A name shared by several units gives the highest-level one when that is unique (西安 -> 西安市, not the
 * districts of 辽源/牡丹江), else null (鼓楼, 朝阳区): company-name prefixes are registration-authority names.
 */
export function regionNameAt(text: string, start = 0): { code: string; name: string; length: number } | null {
  if (start < 0 || start >= text.length) return null;
  const lex = regionLexicon();
  const longest = namesAt(text, start)[0];
  if (longest !== undefined) {
    const code = pickForPrefix(candidatesFor(text.slice(start, start + longest)));
    const d = code === null ? undefined : lex.divisions.get(code);
    return d === undefined ? null : { code: d.code, name: d.name, length: longest };
  }
  const abbr = abbreviationAt(text, start, start === 0);
  if (abbr !== null) {
    const d = lex.divisions.get(abbr);
    if (d !== undefined) return { code: d.code, name: d.name, length: 1 };
  }
  return null;
}

/**
 * 长途区号 of a division: its own, else its city's (a district's area code is its city's). For a city or a province
 * every code used inside it, the unit's own first (海西州 -> 0977, 0979); a province other than a municipality has
 * no code of its own, so its list is only sorted. Old codes are followed to their successor.
 */
export function areaCodesForRegion(code: string): string[] {
  const lex = regionLexicon();
  const current = currentCodeOf(code.trim());
  if (current === null) return [];
  const d = lex.divisions.get(current);
  if (d === undefined) return [];
  const own = (c: string): string[] => lex.areaCodesByDivision.get(c) ?? [];
  if (d.level === 2) {
    const direct = own(d.code);
    if (direct.length > 0) return direct;
    if (d.prefectureCode !== null) return own(d.prefectureCode);
    // Municipality districts and 省直辖 units: the province's code when it has only one (010, 0898).
    const provinceCodes = collectAreaCodes(d.provinceCode);
    return provinceCodes.length === 1 ? provinceCodes : [];
  }
  return collectAreaCodes(d.code);
}

export function checkAreaCode(regionCode: string, areaCode: string): 'match' | 'conflict' | 'unknown' {
  const digits = areaCode.replace(/\D/g, '');
  if (digits.length < 2 || digits.length > 4) return 'unknown';
  const normalized = digits.startsWith('0') ? digits : `0${digits}`;
  const lex = regionLexicon();
  if (!lex.allAreaCodes.has(normalized)) return 'unknown';
  const codes = areaCodesForRegion(regionCode);
  if (codes.length === 0) return 'unknown';
  return codes.includes(normalized) ? 'match' : 'conflict';
}

/** Whether a 6-digit code is in the 2024 table, or (historical) ever existed 1981–2024. */
export function isKnownRegionCode(code: string, opts?: { historical?: boolean }): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const lex = regionLexicon();
  return opts?.historical === true ? lex.everCodes.has(code) : lex.divisions.has(code);
}

// ---------------------------------------------------------------------------------------------------------------
// One call

function computeRegion(province: string, city: string, district: string, region: string, address: string): CacheEntry {
  const columns: Array<[Slot, string, string]> = [];
  for (const [slot, raw] of [
    ['province', province],
    ['city', city],
    ['district', district],
  ] as const) {
    const text = compact(raw);
    if (!EMPTY_VALUES.has(text)) columns.push([slot, raw, text]);
  }
  const regionText = compact(region);
  const addressText = compact(address);
  const hasRegion = !EMPTY_VALUES.has(regionText);
  const hasAddress = !EMPTY_VALUES.has(addressText);
  if (columns.length === 0 && !hasRegion && !hasAddress) return { result: emptyResult(), final: false };

  const issues: FieldIssue[] = [];
  let mentions: Mention[] = [];
  let primary: Source;
  const later: Array<[Source, string, string]> = [];
  if (columns.length > 0) {
    primary = 'columns';
    for (const [slot, raw, text] of columns) {
      const found = read(text, raw, 'columns', 'column', slot, []);
      if (found.length === 0) issues.push(unknownIssue(raw));
      mentions.push(...found);
    }
    if (hasRegion) later.push(['region', region, regionText]);
    if (hasAddress) later.push(['address', address, addressText]);
  } else if (hasRegion) {
    primary = 'region';
    mentions = read(regionText, region, 'region', 'region', null, []);
    if (mentions.length === 0) issues.push(unknownIssue(region));
    if (hasAddress) later.push(['address', address, addressText]);
  } else {
    primary = 'address';
    mentions = read(addressText, address, 'address', 'address', null, []);
    if (mentions.length === 0) issues.push(unknownIssue(address));
  }

  let outcome = resolve(mentions.filter((m) => m.dropped !== true));
  // A later source may add detail (a district under the given city) or settle an ambiguity, never contradict.
  for (const [source, raw, text] of later) {
    if (!canRefine(outcome)) break;
    const extra = read(text, raw, source, 'augment', null, outcome.used.length > 0 ? outcome.used : mentions);
    if (extra.length === 0) continue;
    const refined = resolve([...mentions, ...extra].filter((m) => m.dropped !== true));
    if (isBetter(refined, outcome)) {
      mentions = [...mentions, ...extra];
      outcome = refined;
    }
  }

  const lex = regionLexicon();
  if (outcome.ambiguous !== null) {
    const tied = outcome.ambiguous;
    const names = tied.map((c) => `${fullName(c)} (${c})`).join(', ');
    const named = mentions.filter((m) => m.cands.some((c) => tied.includes(c.code)));
    const texts = [...new Set((named.length > 0 ? named : mentions).map((m) => m.raw))].join(' / ');
    const advice = outcome.code === null ? 'add the province or city' : `kept ${fullName(outcome.code)}`;
    issues.push({
      field: FIELD,
      code: 'ambiguous_region',
      value: texts,
      message: `'${texts}' may be any of ${names}; ${advice}`,
    });
  }
  // Generic names (城区, 东区 …) that disagree are just not region names here; real names that disagree are reported.
  const conflicts = [...outcome.conflicts, ...mentions.filter((m) => m.dropped === true)].filter((m) => !m.weak);
  if (conflicts.length > 0) {
    const dropped = [...new Set(conflicts.map((m) => (m.dropped === true ? m.text : m.raw)))].join(' / ');
    const kept = outcome.code === null ? '' : fullName(outcome.code);
    issues.push({
      field: FIELD,
      code: 'region_conflict',
      value: dropped,
      message:
        outcome.code === null
          ? `'${dropped}' name regions that contradict each other; kept none`
          : `'${dropped}' contradicts ${kept} (${outcome.code}); kept ${kept}`,
    });
  }
  if (outcome.code === null && issues.length === 0) {
    const texts = [...new Set(mentions.map((m) => m.raw))].join(' / ');
    issues.push(unknownIssue(texts));
  }
  const final = primary !== 'address' && !canRefine(outcome);
  const d = outcome.code === null ? undefined : lex.divisions.get(outcome.code);
  if (d === undefined) {
    return { result: { ...emptyResult(), status: 'unresolved', source: primary, issues }, final };
  }
  const lastUsed = outcome.used.reduce<Source>((acc, m) => (rank(m.source) > rank(acc) ? m.source : acc), primary);
  return { result: { ...namesOf(d), status: 'normalized', source: lastUsed, issues }, final };
}

function rank(source: Source): number {
  return source === 'columns' ? 0 : source === 'region' ? 1 : 2;
}

function emptyResult(): RegionResult {
  return {
    code: null,
    level: null,
    province: null,
    city: null,
    district: null,
    status: 'empty',
    source: null,
    issues: [],
  };
}

function unknownIssue(raw: string): FieldIssue {
  return {
    field: FIELD,
    code: 'unknown_region',
    value: raw,
    message: `no GB/T 2260 region name found in '${raw}'`,
  };
}

function namesOf(d: Division): Pick<RegionResult, 'code' | 'level' | 'province' | 'city' | 'district'> {
  const lex = regionLexicon();
  const province = lex.divisions.get(d.provinceCode)?.name ?? null;
  let city: string | null = null;
  if (d.level === 1) city = d.name;
  else if (d.prefectureCode !== null) city = lex.divisions.get(d.prefectureCode)?.name ?? null;
  else if (MUNICIPALITIES.has(d.provinceCode)) city = province;
  return {
    code: d.code,
    level: LEVEL_NAMES[d.level],
    province,
    city,
    district: d.level === 2 ? d.name : null,
  };
}

function fullName(code: string): string {
  const lex = regionLexicon();
  const d = lex.divisions.get(code);
  if (d === undefined) return code;
  const parts = chainOf(code).map((c) => lex.divisions.get(c)?.name ?? '');
  return parts.join('');
}

function canRefine(outcome: Outcome): boolean {
  if (outcome.code === null || outcome.ambiguous !== null) return true;
  const d = regionLexicon().divisions.get(outcome.code);
  return d !== undefined && d.level < 2 && (regionLexicon().childrenOf.get(d.code)?.length ?? 0) > 0;
}

function isBetter(next: Outcome, before: Outcome): boolean {
  if (next.code === null) return false;
  if (next.conflicts.length > before.conflicts.length) return false;
  if (before.code === null) return true;
  if (!chainOf(next.code).includes(before.code)) return false; // must stay inside what we had
  if (before.ambiguous !== null && next.ambiguous === null) return true;
  return next.code !== before.code;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading text into mentions

/** NFKC (full-width -> half-width), lower case, no spaces or separators. */
function compact(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
}

let toSimplified: ((text: string) => string) | undefined;

/**
 * Reads one field. Column and region text is read piece by piece between separators, so a piece that names no
 * division is passed over ("河北省 雄安新区 容城县"); an address is read only from its start. Text in traditional
 * characters (廣東省深圳市) is read again after conversion to simplified.
 */
function read(
  text: string,
  raw: string,
  source: Source,
  mode: ScanMode,
  slot: Slot | null,
  context: Mention[],
): Mention[] {
  let found = readPieces(text, raw, source, mode, context);
  if (found.length === 0 && /[\u3400-\u9fff]/.test(text)) {
    const convert = (toSimplified ??= Converter({ from: 'hk', to: 'cn' }));
    const simplified = convert(raw);
    if (simplified !== raw) found = readPieces(compact(simplified), simplified, source, mode, context, raw);
  }
  // A column holding one name: its slot decides between nested readings (吉林 省/市, 和田 地区/市/县).
  const only = found.length === 1 ? found[0] : undefined;
  if (slot !== null && only !== undefined && only.dropped !== true) only.cands = preferSlot(only.cands, slot);
  return found;
}

function readPieces(
  text: string,
  raw: string,
  source: Source,
  mode: ScanMode,
  context: Mention[],
  shownRaw = raw,
): Mention[] {
  const latin = /^[a-z]/.test(text) && !/[\u3400-\u9fff\d]/.test(raw);
  if (latin || mode === 'address' || mode === 'augment') {
    return scan(text, raw, shownRaw, source, mode, context, true);
  }
  const found: Mention[] = [];
  const pieces = raw.normalize('NFKC').toLowerCase().split(SEPARATORS);
  let first = true;
  for (const piece of pieces) {
    if (piece === '') continue;
    found.push(...scan(piece, piece, shownRaw, source, mode, [...context, ...found], first));
    first = false;
  }
  return found;
}

function candidatesFor(key: string): Candidate[] {
  const lex = regionLexicon();
  const direct = lex.names.get(key) ?? [];
  const stem = stripSuffix(key);
  if (stem === key) return direct;
  // A full name also stands for units of the same stem with another suffix, ranked below the exact name
  // (吉林市 is the city first; 东山区 in 福建 may still be 东山县).
  const out = direct.map((c) => ({ ...c }));
  for (const c of lex.names.get(stem) ?? []) {
    if (out.some((o) => o.code === c.code)) continue;
    out.push({ code: c.code, tier: Math.max(c.tier, 2) });
  }
  return out;
}

/** Lengths of the index names that start at text[pos], longest first. */
function namesAt(text: string, pos: number): number[] {
  const lex = regionLexicon();
  const lengths = lex.lengthsByFirstChar.get(text.charAt(pos));
  if (lengths === undefined) return [];
  const out: number[] = [];
  for (const length of lengths) {
    if (pos + length > text.length) continue;
    if (lex.names.has(text.slice(pos, pos + length))) out.push(length);
  }
  return out;
}

/** A one-character 简称 at pos: as the whole text, or (at the start) followed by a name inside that province. */
function abbreviationAt(text: string, pos: number, atStart: boolean): string | null {
  const province = ABBREVIATIONS[text.charAt(pos)];
  if (province === undefined) return null;
  if (pos === 0 && text.length === 1) return province;
  if (!atStart) return null;
  for (const length of namesAt(text, pos + 1)) {
    const cands = candidatesFor(text.slice(pos + 1, pos + 1 + length));
    if (cands.some((c) => c.code !== province && c.code.startsWith(province.slice(0, 2)))) return province;
  }
  return null;
}

function fillerAt(text: string, pos: number): number {
  for (const filler of FILLERS) if (text.startsWith(filler, pos)) return filler.length;
  return DIVISION_OF_CORPS.exec(text.slice(pos))?.[0].length ?? 0;
}

function nameFollowsAt(text: string, pos: number): boolean {
  let p = pos;
  for (let guard = 0; guard < 4 && p < text.length; guard++) {
    if (namesAt(text, p).length > 0) return true;
    const skip = fillerAt(text, p);
    if (skip === 0) return false;
    p += skip;
  }
  return p >= text.length;
}

/** Reads names from the start of one piece of text (compacted); `raw` is the same piece before compaction. */
function scan(
  text: string,
  raw: string,
  shownRaw: string,
  source: Source,
  mode: ScanMode,
  context: Mention[],
  fieldStart: boolean,
): Mention[] {
  const lex = regionLexicon();
  const mentions: Mention[] = [];
  const strict = mode === 'address' || mode === 'augment';
  const mention = (matched: string, cands: Candidate[], weak: boolean): Mention => ({
    text: matched,
    raw: shownRaw,
    source,
    cands,
    weak,
  });

  // Latin letters (Guangdong Province, Hong Kong, Xi'an, Shenzhen): pinyin and English names, word by word.
  const latin = raw.normalize('NFKC').toLowerCase();
  if (/^[a-z]/.test(text) && !/[\u3400-\u9fff\d]/.test(latin)) {
    const words = latin.split(/[^a-z]+/).filter((w) => w !== '' && !LATIN_NOISE.has(w));
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let j = Math.min(words.length, i + 4); j > i && matched === 0; j--) {
        const key = words.slice(i, j).join('');
        const cands = latinIndex().get(key);
        if (cands !== undefined) {
          if (!accept(mention(key, cands, false))) return mentions;
          matched = j - i;
        }
      }
      i += Math.max(matched, 1); // a word that names nothing is skipped (Nanshan District, Shenzhen)
    }
    return mentions;
  }
  // A code.
  const digits = /^(\d{6})(?:0{3}|0{6})?$/.exec(text);
  if (digits !== null && digits[1] !== undefined) {
    const codes = lex.successorsOf(digits[1]);
    const tier = lex.divisions.has(digits[1]) ? 0 : 1;
    if (codes.length > 0) accept(mention(text, codes.map((code) => ({ code, tier })), false));
    return mentions;
  }

  let pos = 0;
  const country = COUNTRY_PREFIX.exec(text);
  if (country !== null) pos = country[0].length;
  if (mode === 'address') {
    const postcode = /^\d{6}(?!\d)/.exec(text.slice(pos));
    if (postcode !== null) pos += postcode[0].length;
  }
  const startPos = pos;

  while (pos < text.length) {
    const options = namesAt(text, pos);
    if (options.length === 0) {
      const abbr = fieldStart ? abbreviationAt(text, pos, pos === startPos) : null;
      if (abbr !== null) {
        const m = mention(text.charAt(pos), [{ code: abbr, tier: 0 }], false);
        if (!accept(m)) break;
        pos += 1;
        continue;
      }
      const skip = fillerAt(text, pos);
      if (skip === 0) break;
      pos += skip;
      continue;
    }
    const choice = chooseOption(text, pos, options);
    if (choice === null) break;
    const key = text.slice(pos, pos + choice.length);
    let cands = candidatesFor(key);
    if (choice.suffix !== null) cands = preferSuffix(cands, choice.suffix);
    const m = mention(key, cands, lex.weakNames.has(key));
    if (!accept(m)) break;
    pos = choice.next;
  }

  return mentions;

  // Within one field names are read in order: one that contradicts those before it ends the reading. In an
  // address that is normal (南京西路 after 上海市); in a column or region field it is reported, unless it is a
  // generic word (城区) or follows a region the table has no subdivisions for (香港九龙, 台湾台北).
  function accept(m: Mention): boolean {
    const before = [...context, ...mentions].filter((x) => x.dropped !== true);
    if (explainsAll([...before, m])) {
      mentions.push(m);
      return true;
    }
    const childless = before.length > 0 && before.every((x) => x.cands.every((c) => CHILDLESS.has(c.code)));
    if (!strict && !m.weak && !childless) mentions.push({ ...m, dropped: true });
    return false;
  }
}

interface OptionChoice {
  length: number;
  next: number; // position after the name and any suffix read with it
  suffix: string | null; // suffix read after a suffix-less name (浦东 + 区)
}

/**
 * Picks the name to read at pos: the longest one after which another name follows (济南市中区 reads 济南 + 市中区),
 * else the longest. A suffix-less name followed by a street or institution word is not a region (中山路).
 */
function chooseOption(text: string, pos: number, lengths: number[]): OptionChoice | null {
  const variants: OptionChoice[] = [];
  for (const length of lengths) {
    const end = pos + length;
    if (!ENDS_WITH_SUFFIX.test(text.slice(pos, end))) {
      const rest = text.slice(end);
      const suffix = SUFFIX_AFTER_STEM.exec(rest);
      if (suffix !== null) variants.push({ length, next: end + suffix[0].length, suffix: suffix[0] });
      if (NOT_A_REGION_AFTER.test(rest) && !nameFollowsAt(text, end)) continue;
    }
    variants.push({ length, next: end, suffix: null });
  }
  for (const v of variants) if (v.next >= text.length || nameFollowsAt(text, v.next)) return v;
  return variants[0] ?? null;
}

/** After 浦东 + 区, prefer units whose name ends with 区 (浦东新区), if any. */
function preferSuffix(cands: Candidate[], suffix: string): Candidate[] {
  const lex = regionLexicon();
  const matching = cands.filter((c) => lex.divisions.get(c.code)?.name.endsWith(suffix) === true);
  return matching.length > 0 ? matching : cands;
}

/**
 * Of two nested readings of one name, keep the one at the column's level (吉林 in a city column is 吉林市). An old
 * name never displaces a current one (巢湖市 in a city column is today's 县级 巢湖市, not the abolished prefecture).
 */
function preferSlot(cands: Candidate[], slot: Slot): Candidate[] {
  const want = slot === 'province' ? 0 : slot === 'city' ? 1 : 2;
  const lex = regionLexicon();
  const distance = (code: string): number => Math.abs((lex.divisions.get(code)?.level ?? want) - want);
  const historical = (c: Candidate): boolean => c.tier % 2 === 1;
  return cands.filter((c) => {
    const mine = distance(c.code);
    return !cands.some((o) => {
      if (o.code === c.code || (historical(o) && !historical(c))) return false;
      const nested = chainOf(o.code).includes(c.code) || chainOf(c.code).includes(o.code);
      return nested && distance(o.code) < mine;
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Choosing one reading for all mentions

const chainCache = new Map<string, string[]>();

/** The code and its ancestors, province first. */
function chainOf(code: string): string[] {
  let chain = chainCache.get(code);
  if (chain === undefined) {
    const d = regionLexicon().divisions.get(code);
    chain = [];
    if (d !== undefined) {
      if (d.level > 0) chain.push(d.provinceCode);
      if (d.prefectureCode !== null) chain.push(d.prefectureCode);
      chain.push(code);
    }
    chainCache.set(code, chain);
  }
  return chain;
}

function explainsAll(mentions: Mention[]): boolean {
  for (const m of mentions) {
    for (const c of m.cands) {
      const chain = chainOf(c.code);
      if (mentions.every((o) => o.cands.some((x) => chain.includes(x.code)))) return true;
    }
  }
  return false;
}

interface Hypothesis {
  code: string;
  distinct: number; // levels of the chain named by some mention
  tier: number; // sum of the match tiers used
  used: Mention[]; // mentions with a reading on the code's chain
}

function resolve(mentions: Mention[]): Outcome {
  const none: Outcome = { code: null, ambiguous: null, conflicts: [], used: [] };
  if (mentions.length === 0) return none;
  // One hypothesis per code named anywhere; hypotheses explaining the same mentions are rival readings of them.
  const readings = new Map<string, Hypothesis[]>();
  const seen = new Set<string>();
  for (const m of mentions) {
    for (const c of m.cands) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      const h = hypothesize(c.code, mentions);
      if (h === null) continue;
      const key = mentions.map((x) => (h.used.includes(x) ? '1' : '0')).join('');
      const list = readings.get(key);
      if (list === undefined) readings.set(key, [h]);
      else list.push(h);
    }
  }
  const outcomes = [...readings.values()].map((rivals) => settle(rivals, mentions));
  // Most mentions explained; then a single reading over an ambiguous one; then the most specific code
  // (with province 广东 + city 杭州, the city wins: "keep the most specific consistent part").
  const depth = (o: Outcome): number =>
    o.code === null ? -1 : (regionLexicon().divisions.get(o.code)?.level ?? -1);
  const score = (o: Outcome): number[] => [o.used.length, o.ambiguous === null ? 1 : 0, depth(o)];
  outcomes.sort((a, b) => compareDesc(score(a), score(b)));
  const [first, second] = outcomes;
  if (first === undefined) return none;
  if (first.conflicts.length === 0) return first;
  if (second !== undefined && compareDesc(score(first), score(second)) === 0) {
    return { ...none, conflicts: mentions }; // contradicting mentions and no reading stands out: keep none
  }
  return first;
}

function compareDesc(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Picks among rival readings of the same mentions: most levels named, then best matches; a tie keeps only what
 *  the rivals share (their common ancestor) and is ambiguous, unless that ancestor is itself a rival (长沙). */
function settle(rivals: Hypothesis[], mentions: Mention[]): Outcome {
  rivals.sort((a, b) => b.distinct - a.distinct || a.tier - b.tier);
  const best = rivals[0];
  if (best === undefined) return { code: null, ambiguous: null, conflicts: mentions, used: [] };
  const tied = rivals.filter((h) => h.distinct === best.distinct && h.tier === best.tier);
  const used = best.used;
  const conflicts = mentions.filter((m) => !used.includes(m));
  if (tied.length === 1) return { code: best.code, ambiguous: null, conflicts, used };
  const codes = tied.map((h) => h.code);
  const lca = commonAncestor(codes);
  if (lca !== null && codes.includes(lca)) return { code: lca, ambiguous: null, conflicts, used };
  return { code: lca, ambiguous: [...codes].sort(), conflicts, used: lca === null ? [] : used };
}

/** How well `code` explains the mentions: each mention picks one of its readings on the code's chain. */
function hypothesize(code: string, mentions: Mention[]): Hypothesis | null {
  const chain = chainOf(code);
  if (chain.length === 0) return null;
  const options: Candidate[][] = [];
  const used: Mention[] = [];
  for (const m of mentions) {
    const opts = m.cands.filter((c) => chain.includes(c.code));
    if (opts.length > 0) {
      options.push(opts);
      used.push(m);
    }
  }
  const self = chain.indexOf(code);
  let bestDistinct = -1;
  let bestTier = Infinity;
  let combos = 0;
  // Exhaustive over the (few) readings; the chain has at most three codes, so a bit mask tracks the levels named.
  const walk = (i: number, mask: number, tier: number): void => {
    if (combos++ > 4096) return;
    if (i === options.length) {
      if ((mask & (1 << self)) === 0) return;
      const distinct = popcount(mask);
      if (distinct > bestDistinct || (distinct === bestDistinct && tier < bestTier)) {
        bestDistinct = distinct;
        bestTier = tier;
      }
      return;
    }
    for (const c of options[i] ?? []) walk(i + 1, mask | (1 << chain.indexOf(c.code)), tier + c.tier);
  };
  walk(0, 0, 0);
  if (bestDistinct < 0) return null;
  return { code, distinct: bestDistinct, tier: bestTier, used };
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m > 0; m >>= 1) n += m & 1;
  return n;
}

/** The deepest code that is an ancestor-or-self of all the given codes, or null. */
function commonAncestor(codes: string[]): string | null {
  const [first, ...rest] = codes;
  if (first === undefined) return null;
  let common = chainOf(first);
  for (const code of rest) {
    const chain = chainOf(code);
    common = common.filter((c) => chain.includes(c));
  }
  return common[common.length - 1] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for the other exports

/** For regionNameAt: the best-tier readings; a unique one, or their common ancestor, or the unique highest level. */
function pickForPrefix(cands: Candidate[]): string | null {
  if (cands.length === 0) return null;
  const bestTier = Math.min(...cands.map((c) => c.tier));
  const codes = cands.filter((c) => c.tier === bestTier).map((c) => c.code);
  if (codes.length === 1) return codes[0] ?? null;
  const lca = commonAncestor(codes);
  if (lca !== null && codes.includes(lca)) return lca;
  const lex = regionLexicon();
  const top = Math.min(...codes.map((c) => lex.divisions.get(c)?.level ?? 2));
  const highest = codes.filter((c) => lex.divisions.get(c)?.level === top);
  return highest.length === 1 ? (highest[0] ?? null) : null;
}

function currentCodeOf(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const successors = regionLexicon().successorsOf(code);
  return successors.length === 1 ? (successors[0] ?? null) : null;
}

/** The unit's own area codes first, then (sorted) those used by the units inside it. */
function collectAreaCodes(code: string): string[] {
  const lex = regionLexicon();
  const own = lex.areaCodesByDivision.get(code) ?? [];
  const inside = new Set<string>();
  const walk = (c: string): void => {
    for (const child of lex.childrenOf.get(c) ?? []) {
      for (const a of lex.areaCodesByDivision.get(child) ?? []) inside.add(a);
      walk(child);
    }
  };
  walk(code);
  return [...own, ...[...inside].filter((a) => !own.includes(a)).sort()];
}
