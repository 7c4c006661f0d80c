// Customer names: one cleaned name, and for companies the parts that dedupe compares (NOTES.md §5).
//
//   name       NFKC (full width → half width), control and zero-width characters dropped, brackets unified to
//              ASCII (), spaces collapsed and dropped next to Han characters, traditional → simplified (opencc-js,
//              hk → cn, characters only: 台湾积体电路 stays, it is not rewritten into 集成电路).
//   branch     a branch suffix (分公司, 分行, 支行, 办事处, 代表处, 营业部, 分店, ... 'Shanghai Branch') whose head
//              office can be told apart; parentName is the head office as written. A branch is its own legal
//              entity, so it is linked to the parent, never folded into it.
//   legalForm  有限公司 / 股份有限公司 / (集团)有限公司 / 集团 / (有限合伙) / Co., Ltd. / Inc. ..., as written.
//   region     a division in brackets (某某科技(上海)有限公司) or leading the name (深圳市南山区某某), unless what
//              follows is a bare industry word: in 北京银行, 中山大学, 青岛啤酒 the place is part of the name.
//   nameCore   what is left: the trade name and industry word ('腾讯科技'), the distinctive key for blocking.
//   pinyinKey  pinyin of nameCore without tones or separators (pinyin-pro), Latin letters and digits kept.
//
// customerType comes from, strongest first: a legal form or branch in the name (company), hints.customerType
// (个人/自然人/individual… or 企业/公司/单位/company…), a USCC (company), an ID number (individual), then the
// name's shape (see name-person.ts). Evidence that disagrees is reported as `customer_type_conflict`. A 个体工商户
// trading under a shop name (张三五金店) is a company: it is a market entity with its own USCC (category 92), and
// its name is matched like a company's. Names that only hint at a person (张先生) stay individuals.
//
// Issues (field 'name'): `name_has_placeholder` (测试, test, xxx, 无, -, 未知, 张三, 某某公司, a bare 有限公司:
// status invalid, all parts null), `name_has_note` (a note such as (已注销) was cut from the end),
// `customer_type_conflict` (see above; the stronger evidence wins), `name_too_long` (over 150 characters: cleaned,
// not taken apart).
import { Converter } from 'opencc-js/t2cn';
import { isIndustryTerm } from './industry.js';
import { isLegalFormOnly, isPlaceholder, splitBranch, splitLegalForm, splitNote } from './name-forms.js';
import { hasCompanyWord, joinPersonName, looksLikePerson, personCore } from './name-person.js';
import { toPinyinKey } from './name-pinyin.js';
import { leadingEnglishRegion, leadingRegion, regionLengthAt, wholeRegion } from './name-region.js';
import type { RegionSpan } from './name-region.js';
import type { FieldIssue, NormalizeStatus } from './types.js';

export interface NameResult {
  /** Cleaned full name. */
  name: string | null;
  /** The distinctive core: legal form, branch suffix and leading or bracketed region removed. */
  nameCore: string | null;
  /** Legal form as found: 有限公司, 股份有限公司, (集团)有限公司, Co., Ltd., Inc. ... */
  legalForm: string | null;
  /** Region split off the name, as written ('上海', '深圳市南山区', 'Shenzhen'), and its GB/T 2260 code. */
  region: string | null;
  regionCode: string | null;
  /** Branch suffix, e.g. '上海分公司', '北京海淀支行'. */
  branch: string | null;
  /** For a branch: the head-office name (text before the branch suffix, cleaned). */
  parentName: string | null;
  customerType: 'company' | 'individual' | null;
  /** Pinyin of nameCore, no tones, no separators: a blocking key. */
  pinyinKey: string | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
}

export interface NameHints {
  customerType?: string | null;
  uscc?: string | null;
  idNumber?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

type CustomerType = 'company' | 'individual';

const FIELD = 'name';

const INDIVIDUAL_WORDS = new Set([
  '个人', '自然人', '个人客户', '个人用户', '私人', '散客', '消费者', 'c端', 'individual', 'person', 'personal', 'private',
  'consumer', 'b2c', 'contact', 'people', 'natural person',
]);
const COMPANY_WORDS = new Set([
  '企业', '公司', '单位', '机构', '组织', '企业客户', '公司客户', '机构客户', '法人', '商户', '个体户', '个体工商户',
  '政府', '事业单位', '团体', 'b端', 'company', 'corporate', 'corporation', 'business', 'organization',
  'organisation', 'enterprise', 'b2b', 'account', 'org', 'firm',
]);

const USCC = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;
const ID_NUMBER = /^(?:\d{15}|\d{17}[\dX])$/;

// ---------------------------------------------------------------------------------------------------------------
// Cleaning

interface Simplifier {
  convert: (text: string) => string;
  /** Characters (0x3400–0x9fff) opencc changes on their own: 1 changed, 2 unchanged, 0 not looked at yet. Text
   *  without any of them is left alone (faster); each character is looked at when first met. */
  changed: Uint8Array;
}
let simplifier: Simplifier | null = null;

function loadSimplifier(): Simplifier {
  simplifier ??= { convert: Converter({ from: 'hk', to: 'cn' }), changed: new Uint8Array(0x10000) };
  return simplifier;
}

function simplify(text: string): string {
  const { convert, changed } = loadSimplifier();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c > 0x9fff) return convert(text);
    if (changed[c] === 0) {
      const ch = String.fromCharCode(c);
      changed[c] = convert(ch) !== ch ? 1 : 2;
    }
    if (changed[c] === 1) return convert(text);
  }
  return text;
}

