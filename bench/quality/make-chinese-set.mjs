#!/usr/bin/env node
// make-chinese-set — the labelled Chinese company set for the dedupe quality benchmark.
//
// Usage (from the repository root):
//   node bench/quality/make-chinese-set.mjs [--seed N] [--out-dir DIR] [--check]
//
// Writes DIR/chinese-companies.csv (default DIR fixtures/dedupe) — a merged CRM export of four systems (用友U8,
// 纷享销客, 销售台账, 官网注册), UTF-8 with BOM and CRLF like Excel's "CSV UTF-8", headers 客户编码, 客户名称,
// 统一社会信用代码, 联系人, 手机, 电话, 邮箱, 省份, 城市, 区县, 详细地址, 所属行业, 来源系统 — and
// DIR/chinese-companies.labels.csv: source_id,entity_id,case,variant for every row. Only source_id and entity_id are
// ground truth; case (regular, namesake, head_office, branch, similar_name) and variant (how the name was written)
// are for error analysis. Everything comes from one seeded PRNG, so the same seed gives the same bytes; --check
// regenerates in memory and exits 1 when the files differ. The case mix is described in bench/quality/README.md.
//
// The rules that make the labels defensible: every copy of an entity carries at least one strong identifier (USCC,
// mobile, landline, e-mail) that another copy of the same entity also carries; different entities never share a
// USCC, a phone number or an e-mail address (a branch may share its head office's e-mail domain, not an address);
// a homophone typo never produces a trade name another entity uses.
//
// Examples:
//   node bench/quality/make-chinese-set.mjs
//   node bench/quality/make-chinese-set.mjs --check

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../lib/prng.mjs';
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../lib/uscc.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SEED = 20240611;
export const HEADER = ['客户编码', '客户名称', '统一社会信用代码', '联系人', '手机', '电话', '邮箱', '省份', '城市', '区县', '详细地址', '所属行业', '来源系统'];
export const LABEL_HEADER = ['source_id', 'entity_id', 'case', 'variant'];

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary (hand-written data)

/** Cities: province, city, short name, area code, two districts [GB/T 2260 code, name], roads. */
const CITIES = [
  { province: '北京市', city: '北京市', short: '北京', area: '010', districts: [['110105', '朝阳区'], ['110108', '海淀区']], roads: ['建国路', '中关村大街', '望京街', '学院路'] },
  { province: '上海市', city: '上海市', short: '上海', area: '021', districts: [['310115', '浦东新区'], ['310104', '徐汇区']], roads: ['张江路', '世纪大道', '漕溪北路', '虹桥路'] },
  { province: '广东省', city: '广州市', short: '广州', area: '020', districts: [['440106', '天河区'], ['440111', '白云区']], roads: ['天河路', '体育西路', '白云大道北', '黄埔大道西'] },
  { province: '广东省', city: '深圳市', short: '深圳', area: '0755', districts: [['440305', '南山区'], ['440304', '福田区']], roads: ['科技园南路', '深南大道', '福华一路', '科苑路'] },
  { province: '浙江省', city: '杭州市', short: '杭州', area: '0571', districts: [['330106', '西湖区'], ['330108', '滨江区']], roads: ['文三路', '江南大道', '教工路', '网商路'] },
  { province: '江苏省', city: '南京市', short: '南京', area: '025', districts: [['320106', '鼓楼区'], ['320115', '江宁区']], roads: ['中山北路', '双龙大道', '湖南路', '天元中路'] },
  { province: '四川省', city: '成都市', short: '成都', area: '028', districts: [['510107', '武侯区'], ['510104', '锦江区']], roads: ['天府大道', '人民南路', '科华北路', '红星路'] },
  { province: '湖北省', city: '武汉市', short: '武汉', area: '027', districts: [['420106', '武昌区'], ['420111', '洪山区']], roads: ['中北路', '珞喻路', '光谷大道', '徐东大街'] },
  { province: '江苏省', city: '苏州市', short: '苏州', area: '0512', districts: [['320505', '虎丘区'], ['320506', '吴中区']], roads: ['星湖街', '长江路', '狮山路', '东吴北路'] },
  { province: '天津市', city: '天津市', short: '天津', area: '022', districts: [['120101', '和平区'], ['120116', '滨海新区']], roads: ['南京路', '第二大街', '洞庭路', '卫津路'] },
  { province: '重庆市', city: '重庆市', short: '重庆', area: '023', districts: [['500103', '渝中区'], ['500112', '渝北区']], roads: ['民族路', '金开大道', '新华路', '红锦大道'] },
  { province: '陕西省', city: '西安市', short: '西安', area: '029', districts: [['610113', '雁塔区'], ['610104', '莲湖区']], roads: ['高新路', '科技路', '小寨西路', '丰庆路'] },
  { province: '湖南省', city: '长沙市', short: '长沙', area: '0731', districts: [['430104', '岳麓区'], ['430102', '芙蓉区']], roads: ['麓谷大道', '五一大道', '桐梓坡路', '韶山北路'] },
  { province: '河南省', city: '郑州市', short: '郑州', area: '0371', districts: [['410105', '金水区'], ['410102', '中原区']], roads: ['花园路', '金水路', '中原中路', '农业路'] },
  { province: '山东省', city: '青岛市', short: '青岛', area: '0532', districts: [['370212', '崂山区'], ['370202', '市南区']], roads: ['香港中路', '海尔路', '株洲路', '山东路'] },
  { province: '浙江省', city: '宁波市', short: '宁波', area: '0574', districts: [['330212', '鄞州区'], ['330203', '海曙区']], roads: ['天童南路', '中山西路', '首南中路', '药行街'] },
  { province: '安徽省', city: '合肥市', short: '合肥', area: '0551', districts: [['340104', '蜀山区'], ['340103', '庐阳区']], roads: ['长江西路', '黄山路', '望江西路', '阜阳路'] },
  { province: '山东省', city: '济南市', short: '济南', area: '0531', districts: [['370102', '历下区'], ['370112', '历城区']], roads: ['经十路', '解放路', '山大路', '工业南路'] },
];

