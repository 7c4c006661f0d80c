// The synthetic CRM model: an entity (a real-world customer) is a pure function of (seed, entityId), and a row
// (one CRM record of that customer) is a pure function of (seed, rowIndex, entity). Nothing is kept per entity:
// duplicates just re-derive theirs, so memory stays flat (with a dup rate, the generator keeps one number per row
// to make sure no row repeats another's content).

import { between, chance, digits, hash32, int, pick, streamRng, weighted } from './prng.mjs';
import { isValidUscc, orgCodeCheckChar, usccCheckChar, USCC_CHARSET } from './uscc.mjs';
import {
  BRAND_CHARS, BRAND_PINYIN, BUILDINGS, FREE_MAIL, GIVEN, GRADES, HOMOPHONES, INDUSTRIES, MOBILE_PREFIXES,
  NOTES_MESSY, NOTES_PLAIN, REGIONS, STREETS, SURNAMES, TITLES, TRADES, TRADITIONAL,
} from './crm-vocab.mjs';

export const HEADER = [
  '客户编码', '客户名称', '统一社会信用代码', '联系人', '手机', '电话', '邮箱', '省份', '城市', '区县', '详细地址',
  '所属行业', '负责人', '客户级别', '年销售额', '创建时间', '最后跟进时间', '备注',
];
export const COLUMN = Object.fromEntries(HEADER.map((h, i) => [h, i]));

// Stream ids for streamRng: every decision family has its own stream so adding a draw in one place does not
// shift every other column.
const S_ENTITY = 1;
const S_ROW = 2;
const S_PLAN = 3;
const S_OWNERS = 4;
const S_RETRY = 5;

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2015, 0, 1);
const LAST_DAY = Math.round((Date.UTC(2025, 5, 30) - EPOCH) / DAY_MS);

// (province, brand1, brand2) is a bijection of the entity id (for the first COMBOS = 1.65M entities): two entities
// with the same brand are in different provinces, so no two canonical names are equal (every canonical name carries
// the city or province) and a dedupe benchmark can trust that equal canonical names mean the same entity.
const PROVINCES = [...new Set(REGIONS.map((r) => r.province))].map((p) => REGIONS.filter((r) => r.province === p));
const COMBOS = PROVINCES.length * BRAND_CHARS.length * BRAND_CHARS.length;
// Short trade words are the common ones in real registrations.
const TRADE_WEIGHTS = TRADES.map((t) => [t.word.length <= 2 ? 4 : t.word.length <= 3 ? 3 : t.word.length === 4 ? 2 : 1, t]);
const COMBO_STEP = 2_654_437; // coprime with COMBOS (whose prime factors are 2, 3, 5)
const MOBILE_STEP = 7_654_321; // coprime with 10^8: the first mobile number of each entity is unique too

const pad = (n, w) => String(n).padStart(w, '0');
const isCompanyLegal = (legal) => legal.endsWith('公司');

function person(rng) {
  const [surname, spy] = pick(rng, SURNAMES);
  const twoGiven = chance(rng, 0.65);
  const g1 = pick(rng, GIVEN);
  const g2 = twoGiven ? pick(rng, GIVEN) : null;
  return { name: surname + g1[0] + (g2 ? g2[0] : ''), surname, py: spy + g1[1] + (g2 ? g2[1] : ''), initials: spy[0] + g1[1][0] + (g2 ? g2[1][0] : '') };
}

