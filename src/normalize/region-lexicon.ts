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
  /** For each first character, the name lengths that start with it, longest first. */
  lengthsByFirstChar: Map<string, number[]>;
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

/** Removes one administrative suffix, keeping at least `minStem` characters; returns the name if none applies. */
export function stripSuffix(name: string, minStem = 2): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= minStem) return name.slice(0, -suffix.length);
  }
  return name;
}

/** 恩施土家族苗族 -> 恩施: removes trailing ethnic names (single-character ones only with 族). */
function stripEthnic(stem: string): string {
  let out = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      for (const form of group.length > 1 ? [`${group}族`, group] : [`${group}族`]) {
        if (out.endsWith(form) && out.length - form.length >= 2) {
          out = out.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return out;
}

/** The core of a name for comparing old and new names: suffix and ethnic names removed, may be one character. */
function nameCore(name: string): string {
  return stripEthnic(stripSuffix(name, 1));
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
    const existing = list.find((c) => c.code === code);
    if (existing === undefined) list.push({ code, tier });
    else if (tier < existing.tier) existing.tier = tier;
  };
  const addWithStems = (name: string, code: string, fullTier: number, stemTier: number): void => {
    add(name, code, fullTier);
    const stem = stripSuffix(name);
    if (stem !== name) add(stem, code, stemTier);
    const autonomous = /自治(州|县|旗)$/.exec(name);
    if (autonomous !== null) {
      const core = stripEthnic(stem);
      add(core, code, stemTier);
      // 恩施州, 海西州, 长阳县, 鄂伦春旗: the everyday short forms keep the kind of unit, so rank them as names.
      add(core + autonomous[1], code, fullTier);
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
  for (const list of names.values()) list.sort((a, b) => a.tier - b.tier || a.code.localeCompare(b.code));

  const weakNames = new Set<string>();
  for (const key of names.keys()) if (key.length <= 2 && key.endsWith('区')) weakNames.add(key);

  const lengthsByFirstChar = new Map<string, number[]>();
  for (const key of names.keys()) {
    const first = key.charAt(0);
    const lengths = lengthsByFirstChar.get(first) ?? [];
    if (!lengths.includes(key.length)) lengths.push(key.length);
    lengthsByFirstChar.set(first, lengths);
  }
  for (const lengths of lengthsByFirstChar.values()) lengths.sort((a, b) => b - a);

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
    lengthsByFirstChar,
    successorsOf,
    areaCodesByDivision: byDivision,
    allAreaCodes: all,
    childrenOf,
  };
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

function readHistory(): Map<string, HistoryRecord[]> {
  const byCode = new Map<string, HistoryRecord[]>();
  const lines = readTable('gbt2260-history-1981-2024.csv').split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const f = line.split(',');
    const code = f[0] ?? '';
    if (!/^\d{6}$/.test(code)) continue;
    const end = f[7] ?? '';
    pushTo(byCode, code, {
      code,
      prefectureName: f[2] ?? '',
      name: f[3] ?? '',
      level: f[4] ?? '',
      status: f[5] ?? '',
      start: Number(f[6]),
      end: end === '' ? null : Number(end),
      successors: (f[8] ?? '').split(';').filter((s) => /^\d{6}$/.test(s)),
    });
  }
  for (const records of byCode.values()) records.sort((a, b) => a.start - b.start);
  return byCode;
}

interface Resolution {
  codes: Set<string>; // current successor codes, after the name rule below
  /** For an abolished prefecture: the current codes its counties went to (used for its area code). */
  countyCodes: Set<string>;
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

  const recordAt = (code: string, year: number): HistoryRecord | undefined => {
    const records = history.get(code) ?? [];
    const live = records.find((r) => r.start <= year && (r.end === null || r.end > year));
    return live ?? records.find((r) => r.end === null) ?? records[records.length - 1];
  };

  const follow = (record: HistoryRecord, depth: number): Resolution => {
    const cached = cache.get(record);
    if (cached !== undefined) return cached;
    const codes = new Set<string>();
    const countyCodes = new Set<string>();
    const result: Resolution = { codes, countyCodes };
    if (depth > 12) return result;
    if (record.status === '在用') {
      if (divisions.has(record.code)) codes.add(record.code);
      cache.set(record, result);
      return result;
    }
    const year = record.end ?? 2024;
    let successors = record.successors;
    if (successors.length === 0 && record.status === '变更') successors = [record.code]; // renamed, same code
    for (const next of successors) {
      const nextRecord = recordAt(next, year);
      if (nextRecord === undefined || nextRecord === record) continue;
      for (const code of follow(nextRecord, depth + 1).codes) codes.add(code);
    }
    if (successors.length === 0 && record.level === '地级') {
      const prefix = record.code.slice(0, 4);
      for (const [code, records] of history) {
        if (!code.startsWith(prefix) || code === record.code) continue;
        for (const child of records) {
          if (child.level !== '县级' || child.prefectureName !== record.name || child.end !== record.end) continue;
          for (const current of follow(child, depth + 1).codes) {
            countyCodes.add(current);
            const d = divisions.get(current);
            codes.add(d?.prefectureCode ?? current);
          }
        }
      }
    }
    if (codes.size > 1) {
      const core = nameCore(record.name);
      const keeping = [...codes].filter((code) => {
        const d = divisions.get(code);
        return d !== undefined && nameCore(d.name).startsWith(core);
      });
      if (keeping.length === 1 && keeping[0] !== undefined) {
        codes.clear();
        codes.add(keeping[0]);
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
  for (const [name, areaCode] of stale) {
    for (const records of history.values()) {
      for (const record of records) {
        if (record.name !== name || record.status === '在用') continue;
        const { codes, countyCodes } = resolveHistory(record);
        const targets = [...codes].some((c) => ownCodes.has(c)) && countyCodes.size > 0 ? countyCodes : codes;
        for (const code of targets) attach(code, areaCode);
      }
    }
  }
  for (const [code, areaCode] of EXTRA_AREA_CODES) if (divisions.has(code)) attach(code, areaCode);
  for (const list of byDivision.values()) list.sort();
  return { byDivision, all };
}