/** Trade-name characters: [character, pinyin, homophones a typist might hit instead]. */
const CHARS = [
  ['明', 'ming', ['铭', '名']], ['远', 'yuan', ['源', '元']], ['华', 'hua', ['桦', '骅']], ['信', 'xin', ['欣', '鑫']],
  ['达', 'da', ['大']], ['兴', 'xing', ['星']], ['泰', 'tai', ['太']], ['瑞', 'rui', ['锐', '睿']],
  ['丰', 'feng', ['峰', '锋']], ['博', 'bo', ['搏', '柏']], ['嘉', 'jia', ['佳', '家']], ['宏', 'hong', ['鸿', '弘']],
  ['晨', 'chen', ['辰', '臣']], ['腾', 'teng', ['藤', '滕']], ['讯', 'xun', ['迅', '询']], ['恒', 'heng', ['衡']],
  ['通', 'tong', ['同', '桐']], ['安', 'an', ['鞍']], ['康', 'kang', ['慷']], ['创', 'chuang', ['闯']],
  ['鼎', 'ding', ['顶']], ['盛', 'sheng', ['胜', '圣']], ['凯', 'kai', ['恺', '铠']], ['锦', 'jin', ['金', '劲']],
  ['辉', 'hui', ['晖', '徽']], ['祥', 'xiang', ['翔']], ['润', 'run', ['闰']], ['永', 'yong', ['咏', '勇']],
  ['天', 'tian', ['添']], ['智', 'zhi', ['志', '致']], ['宇', 'yu', ['雨', '羽']], ['景', 'jing', ['京', '晶']],
  ['启', 'qi', ['起', '企']], ['立', 'li', ['力', '利']], ['航', 'hang', ['杭']], ['成', 'cheng', ['诚', '城']],
  ['越', 'yue', ['悦', '跃']], ['云', 'yun', ['运', '芸']], ['东', 'dong', ['冬', '栋']], ['龙', 'long', ['隆', '珑']],
  ['汇', 'hui', ['惠', '会']], ['联', 'lian', ['连']], ['新', 'xin', ['欣', '心']], ['中', 'zhong', ['忠', '众']],
  ['海', 'hai', []], ['美', 'mei', []], ['科', 'ke', []], ['迪', 'di', []],
];
const PINYIN = new Map(CHARS.map(([c, p]) => [c, p]));
const HOMOPHONES = new Map(CHARS.map(([c, , h]) => [c, h]));

