// Dates and date-times as found in Chinese spreadsheets and CRM exports → ISO 8601 ('2024-01-05',
// '2024-01-05T14:22', '2024-01-05T14:22:33').
//
// Read: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日 (with 星期五 / (周五)), 20240105, 202401051422(33),
// ISO with T / Z / +08:00, Excel serials (45296 → 2024-01-05, 45296.5 → 2024-01-05T12:00), Unix seconds and
// milliseconds, English month names (Jan 5, 2024 / 5-Jan-2024), year-last dates in US (mdy) or European (dmy)
// order, and times '14:22', '14:22:33', '2:30 PM', '下午2:30', '14时22分', '下午2点半'.
//
// Choices:
// - Year-last dates: opts.order 'mdy' (the Zoho preset, MM/dd/yyyy) or 'dmy' decides. Without it, a part > 12
//   decides (13/05/2024 is d/m, 05/13/2024 is m/d); 05/05/2024 reads the same either way; otherwise
//   (05/06/2024) the date is `ambiguous_date`, status 'unresolved', value null. A declared order the value
//   contradicts (order 'mdy', 13/05/2024) is `invalid_date`: the column is not what the preset says.
// - Two-digit years (1/5/24 with an order, 24年1月5日) pivot at 50: 00–49 → 20xx, 50–99 → 19xx.
// - Values with a time zone (…Z, …+0800) and Unix timestamps are shown in China Standard Time (UTC+8, no DST),
//   the wall-clock time of the people who use this data; values without a zone are kept as written.
// - Excel serials are read only between 1950-01-01 (18264) and 2100-12-31 (73415); years must be 1900–2100.
// - A year and month without a day ('2024年1月', '2024-01') is `ambiguous_date`: any day of that month.
// - '0000-00-00' (a database's "no date") and words like 无 / N/A are empty, not invalid.
//
// Reason codes: invalid_date, ambiguous_date.
import type { FieldIssue, NormalizeStatus } from './types.js';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export interface DateResult {
  value: string | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
}

const CHINA_OFFSET_MINUTES = 8 * 60;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // serial 1 = 1900-01-01 once Excel's 1900-02-29 is skipped
const EXCEL_MIN = 18264; // 1950-01-01
const EXCEL_MAX = 73415; // 2100-12-31
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
const DAY_MS = 86_400_000;

const NO_VALUE = /^(?:无|暂无|没有|不详|未知|空|未填|n\/?a|none|null|nil|[-/.—_]+|0000-00-00(?:[ t]00:00(?::00)?(?:\.0+)?)?)$/i;
const WEEKDAY = /[(（]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]?|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\b\.?,?/gi;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/;
const CHINESE = /^(\d{4}|\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?\s*(.*)$/;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|t)(.*))?$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:\s+(.*))?$/;
const NAME_FIRST = /^([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})(?:\s+(.*))?$/;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})(?:\s+(.*))?$/;
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const TIME = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:[.,]\d+)?)?$/;
const TIME_CN = /^(\d{1,2})\s*[时点點](?:\s*(半|\d{1,2})\s*分?(?:\s*(\d{1,2})\s*秒)?)?$/;
const AMPM_SUFFIX = /^(.*?)\s*(am|pm|a\.m\.|p\.m\.)$/;
const AMPM_PREFIX = /^(am|pm)\s*(.*)$/;
const DAYPART_CN = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间)\s*(.*)$/;

interface Parts {
  y: number;
  m: number;
  d: number;
  time: Time | null;
}
interface Time {
  h: number;
  min: number;
  s: number | null;
}

