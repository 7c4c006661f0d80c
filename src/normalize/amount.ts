// Money amounts as written in Chinese spreadsheets and CRM fields → a number of yuan.
//
// Read: 1234, 1,234.00, ¥1,234.00, ￥, RMB / CNY / 人民币 / 元 / 圆 / 块, full-width digits, 12.5万, 1.2亿, 3千,
// 5百万, 2千万, 1亿2000万, 3万5千, 1万2345, 50k, 5w (万), 1.5m (million), 1.2E+05 (Excel), Chinese numerals
// (五百万, 两千万, 壹仟贰佰叁拾肆元伍角陆分, …元整), negatives (-, −, 负, (1,234.00) in accounting style).
//
// Choices:
// - Decimal scaling is done on the digit string, so 12.5万 is exactly 125000 (no 124999.99999999999).
// - Thousands separators must group by three ('1,234,567'); '1,23' or '1.234,56' are not guessed at.
// - A bare number after a unit must fill the places below it: 1万2345 = 12345, but 2万5 (colloquially 25,000)
//   is refused rather than guessed.
// - Foreign currencies ($, US$, USD, HK$, €, 美元, 港币, …) are not converted: value null, `foreign_currency`.
//   '¥' is read as yuan (it is in Chinese data).
// - Approximations (约100万, 100万左右, 100多万, 1000万以上) keep the number but are `approximate_amount`, status
//   'unresolved': a person should confirm. Ranges (10-50万, 10万~50万) are `amount_range`, value null.
// - Percentages and anything else that is no amount: `invalid_amount`.
//
// Reason codes: invalid_amount, foreign_currency, approximate_amount, amount_range.
import type { FieldIssue, NormalizeStatus } from './types.js';

export interface AmountResult {
  value: number | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
}

const NO_VALUE = /^(?:无|暂无|没有|不详|未知|空|未填|n\/?a|none|null|nil|[-/.—_]+)$/i;
const FOREIGN = /us\$|usd|hk\$|hkd|nt\$|twd|s\$|sgd|eur|gbp|jpy|\$|€|£|美元|美金|港币|港元|港幣|欧元|歐元|英镑|日元|日圆|台币|新台币|新币/;
const YUAN_MARKS = /rmb|cny|人民币|¥|元整|元|圆整|圆|块钱|块|整/g;
const APPROX_PREFIX = /^(?:约合|约为|大约|大概|约|近|逾|超过|超)/;
const APPROX_SUFFIX = /(?:左右|上下|以上|以下|之间|多|余|\+)$/;
const APPROX_INFIX = /(\d)[多余](?=[万亿千百十kwm])/;
const RANGE = /[\d万亿千百kwm]\s*(?:-|~|至|到)\s*[\d一二两三四五六七八九十]/;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;

const UNITS: Record<string, number> = {
  万亿: 12,
  亿: 8,
  千万: 7,
  百万: 6,
  十万: 5,
  万: 4,
  w: 4,
  千: 3,
  k: 3,
  百: 2,
  m: 6,
  '': 0,
};
const PART = /(\d[\d,]*(?:\.\d+)?)(万亿|千万|百万|十万|亿|万|千|百|k|w|m)?/y;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const EXPONENT = /^(\d+(?:\.\d+)?)e([+-]?\d{1,3})$/;

const HANZI_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const HANZI_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const HANZI_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** integer part, then optionally 元 + 角 + 分 digits: 壹仟贰佰叁拾肆元伍角陆分 */
const YUAN_JIAO_FEN =
  /^([^元圆角分]*)(?:[元圆](?:([零壹贰叁肆伍陆柒捌玖一二三四五六七八九])角)?(?:([零壹贰叁肆伍陆柒捌玖一二三四五六七八九])分)?)?整?$/;
const HANZI_NUMBER = /^[零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億]+$/;

/** Multiplies a plain decimal string by 10^shift without floating-point drift. */
function scaleDecimal(decimal: string, shift: number): number {
  const [whole = '0', frac = ''] = decimal.split('.');
  if (shift >= 0) {
    const moved = frac.padEnd(shift, '0');
    return Number(`${whole}${moved.slice(0, shift)}.${moved.slice(shift) || '0'}`);
  }
  const padded = whole.padStart(-shift + 1, '0');
  return Number(`${padded.slice(0, shift)}.${padded.slice(shift)}${frac}`);
}