/** Industry words used in names, their pinyin initials (for e-mail domains) and the 所属行业 a CRM shows. */
const WORDS = [
  { word: '科技', abbr: 'tech', industry: '科技推广和应用服务业', alias: '科技服务' },
  { word: '信息技术', abbr: 'it', industry: '软件和信息技术服务业', alias: 'IT/软件' },
  { word: '网络科技', abbr: 'net', industry: '互联网和相关服务', alias: '互联网' },
  { word: '电子', abbr: 'dz', industry: '计算机、通信和其他电子设备制造业', alias: '电子制造' },
  { word: '贸易', abbr: 'trade', industry: '批发业', alias: '贸易' },
  { word: '商贸', abbr: 'sm', industry: '零售业', alias: '零售' },
  { word: '物流', abbr: 'wl', industry: '道路运输业', alias: '物流运输' },
  { word: '建材', abbr: 'jc', industry: '非金属矿物制品业', alias: '建材' },
  { word: '机械设备', abbr: 'jx', industry: '通用设备制造业', alias: '机械制造' },
  { word: '医药', abbr: 'yy', industry: '医药制造业', alias: '医药' },
  { word: '食品', abbr: 'food', industry: '食品制造业', alias: '食品' },
  { word: '文化传媒', abbr: 'media', industry: '文化艺术业', alias: '传媒' },
  { word: '环保科技', abbr: 'hb', industry: '生态保护和环境治理业', alias: '环保' },
  { word: '新能源', abbr: 'energy', industry: '电力、热力生产和供应业', alias: '能源' },
  { word: '餐饮管理', abbr: 'cy', industry: '餐饮业', alias: '餐饮' },
  { word: '建筑工程', abbr: 'jz', industry: '房屋建筑业', alias: '建筑' },
  { word: '汽车服务', abbr: 'auto', industry: '机动车、电子产品和日用产品修理业', alias: '汽车后市场' },
  { word: '生物科技', abbr: 'bio', industry: '研究和试验发展', alias: '生物医药' },
  { word: '供应链管理', abbr: 'scm', industry: '商务服务业', alias: '供应链' },
];
/** Words a "similar name" company adds to or puts in place of the original's industry word. */
const SIMILAR_WORDS = ['信息科技', '科技发展', '电子科技', '智能科技'];

const FORMS = [[0.7, '有限公司'], [0.2, '有限责任公司'], [0.1, '股份有限公司']];

/** Simplified → traditional (Hong Kong / Taiwan) for every character the names use that has a distinct form. */
const TRADITIONAL = new Map(Object.entries({
  铭: '銘', 远: '遠', 华: '華', 桦: '樺', 骅: '驊', 达: '達', 兴: '興', 锐: '銳', 丰: '豐', 锋: '鋒', 鸿: '鴻',
  腾: '騰', 讯: '訊', 询: '詢', 恒: '恆', 创: '創', 闯: '闖', 顶: '頂', 胜: '勝', 圣: '聖', 凯: '凱', 恺: '愷',
  铠: '鎧', 锦: '錦', 劲: '勁', 辉: '輝', 晖: '暉', 润: '潤', 闰: '閏', 咏: '詠', 启: '啟', 诚: '誠', 悦: '悅',
  跃: '躍', 云: '雲', 运: '運', 东: '東', 栋: '棟', 龙: '龍', 珑: '瓏', 汇: '匯', 会: '會', 联: '聯', 连: '連',
  众: '眾', 术: '術', 网: '網', 络: '絡', 电: '電', 贸: '貿', 机: '機', 设: '設', 备: '備', 医: '醫', 药: '藥',
  传: '傳', 环: '環', 饮: '飲', 筑: '築', 车: '車', 务: '務', 应: '應', 链: '鏈', 发: '發', 展: '展', 责: '責',
  广: '廣', 汉: '漢', 苏: '蘇', 庆: '慶', 长: '長', 郑: '鄭', 岛: '島', 宁: '寧', 济: '濟',
}));

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '晓东', '志强', '海燕', '丹', '萍', '鹏', '浩', '婷', '雪', '琳', '欣怡', '子涵', '俊杰', '文博', '立新', '红梅', '国庆', '玉兰'];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '158', '159', '166', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];
const MAIL_LOCALS = ['info', 'sales', 'service', 'admin', 'office', 'contact', 'market', 'hr'];

/** The systems the merged export comes from, and how each writes its customer code. */
const SYSTEMS = [
  { name: '用友U8', id: (n) => `KH${String(n).padStart(6, '0')}` },
  { name: '纷享销客', id: (n) => `FX${String(20230000 + n * 7)}` },
  { name: '销售台账', id: (n) => `XS-2023-${String(n).padStart(4, '0')}` },
  { name: '官网注册', id: (n) => `W${String(5000000 + n * 13)}` },
];