/** A reading: parts, or a reason it failed. */
type Reading = Parts | { fail: 'invalid_date' | 'ambiguous_date'; why: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function twoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

/** Reads the time part after a date: '' → null, undefined → not a time. */
function readTime(raw: string): Time | null | undefined {
  let text = raw.trim();
  if (text === '') return null;
  let shift: 'am' | 'pm' | 'noon' | null = null;
  const cn = DAYPART_CN.exec(text);
  if (cn) {
    const part = cn[1] ?? '';
    shift = part === '中午' ? 'noon' : ['下午', '傍晚', '晚上', '夜里', '夜间'].includes(part) ? 'pm' : 'am';
    text = (cn[2] ?? '').trim();
  } else {
    const suffix = AMPM_SUFFIX.exec(text);
    const prefix = suffix ? null : AMPM_PREFIX.exec(text);
    if (suffix) {
      shift = (suffix[2] ?? '').startsWith('p') ? 'pm' : 'am';
      text = (suffix[1] ?? '').trim();
    } else if (prefix) {
      shift = prefix[1] === 'pm' ? 'pm' : 'am';
      text = (prefix[2] ?? '').trim();
    }
  }
  let h: number;
  let min: number;
  let s: number | null = null;
  const t = TIME.exec(text);
  const c = t ? null : TIME_CN.exec(text);
  const bareHour = t || c || !shift ? null : /^(\d{1,2})$/.exec(text);
  if (t) {
    h = Number(t[1]);
    min = Number(t[2]);
    if (t[3] !== undefined) s = Number(t[3]);
  } else if (c) {
    h = Number(c[1]);
    min = c[2] === undefined ? 0 : c[2] === '半' ? 30 : Number(c[2]);
    if (c[3] !== undefined) s = Number(c[3]);
  } else if (bareHour) {
    h = Number(bareHour[1]);
    min = 0;
  } else return undefined;
  if (shift === 'am' || shift === 'pm') {
    const english = AMPM_SUFFIX.test(raw.trim()) || AMPM_PREFIX.test(raw.trim());
    // '13:30 PM' happens (a 24-hour clock with a habit of adding PM): the hour already says it
    if (english && (h < 1 || (h > 12 && shift === 'am'))) return undefined;
    if (shift === 'pm' && h < 12) h += 12;
    if (shift === 'am' && h === 12) h = 0;
  } else if (shift === 'noon' && h < 11) h += 12;
  if (h > 23 || min > 59 || (s !== null && s > 59)) return undefined;
  return { h, min, s };
}

function withTime(y: number, m: number, d: number, rest: string | undefined): Reading {
  const time = readTime(rest ?? '');
  if (time === undefined) return { fail: 'invalid_date', why: `cannot read the time '${(rest ?? '').trim()}'` };
  return { y, m, d, time };
}

/** Shifts a UTC instant to China Standard Time parts. */
function chinaParts(utcMs: number, withSeconds: boolean): Parts {
  const t = new Date(utcMs + CHINA_OFFSET_MINUTES * 60_000);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    time: { h: t.getUTCHours(), min: t.getUTCMinutes(), s: withSeconds || t.getUTCSeconds() !== 0 ? t.getUTCSeconds() : null },
  };
}

function readNumber(text: string): Reading {
  const [whole = '', frac] = text.split('.');
  if (frac === undefined && whole.length === 8) {
    return { y: Number(whole.slice(0, 4)), m: Number(whole.slice(4, 6)), d: Number(whole.slice(6, 8)), time: null };
  }
  if (frac === undefined && (whole.length === 12 || whole.length === 14)) {
    const time = {
      h: Number(whole.slice(8, 10)),
      min: Number(whole.slice(10, 12)),
      s: whole.length === 14 ? Number(whole.slice(12, 14)) : null,
    };
    if (time.h > 23 || time.min > 59 || (time.s !== null && time.s > 59)) return { fail: 'invalid_date', why: 'impossible time' };
    return { y: Number(whole.slice(0, 4)), m: Number(whole.slice(4, 6)), d: Number(whole.slice(6, 8)), time };
  }
  if (frac === undefined && (whole.length === 10 || whole.length === 13)) {
    const ms = whole.length === 10 ? Number(whole) * 1000 : Number(whole);
    if (ms < Date.UTC(YEAR_MIN, 0, 1) || ms >= Date.UTC(YEAR_MAX + 1, 0, 1)) {
      return { fail: 'invalid_date', why: 'not a plausible timestamp' };
    }
    return chinaParts(ms, true);
  }
  const serial = Number(text);
  if (whole.length === 5 && serial >= EXCEL_MIN && serial < EXCEL_MAX + 1) {
    const days = Math.floor(serial);
    const seconds = Math.round((serial - days) * 86_400);
    const date = new Date(EXCEL_EPOCH_MS + days * DAY_MS + seconds * 1000);
    const time =
      frac === undefined || seconds === 0
        ? null
        : { h: date.getUTCHours(), min: date.getUTCMinutes(), s: date.getUTCSeconds() || null };
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), time };
  }
  return { fail: 'invalid_date', why: 'a number that is no date, Excel serial (1950–2100) or timestamp' };
}

function readIso(m: RegExpExecArray): Reading {
  const [, y, mo, d, h, min, s, zone] = m;
  const parts: Parts = {
    y: Number(y),
    m: Number(mo),
    d: Number(d),
    time: h === undefined ? null : { h: Number(h), min: Number(min), s: s === undefined ? null : Number(s) },
  };
  if (zone === undefined) return parts;
  const t = parts.time;
  if (t === null || !validDate(parts) || t.h > 23 || t.min > 59 || (t.s !== null && t.s > 59)) {
    return { fail: 'invalid_date', why: 'impossible date or time' };
  }
  let offset = 0;
  if (zone !== 'z') {
    const digits = zone.replace(':', '');
    offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')) * (digits.startsWith('-') ? -1 : 1);
  }
  const utc = Date.UTC(parts.y, parts.m - 1, parts.d, t.h, t.min, t.s ?? 0) - offset * 60_000;
  return chinaParts(utc, t.s !== null);
}

