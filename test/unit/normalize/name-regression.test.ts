// Regression guard for normalizeName: a few thousand varied inputs (the labelled table, the shapes of real company
// names with polyphonic characters, branches, notes, brackets, English names, people, odd characters) must give
// exactly the results they gave before the speed work of name.ts / name-*.ts. The results are compared by hash;
// `EXPECTED_SHA256` only changes with a deliberate change of behaviour (rerun with UPDATE_NAME_HASH=1 to see the
// new value, and review the labelled accuracy test and the import dumps before accepting it).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { cleanName, normalizeName } from '../../../src/normalize/name.js';
import { isPlaceholder, PLACEHOLDERS } from '../../../src/normalize/name-forms.js';
import { leadingRegion, regionLengthAt } from '../../../src/normalize/name-region.js';
import { normalizeRegion, regionNameAt } from '../../../src/normalize/region.js';
import { regionLexicon } from '../../../src/normalize/region-lexicon.js';
import type { NameHints } from '../../../src/normalize/name.js';
import { toPinyinKey, toPinyinKeySlow } from '../../../src/normalize/name-pinyin.js';

const EXPECTED_COUNT = 4_599;
const EXPECTED_SHA256 = '669aac4af1219b9888af48e63eba9a362a3151c8aff7ba8b4a93551e72e9bfa2';

/** A small deterministic generator (the inputs must be the same on every run). */
function generator(seed: number): { next: () => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

const REGIONS = [
  '北京', '上海市', '重庆', '重庆市', '深圳市南山区', '广东省深圳市', '厦门', '厦门市思明区', '长沙', '长春市', '西安',
  '长安', '朝阳区', '鼓楼', '浦东', '徐汇', '新疆', '内蒙古', '香港', '台湾', '江苏省苏州市', '苏州工业园区', '吉林',
  '吉林市', '宁波', '宁夏', '中山', '东莞', '单县', '乐山', '会同', '大同', '乌鲁木齐市', '兰州', '南京市鼓楼区', '杭州',
  '杭州市西湖区', '成都市武侯区', '京', '沪', '渝北区', '石河子市', '襄樊', '广州市天河区', '武汉',
];
/** Trade-name characters, with the polyphonic ones pinyin-pro reads by their neighbours (行, 长, 重, 乐, 了 ...). */
const TRADE = [
  ...'腾讯阿里巴华为小米京东美团字节跳动百度网易平安招商中信光大兴业浦发民生鑫森淼焱垚犇晶磊品众益桐昆畅励骏',
  ...'重庆长安厦门银行音乐了一不々单曾解区朴仇查盖乐华都会传和大家发朝藏好将降得地还为血着薄差参调广信食术',
];
const INDUSTRIES = [
  '科技', '银行', '音乐', '传媒', '网络科技', '国际贸易', '电气', '电子', '置业', '食品', '长安汽车', '重工', '乐器',
  '行业协会', '大学', '医院', '五金店', '面馆', '工作室', '商行', '地产', '日报', '银行股份', '信息技术', '建材',
];
const LEGAL_FORMS = [
  '', '有限公司', '有限责任公司', '股份有限公司', '(集团)有限公司', '集团', '合伙企业(有限合伙)', '个体工商户',
  '有限公司上海分公司', '有限公司北京海淀支行', '分公司', '二分店', '有限公司(已注销)', '有限公司-重复', '办事处',
  '有限公司徐汇分店', '有限责任公司(自然人独资)',
];
const ENGLISH = [
  'Tencent Technology (Shenzhen) Co., Ltd.', 'Shanghai Electric', 'Beijing Bank', 'Hong Kong XX Limited', 'Apple Inc.',
  'John Smith', 'Smith, John', 'Mr. John Smith', 'Citibank (China) Co., Ltd. Shanghai Branch', 'Amazon.com, Inc.',
  'Johnson & Johnson', 'ACME GmbH', 'Suzhou Foo Ltd', 'Xian Bar Co Ltd', 'Mary-Jane O\'Neil', 'Shenzhen Baz Trading Co',
];
const PEOPLE = [
  '张伟', '欧阳娜娜', '李先生', '单田芳', '曾国藩', '解晓东', '区志强', '朴树', '仇英', '查良镛', '盖聂', '乐嘉', '万俟卨',
  '尉迟恭', '长孙无忌', '买买提·艾力', '王总', '赵女士', '重阳', '了凡', '张三', '李四',
];
const TRADITIONAL = [
  '騰訊科技（深圳）有限公司', '台灣積體電路製造股份有限公司', '長江實業（集團）有限公司', '匯豐銀行香港分行',
  '國泰航空有限公司', '東亞銀行', '恆生銀行有限公司', '電訊盈科', '華潤萬家', '嶺南大學',
];
const HINTS: (NameHints | undefined)[] = [
  undefined, {}, { customerType: '个人' }, { customerType: '企业' }, { customerType: 'Individual' }, { customerType: 'company ' },
  { uscc: '91440300MA5EXAMPLE' }, { uscc: '９１４４０３００ＭＡ５ＥＸＡＭＰＬＥ' }, { idNumber: '11010519491231002X' },
  { customerType: '其他' }, { customerType: '个人', uscc: '91440300MA5EXAMPLE' },
];

/** Rewritings seen in exports: full-width brackets, stray or doubled spaces, zero-width characters, 【】, full-width Latin. */
function mangle(text: string, next: () => number): string {
  const r = next();
  if (r < 0.15) return text.replace(/\(/g, '（').replace(/\)/g, '）');
  if (r < 0.25) return [...text].join(next() < 0.5 ? ' ' : '');
  if (r < 0.3) return `  ${text}\u200b `;
  if (r < 0.35) return text.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  if (r < 0.4) return text.replace(/\(/g, '【').replace(/\)/g, '】');
  if (r < 0.43) return `${text}((重复))`;
  return text;
}

function varyingInputs(): [string | null | undefined, NameHints | undefined][] {
  const { next, pick } = generator(20_240_601);
  const labelled = (
    parse(readFileSync(new URL('./labelled/name.csv', import.meta.url)), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[]
  ).map((row) => row.input ?? '');
  const inputs: [string | null | undefined, NameHints | undefined][] = [];
  for (const text of labelled) inputs.push([text, undefined], [text, pick(HINTS)]);
  for (const text of [...ENGLISH, ...PEOPLE, ...TRADITIONAL]) for (const hints of HINTS) inputs.push([text, hints]);
  for (let i = 0; i < 3_600; i++) {
    const trade = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TRADE)).join('');
    const shape = next();
    let text: string;
    if (shape < 0.35) text = pick(REGIONS) + trade + pick(INDUSTRIES) + pick(LEGAL_FORMS);
    else if (shape < 0.55) text = `${trade}${pick(INDUSTRIES)}(${pick(REGIONS)})${pick(LEGAL_FORMS)}`;
    else if (shape < 0.7) text = trade + pick(INDUSTRIES) + pick(LEGAL_FORMS);
    else if (shape < 0.8) text = pick(ENGLISH);
    else if (shape < 0.9) text = pick(PEOPLE) + pick(['', '', '先生', '女士', '总']);
    else if (shape < 0.95) text = pick(TRADITIONAL);
    else text = pick(REGIONS) + trade;
    inputs.push([mangle(text, next), pick(HINTS)]);
  }
  inputs.push(
    ['', { firstName: '伟', lastName: '张' }], ['', { firstName: 'John', lastName: 'Smith' }], ['', { lastName: 'Smith' }],
    [null, undefined], [undefined, { customerType: '个人' }], [`华达科技有限公司${'备注'.repeat(100)}`, undefined],
    ['𠮷野家餐饮有限公司', undefined], ['𠮷野家', undefined], ['了不起科技有限公司', undefined], ['一二三', undefined],
    ['々木商事', undefined], ['某某科技有限公司', undefined], ['测测测', undefined], ['甲甲甲', undefined], ['(测试)', undefined],
    ['无 ', undefined], ['空(无)', undefined], ['XX有限公司', undefined], ['123', undefined],
  );
  return inputs;
}

