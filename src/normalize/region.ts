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
import { Converter, Locale } from 'opencc-js/t2cn';
import { LATIN_NOISE, latinIndex } from './region-latin.js';
import { regionLexicon, stripSuffix } from './region-lexicon.js';
import type { Candidate, Division, NameNode } from './region-lexicon.js';
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
const FILLERS: readonly string[] = [
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
/** The characters matched by /(省|市|区|县|州|盟|旗)$/: a name that already ends with a suffix. */
const SUFFIX_CHARS = new Set(['省', '市', '区', '县', '州', '盟', '旗']);
const SEPARATORS = /[\s,，、;；:：|/\\·・.。\-－—–_~～'"“”‘’`()（）[\]【】{}<>《》]+/g;

/** Entries per cache (bases, address results, fields, outcomes); each is a few MB at most. */
const CACHE_LIMIT = 20_000;
const ADDRESS_WINDOW = 40; // characters of the address that are read; the region part is never longer
interface CacheEntry {
  result: RegionResult;
  /** The columns/region field settled the code: an address could not refine it. */
  final: boolean;
}

/** What the province/city/district columns and the region field say, before any address is read. */
interface BaseReading extends CacheEntry {
  /** null when they name nothing at all: the address alone decides. */
  primary: Source | null;
  mentions: Mention[];
  outcome: Outcome;
  issues: FieldIssue[];
  /** Results for addresses read on top of this base (`alone` for bases that name nothing). */
  addresses: AddressMemo;
}

interface AddressMemo {
  /** By the part of the address the reading looked at. */
  byPrefix: PrefixMemo;
  /** By the names the address gave (`signature`). */
  byNames: Map<string, RegionResult>;
}

/**
 * Addresses are nearly unique per row, so the work is split. The columns and region field are read once per
 * distinct combination (`bases`); when they settle the code the address is never looked at. Otherwise the address
 * is read on top. Its reading looks only at the leading part of it (the region names and the character after
 * them: 湖南省长沙市岳麓区 + 学 of 学院路1037号), so the result is shared by every address that starts with what
 * was looked at (`AddressMemo.byPrefix` of the base; one memo, `alone`, for all bases that name nothing). Failing
 * that, what follows from the names read (choosing the reading, the messages) is shared by every row with the same
 * base and the same names (`byNames`). Neither is shared when a message quotes the address itself.
 */
let bases: NestedMap<BaseReading> = new Map();
let baseCount = 0;
let alone = newAddressMemo();
/** Entries in all address memos together; they are all emptied at CACHE_LIMIT. */
let addressCount = 0;

/** province -> city -> district -> region: no key string to build and hash per row. */
type NestedMap<V> = Map<string, Map<string, Map<string, Map<string, V>>>>;

function newAddressMemo(): AddressMemo {
  return { byPrefix: newPrefixMemo(), byNames: new Map() };
}

/** Counts one more address result; false (and every address memo emptied) when they are full. */
function roomForAddress(): boolean {
  if (addressCount < CACHE_LIMIT) {
    addressCount++;
    return true;
  }
  alone = newAddressMemo();
  for (const byCity of bases.values()) {
    for (const byDistrict of byCity.values()) {
      for (const byRegion of byDistrict.values()) {
        for (const base of byRegion.values()) base.addresses = base.primary === null ? alone : newAddressMemo();
      }
    }
  }
  addressCount = 0;
  return false;
}

/** Results by the leading characters a reading looked at: a trie over those characters. */
interface PrefixMemo {
  next: Map<number, PrefixMemo> | null;
  /** For every text that starts with the path to here. */
  prefix: RegionResult | undefined;
  /** For the text that is exactly the path to here (its reading saw where the text ends). */
  whole: RegionResult | undefined;
}

function newPrefixMemo(): PrefixMemo {
  return { next: null, prefix: undefined, whole: undefined };
}

/**
 * The result stored for `text`. Stored prefixes never contain one another (a text that starts with one reads the
 * same, so it looks at the same characters), so the first one met on the way is the only one.
 */
function recallPrefix(memo: PrefixMemo, text: string): RegionResult | undefined {
  let node: PrefixMemo | undefined = memo;
  for (let i = 0; i < text.length; i++) {
    if (node.prefix !== undefined) return node.prefix;
    node = node.next?.get(text.charCodeAt(i));
    if (node === undefined) return undefined;
  }
  return node.prefix ?? node.whole;
}

/** Stores the result of reading `text`, which looked at `seen` leading characters (text.length + 1: and its end). */
function rememberPrefix(memo: PrefixMemo, text: string, seen: number, result: RegionResult): void {
  if (!roomForAddress()) return; // `memo` was emptied with the rest
  const length = Math.min(seen, text.length);
  let node = memo;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    node.next ??= new Map();
    let child = node.next.get(c);
    if (child === undefined) {
      child = newPrefixMemo();
      node.next.set(c, child);
    }
    node = child;
  }
  if (seen > text.length) node.whole = result;
  else node.prefix = result;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

export function normalizeRegion(input: RegionInput): RegionResult {
  const province = input.province ?? '';
  const city = input.city ?? '';
  const district = input.district ?? '';
  const region = input.region ?? '';
  const base = baseReading(province, city, district, region);
  let result = base.result;
  if (!base.final) {
    const address = (input.address ?? '').trim().slice(0, ADDRESS_WINDOW);
    if (address !== '') result = readAddress(base, address);
  }
  // Callers may add issues (area_code_conflict): hand out a fresh top-level object and array every time.
  return copyResult(result, result.issues.length === 0 ? [] : result.issues.slice());
}

function baseReading(province: string, city: string, district: string, region: string): BaseReading {
  let byCity = bases.get(province);
  if (byCity === undefined) bases.set(province, (byCity = new Map()));
  let byDistrict = byCity.get(city);
  if (byDistrict === undefined) byCity.set(city, (byDistrict = new Map()));
  let byRegion = byDistrict.get(district);
  if (byRegion === undefined) byDistrict.set(district, (byRegion = new Map()));
  let base = byRegion.get(region);
  if (base === undefined) {
    base = readBase(province, city, district, region);
    if (baseCount >= CACHE_LIMIT) {
      bases = new Map(); // with their address memos
      baseCount = 0;
      alone = newAddressMemo();
      addressCount = 0;
      return base;
    }
    byRegion.set(region, base);
    baseCount++;
  }
  return base;
}


function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
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
  const longest = longestNameAt(text, start);
  if (longest !== null) {
    const d = prefixDivision(longest);
    return d === null ? null : { code: d.code, name: d.name, length: longest.length };
  }
  const abbr = abbreviationAt(new Reader(text), start, start === 0);
  if (abbr !== null) {
    const d = regionLexicon().divisions.get(abbr);
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

/** Reads the columns and the region field, and what they give without an address. */
function readBase(province: string, city: string, district: string, region: string): BaseReading {
  const columns: Array<[Slot, string, string]> = [];
  const column = (slot: Slot, raw: string): void => {
    const text = compact(raw);
    if (!EMPTY_VALUES.has(text)) columns.push([slot, raw, text]);
  };
  column('province', province);
  column('city', city);
  column('district', district);
  const regionText = compact(region);
  const hasRegion = !EMPTY_VALUES.has(regionText);
  if (columns.length === 0 && !hasRegion) {
    const none: Outcome = { code: null, ambiguous: null, conflicts: [], used: [] };
    // Bases that name nothing share one address memo: the address alone decides, whatever the (empty) fields say.
    const addresses = alone;
    return { result: emptyResult(), final: false, primary: null, mentions: [], outcome: none, issues: [], addresses };
  }

  const issues: FieldIssue[] = [];
  let mentions: Mention[] = [];
  let primary: Source;
  let outcome: Outcome;
  if (columns.length > 0) {
    primary = 'columns';
    for (const [slot, raw, text] of columns) {
      const found = readField(slot, raw, text);
      if (found.length === 0) issues.push(unknownIssue(raw));
      mentions.push(...found);
    }
    outcome = resolve(mentions.filter((m) => m.dropped !== true));
    // A later source may add detail (a district under the given city) or settle an ambiguity, never contradict.
    if (hasRegion && canRefine(outcome)) {
      const context = outcome.used.length > 0 ? outcome.used : mentions;
      const extra = read(regionText, region, 'region', 'augment', null, context);
      if (extra.length > 0) {
        const refined = resolve([...mentions, ...extra].filter((m) => m.dropped !== true));
        if (isBetter(refined, outcome)) {
          mentions = [...mentions, ...extra];
          outcome = refined;
        }
      }
    }
  } else {
    primary = 'region';
    mentions = [...readField('region', region, regionText)];
    if (mentions.length === 0) issues.push(unknownIssue(region));
    outcome = resolve(mentions.filter((m) => m.dropped !== true));
  }
  const { result, final } = finish(primary, mentions, outcome, issues.slice());
  return { result, final, primary, mentions, outcome, issues, addresses: newAddressMemo() };
}

/**
 * A column, or a region field read alone: a few hundred distinct values make up the thousands of combinations in
 * `bases`, so each is read once. The mentions are shared between bases; nothing changes them after `read`.
 */
const fields = new Map<string, Mention[]>();

function readField(slot: Slot | 'region', raw: string, text: string): Mention[] {
  const key = `${slot}\u0001${raw}`;
  let found = fields.get(key);
  if (found === undefined) {
    if (slot === 'region') found = read(text, raw, 'region', 'region', null, []);
    else found = read(text, raw, 'columns', 'column', slot, []);
    remember(fields, key, found);
  }
  return found;
}

/** The result for a base that leaves room for an address (not `final`) and a non-empty address. */
function readAddress(base: BaseReading, address: string): RegionResult {
  const addressText = compact(address);
  if (EMPTY_VALUES.has(addressText)) return base.result;
  const memo = base.addresses;
  const recalled = recallPrefix(memo.byPrefix, addressText);
  if (recalled !== undefined) return recalled;
  const reader = new Reader(addressText);
  const result = readAddressAnew(base, address, addressText, reader);
  // A reading that found names looked only at reader.seen characters of the text: not at the raw address (`opaque`:
  // Latin letters; `empty`: a second try in simplified characters), so it holds for every text that starts with them.
  if (!reader.opaque && !reader.empty && quotesNot(result, address)) {
    rememberPrefix(memo.byPrefix, addressText, reader.seen, result);
  }
  return result;
}

/** Whether no message of the result quotes the address: then the result does not depend on its raw text. */
function quotesNot(result: RegionResult, address: string): boolean {
  return result.issues.every((i) => !i.value.includes(address) && !i.message.includes(address));
}

function readAddressAnew(base: BaseReading, address: string, addressText: string, reader: Reader): RegionResult {
  const primary = base.primary;
  let found: Mention[];
  if (primary === null) {
    found = read(addressText, address, 'address', 'address', null, [], reader);
    if (found.length === 0) {
      return finish('address', found, resolve(found), [unknownIssue(address)]).result;
    }
  } else {
    // Not final: the base can still be refined (canRefine), so the address is read on top of it.
    const context = base.outcome.used.length > 0 ? base.outcome.used : base.mentions;
    found = read(addressText, address, 'address', 'augment', null, context, reader);
    if (found.length === 0) return base.result;
  }
  const key = signature(found);
  const known = base.addresses.byNames.get(key);
  if (known !== undefined) return known;

  let result: RegionResult;
  if (primary === null) {
    result = finish('address', found, resolve(found.filter((m) => m.dropped !== true)), []).result;
  } else {
    const mentions = [...base.mentions, ...found];
    const refined = resolve(mentions.filter((m) => m.dropped !== true));
    const better = isBetter(refined, base.outcome);
    result = better ? finish(primary, mentions, refined, base.issues.slice()).result : base.result;
  }
  // Shared only when no message quotes this address: then the names it gave decide everything else.
  if (quotesNot(result, address) && roomForAddress()) base.addresses.byNames.set(key, result);
  return result;
}

/** Mentions as far as the reading of them goes: everything but the raw text they came from (all one source). */
function signature(mentions: Mention[]): string {
  let out = '';
  for (const m of mentions) {
    out += `${m.text}\u0003${candidatesContentId(m.cands)}${m.weak ? 'w' : ''}${m.dropped === true ? 'd' : ''}\u0004`;
  }
  return out;
}

/** The issues about what was found (added to `issues`) and the result. */
function finish(primary: Source, mentions: Mention[], outcome: Outcome, issues: FieldIssue[]): CacheEntry {
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
  const conflicts: Mention[] = [];
  for (const m of outcome.conflicts) if (!m.weak) conflicts.push(m);
  for (const m of mentions) if (m.dropped === true && !m.weak) conflicts.push(m);
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
    return { result: makeResult(null, null, null, null, null, 'unresolved', primary, issues), final };
  }
  let lastUsed = primary;
  for (const m of outcome.used) if (rank(m.source) > rank(lastUsed)) lastUsed = m.source;
  const n = namesOf(d);
  return { result: makeResult(n.code, n.level, n.province, n.city, n.district, 'normalized', lastUsed, issues), final };
}

function rank(source: Source): number {
  return source === 'columns' ? 0 : source === 'region' ? 1 : 2;
}

function emptyResult(): RegionResult {
  return makeResult(null, null, null, null, null, 'empty', null, []);
}

function copyResult(r: RegionResult, issues: FieldIssue[]): RegionResult {
  return makeResult(r.code, r.level, r.province, r.city, r.district, r.status, r.source, issues);
}

/**
 * Every result is made here, with its fields in one order: results then share one object shape, which keeps the
 * per-row copy in normalizeRegion fast (spreading objects of several shapes is not).
 */
function makeResult(
  code: string | null,
  level: RegionResult['level'],
  province: string | null,
  city: string | null,
  district: string | null,
  status: NormalizeStatus,
  source: Source | null,
  issues: FieldIssue[],
): RegionResult {
  return { code, level, province, city, district, status, source, issues };
}

function unknownIssue(raw: string): FieldIssue {
  return {
    field: FIELD,
    code: 'unknown_region',
    value: raw,
    message: `no GB/T 2260 region name found in '${raw}'`,
  };
}

type RegionNames = Pick<RegionResult, 'code' | 'level' | 'province' | 'city' | 'district'>;
const namesByCode = new Map<string, RegionNames>();

function namesOf(d: Division): RegionNames {
  let names = namesByCode.get(d.code);
  if (names === undefined) {
    names = findNames(d);
    namesByCode.set(d.code, names); // at most one per division
  }
  return names;
}

function findNames(d: Division): RegionNames {
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
  // Most text is only CJK ideographs (which NFKC keeps), ASCII letters and digits, and '#': then only the case changes.
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x23) continue;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else return raw.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
  }
  return upper ? raw.toLowerCase() : raw;
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
  reader = new Reader(text),
): Mention[] {
  let found = readPieces(reader, raw, source, mode, context);
  if (found.length === 0) reader.empty = true; // what follows looks at the raw text
  if (found.length === 0 && /[\u3400-\u9fff]/.test(text) && mayConvert(raw)) {
    const convert = (toSimplified ??= Converter({ from: 'hk', to: 'cn' }));
    const simplified = convert(raw);
    if (simplified !== raw) found = readPieces(new Reader(compact(simplified)), simplified, source, mode, context, raw);
  }
  // A column holding one name: its slot decides between nested readings (吉林 省/市, 和田 地区/市/县).
  const only = found.length === 1 ? found[0] : undefined;
  if (slot !== null && only !== undefined && only.dropped !== true) only.cands = preferSlot(only.cands, slot);
  return found;
}