function resolveYearLast(a: number, b: number, y: number, order: DateOrder | undefined, raw: string): Reading {
  if (order === 'mdy' || order === 'dmy') {
    const [m, d] = order === 'mdy' ? [a, b] : [b, a];
    if (m > 12) return { fail: 'invalid_date', why: `'${raw}' is not a valid ${order === 'mdy' ? 'MM/dd/yyyy' : 'dd/MM/yyyy'} date` };
    return { y, m, d, time: null };
  }
  if (a === b || (a > 12 && b <= 12)) return { y, m: b, d: a, time: null };
  if (b > 12 && a <= 12) return { y, m: a, d: b, time: null };
  if (a > 12 && b > 12) return { fail: 'invalid_date', why: 'neither part can be a month' };
  return { fail: 'ambiguous_date', why: `month/day order unknown: ${y}-${pad(a)}-${pad(b)} or ${y}-${pad(b)}-${pad(a)}` };
}

function readText(text: string, order: DateOrder | undefined): Reading {
  if (NUMBER.test(text)) return readNumber(text);
  let m = ISO.exec(text);
  if (m) return readIso(m);
  m = CHINESE.exec(text);
  if (m) {
    const y = (m[1] ?? '').length === 2 ? twoDigitYear(Number(m[1])) : Number(m[1]);
    if (m[3] === undefined) {
      if ((m[4] ?? '').trim() !== '') return { fail: 'invalid_date', why: 'no day' };
      return { fail: 'ambiguous_date', why: `${y}-${pad(Number(m[2]))} has no day` };
    }
    return withTime(y, Number(m[2]), Number(m[3]), m[4]);
  }
  m = YEAR_FIRST.exec(text);
  if (m) return withTime(Number(m[1]), Number(m[3]), Number(m[4]), m[5]);
  m = YEAR_MONTH.exec(text);
  if (m) return { fail: 'ambiguous_date', why: `${m[1]}-${pad(Number(m[2]))} has no day` };
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const last = m[4] ?? '';
    let reading: Reading;
    if (last.length === 4) reading = resolveYearLast(a, b, Number(last), order, text);
    else if (order === 'ymd' || (order === undefined && a > 31)) reading = { y: twoDigitYear(a), m: b, d: Number(last), time: null };
    else if (order === 'mdy' || order === 'dmy') reading = resolveYearLast(a, b, twoDigitYear(Number(last)), order, text);
    else return { fail: 'ambiguous_date', why: 'two-digit year and no order given' };
    if ('fail' in reading) return reading;
    return withTime(reading.y, reading.m, reading.d, m[5]);
  }
  m = NAME_FIRST.exec(text);
  if (m && MONTHS[m[1] ?? ''] !== undefined) return withTime(Number(m[3]), MONTHS[m[1] ?? ''] ?? 0, Number(m[2]), m[4]);
  m = DAY_FIRST.exec(text);
  if (m && MONTHS[m[2] ?? ''] !== undefined) {
    const y = (m[3] ?? '').length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
    return withTime(y, MONTHS[m[2] ?? ''] ?? 0, Number(m[1]), m[4]);
  }
  return { fail: 'invalid_date', why: 'not a date' };
}

function validDate(p: Parts): boolean {
  return p.y >= YEAR_MIN && p.y <= YEAR_MAX && p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= daysInMonth(p.y, p.m);
}

function format(p: Parts): string {
  const date = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
  if (p.time === null) return date;
  const hm = `${date}T${pad(p.time.h)}:${pad(p.time.min)}`;
  return p.time.s === null ? hm : `${hm}:${pad(p.time.s)}`;
}

export function normalizeDate(raw: string | null | undefined, opts?: { order?: DateOrder; field?: string }): DateResult {
  const field = opts?.field ?? 'date';
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '' || NO_VALUE.test(trimmed)) return { value: null, status: 'empty', issues: [] };
  const text = trimmed.normalize('NFKC').toLowerCase().replace(WEEKDAY, ' ').replace(/\s+/g, ' ').trim();
  if (NO_VALUE.test(text)) return { value: null, status: 'empty', issues: [] };

  const reading = readText(text, opts?.order);
  const fail = (code: 'invalid_date' | 'ambiguous_date', why: string): DateResult => ({
    value: null,
    status: code === 'ambiguous_date' ? 'unresolved' : 'invalid',
    issues: [{ field, code, value: trimmed, message: `'${trimmed}': ${why}` }],
  });
  if ('fail' in reading) return fail(reading.fail, reading.why);
  if (reading.y < YEAR_MIN || reading.y > YEAR_MAX) return fail('invalid_date', `year ${reading.y} is outside ${YEAR_MIN}–${YEAR_MAX}`);
  if (!validDate(reading)) return fail('invalid_date', `${pad(reading.y, 4)}-${pad(reading.m)}-${pad(reading.d)} does not exist`);
  const t = reading.time;
  if (t !== null && (t.h > 23 || t.min > 59 || (t.s !== null && t.s > 59))) return fail('invalid_date', 'impossible time');
  const value = format(reading);
  return { value, status: value === trimmed ? 'unchanged' : 'normalized', issues: [] };
}