/** The customer behind one or more rows. Pure in (seed, id). */
export function makeEntity(seed, id) {
  const rng = streamRng(seed, S_ENTITY, id);
  let x = (COMBO_STEP * (id % COMBOS) + (hash32(seed, 77) % COMBOS)) % COMBOS;
  const region = pick(rng, PROVINCES[x % PROVINCES.length]);
  x = Math.floor(x / PROVINCES.length);
  const trade = weighted(rng, TRADE_WEIGHTS);
  const b1 = x % BRAND_CHARS.length;
  const b2 = Math.floor(x / BRAND_CHARS.length);
  const brandIdx = [b1, b2];
  if (chance(rng, 0.12)) brandIdx.push(int(rng, BRAND_CHARS.length));
  const brand = brandIdx.map((b) => BRAND_CHARS[b]).join('');
  const brandPy = brandIdx.map((b) => BRAND_PINYIN[b]).join('');

  let legal = weighted(rng, [[65, '有限公司'], [14, '有限责任公司'], [6, '股份有限公司'], [3, '集团有限公司'], [5, 'small'], [7, 'factory']]);
  if (legal === 'factory') legal = trade.factory ? '厂' : '有限公司';
  if (legal === 'small') legal = trade.industry === 'trade' || trade.industry === 'materials' ? '商行' : trade.industry === 'software' || trade.industry === 'advertising' ? '工作室' : '经营部';
  const company = isCompanyLegal(legal);
  const style = !company ? 'prefix' : weighted(rng, [[65, 'prefix'], [22, 'bracket'], [8, 'branch'], [5, 'province']]);
  const branchOf = style === 'branch' ? REGIONS[(REGIONS.indexOf(region) + 4 + int(rng, REGIONS.length - 8)) % REGIONS.length] : null;
  const prefixForm = region.municipality ? (chance(rng, 0.6) ? 'short' : 'full') : chance(rng, 0.5) ? 'short' : 'full';

  // USCC: 9 + (1 company | 2 individual business) + district code + organisation code (8 + GB 11714 check) + check.
  const body = chance(rng, 0.55)
    ? 'MA' + Array.from({ length: 6 }, () => USCC_CHARSET[int(rng, USCC_CHARSET.length)]).join('')
    : String(between(rng, 1, 9)) + digits(rng, 7);
  const first17 = '9' + (company || legal === '厂' ? '1' : '2') + region.districtCode + body + orgCodeCheckChar(body);
  const uscc = first17 + usccCheckChar(first17);

  const contact = person(rng);
  const mobileSuffix = (MOBILE_STEP * (id % 100_000_000) + (hash32(seed, 78) % 100_000_000)) % 100_000_000;
  const mobiles = [];
  const nMobiles = weighted(rng, [[7, 0], [73, 1], [18, 2], [2, 3]]);
  for (let k = 0; k < nMobiles; k++) mobiles.push(pick(rng, MOBILE_PREFIXES) + (k === 0 ? pad(mobileSuffix, 8) : digits(rng, 8)));
  const tels = [];
  const nTels = weighted(rng, [[48, 0], [40, 1], [8, 2], [4, 'hotline']]);
  if (nTels === 'hotline') tels.push({ hotline: true, num: '400' + String(between(rng, 1, 9)) + digits(rng, 6) });
  else for (let k = 0; k < nTels; k++) tels.push({ area: region.areaCode, num: String(between(rng, 2, 8)) + digits(rng, 7), ext: chance(rng, 0.18) ? String(between(rng, 100, 8999)) : '' });

  const mailKind = weighted(rng, [[30, 'qq'], [40, 'free'], [30, 'corp']]);
  let email;
  if (mailKind === 'qq') email = `${between(rng, 10_000, 3_999_999_999)}@qq.com`;
  else if (mailKind === 'free') email = `${contact.py}${chance(rng, 0.6) ? between(rng, 1, 2005) : ''}@${weighted(rng, FREE_MAIL.map(([d, w]) => [w, d]))}`;
  else {
    const domain = `${brandPy}${pick(rng, ['', trade.domainWord, '-' + trade.domainWord])}${pick(rng, ['.com', '.cn', '.com.cn', '.net'])}`;
    email = `${pick(rng, [contact.py, contact.initials, 'sales', 'info', 'service', contact.py])}@${domain}`;
  }

  return {
    id, region, trade, brand, brandIdx, legal, company, style, branchOf, prefixForm,
    paren: chance(rng, 0.7) ? '（）' : '()',
    uscc, contact, title: pick(rng, TITLES), mobiles, tels, email,
    street: pick(rng, STREETS), houseNo: between(rng, 1, 1999), building: chance(rng, 0.6) ? pick(rng, BUILDINGS) : '',
    room: chance(rng, 0.65) ? `${between(rng, 1, 32)}${pad(between(rng, 1, 20), 2)}` : '',
    revenue: Math.round(10 ** (4.5 + rng() * 4.5) / 100) * 100,
    createdDay: int(rng, LAST_DAY - 200),
    industry: INDUSTRIES[trade.industry],
  };
}

// ---------------------------------------------------------------------------------------------- names

function regionPrefix(region, form) {
  if (form === 'province') return region.municipality ? region.city : region.provinceShort + region.cityShort;
  if (form === 'provinceOnly') return region.municipality ? region.cityShort : region.province;
  return form === 'full' ? region.city : region.cityShort;
}