/** What the replacements of cleanName() act on: text without any of it (most names) skips them. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\u200b-\u200f\u2060[\]【〔〖】〕〗\s]|\(\(|\)\)/u;

/** Characters opencc might change (the BMP from Extension A on). */
const MAY_SIMPLIFY = /[\u3400-\uffff]/u;

/**
 * raw.normalize('NFKC'), without the call for the usual name: ASCII and CJK unified ideographs are left as they are
 * by NFKC (no decomposition, nothing composes with them), full-width brackets become ASCII ones.
 */
function toNfkc(raw: string): string {
  let brackets = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if (c !== 0xff08 && c !== 0xff09) return raw.normalize('NFKC');
    brackets = true;
  }
  return brackets ? raw.replaceAll('（', '(').replaceAll('）', ')') : raw;
}

/** NFKC, no control or zero-width characters, ASCII brackets, tidy spaces, simplified characters. */
export function cleanName(raw: string): string {
  let text = toNfkc(raw);
  if (NEEDS_CLEANING.test(text)) {
    text = text
      .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '')
      .replace(/[[【〔〖]/g, '(')
      .replace(/[\]】〕〗]/g, ')')
      .replace(/\s+/g, ' ')
      .trim();
    // No spaces next to Han characters or inside brackets: '腾讯 科技 ( 深圳 )' → 腾讯科技(深圳).
    text = text.replace(/ (?=[\u2e80-\u9fff\uf900-\ufaff])|(?<=[\u2e80-\u9fff\uf900-\ufaff]) /gu, '');
    text = text.replace(/\( /g, '(').replace(/ \)/g, ')');
    text = text.replace(/\(\(+/g, '(').replace(/\)\)+/g, ')');
  }
  return MAY_SIMPLIFY.test(text) ? simplify(text) : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Company parts

interface CompanyParts {
  nameCore: string;
  legalForm: string | null;
  region: RegionSpan | null;
  branch: string | null;
  parentName: string | null;
  note: string | null;
}

/** Names longer than this are cleaned but not taken apart (the longest registered names have about 60). */
const MAX_NAME_LENGTH = 150;

function unparsed(name: string): CompanyParts {
  return { nameCore: tidyCore(name), legalForm: null, region: null, branch: null, parentName: null, note: null };
}

/**
 * Company parts of a cleaned name. Not cached: the names of an import are nearly all distinct (a duplicate customer
 * is usually spelled differently), and a cache of them cost more in garbage collection than its hits saved.
 */
function splitCompany(name: string): CompanyParts {
  let text = name;
  const note = splitNote(text);
  if (note) text = note.rest;
  const branch = splitBranch(text, regionLengthAt);
  const body = branch ? branch.parent : text;
  const legal = splitLegalForm(body);
  let rest = legal ? legal.rest : body;

  let region: RegionSpan | null = null;
  // A bracketed region: 腾讯科技(深圳), Tencent Technology (Shenzhen). (中国) is a country, dropped from the core.
  if (rest.includes('(')) {
    for (const match of rest.matchAll(/\s?\(([^()]+)\)/g)) {
      const inner = (match[1] ?? '').trim();
      if (inner === '中国' || /^china$/i.test(inner)) {
        rest = rest.slice(0, match.index) + rest.slice(match.index + match[0].length);
        break;
      }
      const span = wholeRegion(inner);
      if (span) {
        region = span;
        rest = rest.slice(0, match.index) + rest.slice(match.index + match[0].length);
        break;
      }
    }
  }
  if (!region) {
    const first = rest.charCodeAt(0);
    const lead = first >= 0x4e00 && first <= 0x9fff ? leadingRegion(rest) : leadingEnglishRegion(rest);
    if (lead) {
      const remainder = rest.slice(lead.text.length).replace(LEADING_SEPARATORS, '');
      if (isTradeName(remainder)) {
        region = lead;
        rest = remainder;
      }
    }
  }
  const nameCore = tidyCore(rest) || tidyCore(body) || name;
  return {
    nameCore,
    legalForm: legal?.part ?? null,
    region,
    branch: branch?.branch ?? null,
    parentName: branch?.parent ?? null,
    note: note?.part ?? null,
  };
}

