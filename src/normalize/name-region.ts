// Region names inside company names: a leading administrative division (上海某某科技, 深圳市南山区某某) or one in
// brackets (某某科技(上海)有限公司, Tencent Technology (Shenzhen) Co., Ltd.). Chinese names are read through
// regionNameAt() of region.ts; English ones through a small hand-made table of provinces and large cities
// (Suzhou and Fuzhou are read as 苏州 and 福州, the usual owners of those spellings in company names).
import { normalizeRegion, regionNameAt } from './region.js';
import { regionLexicon } from './region-lexicon.js';

export interface RegionSpan {
  /** The region as written in the name: '深圳市南山区', '上海', 'Shenzhen'. */
  text: string;
  /** GB/T 2260 code of the most specific division named, null when the English name is not in the table. */
  code: string | null;
}

/**
 * The region names at `start`, chained ('广东省深圳市南山区'). A division below prefecture level only counts when
 * written with its suffix (区/县/市/旗): company names begin with 东方, 平安, 长安 far more often than with a
 * county name used bare.
 */
export function leadingRegion(text: string, start = 0): RegionSpan | null {
  let pos = start;
  let code: string | null = null;
  for (;;) {
    const hit = regionAt(text, pos);
    // A chain goes down the tree: 广东省深圳市 yes, 香港上海(汇丰) no.
    if (hit && acceptable(text, pos, hit) && (code === null || within(hit.code, code))) {
      code = hit.code;
      pos += hit.length;
      continue;
    }
    // A district name shared by several cities (南山区, 西湖区) is unique under the city just read.
    const district = code === null || !districtSuffixNear(text, pos) ? null : execAt(DISTRICT, text, pos);
    if (district && code !== null) {
      const resolved = normalizeRegion({ region: text.slice(start, pos) + district[0] });
      if (resolved.code && resolved.level === 'district' && within(resolved.code, code)) {
        code = resolved.code;
        pos += district[0].length;
        continue;
      }
    }
    break;
  }
  return code === null ? null : { text: text.slice(start, pos), code };
}

/** A district name with its suffix (sticky: read at a position). */
const DISTRICT = /[\u4e00-\u9fff]{1,4}?(?:新区|区|县|旗)/uy;

function execAt(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

/** Whether 区, 县 or 旗 is among text[pos + 1 .. pos + 5], as a DISTRICT match at `pos` needs. */
function districtSuffixNear(text: string, pos: number): boolean {
  const end = Math.min(text.length, pos + 6);
  for (let i = pos + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x533a || c === 0x53bf || c === 0x65d7) return true;
  }
  return false;
}

function within(child: string, parent: string): boolean {
  return child !== parent && child.startsWith(codePrefix(parent));
}

/** A code without its trailing 00 pairs (440300 → 4403), cached: there are a few thousand codes. */
const codePrefixes = new Map<string, string>();

function codePrefix(code: string): string {
  let prefix = codePrefixes.get(code);
  if (prefix === undefined) {
    prefix = code.replace(/(?:00)+$/, '');
    codePrefixes.set(code, prefix);
  }
  return prefix;
}

/** 省市区县旗州盟: a region name written with its suffix. */
const SUFFIXES = new Set([...'省市区县旗州盟'].map((c) => c.charCodeAt(0)));

/**
 * A region name used bare (without 省/市/区/县) only counts for a province or a prefecture-level city: the bare
 * names of 地区/自治州/盟 and of counties are ordinary words far too often (阿里巴巴, 东方航空, 平安保险).
 */
function acceptable(text: string, pos: number, hit: { code: string; name: string; length: number }): boolean {
  if (SUFFIXES.has(text.charCodeAt(pos + hit.length - 1))) return true;
  if (hit.code.endsWith('0000')) return true;
  return hit.code.endsWith('00') && hit.name.endsWith('市');
}

/** Length of a region name at `pos` (bare county names allowed), e.g. before a branch word: 肯德基徐汇分店. Uses
 *  regionNameAt() of region.ts (like leadingRegion above). */
export function regionLengthAt(text: string, pos: number): number {
  const strict = leadingRegion(text, pos);
  if (strict) return strict.text.length;
  return regionAt(text, pos)?.length ?? 0;
}

const HAN = /[\u4e00-\u9fff]/u;

/** The whole of `text` is a region name (the content of a bracket). */
export function wholeRegion(text: string): RegionSpan | null {
  if (HAN.test(text)) {
    const span = leadingRegionLoose(text);
    return span && span.text === text ? span : null;
  }
  const code = ENGLISH_REGIONS.get(englishKey(text));
  return code === undefined ? null : { text, code };
}

/** Like leadingRegion, but a bracket holds nothing else, so a bare county name counts too: (浦东), (徐汇). */
function leadingRegionLoose(text: string): RegionSpan | null {
  const strict = leadingRegion(text);
  if (strict && strict.text === text) return strict;
  const hit = regionAt(text, 0);
  return hit && hit.length === text.length ? { text, code: hit.code } : strict;
}

// ---------------------------------------------------------------------------------------------------------------
// Region names at a position

type RegionHit = ReturnType<typeof regionNameAt>;

/**
 * The lexicon's names as a trie over UTF-16 units: the root's child for unit u is `first[u]`, node n's is
 * `child.get(n * 0x10000 + u)`; `ends` marks the nodes where a name (a key of the lexicon's `names`) ends.
 */
interface NameTrie {
  /** The root's children, by UTF-16 unit (0: none). */
  first: Int32Array;
  child: Map<number, number>;
  ends: Uint8Array;
  /** By end node: regionNameAt() of its name, filled as names are met (undefined: not yet). */
  hits: (RegionHit | undefined)[];
}
let trie: NameTrie | null = null;