/** Composes a company name from the entity and a description of how to write it. */
export function composeName(e, v) {
  const legal = v.dropLegal ? '' : v.legal;
  const core = e.brand + (v.short ? e.trade.short : e.trade.word);
  const open = v.paren[0];
  const close = v.paren[1];
  switch (v.style) {
    case 'branch':
      return v.dropRegion
        ? `${core}${legal}${e.region.cityShort}分公司`
        : `${regionPrefix(e.branchOf, v.prefixForm)}${core}${legal}${e.region.cityShort}分公司`;
    case 'bracket':
      return v.dropRegion ? core + legal : `${core}${open}${e.region.cityShort}${close}${legal}`;
    case 'none':
      return core + legal;
    case 'province':
      return v.dropRegion ? core + legal : regionPrefix(e.region, 'provinceOnly') + core + legal;
    default:
      return v.dropRegion ? core + legal : regionPrefix(e.region, v.prefixForm) + core + legal;
  }
}

const canonicalSpec = (e) => ({ style: e.style, prefixForm: e.prefixForm, legal: e.legal, paren: e.paren, dropLegal: false, dropRegion: false, short: false });
export const canonicalName = (e) => composeName(e, canonicalSpec(e));

const NAME_VARIATIONS = [
  [16, 'swapStyle'], [10, 'prefixForm'], [14, 'dropLegal'], [8, 'dropRegion'], [8, 'short'], [6, 'paren'],
  [7, 'legalAlt'], [5, 'traditional'], [8, 'homophone'], [6, 'space'], [4, 'province'],
];

function toTraditional(rng, s) {
  let out = '';
  for (const ch of s) out += TRADITIONAL.has(ch) && chance(rng, 0.75) ? TRADITIONAL.get(ch) : ch;
  return out;
}

function homophoneTypo(rng, e, name) {
  const candidates = e.brandIdx.map((b) => BRAND_CHARS[b]).filter((c) => HOMOPHONES.has(c));
  if (candidates.length === 0) return name;
  const ch = pick(rng, candidates);
  return name.replace(ch, pick(rng, HOMOPHONES.get(ch)));
}

/** A duplicate's name: one or two realistic edits of the canonical name (sometimes none; other fields differ). */
function variantName(rng, e) {
  const v = canonicalSpec(e);
  const post = [];
  const edits = weighted(rng, [[15, 0], [60, 1], [25, 2]]);
  for (let k = 0; k < edits; k++) {
    switch (weighted(rng, NAME_VARIATIONS)) {
      case 'swapStyle':
        if (v.style === 'prefix' && e.company) v.style = 'bracket';
        else if (v.style === 'bracket' || v.style === 'none' || v.style === 'province') v.style = 'prefix';
        else v.dropLegal = true;
        break;
      case 'prefixForm': v.prefixForm = v.prefixForm === 'short' ? 'full' : 'short'; break;
      case 'dropLegal': v.dropLegal = true; break;
      case 'dropRegion': v.dropRegion = true; break;
      case 'short': v.short = true; v.dropLegal = chance(rng, 0.7); break;
      case 'paren': v.paren = v.paren === '()' ? '（）' : '()'; if (v.style !== 'bracket' && e.company) v.style = 'bracket'; break;
      case 'legalAlt':
        v.legal = v.legal === '有限公司' ? '有限责任公司' : v.legal === '有限责任公司' ? '有限公司' : v.legal === '股份有限公司' ? '股份公司' : '公司';
        break;
      case 'province': v.prefixForm = 'province'; if (v.style !== 'branch') v.style = 'prefix'; break;
      default: post.push(weighted(rng, [[5, 'traditional'], [8, 'homophone'], [6, 'space']]));
    }
  }
  let name = composeName(e, v);
  for (const p of post) {
    if (p === 'traditional') name = toTraditional(rng, name);
    else if (p === 'homophone') name = homophoneTypo(rng, e, name);
    else {
      const at = name.indexOf(e.brand);
      name = at > 0 && chance(rng, 0.6) ? `${name.slice(0, at)} ${name.slice(at)}` : chance(rng, 0.5) ? `${name} ` : ` ${name}`;
    }
  }
  return name;
}

// ---------------------------------------------------------------------------------------------- phones

const FULLWIDTH_DIGITS = '０１２３４５６７８９';
const toFullwidth = (s) => s.replace(/[0-9]/g, (d) => FULLWIDTH_DIGITS[d.charCodeAt(0) - 48]);