/**
 * What follows a leading region must be a name of its own: not just an industry word (北京 + 银行, 上海 + 电气),
 * and not a public institution, whose place is part of its identity (上海交通大学, 深圳市人民医院, 街道办事处).
 */
function isTradeName(remainder: string): boolean {
  const compact = remainder.replace(SPACES_AND_BRACKETS, '');
  if (compact.length < 2) return false;
  if (LATIN_WORD.test(compact)) return !ENGLISH_GENERIC.has(compact.toLowerCase()) && !isIndustryTerm(remainder);
  if (INSTITUTION_END.test(compact)) return false;
  return !GENERIC_REMAINDERS.has(compact) && !isIndustryTerm(remainder);
}

const LEADING_SEPARATORS = /^[\s,.-]+/;
const SPACES_AND_BRACKETS = /[\s()]/g;
const LATIN_WORD = /^[a-z]+$/i;

/** Words that make up a whole name after a place: 北京城建, 上海日报, 广州地铁. */
const GENERIC_REMAINDERS = new Set([
  '日报', '晚报', '电视台', '广播电视台', '地铁', '机场', '港务', '公交', '城投', '城建', '国投', '交投', '水务', '燃气',
  '国资', '国际', '市场', '中心', '商会', '协会', '大厦', '宾馆', '饭店', '大酒店', '酒店', '商场', '百货', '农商行',
  '农商银行', '村镇银行', '分公司',
]);

const INSTITUTION_END = /(?:大学|学院|中学|小学|学校|幼儿园|医院|卫生院|研究院|研究所|图书馆|博物馆|人民政府|政府|委员会|办事处|管理局|局)$/u;

/** Single English words that are an industry, not a name, after a place: 'Shanghai Electric'. */
const ENGLISH_GENERIC = new Set([
  'electric', 'bank', 'airlines', 'airline', 'motors', 'motor', 'steel', 'pharmaceutical', 'pharmaceuticals', 'telecom',
  'electronics', 'power', 'gas', 'water', 'securities', 'insurance', 'media', 'metro', 'airport', 'port', 'university',
  'hospital', 'daily', 'television', 'tv', 'radio', 'brewery', 'beer', 'automotive', 'shipping', 'chemical', 'chemicals',
]);