function readPieces(
  reader: Reader,
  raw: string,
  source: Source,
  mode: ScanMode,
  context: Mention[],
  shownRaw = raw,
): Mention[] {
  if (mode === 'address' || mode === 'augment' || (/^[a-z]/.test(reader.text) && !/[\u3400-\u9fff\d]/.test(raw))) {
    return scan(reader, raw, shownRaw, source, mode, context, true);
  }
  const found: Mention[] = [];
  const pieces = raw.normalize('NFKC').toLowerCase().split(SEPARATORS);
  let first = true;
  for (const piece of pieces) {
    if (piece === '') continue;
    found.push(...scan(new Reader(piece), piece, shownRaw, source, mode, [...context, ...found], first));
    first = false;
  }
  return found;
}

/**
 * The entries of the traditional -> simplified dictionaries that change text, as the converter below uses them;
 * null when they cannot be found (then everything is converted).
 */
interface Rewrites {
  keys: Set<string>;
  /** Every beginning of a key (the keys themselves too): a text that is none of them starts no key. */
  beginnings: Set<string>;
  firstChars: Uint8Array; // UTF-16 code units that start a key
}
let rewrites: Rewrites | null | undefined;

/**
 * Whether the converter might change `raw`. It replaces only text that matches a dictionary entry, so text in which
 * no entry with a different replacement occurs comes back unchanged: most addresses that name no region.
 */