// ---------------------------------------------------------------------------------------------------------------
// Random helpers over one stream

function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    digits: (n) => Array.from({ length: n }, () => String.fromCharCode(48 + Math.floor(next() * 10))).join(''),
    weighted(table) {
      let x = next() * table.reduce((s, [w]) => s + w, 0);
      for (const [w, v] of table) if ((x -= w) < 0) return v;
      return table[table.length - 1][1];
    },
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [arr[i], arr[j]] = [arr[j], arr[i]];
      }
      return arr;
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Entities

/** A valid USCC: 9 (market regulator) 1 (enterprise), the district's GB/T 2260 code, an organisation code, check. */
function makeUscc(rnd, districtCode) {
  const body = rnd.chance(0.55)
    ? `MA${Array.from({ length: 6 }, () => rnd.pick(USCC_CHARSET.slice(0, 31))).join('')}`
    : rnd.digits(8);
  const first17 = `91${districtCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

class Registry {
  constructor(rnd) {
    this.rnd = rnd;
    this.cores = new Set();
    this.uscc = new Set();
    this.phones = new Set();
    this.emails = new Set();
    this.domains = new Set();
    /** typo'd trade name → the entity whose records use it */
    this.typos = new Map();
  }

  unique(set, make) {
    for (;;) {
      const v = make();
      if (!set.has(v)) {
        set.add(v);
        return v;
      }
    }
  }

  /** A trade name of 2 (sometimes 3) characters, at least one with homophones, not used yet. */
  core() {
    const { rnd } = this;
    return this.unique(this.cores, () => {
      for (;;) {
        const n = rnd.chance(0.12) ? 3 : 2;
        const chars = Array.from({ length: n }, () => rnd.pick(CHARS)[0]);
        if (new Set(chars).size !== n) continue;
        if (!chars.some((c) => HOMOPHONES.get(c).length > 0)) continue;
        return chars.join('');
      }
    });
  }

  mobile() {
    return this.unique(this.phones, () => `${this.rnd.pick(MOBILE_PREFIXES)}${this.rnd.digits(8)}`);
  }

  landline(city) {
    return this.unique(this.phones, () => `${city.area}-${String(2 + this.rnd.int(7))}${this.rnd.digits(7)}`);
  }

  usccFor(district) {
    return this.unique(this.uscc, () => makeUscc(this.rnd, district[0]));
  }

  /** A company domain from the trade name's pinyin, or a free-mail address. */
  email(core, word, domain) {
    const { rnd } = this;
    if (domain) return this.unique(this.emails, () => `${rnd.pick(MAIL_LOCALS)}${rnd.chance(0.3) ? rnd.digits(1) : ''}@${domain}`);
    if (rnd.chance(0.3)) {
      return this.unique(this.emails, () => (rnd.chance(0.6) ? `${1 + rnd.int(9)}${rnd.digits(7 + rnd.int(3))}@qq.com` : `${pinyinOf(core)}${rnd.digits(3)}@${rnd.pick(['163.com', '126.com', 'sina.com'])}`));
    }
    const d = this.unique(this.domains, () => `${pinyinOf(core)}${rnd.pick(['', word.abbr, 'gs', 'group', rnd.digits(2)])}.${rnd.pick(['com', 'cn', 'com.cn', 'net'])}`);
    return this.email(core, word, d);
  }
}

const pinyinOf = (core) => [...core].map((c) => PINYIN.get(c)).join('');
const domainOf = (email) => (email && !/@(qq|163|126|sina)\.com$/.test(email) ? email.split('@')[1] : null);

function makeEntity(reg, rnd, spec) {
  const city = spec.city;
  const district = rnd.pick(city.districts);
  const word = spec.word ?? rnd.pick(WORDS);
  const core = spec.core ?? reg.core();
  const mobile = rnd.chance(0.9) ? reg.mobile() : null;
  const landline = rnd.chance(0.8) || !mobile ? reg.landline(city) : null;
  return {
    id: spec.id,
    case: spec.case,
    group: spec.group ?? null,
    city,
    district,
    core,
    word,
    form: spec.form ?? rnd.weighted(FORMS),
    style: spec.style ?? (rnd.chance(0.8) ? 'prefix' : 'bracket'),
    branch: spec.branch ?? null,
    parent: spec.parent ?? null,
    uscc: reg.usccFor(district),
    mobile,
    landline,
    email: reg.email(core, word, spec.domain ?? null),
    contact: `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`,
    road: rnd.pick(city.roads),
    number: 1 + rnd.int(998),
    unit: rnd.weighted([[0.4, null], [0.3, `${1 + rnd.int(28)}楼`], [0.3, `${1 + rnd.int(12)}栋${1 + rnd.int(20)}0${1 + rnd.int(9)}室`]]),
  };
}

/** How many copies (records) an entity gets. */
const copiesFor = (rnd, kase) =>
  kase === 'regular' ? rnd.weighted([[0.3, 1], [0.35, 2], [0.22, 3], [0.13, 4]]) : rnd.weighted([[0.4, 1], [0.42, 2], [0.18, 3]]);

function buildEntities(rnd, reg) {
  const entities = [];
  let n = 0;
  const nextId = () => `E${String(++n).padStart(4, '0')}`;
  const add = (spec) => {
    const e = makeEntity(reg, rnd, { id: nextId(), ...spec });
    entities.push(e);
    return e;
  };
  // Namesakes: the same trade name, industry word and legal form registered in 2–3 different cities.
  for (let g = 1; g <= 30; g++) {
    const k = rnd.chance(0.3) ? 3 : 2;
    const cities = rnd.shuffle([...CITIES]).slice(0, k);
    const core = reg.core();
    const word = rnd.pick(WORDS);
    const form = rnd.weighted(FORMS);
    for (const city of cities) add({ case: 'namesake', group: `namesake-${g}`, city, core, word, form });
  }
  // A head office and 1–2 branch offices in other cities (each branch its own legal entity with its own USCC).
  for (let g = 1; g <= 24; g++) {
    const [home, ...others] = rnd.shuffle([...CITIES]);
    const head = add({ case: 'head_office', group: `branch-${g}`, city: home });
    const k = rnd.chance(0.35) ? 2 : 1;
    for (const city of others.slice(0, k)) {
      add({
        case: 'branch', group: `branch-${g}`, city, core: head.core, word: head.word, form: head.form, style: head.style,
        branch: `${city.short}分公司`, parent: head, domain: rnd.chance(0.5) ? domainOf(head.email) : null,
      });
    }
  }
  // Similar names in the same city, different companies (different valid USCCs, phones, addresses).
  for (let g = 1; g <= 30; g++) {
    const city = rnd.pick(CITIES);
    const a = add({ case: 'similar_name', group: `similar-${g}`, city });
    const how = rnd.weighted([[0.3, 'homophone_company'], [0.25, 'other_word'], [0.25, 'longer_word'], [0.2, 'one_char']]);
    const spec = { case: 'similar_name', group: `similar-${g}`, city, form: a.form };
    if (how === 'homophone_company' || how === 'one_char') {
      spec.word = a.word;
      spec.core = reg.unique(reg.cores, () => {
        const chars = [...a.core];
        const i = rnd.int(chars.length);
        const options = how === 'homophone_company' ? HOMOPHONES.get(chars[i]) : CHARS.map(([c]) => c).filter((c) => c !== chars[i]);
        chars[i] = options.length > 0 ? rnd.pick(options) : rnd.pick(CHARS)[0];
        return chars.join('');
      });
    } else {
      spec.core = a.core;
      spec.word = how === 'other_word'
        ? rnd.pick(WORDS.filter((w) => w.word !== a.word.word))
        : { ...a.word, word: rnd.pick(SIMILAR_WORDS.filter((w) => w !== a.word.word)) };
    }
    add(spec).similarHow = how;
  }
  // Regular companies.
  for (let i = 0; i < 240; i++) add({ case: 'regular', city: rnd.pick(CITIES) });
  return entities;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing a record the way one CRM user would

const toTraditional = (s) => [...s].map((c) => TRADITIONAL.get(c) ?? c).join('');
const FULL_DIGITS = '０１２３４５６７８９';
const fullWidthDigits = (s) => s.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]);

function composeName(e, o) {
  const core = o.core ?? e.core;
  const region = o.region ?? e.parentCity?.short ?? e.city.short;
  const form = o.form ?? e.form;
  const [open, close] = o.fullWidth ? ['（', '）'] : ['(', ')'];
  const sp = o.spaces ? ' ' : '';
  let s;
  if (o.style === 'none') s = `${core}${e.word.word}${sp}${form}`;
  else if (o.style === 'bracket' && form) s = `${core}${e.word.word}${open}${region}${close}${form}`;
  else s = `${region}${o.citySuffix ? '市' : ''}${sp}${core}${e.word.word}${sp}${form}`;
  if (e.branch) s += `${sp}${e.branch}`;
  return s.trim();
}

const NAME_VARIANTS = [
  [3, 'canonical'], [2, 'region_moved'], [1, 'fullwidth_brackets'], [2, 'no_region'], [1.5, 'no_legal_form'],
  [1, 'short_name'], [1.5, 'legal_form_swap'], [1.5, 'traditional'], [2, 'homophone'], [1, 'spaces'], [1, 'city_suffix'],
];
const STACKABLE = ['traditional', 'spaces', 'no_legal_form', 'homophone'];

/** The name as one copy writes it, and the variant labels applied. */
function writeName(rnd, reg, e, first) {
  const variants = first ? ['canonical'] : [rnd.weighted(NAME_VARIANTS.map(([w, v]) => [w, v]))];
  if (!first && variants[0] !== 'canonical' && rnd.chance(0.2)) {
    const extra = rnd.pick(STACKABLE.filter((v) => v !== variants[0]));
    variants.push(extra);
  }
  const o = { style: e.style };
  let traditional = false;
  for (const v of variants) {
    switch (v) {
      case 'region_moved': o.style = e.style === 'bracket' ? 'prefix' : 'bracket'; break;
      case 'fullwidth_brackets': o.style = 'bracket'; o.fullWidth = true; break;
      case 'no_region': o.style = 'none'; break;
      case 'no_legal_form': o.form = ''; if (o.style === 'bracket') o.style = 'prefix'; break;
      case 'short_name': o.style = 'none'; o.form = ''; break;
      case 'legal_form_swap': o.form = e.form === '有限公司' ? '有限责任公司' : '有限公司'; break;
      case 'traditional': traditional = true; break;
      case 'spaces': o.spaces = true; if (o.style === 'bracket') o.style = 'prefix'; break;
      case 'city_suffix': o.style = 'prefix'; o.citySuffix = true; break;
      case 'homophone': o.core = homophoneTypo(rnd, reg, e); break;
      default: break;
    }
  }
  const name = composeName(e, o);
  return { name: traditional ? toTraditional(name) : name, variant: variants.join('+') };
}

/**
 * One character of the trade name replaced by a homophone, never giving a trade name another entity uses or has
 * already mistyped into (entities sharing a trade name, namesakes and branches, may share typos).
 */
function homophoneTypo(rnd, reg, e) {
  const chars = [...e.core];
  const options = [];
  chars.forEach((c, i) => {
    for (const h of HOMOPHONES.get(c) ?? []) {
      const typo = [...chars.slice(0, i), h, ...chars.slice(i + 1)].join('');
      const owner = reg.typos.get(typo);
      if (!reg.cores.has(typo) && (owner === undefined || owner === e.core)) options.push(typo);
    }
  });
  if (options.length === 0) return e.core;
  const typo = rnd.pick(options);
  reg.typos.set(typo, e.core);
  return typo;
}

function writeMobile(rnd, m) {
  const [a, b, c] = [m.slice(0, 3), m.slice(3, 7), m.slice(7)];
  return rnd.weighted([[4, m], [1.5, `${a}-${b}-${c}`], [1.5, `${a} ${b} ${c}`], [1, `+86 ${a} ${b} ${c}`], [1, `+86-${m}`], [0.7, `86${m}`], [0.7, `(+86)${m}`]]);
}

function writeLandline(rnd, l) {
  const [area, local] = l.split('-');
  const half = local.length / 2;
  return rnd.weighted([
    [4, l], [1.5, `(${area})${local}`], [1, `${area} ${local.slice(0, half)} ${local.slice(half)}`], [1, `${area}${local}`],
    [1, `+86 ${area.slice(1)} ${local}`], [0.8, local], [0.7, `${area}-${local.slice(0, half)}-${local.slice(half)}`],
  ]);
}

function writeUscc(rnd, u) {
  return rnd.weighted([[8, u], [1, u.toLowerCase()], [1, `${u.slice(0, 6)} ${u.slice(6, 12)} ${u.slice(12)}`]]);
}

function writeAddress(rnd, e) {
  const street = `${e.road}${e.number}号${e.unit && rnd.chance(0.7) ? e.unit : ''}`;
  const prov = e.city.province === e.city.city ? '' : e.city.province;
  const s = rnd.weighted([
    [3, `${e.district[1]}${street}`], [2, `${e.city.city}${e.district[1]}${street}`], [1, `${prov}${e.city.city}${e.district[1]}${street}`],
    [1, street], [0.7, `${e.city.short}${e.district[1]}${street}`],
  ]);
  return rnd.chance(0.12) ? fullWidthDigits(s) : s;
}

function writeRegion(rnd, e) {
  const muni = e.city.province === e.city.city;
  const province = rnd.weighted([[6, e.city.province], [2, e.city.province.replace(/[省市]$/, '')], [2, '']]);
  const city = rnd.weighted([[6, e.city.city], [2, e.city.short], [muni ? 2 : 1, '']]);
  const district = rnd.chance(0.6) ? e.district[1] : '';
  return { province, city, district };
}

/** One record of entity e. `first` copies carry more fields; later copies drop some and vary the rest. */
function writeRecord(rnd, reg, e, first) {
  const { name, variant } = writeName(rnd, reg, e, first);
  const keep = (p) => rnd.chance(first ? Math.min(1, p + 0.2) : p);
  const region = writeRegion(rnd, e);
  const rec = {
    name,
    uscc: keep(e.case === 'similar_name' ? 0.65 : 0.5) ? writeUscc(rnd, e.uscc) : '',
    contact: rnd.weighted([[first ? 9 : 7.5, e.contact], [1.5, ''], [first ? 0 : 1, `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`]]),
    mobile: e.mobile && keep(0.7) ? writeMobile(rnd, e.mobile) : '',
    phone: e.landline && keep(0.6) ? writeLandline(rnd, e.landline) : '',
    email: keep(0.5) ? (rnd.chance(0.1) ? e.email.toUpperCase() : e.email) : '',
    ...region,
    address: keep(0.7) ? writeAddress(rnd, e) : '',
    industry: rnd.weighted([[5, e.word.industry], [2, e.word.alias], [3, '']]),
    variant,
    strong: new Set(),
  };
  if (rec.uscc) rec.strong.add('uscc');
  if (rec.mobile) rec.strong.add('mobile');
  if (rec.phone) rec.strong.add('phone');
  if (rec.email) rec.strong.add('email');
  return rec;
}

/** Gives a copy the entity's value for one strong field, written in the canonical way. */
function addStrong(rnd, e, rec, field) {
  if (field === 'uscc') rec.uscc = writeUscc(rnd, e.uscc);
  if (field === 'mobile') rec.mobile = writeMobile(rnd, e.mobile);
  if (field === 'phone') rec.phone = writeLandline(rnd, e.landline);
  if (field === 'email') rec.email = e.email;
  rec.strong.add(field);
}

function entityRecords(rnd, reg, e) {
  const n = copiesFor(rnd, e.case);
  const recs = [writeRecord(rnd, reg, e, true)];
  const available = ['uscc', 'mobile', 'phone', 'email'].filter((f) => (f === 'mobile' ? e.mobile : f === 'phone' ? e.landline : true));
  // The first copy carries at least two strong identifiers.
  while (recs[0].strong.size < 2) addStrong(rnd, e, recs[0], rnd.pick(available.filter((f) => !recs[0].strong.has(f))));
  for (let i = 1; i < n; i++) {
    if (rnd.chance(0.18)) {
      recs.push({ ...recs[rnd.int(recs.length)], variant: 'exact_copy', exact: true });
      continue;
    }
    const rec = writeRecord(rnd, reg, e, false);
    // Every copy shares at least one strong identifier with an earlier copy.
    const shared = [...rec.strong].some((f) => recs.some((r) => r.strong.has(f)));
    if (!shared) addStrong(rnd, e, rec, rnd.pick([...recs[0].strong]));
    recs.push(rec);
  }
  return recs;
}

// ---------------------------------------------------------------------------------------------------------------
// The set

const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvLine = (cells, eol) => cells.map((c) => csvCell(String(c))).join(',') + eol;

/** Builds the set in memory: { csv, labels, stats }. Same seed → same strings. */
export function makeChineseSet({ seed = DEFAULT_SEED } = {}) {
  const rnd = makeRandom(seed);
  const reg = new Registry(rnd);
  const entities = buildEntities(rnd, reg);
  for (const e of entities) if (e.parent) e.parentCity = e.parent.city;
  const rows = [];
  for (const e of entities) for (const rec of entityRecords(rnd, reg, e)) rows.push({ e, rec });
  rnd.shuffle(rows);

  // Customer codes: each row comes from one system; an exact copy from a different system than its original.
  const counters = SYSTEMS.map(() => 0);
  const systemsOf = new Map();
  for (const row of rows) {
    const used = systemsOf.get(row.e.id) ?? new Set();
    systemsOf.set(row.e.id, used);
    const free = SYSTEMS.map((_, i) => i).filter((i) => !used.has(i));
    const s = row.rec.exact && free.length > 0 ? rnd.pick(free) : rnd.int(SYSTEMS.length);
    used.add(s);
    row.system = SYSTEMS[s].name;
    row.sourceId = SYSTEMS[s].id(++counters[s] + 37 * (s + 1));
  }

  const eol = '\r\n';
  let csv = `\ufeff${csvLine(HEADER, eol)}`;
  let labels = `${LABEL_HEADER.join(',')}\n`;
  for (const { e, rec, system, sourceId } of rows) {
    csv += csvLine([sourceId, rec.name, rec.uscc, rec.contact, rec.mobile, rec.phone, rec.email, rec.province, rec.city, rec.district, rec.address, rec.industry, system], eol);
    labels += csvLine([sourceId, e.id, e.case, rec.variant], '\n');
  }
  return { csv, labels, stats: describeSet(entities, rows) };
}

function describeSet(entities, rows) {
  const byEntity = new Map();
  for (const r of rows) byEntity.set(r.e.id, (byEntity.get(r.e.id) ?? 0) + 1);
  const cases = {};
  for (const e of entities) {
    const c = (cases[e.case] ??= { entities: 0, records: 0, truePairs: 0 });
    const n = byEntity.get(e.id);
    c.entities++;
    c.records += n;
    c.truePairs += (n * (n - 1)) / 2;
  }
  const variants = {};
  for (const { rec } of rows) for (const v of rec.variant.split('+')) variants[v] = (variants[v] ?? 0) + 1;
  // Hard-negative record pairs: records of different entities in the same namesake / branch / similar group.
  const groups = new Map();
  for (const { e } of rows) if (e.group) groups.set(e.group, [...(groups.get(e.group) ?? []), e.id]);
  const hardNegatives = {};
  for (const [g, ids] of groups) {
    const kind = g.replace(/-\d+$/, '');
    let pairs = 0;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (ids[i] !== ids[j]) pairs++;
    hardNegatives[kind] = (hardNegatives[kind] ?? 0) + pairs;
  }
  const similarHow = {};
  for (const e of entities) if (e.similarHow) similarHow[e.similarHow] = (similarHow[e.similarHow] ?? 0) + 1;
  const field = (f) => rows.filter((r) => r.rec[f]).length;
  return {
    records: rows.length,
    entities: entities.length,
    truePairs: Object.values(cases).reduce((s, c) => s + c.truePairs, 0),
    clusterSizes: [...byEntity.values()].reduce((m, n) => ({ ...m, [n]: (m[n] ?? 0) + 1 }), {}),
    cases,
    variants,
    hardNegativePairs: hardNegatives,
    similarHow,
    filled: { uscc: field('uscc'), mobile: field('mobile'), phone: field('phone'), email: field('email'), address: field('address'), contact: field('contact') },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { seed: { type: 'string' }, 'out-dir': { type: 'string' }, check: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write('usage: node bench/quality/make-chinese-set.mjs [--seed N] [--out-dir DIR] [--check]\n');
    return 0;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`make-chinese-set: --seed must be an integer: ${values.seed}\n`);
    return 2;
  }
  const dir = values['out-dir'] ?? join(ROOT, 'fixtures', 'dedupe');
  const csvPath = join(dir, 'chinese-companies.csv');
  const labelsPath = join(dir, 'chinese-companies.labels.csv');
  const { csv, labels, stats } = makeChineseSet({ seed });
  if (values.check) {
    const same = (p, s) => {
      try {
        return readFileSync(p).equals(Buffer.from(s, 'utf8'));
      } catch {
        return false;
      }
    };
    const ok = same(csvPath, csv) && same(labelsPath, labels);
    process.stderr.write(`make-chinese-set: ${ok ? 'files match' : 'files DIFFER from'} seed ${seed}: ${relative(ROOT, csvPath)}, ${relative(ROOT, labelsPath)}\n`);
    return ok ? 0 : 1;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(csvPath, csv);
  writeFileSync(labelsPath, labels);
  process.stderr.write(`make-chinese-set: ${stats.records} records of ${stats.entities} entities, ${stats.truePairs} true pairs → ${relative(ROOT, csvPath)}\n`);
  process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