/** '12.5万', '1亿2000万', '3万5千', '1,234.00' → yuan; undefined when it is not such a number. */
function readArabic(text: string): number | undefined {
  const exp = EXPONENT.exec(text);
  if (exp) return scaleDecimal(exp[1] ?? '0', Number(exp[2]));
  let at = 0;
  let total = 0;
  let lastPower = Infinity;
  let previousUnit = '';
  while (at < text.length) {
    PART.lastIndex = at;
    const m = PART.exec(text);
    if (m === null) return undefined;
    const number = m[1] ?? '';
    const unit = m[2] ?? '';
    if (!GROUPED.test(number)) return undefined;
    const plain = number.replace(/,/g, '');
    const power = UNITS[unit] ?? 0;
    if (power >= lastPower) return undefined;
    if (unit === '' && lastPower !== Infinity) {
      // a bare tail after a unit must fill every place below it: 1万2345, not 2万5
      if (plain.includes('.') || plain.length !== lastPower || previousUnit === 'k' || previousUnit === 'm') return undefined;
    }
    total += scaleDecimal(plain, power);
    lastPower = power;
    previousUnit = unit;
    at = PART.lastIndex;
  }
  return at === 0 ? undefined : total;
}

function readHanziInteger(text: string): number | undefined {
  if (text === '') return 0;
  if (!HANZI_NUMBER.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    const d = HANZI_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = HANZI_SMALL[ch];
    if (small !== undefined) {
      section += (digit === 0 ? 1 : digit) * small;
      digit = 0;
      continue;
    }
    const big = HANZI_BIG[ch] ?? 1;
    section += digit;
    total = big === 1e8 ? (total + section) * big : total + section * big;
    section = 0;
    digit = 0;
  }
  return total + section + digit;
}

/** 五百万, 两千万, 壹仟贰佰叁拾肆元伍角陆分 (元 marks still in place). */
function readHanzi(text: string): number | undefined {
  const m = YUAN_JIAO_FEN.exec(text);
  if (m === null) return undefined;
  const yuan = readHanziInteger(m[1] ?? '');
  if (yuan === undefined || (m[1] === '' && m[2] === undefined && m[3] === undefined)) return undefined;
  const jiao = m[2] === undefined ? 0 : (HANZI_DIGITS[m[2]] ?? 0);
  const fen = m[3] === undefined ? 0 : (HANZI_DIGITS[m[3]] ?? 0);
  return yuan + scaleDecimal(`${jiao}${fen}`, -2);
}

export function normalizeAmount(raw: string | null | undefined, opts?: { field?: string }): AmountResult {
  const field = opts?.field ?? 'amount';
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '' || NO_VALUE.test(trimmed)) return { value: null, status: 'empty', issues: [] };
  const issue = (code: string, message: string): FieldIssue => ({ field, code, value: trimmed, message });

  let text = trimmed.normalize('NFKC').toLowerCase().replace(DASHES, '-').replace(/\s+/g, '');
  if (NO_VALUE.test(text)) return { value: null, status: 'empty', issues: [] };
  if (FOREIGN.test(text)) {
    return { value: null, status: 'unresolved', issues: [issue('foreign_currency', `'${trimmed}' is not in yuan; not converted`)] };
  }
  if (text.includes('%')) {
    return { value: null, status: 'invalid', issues: [issue('invalid_amount', `'${trimmed}' is a percentage, not an amount`)] };
  }

  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1] ?? '';
  }
  if (text.startsWith('负')) {
    negative = true;
    text = text.slice(1);
  }
  let approximate = false;
  if (APPROX_PREFIX.test(text)) {
    approximate = true;
    text = text.replace(APPROX_PREFIX, '');
  }
  // currency marks may sit on either side of the sign: -¥1,234 and ¥-1,234
  const hanziText = text.replace(/rmb|cny|人民币|¥/g, '').replace(APPROX_SUFFIX, ''); // keeps 元 for 元…角…分
  text = text.replace(YUAN_MARKS, '');
  if (APPROX_SUFFIX.test(text)) {
    approximate = true;
    text = text.replace(APPROX_SUFFIX, '');
  }
  if (APPROX_INFIX.test(text)) {
    approximate = true;
    text = text.replace(APPROX_INFIX, '$1');
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = negative !== text.startsWith('-');
    text = text.slice(1);
  }
  if (RANGE.test(text) && !DATE_LIKE.test(text)) {
    return { value: null, status: 'unresolved', issues: [issue('amount_range', `'${trimmed}' is a range, not one amount`)] };
  }

  let value = readArabic(text);
  if (value === undefined && !/\d/.test(text)) value = readHanzi(hanziText.replace(/^[-+负]/, ''));
  if (value === undefined || !Number.isFinite(value)) {
    return { value: null, status: 'invalid', issues: [issue('invalid_amount', `'${trimmed}' is not an amount`)] };
  }
  if (negative && value !== 0) value = -value;
  if (approximate) {
    return {
      value,
      status: 'unresolved',
      issues: [issue('approximate_amount', `'${trimmed}' is approximate; read as ${value}`)],
    };
  }
  return { value, status: String(value) === trimmed ? 'unchanged' : 'normalized', issues: [] };
}