function mayConvert(raw: string): boolean {
  rewrites ??= findRewrites();
  if (rewrites === null) return true;
  const { keys, beginnings, firstChars } = rewrites;
  for (let i = 0; i < raw.length; i++) {
    if (firstChars[raw.charCodeAt(i)] !== 1) continue;
    for (let end = i + 1; end <= raw.length; end++) {
      const piece = raw.slice(i, end);
      if (keys.has(piece)) return true;
      if (!beginnings.has(piece)) break;
    }
  }
  return false;
}

/**
 * Collects the dictionary entries of Converter({ from: 'hk', to: 'cn' }): opencc-js's `hk2s` configuration
 * (normalization, segmentation and conversion dictionaries), else its `hk` and `cn` dictionary groups. Dictionaries
 * are strings "源 替|源 替" or [source, replacement] pairs; every string met is read as the former, and an entry
 * without a replacement counts as changing, so the set can only be too large, never too small.
 */
function findRewrites(): Rewrites | null {
  const keys = new Set<string>();
  let entries = 0;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      for (const entry of value.split('|')) {
        const space = entry.indexOf(' ');
        const key = space < 0 ? entry : entry.slice(0, space);
        if (key === '') continue;
        entries++;
        if (space < 0 || entry.slice(space + 1) !== key) keys.add(key);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  type Dictionaries = Record<string, unknown>;
  const locale = Locale as { configs?: Dictionaries; from?: Dictionaries; to?: Dictionaries };
  const config = locale.configs?.['hk2s'];
  if (config !== undefined) visit(config, 0);
  else visit([locale.from?.['hk'], locale.to?.['cn']], 0);
  const firstChars = new Uint8Array(0x10000);
  const beginnings = new Set<string>();
  for (const key of keys) {
    firstChars[key.charCodeAt(0)] = 1;
    for (let end = 1; end <= key.length; end++) beginnings.add(key.slice(0, end));
  }
  // The dictionaries must have been found (繁體 forms the reader depends on); otherwise convert everything.
  const probes = ['廣', '東', '區', '臺', '門', '縣', '灣'];
  if (entries < 1000 || probes.some((p) => !keys.has(p))) return null;
  return { keys, beginnings, firstChars };
}

/** Candidates of an index name, best first. One shared list per name: lists are read, never changed. */
const candidateLists = new Map<string, Candidate[]>();

function candidatesFor(key: string): Candidate[] {
  let out = candidateLists.get(key);
  if (out === undefined) {
    out = buildCandidates(key);
    // Keys are index names (namesAt), so this holds at most one list per name.
    candidateLists.set(key, out);
  }
  return out;
}

function buildCandidates(key: string): Candidate[] {
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

/**
 * A piece of text being read, which remembers how much of it the reading looked at: everything the reader decides
 * follows from those characters alone, so another text that starts with them reads the same (the address memo).
 * All reading of the text goes through `code`.
 */
class Reader {
  readonly text: string;
  /** Leading characters looked at; text.length + 1 once the reading also depended on where the text ends. */
  seen = 0;
  /** The reading also depended on something other than the text (the raw field, for Latin letters). */
  opaque = false;
  /** Reading the text found nothing (what `read` does next depends on the raw field). */
  empty = false;

  constructor(text: string) {
    this.text = text;
  }

  /** The UTF-16 code unit at i, or -1 past the end. */
  code(i: number): number {
    if (i < this.text.length) {
      if (i >= this.seen) this.seen = i + 1;
      return this.text.charCodeAt(i);
    }
    this.seen = this.text.length + 1;
    return -1;
  }

  /** Whether the text goes on at i. */
  has(i: number): boolean {
    return this.code(i) !== -1;
  }

  startsWith(word: string, i: number): boolean {
    for (let k = 0; k < word.length; k++) if (this.code(i + k) !== word.charCodeAt(k)) return false;
    return true;
  }

  /** Length of the first of `words` that occurs at i, or 0. */
  firstOf(words: Words, i: number): number {
    const candidates = words.get(this.code(i));
    if (candidates !== undefined) for (const word of candidates) if (this.startsWith(word, i)) return word.length;
    return 0;
  }
}

/** Words by their first UTF-16 code unit, each list in the given order (the first that occurs wins). */
type Words = ReadonlyMap<number, readonly string[]>;

function wordsOf(list: readonly string[]): Words {
  const words = new Map<number, string[]>();
  for (const word of list) {
    const same = words.get(word.charCodeAt(0));
    if (same === undefined) words.set(word.charCodeAt(0), [word]);
    else same.push(word);
  }
  return words;
}

const COUNTRY_PREFIXES = wordsOf(['中华人民共和国', '中国大陆', '中国', 'china', 'prc']);
/** Read after a suffix-less name (浦东 + 区), first match wins. */
const SUFFIXES_AFTER_STEM = wordsOf([
  '特别行政区', '自治区', '自治州', '自治县', '新区', '地区', '林区', '省', '市', '区', '县', '州', '盟', '旗',
]);
/** After a suffix-less name, these mean a street, building or institution (中山路, 南京东路, 中山大学). */
const DIRECTIONS = codesOf('东西南北中');
const STREET_WORDS = wordsOf(['路', '街', '道', '巷', '弄', '胡同', '里', '桥', '门', '口']);
const PLACE_WORDS = wordsOf([
  '大道', '大街', '广场', '大厦', '花园', '公园', '小区', '新村', '村', '镇', '乡', '号', '站', '机场', '码头', '大学',
  '学院', '中学', '小学', '医院', '公司', '集团', '银行', '酒店', '宾馆', '饭店', '商场', '商城', '市场',
]);
/** 第一师 … 第十四师 of the 兵团, in front of the city they run (石河子市). */
const CORPS_NUMERALS = codesOf('一二三四五六七八九十');

function codesOf(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** Up to two directions and a street word (南京东路), or a place word (中山大学). */
function streetAt(r: Reader, i: number): boolean {
  for (let k = 0; k <= 2; k++) {
    if (k > 0 && !DIRECTIONS.has(r.code(i + k - 1))) break;
    if (r.firstOf(STREET_WORDS, i + k) > 0) return true;
  }
  return r.firstOf(PLACE_WORDS, i) > 0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A trie node that ends an index name. */
type NamedNode = NameNode & { name: string };
const NO_NAMES: readonly NamedNode[] = [];

/** The index names that start at pos, longest first (each node's `name` is the matched text). */
function namesAt(r: Reader, pos: number): readonly NamedNode[] {
  let node = regionLexicon().nameTrie.next?.get(r.code(pos));
  if (node === undefined) return NO_NAMES;
  let out: NamedNode[] | undefined;
  for (let i = pos + 1; ; i++) {
    if (node.name !== null) (out ??= []).unshift(node as NamedNode);
    if (node.next === null) break;
    node = node.next.get(r.code(i));
    if (node === undefined) break;
  }
  return out ?? NO_NAMES;
}

/** The longest index name that starts at text[pos] (namesAt(...)[0], without a Reader), or null. */
function longestNameAt(text: string, pos: number): string | null {
  let node = regionLexicon().nameTrie.next?.get(text.charCodeAt(pos));
  let longest: string | null = null;
  for (let i = pos + 1; node !== undefined; i++) {
    if (node.name !== null) longest = node.name;
    if (node.next === null || i >= text.length) break;
    node = node.next.get(text.charCodeAt(i));
  }
  return longest;
}

/** Whether some index name starts at pos. */
function hasNameAt(r: Reader, pos: number): boolean {
  let node = regionLexicon().nameTrie.next?.get(r.code(pos));
  for (let i = pos + 1; node !== undefined; i++) {
    if (node.name !== null) return true;
    if (node.next === null) return false;
    node = node.next.get(r.code(i));
  }
  return false;
}

const ABBREVIATION_CODES = new Map<number, string>(
  Object.entries(ABBREVIATIONS).map(([abbr, code]) => [abbr.charCodeAt(0), code]),
);

/** A one-character 简称 at pos: as the whole text, or (at the start) followed by a name inside that province. */
function abbreviationAt(r: Reader, pos: number, atStart: boolean): string | null {
  const province = ABBREVIATION_CODES.get(r.code(pos));
  if (province === undefined) return null;
  if (pos === 0 && !r.has(1)) return province;
  if (!atStart) return null;
  for (const node of namesAt(r, pos + 1)) {
    const cands = candidatesFor(node.name);
    if (cands.some((c) => c.code !== province && c.code.startsWith(province.slice(0, 2)))) return province;
  }
  return null;
}

/** The one candidate list of a 简称 mention. */
const abbreviationLists = new Map<string, Candidate[]>();

function abbreviationCandidates(code: string): Candidate[] {
  let list = abbreviationLists.get(code);
  if (list === undefined) {
    list = [{ code, tier: 0 }];
    abbreviationLists.set(code, list);
  }
  return list;
}

const FILLER_WORDS = wordsOf(FILLERS); // longest first

/** Length of a filler word at pos (FILLERS, or a 兵团 division 第八师), or 0. */
function fillerAt(r: Reader, pos: number): number {
  const length = r.firstOf(FILLER_WORDS, pos);
  if (length > 0) return length;
  if (r.code(pos) !== 0x7b2c) return 0; // 第
  let numerals = 0;
  while (numerals < 3 && CORPS_NUMERALS.has(r.code(pos + 1 + numerals))) numerals++;
  return numerals > 0 && r.startsWith('师', pos + 1 + numerals) ? numerals + 2 : 0;
}

function nameFollowsAt(r: Reader, pos: number): boolean {
  let p = pos;
  for (let guard = 0; guard < 4 && r.has(p); guard++) {
    if (hasNameAt(r, p)) return true;
    const skip = fillerAt(r, p);
    if (skip === 0) return false;
    p += skip;
  }
  return !r.has(p);
}

/** Reads names from the start of one piece of text (compacted, in `r`); `raw` is the same piece before compaction. */
function scan(
  r: Reader,
  raw: string,
  shownRaw: string,
  source: Source,
  mode: ScanMode,
  context: Mention[],
  fieldStart: boolean,
): Mention[] {
  const lex = regionLexicon();
  const text = r.text;
  const mentions: Mention[] = [];
  const strict = mode === 'address' || mode === 'augment';

  // Latin letters (Guangdong Province, Hong Kong, Xi'an, Shenzhen): pinyin and English names, word by word.
  const first = r.code(0);
  if (first >= 0x61 && first <= 0x7a) {
    r.opaque = true; // decided on the raw text below
    const latin = raw.normalize('NFKC').toLowerCase();
    if (!/[\u3400-\u9fff\d]/.test(latin)) {
      const words = latin.split(/[^a-z]+/).filter((w) => w !== '' && !LATIN_NOISE.has(w));
      for (let i = 0; i < words.length; ) {
        let matched = 0;
        for (let j = Math.min(words.length, i + 4); j > i && matched === 0; j--) {
          const key = words.slice(i, j).join('');
          const cands = latinIndex().get(key);
          if (cands !== undefined) {
            const m = newMention(key, shownRaw, source, cands, false);
            if (!acceptMention(m, context, mentions, strict)) return mentions;
            matched = j - i;
          }
        }
        i += Math.max(matched, 1); // a word that names nothing is skipped (Nanshan District, Shenzhen)
      }
      return mentions;
    }
  }
  // A code.
  if (isDigit(first)) {
    r.code(text.length); // depends on the whole text
    const digits = /^(\d{6})(?:0{3}|0{6})?$/.exec(text);
    if (digits !== null && digits[1] !== undefined) {
      const codes = lex.successorsOf(digits[1]);
      const tier = lex.divisions.has(digits[1]) ? 0 : 1;
      const cands = codes.map((code) => ({ code, tier }));
      if (codes.length > 0) acceptMention(newMention(text, shownRaw, source, cands, false), context, mentions, strict);
      return mentions;
    }
  }

  let pos = r.firstOf(COUNTRY_PREFIXES, 0);
  if (mode === 'address') {
    let n = 0;
    while (n < 6 && isDigit(r.code(pos + n))) n++;
    if (n === 6 && !isDigit(r.code(pos + 6))) pos += 6; // a postcode
  }
  const startPos = pos;

  while (r.has(pos)) {
    const options = namesAt(r, pos);
    if (options.length === 0) {
      const abbr = fieldStart ? abbreviationAt(r, pos, pos === startPos) : null;
      if (abbr !== null) {
        const m = newMention(text.charAt(pos), shownRaw, source, abbreviationCandidates(abbr), false);
        if (!acceptMention(m, context, mentions, strict)) break;
        pos += 1;
        continue;
      }
      const skip = fillerAt(r, pos);
      if (skip === 0) break;
      pos += skip;
      continue;
    }
    const choice = chooseOption(r, pos, options);
    if (choice === null) break;
    const key = choice.name;
    let cands = candidatesFor(key);
    if (choice.suffix !== null) cands = preferSuffix(cands, choice.suffix);
    const m = newMention(key, shownRaw, source, cands, lex.weakNames.has(key));
    if (!acceptMention(m, context, mentions, strict)) break;
    pos = choice.next;
  }

  return mentions;
}

function newMention(text: string, raw: string, source: Source, cands: Candidate[], weak: boolean): Mention {
  return { text, raw, source, cands, weak };
}

/**
 * Within one field names are read in order: one that contradicts those before it ends the reading. In an address
 * that is normal (南京西路 after 上海市); in a column or region field it is reported (added to `mentions` as
 * dropped), unless it is a generic word (城区) or follows a region the table has no subdivisions for (香港九龙,
 * 台湾台北). Returns whether `m` was taken.
 */
function acceptMention(m: Mention, context: Mention[], mentions: Mention[], strict: boolean): boolean {
  const all: Mention[] = [];
  for (const x of context) if (x.dropped !== true) all.push(x);
  for (const x of mentions) if (x.dropped !== true) all.push(x);
  all.push(m);
  if (explainsAll(all)) {
    mentions.push(m);
    return true;
  }
  if (strict || m.weak) return false;
  all.pop(); // the names before m
  const childless = all.length > 0 && all.every((x) => x.cands.every((c) => CHILDLESS.has(c.code)));
  if (!childless) mentions.push({ ...m, dropped: true });
  return false;
}

interface OptionChoice {
  name: string; // the index name read, text.slice(pos, pos + name.length)
  next: number; // position after the name and any suffix read with it
  suffix: string | null; // suffix read after a suffix-less name (浦东 + 区)
}

/**
 * Picks the name to read at pos: the longest one after which another name follows (济南市中区 reads 济南 + 市中区),
 * else the longest. A suffix-less name followed by a street or institution word is not a region (中山路).
 */
function chooseOption(r: Reader, pos: number, options: readonly NamedNode[]): OptionChoice | null {
  // The variants in order: per name (longest first) the name + a suffix after it, then the name alone; the first
  // one after which the text ends or another name follows wins. Tried as they come, so later ones are never looked at.
  let first: OptionChoice | null = null;
  for (const { name } of options) {
    const end = pos + name.length;
    if (!SUFFIX_CHARS.has(name.charAt(name.length - 1))) {
      const suffix = r.firstOf(SUFFIXES_AFTER_STEM, end);
      if (suffix > 0) {
        const next = end + suffix;
        const variant: OptionChoice = { name, next, suffix: r.text.slice(end, next) };
        if (!r.has(next) || nameFollowsAt(r, next)) return variant;
        first ??= variant;
      }
      if (streetAt(r, end) && !nameFollowsAt(r, end)) continue;
    }
    if (!r.has(end) || nameFollowsAt(r, end)) return { name, next: end, suffix: null };
    first ??= { name, next: end, suffix: null };
  }
  return first;
}

/** After 浦东 + 区, prefer units whose name ends with 区 (浦东新区), if any. */
function preferSuffix(cands: Candidate[], suffix: string): Candidate[] {
  let bySuffix = suffixLists.get(cands);
  if (bySuffix === undefined) {
    bySuffix = new Map();
    suffixLists.set(cands, bySuffix);
  }
  let out = bySuffix.get(suffix);
  if (out === undefined) {
    const lex = regionLexicon();
    const matching = cands.filter((c) => lex.divisions.get(c.code)?.name.endsWith(suffix) === true);
    out = matching.length > 0 ? matching : cands;
    bySuffix.set(suffix, out);
  }
  return out;
}

/** preferSuffix's lists, shared like candidatesFor's (keyed by those lists, so bounded by the index). */
const suffixLists = new WeakMap<Candidate[], Map<string, Candidate[]>>();

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

/** Whether one chain (a reading of some mention) has a reading of every mention on it. */
function explainsAll(mentions: Mention[]): boolean {
  for (const m of mentions) {
    for (const c of m.cands) {
      const chain = chainOf(c.code);
      if (allOnChain(mentions, chain)) return true;
    }
  }
  return false;
}

function allOnChain(mentions: Mention[], chain: string[]): boolean {
  for (const o of mentions) {
    let on = false;
    for (const x of o.cands) {
      if (chain.includes(x.code)) {
        on = true;
        break;
      }
    }
    if (!on) return false;
  }
  return true;
}

interface Hypothesis {
  code: string;
  distinct: number; // levels of the chain named by some mention
  tier: number; // sum of the match tiers used
  used: Mention[]; // mentions with a reading on the code's chain
}

/**
 * An outcome as positions in the mention list it was reached for. resolve looks only at the candidates of the
 * mentions, so lists whose candidates are the same (深圳市 and 深圳市 in two bases, 广东省 and 广东) share it.
 */
interface OutcomeShape {
  code: string | null;
  ambiguous: string[] | null;
  conflicts: number[];
  used: number[];
}
const outcomeShapes = new Map<string, OutcomeShape>();

function resolve(mentions: Mention[]): Outcome {
  let key = '';
  for (const m of mentions) key += `${candidatesContentId(m.cands)},`;
  let shape = outcomeShapes.get(key);
  if (shape === undefined) {
    const outcome = resolveAnew(mentions);
    const at = (list: Mention[]): number[] => list.map((m) => mentions.indexOf(m));
    const { code, ambiguous } = outcome;
    shape = { code, ambiguous, conflicts: at(outcome.conflicts), used: at(outcome.used) };
    // A mention listed twice would make positions ambiguous; such lists are not shared.
    if (new Set(mentions).size === mentions.length) remember(outcomeShapes, key, shape);
    else return outcome;
  }
  const pick = (positions: number[]): Mention[] => positions.map((i) => mentions[i] as Mention);
  return { code: shape.code, ambiguous: shape.ambiguous, conflicts: pick(shape.conflicts), used: pick(shape.used) };
}

const contentIds = new WeakMap<Candidate[], number>();
const idsByContent = new Map<string, number>();

/** The same number for candidate lists with the same codes and tiers in the same order. */
function candidatesContentId(cands: Candidate[]): number {
  let id = contentIds.get(cands);
  if (id === undefined) {
    let content = '';
    for (const c of cands) content += `${c.code}:${c.tier};`;
    id = idsByContent.get(content);
    if (id === undefined) {
      id = idsByContent.size;
      idsByContent.set(content, id);
    }
    contentIds.set(cands, id);
  }
  return id;
}

function resolveAnew(mentions: Mention[]): Outcome {
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

/** regionNameAt's division for an index name (memoized: company names repeat the same few hundred names). */
const prefixDivisions = new Map<string, Division | null>();

function prefixDivision(name: string): Division | null {
  let d = prefixDivisions.get(name);
  if (d === undefined) {
    const code = pickForPrefix(candidatesFor(name));
    d = (code === null ? undefined : regionLexicon().divisions.get(code)) ?? null;
    prefixDivisions.set(name, d);
  }
  return d;
}

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