function formatMobile(rng, m) {
  const a = m.slice(0, 3);
  const b = m.slice(3, 7);
  const c = m.slice(7);
  switch (weighted(rng, [[62, 0], [10, 1], [7, 2], [6, 3], [5, 4], [3, 5], [2, 6], [3, 7], [1, 8], [1, 9]])) {
    case 0: return m;
    case 1: return `${a} ${b} ${c}`;
    case 2: return `${a}-${b}-${c}`;
    case 3: return `+86 ${a}-${b}-${c}`;
    case 4: return `+86${m}`;
    case 5: return `86-${m}`;
    case 6: return `(+86)${m}`;
    case 7: return ` ${m} `;
    case 8: return toFullwidth(m);
    default: return `0${m}`;
  }
}

function formatLandline(rng, t) {
  if (t.hotline) {
    const n = t.num;
    return pick(rng, [`${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`, n, `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `${n.slice(0, 4)}-${n.slice(4)}`]);
  }
  const { area, num } = t;
  let s;
  switch (weighted(rng, [[40, 0], [10, 1], [4, 2], [8, 3], [8, 4], [8, 5], [4, 6], [3, 7]])) {
    case 0: s = `${area}-${num}`; break;
    case 1: s = `(${area})${num}`; break;
    case 2: s = `（${area}）${num}`; break;
    case 3: s = `${area} ${num.slice(0, 4)} ${num.slice(4)}`; break;
    case 4: s = `${area}${num}`; break;
    case 5: s = num; break;
    case 6: s = `+86 ${area.slice(1)} ${num}`; break;
    default: s = `86-${area.slice(1)}-${num}`;
  }
  if (t.ext && chance(rng, 0.85)) s += pick(rng, [` 转 ${t.ext}`, `-${t.ext}`, `转${t.ext}`, ` ext.${t.ext}`, `#${t.ext}`, `(分机${t.ext})`]);
  return s;
}

const MOBILE_JUNK = ['无', '暂无', '-', 'null', '见备注', '13800000000', '1381234567', '138123456789', '0', '未提供', 'N/A'];
const TEL_JUNK = ['无', '-', '0000-0000000', '12345678', '总机', '同手机', 'null', '/'];
const joinNumbers = (rng, parts, seps) => parts.join(pick(rng, seps));

function mobileCell(rng, e, dup) {
  let nums = e.mobiles;
  if (nums.length === 0) return { mobile: chance(rng, 0.3) ? pick(rng, MOBILE_JUNK) : '', moved: null };
  if (chance(rng, 0.02)) return { mobile: pick(rng, MOBILE_JUNK), moved: null };
  if (nums.length > 1 && chance(rng, dup ? 0.45 : 0.15)) {
    const drop = int(rng, nums.length);
    nums = nums.filter((_, k) => k !== drop);
  }
  if (chance(rng, dup ? 0.12 : 0.08)) return { mobile: '', moved: null };
  if (chance(rng, 0.04)) return { mobile: '', moved: formatMobile(rng, nums[0]) };
  const parts = nums.map((m) => formatMobile(rng, m));
  return { mobile: parts.length === 1 ? parts[0] : joinNumbers(rng, parts, ['/', '/', '；', '、', ',', ' ', ';']), moved: null };
}

function telCell(rng, e, dup, moved) {
  let tels = e.tels;
  if (chance(rng, 0.02)) return pick(rng, TEL_JUNK);
  if (tels.length > 1 && chance(rng, dup ? 0.4 : 0.1)) tels = [tels[int(rng, tels.length)]];
  if (tels.length === 0 || chance(rng, 0.25)) return moved ?? '';
  const parts = tels.map((t) => formatLandline(rng, t));
  if (moved) parts.push(moved);
  return parts.length === 1 ? parts[0] : joinNumbers(rng, parts, ['；', '、', ';', '/', ' ', '，']);
}

// ---------------------------------------------------------------------------------------------- other columns

function emailCell(rng, e, dup) {
  if (!chance(rng, dup ? 0.25 : 0.3)) return '';
  const m = e.email;
  switch (weighted(rng, [[90, 0], [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [2, 6], [2, 7], [1, 8]])) {
    case 0: return m;
    case 1: return m.replace(/\.com$/, '.con');
    case 2: return m.replace(/\.com$/, '.cm');
    case 3: return m.replace('@', '@@');
    case 4: return m.replace('@', '');
    case 5: return m.replace('.', ',');
    case 6: return m.toUpperCase();
    case 7: return ` ${m} `;
    default: return m.replace('@', '＠');
  }
}

function regionCells(rng, e) {
  const r = e.region;
  const mode = weighted(rng, [[52, 'columns'], [8, 'free'], [20, 'empty'], [10, 'partial'], [10, 'missing']]);
  if (mode === 'empty') return { cells: ['', '', ''], addressPrefix: 'full' };
  if (mode === 'missing') return { cells: ['', '', ''], addressPrefix: 'none' };
  if (mode === 'free') {
    const text = pick(rng, [r.provinceShort + r.cityShort + r.district, r.province + r.city + r.district, r.provinceShort + r.cityShort + r.districtShort, r.municipality ? r.cityShort + r.district : r.cityShort + r.district]);
    return { cells: [text, '', ''], addressPrefix: 'none' };
  }
  const province = mode === 'partial' ? '' : weighted(rng, [[55, r.province], [30, r.provinceShort], [8, r.provinceAbbr], [7, '']]);
  const city = r.municipality
    ? weighted(rng, [[70, r.city], [20, r.cityShort], [5, '市辖区'], [5, '']])
    : weighted(rng, [[70, r.city], [25, r.cityShort], [5, '']]);
  const district = weighted(rng, [[75, r.district], [10, r.districtShort], [15, '']]);
  return { cells: [province, city, district], addressPrefix: chance(rng, 0.15) ? 'city' : 'none' };
}

function addressCell(rng, e, prefix) {
  if (prefix !== 'full' && !chance(rng, 0.4)) return '';
  const r = e.region;
  let s = '';
  if (prefix === 'full') s = pick(rng, [r.province + r.city + r.district, r.provinceShort + r.cityShort + r.district, r.cityShort + r.district, r.municipality ? r.city + r.district : r.province + r.city + r.district]);
  else if (prefix === 'city') s = r.cityShort + r.district;
  s += e.street + e.houseNo + pick(rng, ['号', '号', '号', '#']);
  if (e.building && chance(rng, 0.8)) s += e.building;
  if (e.room && chance(rng, 0.8)) s += pick(rng, [`${e.room}室`, `${e.room}`, `${e.room.slice(0, -2)}楼${e.room}`, `${e.room.slice(0, -2)}F`]);
  return s;
}

function ownerCell(rng, owners) {
  if (!chance(rng, 0.8)) return '';
  const o = pick(rng, owners);
  return weighted(rng, [[88, o.name], [4, `${o.name}(销售${pick(rng, ['一', '二', '三'])}部)`], [5, o.py], [3, `${o.name}/${pick(rng, owners).name}`]]);
}

const YUAN = (n) => n.toLocaleString('en-US');
const trimZeros = (x) => String(Number(x.toFixed(2)));

function amountCell(rng, e) {
  if (!chance(rng, 0.35)) return '';
  const v = e.revenue;
  switch (weighted(rng, [[22, 0], [10, 1], [8, 2], [22, 3], [6, 4], [6, 5], [4, 6], [4, 7], [6, 8], [2, 9], [10, 10]])) {
    case 0: return `${trimZeros(v / 10_000)}万`;
    case 1: return `¥${YUAN(v)}.00`;
    case 2: return `￥${YUAN(v)}`;
    case 3: return String(v);
    case 4: return v >= 1e8 ? `${trimZeros(v / 1e8)}亿` : `${trimZeros(v / 10_000)}万元`;
    case 5: return `约${Math.round(v / 10_000)}万`;
    case 6: return `RMB ${v}`;
    case 7: return `${v}.00`;
    case 8: return YUAN(v);
    case 9: return pick(rng, ['未知', '-', '保密']);
    default: return `${trimZeros(v / 10_000)}`; // 万 implied by the column's habit — ambiguous on purpose
  }
}

function dateCell(rng, day) {
  const d = new Date(EPOCH + day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const hh = pad(between(rng, 8, 20), 2);
  const mi = pad(int(rng, 60), 2);
  switch (weighted(rng, [[22, 0], [15, 1], [10, 2], [8, 3], [32, 4], [6, 5], [4, 6], [3, 7]])) {
    case 0: return `${y}/${m}/${dd}`;
    case 1: return `${y}-${pad(m, 2)}-${pad(dd, 2)} ${hh}:${mi}`;
    case 2: return `${y}年${m}月${dd}日`;
    case 3: return `${y}${pad(m, 2)}${pad(dd, 2)}`;
    case 4: return `${y}-${pad(m, 2)}-${pad(dd, 2)}`;
    case 5: return `${y}/${pad(m, 2)}/${pad(dd, 2)} ${hh}:${mi}:${pad(int(rng, 60), 2)}`;
    case 6: return `${y}.${m}.${dd}`;
    default: return `${y}-${m}-${dd}`;
  }
}

function noteCell(rng) {
  if (!chance(rng, 0.15)) return '';
  if (chance(rng, 0.25)) return pick(rng, NOTES_MESSY);
  return chance(rng, 0.75) ? pick(rng, NOTES_PLAIN) : `${pick(rng, NOTES_PLAIN)}，${pick(rng, NOTES_PLAIN)}`;
}

function sourceIdCell(rng, i) {
  switch (weighted(rng, [[70, 0], [15, 1], [15, 2]])) {
    case 0: return `KH${pad(i + 1, 7)}`;
    case 1: return `CRM-${between(rng, 2015, 2024)}-${pad(i + 1, 7)}`;
    default: return String(100_000_000 + i);
  }
}

/** The sales reps of this CRM (seed-dependent, fixed for a file). */
export function makeOwners(seed) {
  const rng = streamRng(seed, S_OWNERS, 0);
  return Array.from({ length: 40 }, () => person(rng));
}

/**
 * One CSV row (as 18 strings) of entity e at row index i. `attempt` > 0 re-rolls a duplicate whose content
 * collided with an earlier row of the file.
 */
export function renderRow(seed, i, e, dup, owners, attempt = 0) {
  const rng = attempt === 0 ? streamRng(seed, S_ROW, i) : streamRng(seed, S_RETRY + attempt, i);
  const f = new Array(HEADER.length);
  f[0] = sourceIdCell(rng, i);
  f[1] = dup || attempt > 0 ? variantName(rng, e) : canonicalName(e);
  const u = rng();
  let usccValid = false;
  if (u < 0.97) {
    f[2] = e.uscc;
    usccValid = true;
  } else if (u < 0.985) {
    const wrong = USCC_CHARSET[(USCC_CHARSET.indexOf(e.uscc[17]) + 1 + int(rng, 30)) % 31];
    f[2] = e.uscc.slice(0, 17) + wrong;
  } else f[2] = '';
  const contact = dup && chance(rng, 0.15) ? person(rng) : e.contact;
  f[3] = weighted(rng, [[84, contact.name], [4, contact.surname + e.title], [4, `${contact.name}（${e.title}）`], [8, '']]);
  const { mobile, moved } = mobileCell(rng, e, dup);
  f[4] = mobile;
  f[5] = telCell(rng, e, dup, moved);
  f[6] = emailCell(rng, e, dup);
  const { cells, addressPrefix } = regionCells(rng, e);
  f[7] = cells[0];
  f[8] = cells[1];
  f[9] = cells[2];
  f[10] = addressCell(rng, e, addressPrefix);
  f[11] = chance(rng, 0.6) ? pick(rng, e.industry) : '';
  f[12] = ownerCell(rng, owners);
  f[13] = chance(rng, 0.5) ? pick(rng, GRADES) : '';
  f[14] = amountCell(rng, e);
  const created = dup ? Math.min(LAST_DAY - 1, e.createdDay + int(rng, 900)) : e.createdDay;
  f[15] = chance(rng, 0.92) ? dateCell(rng, created) : '';
  f[16] = chance(rng, 0.4) ? dateCell(rng, Math.min(LAST_DAY, created + int(rng, 700))) : '';
  f[17] = noteCell(rng);
  return { fields: f, usccValid };
}

/** Decides, row by row, which entity each row belongs to. Pure in (seed, i, entitiesSoFar). */
export function planRow(seed, i, dupRate, entitiesSoFar) {
  if (i === 0 || dupRate <= 0) return { dup: false, entityId: entitiesSoFar };
  const rng = streamRng(seed, S_PLAN, i);
  if (rng() >= dupRate) return { dup: false, entityId: entitiesSoFar };
  // Half the duplicates come from the recent past (the same campaign imported twice), half from anywhere earlier.
  const n = entitiesSoFar;
  const entityId = chance(rng, 0.5) ? n - 1 - int(rng, Math.min(n, 5000)) : int(rng, n);
  return { dup: true, entityId };
}

export { isValidUscc };
