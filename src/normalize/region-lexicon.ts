// The region lexicon: GB/T 2260 divisions (MCA 2024), their 1981–2024 history, the name index used to read
// region text, and the 长途区号 table keyed by division code. Built once, lazily, from the shipped tables;
// everything here is data, the reading rules live in region.ts.
import { readTable } from './tables.js';

export type DivisionLevel = 0 | 1 | 2; // 0 province, 1 prefecture (city), 2 county (district)

export interface Division {
  code: string;
  name: string; // official 2024 name
  level: DivisionLevel;
  provinceCode: string;
  /** The prefecture above a county, or null (municipality districts, 省直辖 county-level units, provinces). */
  prefectureCode: string | null;
  stem: string; // name without its administrative suffix
}

/** One reading of a name: a current code and how good the match is (lower is better). */
export interface Candidate {
  code: string;
  /** 0 current name or hand alias, 1 historical name, 2 current stem, 3 historical stem. */
  tier: number;
}

/** A node of the name trie: the name spelled by the path from the root when that is a key of `names`. */
export interface NameNode {
  name: string | null;
  next: Map<number, NameNode> | null;
}

/** One row of the 1981–2024 history file. */
interface HistoryRecord {
  code: string;
  prefectureName: string;
  name: string;
  level: string; // 省级 | 地级 | 县级
  status: string; // 在用 | 弃用 | 变更
  start: number;
  end: number | null;
  successors: string[]; // codes the unit passed into when it ended (the `[year]` entries are partial transfers)
}

export interface RegionLexicon {
  divisions: Map<string, Division>;
  /** Every code that appears in the history file or the 2024 table. */
  everCodes: Set<string>;
  /** Name (full, alias, historical, or stem) -> candidates, best tier first. */
  names: Map<string, Candidate[]>;
  /** Names that are only generic words (城区, 郊区, 东区…): read only when they agree with other evidence. */
  weakNames: Set<string>;
  /** The keys of `names` as a character trie (UTF-16 code units), for reading every name that starts at a position. */
  nameTrie: NameNode;
  /** Current codes an abolished or renamed code passed into (for codes not in the 2024 table). */
  successorsOf(code: string): string[];
  /** 长途区号 attached directly to a division (not inherited). */
  areaCodesByDivision: Map<string, string[]>;
  allAreaCodes: Set<string>;
  childrenOf: Map<string, string[]>;
}

/** Suffixes removed to get a name's stem, longest first; a stem keeps at least two characters. */
const SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '林区',
  '特区',
  '地区',
  '新区',
  '省',
  '市',
  '盟',
  '县',
  '区',
  '旗',
];

/** Ethnic names that appear inside 自治州/自治县/自治旗 names (延边朝鲜族自治州 -> 延边). */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克',
  '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬',
  '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克',
  '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);

/** SUFFIXES by their last character, each list in the order of SUFFIXES. */
const SUFFIXES_BY_LAST_CHAR = groupBy(SUFFIXES, (suffix) => suffix.charAt(suffix.length - 1));

/** Removes one administrative suffix, keeping at least `minStem` characters; returns the name if none applies. */
export function stripSuffix(name: string, minStem = 2): string {
  const suffixes = SUFFIXES_BY_LAST_CHAR.get(name.charAt(name.length - 1));
  if (suffixes === undefined) return name;
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= minStem) return name.slice(0, -suffix.length);
  }
  return name;
}

function groupBy(list: readonly string[], keyOf: (item: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of list) {
    const group = groups.get(keyOf(item));
    if (group === undefined) groups.set(keyOf(item), [item]);
    else group.push(item);
  }
  return groups;
}

/** The forms stripped by stripEthnic by their last character, in the order tried: per group (longest first)
 *  朝鲜族, then 朝鲜. */
const ETHNIC_FORMS = groupBy(
  ETHNIC_GROUPS.flatMap((group) => (group.length > 1 ? [`${group}族`, group] : [`${group}族`])),
  (form) => form.charAt(form.length - 1),
);