function loadTrie(): NameTrie {
  if (trie) return trie;
  const { names } = regionLexicon();
  const first = new Int32Array(0x10000);
  const child = new Map<number, number>();
  const endNodes: number[] = [];
  let nodes = 1;
  for (const name of names.keys()) {
    if (name.length === 0) continue;
    let node = first[name.charCodeAt(0)] ?? 0;
    if (node === 0) {
      node = nodes++;
      first[name.charCodeAt(0)] = node;
    }
    for (let i = 1; i < name.length; i++) {
      const key = node * 0x10000 + name.charCodeAt(i);
      let next = child.get(key);
      if (next === undefined) {
        next = nodes++;
        child.set(key, next);
      }
      node = next;
    }
    endNodes.push(node);
  }
  const ends = new Uint8Array(nodes);
  for (const node of endNodes) ends[node] = 1;
  trie = { first, child, ends, hits: new Array<RegionHit | undefined>(nodes).fill(undefined) };
  return trie;
}

/** By UTF-16 unit: 1 when regionNameAt() reads it alone as a province 简称 (京, 沪, 粤), 2 when not, 0 not asked yet. */
const abbreviations = new Uint8Array(0x10000);

/** Whether a character that starts no lexicon name is a province 简称: only then can regionNameAt() read one there. */
function isAbbreviation(code: number): boolean {
  if (abbreviations[code] === 0) abbreviations[code] = regionNameAt(String.fromCharCode(code), 0) === null ? 2 : 1;
  return abbreviations[code] === 1;
}

/**
 * Same as regionNameAt(text, pos) of region.ts, which reads the longest lexicon name at `pos` (the whole answer
 * then depends on that name alone) and otherwise only a province 简称 at the start. The longest name is found in a
 * trie and its reading cached by trie node (so bounded by the lexicon), so the many positions tried cost little.
 */
function regionAt(text: string, pos: number): RegionHit {
  const { first, child, ends, hits } = loadTrie();
  let node = pos < text.length ? (first[text.charCodeAt(pos)] ?? 0) : 0;
  let end = 0;
  let length = 0;
  for (let i = pos + 1; node !== 0; i++) {
    if (ends[node] === 1) {
      end = node;
      length = i - pos;
    }
    node = i < text.length ? (child.get(node * 0x10000 + text.charCodeAt(i)) ?? 0) : 0;
  }
  if (length === 0) return pos === 0 && isAbbreviation(text.charCodeAt(0)) ? regionNameAt(text, 0) : null;
  let hit = hits[end];
  if (hit === undefined) {
    hit = regionNameAt(text.slice(pos, pos + length), 0);
    hits[end] = hit;
  }
  return hit;
}

/** A leading English region word: 'Shanghai Pudong Development Bank', 'Hong Kong XX Limited'. */
export function leadingEnglishRegion(text: string): RegionSpan | null {
  const match = /^([A-Za-z][A-Za-z'’]*)(?:\s+([A-Za-z][A-Za-z'’]*))?/.exec(text);
  if (!match?.[1]) return null;
  if (match[2]) {
    const two = `${match[1]} ${match[2]}`;
    const code = ENGLISH_REGIONS.get(englishKey(two));
    if (code !== undefined) return { text: two, code };
  }
  const code = ENGLISH_REGIONS.get(englishKey(match[1]));
  return code === undefined ? null : { text: match[1], code };
}

function englishKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** Provinces and large cities as spelled in English company names (codes checked against the 2024 MCA table). */
const ENGLISH_REGIONS: ReadonlyMap<string, string> = new Map(
  `beijing 110000, peking 110000, tianjin 120000, hebei 130000, shanxi 140000, innermongolia 150000,
   neimenggu 150000, liaoning 210000, jilin 220000, heilongjiang 230000, shanghai 310000, jiangsu 320000,
   zhejiang 330000, anhui 340000, fujian 350000, jiangxi 360000, shandong 370000, henan 410000, hubei 420000,
   hunan 430000, guangdong 440000, guangxi 450000, hainan 460000, chongqing 500000, sichuan 510000,
   guizhou 520000, yunnan 530000, tibet 540000, xizang 540000, shaanxi 610000, gansu 620000, qinghai 630000,
   ningxia 640000, xinjiang 650000, taiwan 710000, hongkong 810000, macau 820000, macao 820000,
   shijiazhuang 130100, tangshan 130200, taiyuan 140100, hohhot 150100, shenyang 210100, dalian 210200,
   changchun 220100, harbin 230100, nanjing 320100, wuxi 320200, xuzhou 320300, changzhou 320400,
   suzhou 320500, nantong 320600, hangzhou 330100, ningbo 330200, wenzhou 330300, jiaxing 330400,
   shaoxing 330600, jinhua 330700, hefei 340100, fuzhou 350100, xiamen 350200, quanzhou 350500,
   nanchang 360100, jinan 370100, qingdao 370200, yantai 370600, weifang 370700, zhengzhou 410100,
   luoyang 410300, wuhan 420100, changsha 430100, guangzhou 440100, shenzhen 440300, zhuhai 440400,
   shantou 440500, foshan 440600, jiangmen 440700, huizhou 441300, dongguan 441900, zhongshan 442000,
   nanning 450100, guilin 450300, haikou 460100, sanya 460200, chengdu 510100, guiyang 520100,
   kunming 530100, lhasa 540100, xian 610100, lanzhou 620100, xining 630100, yinchuan 640100, urumqi 650100`
    .split(',')
    .map((entry) => entry.trim().split(' ') as [string, string]),
);