describe('normalizeName: regression guard', () => {
  const inputs = varyingInputs();

  it('gives the recorded results on varied inputs', () => {
    const results = inputs.map(([raw, hints]) => normalizeName(raw, hints));
    const digest = createHash('sha256').update(JSON.stringify(results)).digest('hex');
    if (process.env.UPDATE_NAME_HASH) console.log(`name regression: ${inputs.length} inputs, sha256 ${digest}`);
    expect(inputs.length).toBe(EXPECTED_COUNT);
    expect(digest).toBe(EXPECTED_SHA256);
  });

  it('reads every core with the character table exactly as pinyin() does', () => {
    const { next, pick } = generator(7);
    const cores = new Set<string>();
    for (const [raw, hints] of inputs) {
      const core = normalizeName(raw, hints).nameCore;
      if (core) cores.add(core);
    }
    // Runs of polyphonic characters and dictionary words: 银行行长, 重庆长安, 一行, 十一重, 了, 々.
    const pool = [...'重庆长安厦门银行长音乐了一不々单曾解区朴仇查盖乐华都会传和大家发朝藏好将降得地还为血着薄差参调中国平十第'];
    for (let i = 0; i < 3_000; i++) cores.add(Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(pool)).join(''));
    const mismatches: string[] = [];
    for (const core of cores) {
      for (const person of [false, true]) {
        const fast = toPinyinKey(core, person);
        const slow = toPinyinKeySlow(core, person);
        if (fast !== slow) mismatches.push(`${core} (${person ? 'person' : 'company'}): ${fast} vs ${slow}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('cleanName: shortcuts', () => {
  // The cleaning as first written: every step on every name.
  const convert = Converter({ from: 'hk', to: 'cn' });
  const simplify = (text: string): string => {
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      if (c >= 0x3400 && (c > 0x9fff || convert(ch) !== ch)) return convert(text);
    }
    return text;
  };
  const reference = (raw: string): string => {
    let text = raw
      .normalize('NFKC')
      .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '')
      .replace(/[[【〔〖]/g, '(')
      .replace(/[\]】〕〗]/g, ')')
      .replace(/\s+/g, ' ')
      .trim();
    text = text.replace(/ (?=[\u2e80-\u9fff\uf900-\ufaff])|(?<=[\u2e80-\u9fff\uf900-\ufaff]) /gu, '');
    text = text.replace(/\( /g, '(').replace(/ \)/g, ')');
    text = text.replace(/\(\(+/g, '(').replace(/\)\)+/g, ')');
    return /[\u3400-\uffff]/u.test(text) ? simplify(text) : text;
  };

  it('cleans like every step would, whatever BMP character a name holds', () => {
    const mismatches: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const raw of [`华达${ch}科技（深圳）`, `${ch}(${ch}`, `Ab ${ch}`]) {
        if (cleanName(raw) !== reference(raw)) mismatches.push(`U+${c.toString(16)} in ${JSON.stringify(raw)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isPlaceholder: shortcut', () => {
  // isPlaceholder as first written: trimmed, lower-cased, brackets dropped, then the word list and the patterns.
  const reference = (text: string): boolean => {
    const t = text.trim().toLowerCase().replace(/[()]/g, '');
    if (!t) return false;
    if (PLACEHOLDERS.has(t)) return true;
    if (/^(?:test|测试|demo)[\s\d_-]*$/u.test(t)) return true;
    if (/^(.)\1{2,}$/u.test(t)) return true;
    if (/^[\d\p{P}\p{S}\s]+$/u.test(t)) return true;
    return /^(?:某某|xx(?=[\u4e00-\u9fff]|$))/u.test(t);
  };

  it('agrees with the word list and patterns on names built around every BMP character', () => {
    const mismatches: string[] = [];
    const texts = (ch: string): string[] => [ch, ch + ch + ch, `${ch}科技`, `华${ch}`, `${ch}(x)`, `${ch}华 `, `${ch}${ch}公司`];
    for (let c = 0; c < 0x10000; c++) {
      for (const text of texts(String.fromCharCode(c))) if (isPlaceholder(text) !== reference(text)) mismatches.push(text);
    }
    for (const word of PLACEHOLDERS) {
      for (const text of [word, word.toUpperCase(), ` ${word} `, `(${word})`, `${word}公司`]) {
        if (isPlaceholder(text) !== reference(text)) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('leadingRegion: the name trie reads as regionNameAt()', () => {
  // leadingRegion as first written, on regionNameAt() itself.
  const within = (child: string, parent: string): boolean => child !== parent && child.startsWith(parent.replace(/(?:00)+$/, ''));
  const acceptable = (text: string, pos: number, hit: { code: string; name: string; length: number }): boolean =>
    /[省市区县旗州盟]$/u.test(text.slice(pos, pos + hit.length)) ||
    hit.code.endsWith('0000') ||
    (hit.code.endsWith('00') && hit.name.endsWith('市'));
  const reference = (text: string, start = 0): { text: string; code: string } | null => {
    let pos = start;
    let code: string | null = null;
    for (;;) {
      const hit = regionNameAt(text, pos);
      if (hit && acceptable(text, pos, hit) && (code === null || within(hit.code, code))) {
        code = hit.code;
        pos += hit.length;
        continue;
      }
      const district = code === null ? null : /^[\u4e00-\u9fff]{1,4}?(?:新区|区|县|旗)/u.exec(text.slice(pos));
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
  };

  it('agrees on every lexicon name, alone and in front of text, and at every position', () => {
    const { next, pick } = generator(99);
    const names = [...regionLexicon().names.keys()];
    const tails = ['', '益桐软件', '南山区华达', '市', '区', '县科技', '银行', '分公司', ...names.slice(0, 50)];
    const mismatches: string[] = [];
    for (const name of names) {
      for (const text of [name, name + pick(tails), pick(names) + name + pick(tails), `京${name}`, `沪${pick(tails)}`]) {
        const got = leadingRegion(text);
        const want = reference(text);
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${text}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
        const pos = Math.floor(next() * text.length);
        const length = regionLengthAt(text, pos);
        const expected = reference(text, pos)?.text.length ?? regionNameAt(text, pos)?.length ?? 0;
        if (length !== expected) mismatches.push(`${text} at ${pos}: ${length} vs ${expected}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('agrees on every county after its city (the district step)', () => {
    const { divisions } = regionLexicon();
    const mismatches: string[] = [];
    for (const d of divisions.values()) {
      const city = d.prefectureCode === null ? divisions.get(d.provinceCode) : divisions.get(d.prefectureCode);
      if (d.level !== 2 || city === undefined) continue;
      const suffixed = ['区', '县', '旗', '新区'].map((suffix) => `${city.name}${d.stem}${suffix}华达`);
      for (const text of [`${city.name}${d.name}华达`, `${city.name.slice(0, -1)}${d.name}`, ...suffixed]) {
        const got = leadingRegion(text);
        const want = reference(text);
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${text}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});