/** 恩施土家族苗族 -> 恩施: removes trailing ethnic names (single-character ones only with 族). */
function stripEthnic(stem: string): string {
  let out = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of ETHNIC_FORMS.get(out.charAt(out.length - 1)) ?? []) {
      if (out.endsWith(form) && out.length - form.length >= 2) {
        out = out.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

const nameCores = new Map<string, string>();

/** The core of a name for comparing old and new names: suffix and ethnic names removed, may be one character. */
function nameCore(name: string): string {
  let core = nameCores.get(name);
  if (core === undefined) {
    core = stripEthnic(stripSuffix(name, 1));
    nameCores.set(name, core);
  }
  return core;
}

/** Hand-made aliases (standards/NOTES.md §1.4) on top of the stems: tier 0, i.e. as good as the full name. */
const EXTRA_ALIASES: Record<string, string> = {
  内蒙: '150000',
  内蒙古省: '150000',
  广西自治区: '450000',
  宁夏自治区: '640000',
  新疆自治区: '650000',
  香港特区: '810000',
  澳门特区: '820000',
  // Traditional forms seen in exports from Hong Kong, Macau and Taiwan systems.
  臺灣: '710000',
  台灣: '710000',
  臺灣省: '710000',
  台灣省: '710000',
  澳門: '820000',
  香港特別行政區: '810000',
  澳門特別行政區: '820000',
};

/** Area codes missing from cn-landline-area-codes.csv (standards/README.md notes the gaps). */
const EXTRA_AREA_CODES: Array<[code: string, areaCode: string, why: string]> = [
  ['610400', '029', '咸阳市: shares 029 with 西安 since 2002; no row in the source table'],
  ['632800', '0977', '海西蒙古族藏族自治州 (海西州): 0977; the source lists only its cities/counties'],
  ['460300', '0898', '三沙市: all of Hainan is 0898; no row in the source table'],
  ['460400', '0898', '儋州市: all of Hainan is 0898; prefecture since 2015, no row in the source table'],
];

let lexicon: RegionLexicon | undefined;

export function regionLexicon(): RegionLexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}

function levelOf(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 0;
  if (code.endsWith('00')) return 1;
  return 2;
}

function buildLexicon(): RegionLexicon {
  const divisions = readDivisions();
  const childrenOf = new Map<string, string[]>();
  for (const d of divisions.values()) {
    const parent = d.level === 0 ? null : (d.prefectureCode ?? d.provinceCode);
    if (parent !== null) pushTo(childrenOf, parent, d.code);
  }
  const history = readHistory();
  const resolveHistory = makeHistoryResolver(history, divisions);

  const everCodes = new Set<string>(divisions.keys());
  for (const code of history.keys()) everCodes.add(code);

  const names = new Map<string, Candidate[]>();
  const add = (key: string, code: string, tier: number): void => {
    if (key.length === 0) return;
    const list = names.get(key);
    if (list === undefined) {
      names.set(key, [{ code, tier }]);
      return;
    }
    let existing: Candidate | undefined;
    for (const c of list) {
      if (c.code === code) {
        existing = c;
        break;
      }
    }
    if (existing === undefined) list.push({ code, tier });
    else if (tier < existing.tier) existing.tier = tier;
  };
  const addWithStems = (name: string, code: string, fullTier: number, stemTier: number): void => {
    add(name, code, fullTier);
    const stem = stripSuffix(name);
    if (stem !== name) add(stem, code, stemTier);
    if (name.endsWith('自治州') || name.endsWith('自治县') || name.endsWith('自治旗')) {
      const core = stripEthnic(stem);
      add(core, code, stemTier);
      // 恩施州, 海西州, 长阳县, 鄂伦春旗: the everyday short forms keep the kind of unit, so rank them as names.
      add(core + name.charAt(name.length - 1), code, fullTier);
    }
  };

  for (const d of divisions.values()) {
    addWithStems(d.name, d.code, 0, 2);
    if (d.level === 0) add(d.stem, d.code, 0); // 吉林 is the province, 海南 is not 海南州 (NOTES §1.4)
  }
  for (const [alias, code] of Object.entries(EXTRA_ALIASES)) add(alias, code, 0);
  for (const records of history.values()) {
    for (const record of records) {
      if (record.status === '在用') continue;
      for (const code of resolveHistory(record).codes) addWithStems(record.name, code, 1, 3);
    }
  }
  // Codes are six ASCII digits, so plain comparison orders them as localeCompare would.
  for (const list of names.values()) {
    if (list.length > 1) list.sort((a, b) => a.tier - b.tier || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  const weakNames = new Set<string>();
  for (const key of names.keys()) if (key.length <= 2 && key.endsWith('区')) weakNames.add(key);

  const nameTrie = buildTrie(names.keys());

  const successorCache = new Map<string, string[]>();
  const successorsOf = (code: string): string[] => {
    if (divisions.has(code)) return [code];
    let out = successorCache.get(code);
    if (out === undefined) {
      const records = history.get(code) ?? [];
      const last = records[records.length - 1];
      out = last === undefined ? [] : [...resolveHistory(last).codes].sort();
      successorCache.set(code, out);
    }
    return out;
  };

  const { byDivision, all } = readAreaCodes(names, divisions, history, resolveHistory);
  return {
    divisions,
    everCodes,
    names,
    weakNames,
    nameTrie,
    successorsOf,
    areaCodesByDivision: byDivision,
    allAreaCodes: all,
    childrenOf,
  };
}

function buildTrie(keys: Iterable<string>): NameNode {
  const root: NameNode = { name: null, next: null };
  for (const key of keys) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (child === undefined) {
        child = { name: null, next: null };
        node.next.set(c, child);
      }
      node = child;
    }
    node.name = key;
  }
  return root;
}

/** Like pushTo, for values known to be distinct. */
function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function readDivisions(): Map<string, Division> {
  const rows: Array<[string, string]> = [];
  for (const line of readTable('gbt2260-mca-2024.txt').split(/\r?\n/)) {
    const m = /^(\d{6})\s+(\S+)/.exec(line.trim());
    if (m !== null) rows.push([m[1] ?? '', m[2] ?? '']);
  }
  const codes = new Set(rows.map(([code]) => code));
  const divisions = new Map<string, Division>();
  for (const [code, name] of rows) {
    const level = levelOf(code);
    const provinceCode = `${code.slice(0, 2)}0000`;
    const prefecture = `${code.slice(0, 4)}00`;
    divisions.set(code, {
      code,
      name,
      level,
      provinceCode,
      prefectureCode: level === 2 && codes.has(prefecture) ? prefecture : null,
      stem: stripSuffix(name),
    });
  }
  return divisions;
}

/** Six ASCII digits. */
function isCode(text: string): boolean {
  if (text.length !== 6) return false;
  for (let i = 0; i < 6; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function readHistory(): Map<string, HistoryRecord[]> {
  const byCode = new Map<string, HistoryRecord[]>();
  const lines = readTable('gbt2260-history-1981-2024.csv').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const f = line.split(',');
    const code = f[0] ?? '';
    if (!isCode(code)) continue;
    const end = f[7] ?? '';
    const successors = f[8] ?? '';
    appendTo(byCode, code, {
      code,
      prefectureName: f[2] ?? '',
      name: f[3] ?? '',
      level: f[4] ?? '',
      status: f[5] ?? '',
      start: Number(f[6]),
      end: end === '' ? null : Number(end),
      successors: successors === '' ? [] : successors.split(';').filter(isCode),
    });
  }
  for (const records of byCode.values()) if (records.length > 1) records.sort((a, b) => a.start - b.start);
  return byCode;
}

interface Resolution {
  codes: string[]; // current successor codes, after the name rule below (no repeats, in the order found)
  /** For an abolished prefecture: the current codes its counties went to (used for its area code). */
  countyCodes: string[];
}

/**
 * Follows a history record to the current (2024) codes. Successor codes are looked up at the year of the change,
 * because codes are reused (500110 万盛区 → 綦江区, 340203 马塘区 → 弋江区 → 340209). An abolished prefecture
 * lists no successor: its counties' successors tell where it went. When a unit went to several places, the one
 * whose name starts with the old name's core keeps the name (达县 → 达川区 rather than 通川区); otherwise all stay
 * (江干区 → 上城区 or 钱塘区), and the reader reports the name as ambiguous.
 */
function makeHistoryResolver(
  history: Map<string, HistoryRecord[]>,
  divisions: Map<string, Division>,
): (record: HistoryRecord) => Resolution {
  const cache = new Map<HistoryRecord, Resolution>();
  // The codes of each 4-digit prefix, in the file's order: the counties an abolished prefecture may have held.
  const byPrefix = new Map<string, Array<[string, HistoryRecord[]]>>();
  for (const entry of history) appendTo(byPrefix, entry[0].slice(0, 4), entry);

  const recordAt = (code: string, year: number): HistoryRecord | undefined => {
    const records = history.get(code) ?? [];
    for (const r of records) if (r.start <= year && (r.end === null || r.end > year)) return r;
    for (const r of records) if (r.end === null) return r;
    return records[records.length - 1];
  };
  // Code lists are kept in insertion order without repeats (as a Set would), which is all their readers need.
  const add = (list: string[], code: string): void => {
    if (!list.includes(code)) list.push(code);
  };

  const follow = (record: HistoryRecord, depth: number): Resolution => {
    const cached = cache.get(record);
    if (cached !== undefined) return cached;
    const codes: string[] = [];
    const countyCodes: string[] = [];
    const result: Resolution = { codes, countyCodes };
    if (depth > 12) return result;
    if (record.status === '在用') {
      if (divisions.has(record.code)) codes.push(record.code);
      cache.set(record, result);
      return result;
    }
    const year = record.end ?? 2024;
    let successors = record.successors;
    if (successors.length === 0 && record.status === '变更') successors = [record.code]; // renamed, same code
    for (const next of successors) {
      const nextRecord = recordAt(next, year);
      if (nextRecord === undefined || nextRecord === record) continue;
      for (const code of follow(nextRecord, depth + 1).codes) add(codes, code);
    }
    if (successors.length === 0 && record.level === '地级') {
      const prefix = record.code.slice(0, 4);
      for (const [code, records] of byPrefix.get(prefix) ?? []) {
        if (code === record.code) continue;
        for (const child of records) {
          if (child.level !== '县级' || child.prefectureName !== record.name || child.end !== record.end) continue;
          for (const current of follow(child, depth + 1).codes) {
            add(countyCodes, current);
            const d = divisions.get(current);
            add(codes, d?.prefectureCode ?? current);
          }
        }
      }
    }
    if (codes.length > 1) {
      const core = nameCore(record.name);
      const keeping = codes.filter((code) => {
        const d = divisions.get(code);
        return d !== undefined && nameCore(d.name).startsWith(core);
      });
      if (keeping.length === 1 && keeping[0] !== undefined) {
        codes.length = 0;
        codes.push(keeping[0]);
      }
    }
    cache.set(record, result);
    return result;
  };

  return (record) => follow(record, 0);
}

function readAreaCodes(
  names: Map<string, Candidate[]>,
  divisions: Map<string, Division>,
  history: Map<string, HistoryRecord[]>,
  resolveHistory: (record: HistoryRecord) => Resolution,
): { byDivision: Map<string, string[]>; all: Set<string> } {
  const byDivision = new Map<string, string[]>();
  const all = new Set<string>();
  const attach = (code: string, areaCode: string): void => {
    pushTo(byDivision, code, areaCode);
    all.add(areaCode);
  };
  const lines = readTable('cn-landline-area-codes.csv').split(/\r?\n/).slice(1);
  const rows: Array<[string, string]> = [];
  for (const line of lines) {
    const [name, areaCode] = line.split(',');
    if (name !== undefined && areaCode !== undefined && /^0\d{2,3}$/.test(areaCode.trim())) {
      rows.push([name.trim(), areaCode.trim()]);
    }
  }
  const ownCodes = new Set<string>();
  const stale: Array<[string, string]> = [];
  for (const [name, areaCode] of rows) {
    const current = (names.get(name) ?? []).filter((c) => c.tier === 0);
    if (current.length === 1 && current[0] !== undefined) {
      attach(current[0].code, areaCode);
      ownCodes.add(current[0].code);
    } else {
      stale.push([name, areaCode]);
    }
  }
  // Stale names (襄樊市, 铜仁地区, 莱芜市…): follow the history file. When the successor already has its own area
  // code (莱芜市 went into 济南市, 0531), the old code stays with the counties that came from the old unit.
  const recordsByName = new Map<string, HistoryRecord[]>();
  for (const records of history.values()) for (const record of records) appendTo(recordsByName, record.name, record);
  for (const [name, areaCode] of stale) {
    for (const record of recordsByName.get(name) ?? []) {
      if (record.status === '在用') continue;
      const { codes, countyCodes } = resolveHistory(record);
      const targets = codes.some((c) => ownCodes.has(c)) && countyCodes.length > 0 ? countyCodes : codes;
      for (const code of targets) attach(code, areaCode);
    }
  }
  for (const [code, areaCode] of EXTRA_AREA_CODES) if (divisions.has(code)) attach(code, areaCode);
  for (const list of byDivision.values()) list.sort();
  return { byDivision, all };
}