/** What tidyCore() removes or rewrites: text without any of it is already tidy. */
const UNTIDY = /[\s().·・、,，。'"“”‘’「」『』]/u;

function tidyCore(text: string): string {
  if (!UNTIDY.test(text)) return text;
  return text
    .replace(/\(\s*\)/g, '')
    .replace(/[·・、,，。'"“”‘’「」『』]/g, '')
    .replace(/\.(?![A-Za-z0-9])|(?<![A-Za-z0-9])\./g, '') // keep the dot of Amazon.com, drop stray ones
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Customer type

/** A piece of evidence for the customer type; what it says is only spelled out for a conflict report. */
interface Evidence {
  source: 'form' | 'hint' | 'uscc' | 'id';
  type: CustomerType;
}

const FORM_EVIDENCE: Evidence = { source: 'form', type: 'company' };
const HINT_EVIDENCE: Record<CustomerType, Evidence> = {
  company: { source: 'hint', type: 'company' },
  individual: { source: 'hint', type: 'individual' },
};
const USCC_EVIDENCE: Evidence = { source: 'uscc', type: 'company' };
const ID_EVIDENCE: Evidence = { source: 'id', type: 'individual' };

function differing(evidence: Evidence | null, chosen: Evidence): Evidence | null {
  return evidence && evidence.type !== chosen.type ? evidence : null;
}

/** A USCC, possibly full width or padded (a value already in shape skips the normalising copy). */
function isUscc(value: string | null | undefined): boolean {
  return !!value && (USCC.test(value) || USCC.test(value.normalize('NFKC').trim().toUpperCase()));
}

function isIdNumber(value: string | null | undefined): boolean {
  return !!value && (ID_NUMBER.test(value) || ID_NUMBER.test(value.normalize('NFKC').trim().toUpperCase()));
}

function describeEvidence(evidence: Evidence, parts: CompanyParts, hints: NameHints | undefined): string {
  switch (evidence.source) {
    case 'form':
      return parts.legalForm ? `legal form "${parts.legalForm}"` : `branch "${parts.branch ?? ''}"`;
    case 'hint':
      return `customer type "${hints?.customerType ?? ''}"`;
    case 'uscc':
      return 'USCC';
    case 'id':
      return 'ID number';
  }
}

function typeFromHint(hint: string | null | undefined): CustomerType | null {
  if (!hint) return null;
  const text = hint.normalize('NFKC').trim().toLowerCase();
  if (!text) return null;
  if (INDIVIDUAL_WORDS.has(text)) return 'individual';
  if (COMPANY_WORDS.has(text)) return 'company';
  return null;
}

function decideType(
  parts: CompanyParts,
  name: string,
  hints: NameHints | undefined,
  builtFromParts: boolean,
): { type: CustomerType | null; conflict: string | null } {
  // Strongest first: a legal form or branch, the customer-type hint, a USCC, an ID number.
  const form = parts.legalForm || parts.branch ? FORM_EVIDENCE : null;
  const hinted = typeFromHint(hints?.customerType);
  const hint = hinted ? HINT_EVIDENCE[hinted] : null;
  const uscc = isUscc(hints?.uscc) ? USCC_EVIDENCE : null;
  const id = isIdNumber(hints?.idNumber) ? ID_EVIDENCE : null;

  const chosen = form ?? hint ?? uscc ?? id;
  if (chosen) {
    const other = differing(form, chosen) ?? differing(hint, chosen) ?? differing(uscc, chosen) ?? differing(id, chosen);
    const conflict = other
      ? `${describeEvidence(chosen, parts, hints)} says ${chosen.type}, ${describeEvidence(other, parts, hints)} says ${other.type}`
      : null;
    return { type: chosen.type, conflict };
  }
  if (builtFromParts) return { type: 'individual', conflict: null };
  if (looksLikePerson(name)) return { type: 'individual', conflict: null };
  // Not person-shaped: 3+ Han characters (拼多多, 滴滴出行), a company word, or an ampersand (Johnson & Johnson).
  const han = name.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  if (hasCompanyWord(name) || han >= 3 || /&/.test(name)) return { type: 'company', conflict: null };
  return { type: null, conflict: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

function issue(value: string, code: string, message: string): FieldIssue {
  return { field: FIELD, code, value, message };
}

const EMPTY: NameResult = {
  name: null,
  nameCore: null,
  legalForm: null,
  region: null,
  regionCode: null,
  branch: null,
  parentName: null,
  customerType: null,
  pinyinKey: null,
  status: 'empty',
  issues: [],
};

/** Cleans a customer name and splits a company name into core, legal form, region and branch. Pure. */
export function normalizeName(raw: string | null | undefined, hints?: NameHints): NameResult {
  const rawText = raw ?? '';
  let name = cleanName(rawText);
  let builtFromParts = false;
  if (!name) {
    const joined = joinPersonName(cleanName(hints?.firstName ?? ''), cleanName(hints?.lastName ?? ''));
    if (!joined) return { ...EMPTY, customerType: typeFromHint(hints?.customerType), issues: [] };
    name = joined;
    builtFromParts = true;
  }
  const value = builtFromParts ? name : rawText;

  if (isPlaceholder(name) || isLegalFormOnly(name)) {
    return {
      ...EMPTY,
      status: 'invalid',
      issues: [issue(value, 'name_has_placeholder', `"${value}" is a placeholder, not a customer name`)],
    };
  }

  // Longer text is not a name (concatenated fields, pasted notes): it is cleaned but not taken apart.
  const tooLong = name.length > MAX_NAME_LENGTH;
  const parts = tooLong ? unparsed(name) : splitCompany(name);
  const { type, conflict } = decideType(parts, name, hints, builtFromParts);
  const issues: FieldIssue[] = [];
  if (tooLong) issues.push(issue(value, 'name_too_long', `${name.length} characters; not split into parts`));
  if (conflict) issues.push(issue(value, 'customer_type_conflict', conflict));

  if (type === 'individual' && !parts.legalForm && !parts.branch) {
    const person = personCore(name);
    return {
      name,
      nameCore: person,
      legalForm: null,
      region: null,
      regionCode: null,
      branch: null,
      parentName: null,
      customerType: 'individual',
      pinyinKey: toPinyinKey(person, true),
      status: builtFromParts || name !== rawText ? 'normalized' : 'unchanged',
      issues,
    };
  }

  if (isPlaceholder(parts.nameCore)) {
    return {
      ...EMPTY,
      status: 'invalid',
      issues: [issue(value, 'name_has_placeholder', `"${value}" is a placeholder, not a customer name`)],
    };
  }
  if (parts.note) {
    issues.push(issue(value, 'name_has_note', `note "${parts.note}" cut from the end of the name`));
    name = name.slice(0, name.lastIndexOf(parts.note)).replace(/[\s(\-_—~/|]+$/u, '');
  }
  return {
    name,
    nameCore: parts.nameCore,
    legalForm: parts.legalForm,
    region: parts.region?.text ?? null,
    regionCode: parts.region?.code ?? null,
    branch: parts.branch,
    parentName: parts.parentName,
    customerType: type,
    pinyinKey: toPinyinKey(parts.nameCore, false),
    status: builtFromParts || name !== rawText ? 'normalized' : 'unchanged',
    issues,
  };
}
