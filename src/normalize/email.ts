// E-mail addresses: trimmed, NFKC (full-width ＠ and letters), lower-cased, split when a cell holds several,
// checked for syntax, and checked for typos of the big mail domains. Typos are flagged with a suggestion,
// never fixed: 'qq.con' stays 'qq.con' until a person confirms.
//
// - `value` is the first valid address, `emails` all valid ones (deduplicated, in order). Addresses with a domain
//   typo are syntactically valid, so they stay in value/emails, with an `email_domain_typo` issue.
// - Display names and labels are dropped: '张三 <Zhang.San@QQ.com>', 'mailto:', '邮箱：'.
// - The IME full stop '。' inside an address is read as '.', like other full-width forms.
// - Status: 'empty' (nothing, or a "no value" word such as 无 / N/A), 'invalid' (some part is not an address),
//   'unresolved' (a domain typo), 'unchanged' (already one clean address), else 'normalized'.
//
// Reason codes: invalid_email, email_domain_typo.
import type { FieldIssue, NormalizeStatus } from './types.js';

const FIELD = 'email';

/** Big mail domains a typo is checked against, most used first: a tie goes to the earlier one. */
const TYPO_TARGETS = [
  'qq.com',
  '163.com',
  '126.com',
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'foxmail.com',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'yahoo.com',
  'aliyun.com',
  '139.com',
  '189.cn',
  'yeah.net',
  'icloud.com',
  'live.com',
] as const;

/** Real mail domains close to a target ('mail.com' is one edit from 'gmail.com'): never flagged. */
const KNOWN = new Set<string>([
  ...TYPO_TARGETS,
  'vip.qq.com',
  'vip.163.com',
  'vip.126.com',
  'vip.sina.com',
  'yahoo.com.cn',
  'yahoo.cn',
  '163.net',
  '188.com',
  'live.cn',
  'msn.com',
  'me.com',
  'mac.com',
  'mail.com',
  'email.com',
  'ymail.com',
  'gmx.com',
  'hotmail.co.uk',
  'hotmail.fr',
  '21cn.com',
  'tom.com',
  'wo.cn',
  '263.net',
  'sina.com.cn',
  'sohu.net',
]);

/** Last labels that are no TLD but a slip on '.com'. */
const COM_SLIPS = new Set(['con', 'cmo', 'ocm', 'comm', 'coom', 'cpm', 'xom', 'vom', 'cim', 'cok', 'c0m', 'coim', 'comn']);

const NO_VALUE = /^(?:无|暂无|没有|不详|未知|空|未填|n\/?a|none|null|nil|[-/.—_]+)$/i;
const HARD_SPLIT = /[;,，；、|/]+/;
const NON_ASCII = /[^\x00-\x7f]/;
const LABEL = /^(?:e-?mail|mailto|邮箱|电子邮件|电子邮箱|邮件|mail)\s*[:：]/i;
const LABEL_WORD = /^(?:e-?mail|mailto|mail|邮箱|电子邮件|电子邮箱|邮件)$/i;
const LOCAL = /^[a-z0-9!#$%&'*+=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/u;

/** Edit distance with adjacent transpositions (optimal string alignment): 'gmial' → 'gmail' is 1. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * cols + j] = v;
    }
  }
  return at(a.length, b.length);
}

/** The domain a typo was probably meant to be, or null. */
export function suggestDomain(domain: string): string | null {
  if (KNOWN.has(domain)) return null;
  const labels = domain.split('.');
  const last = labels[labels.length - 1] ?? '';
  if (COM_SLIPS.has(last)) {
    const fixed = [...labels.slice(0, -1), 'com'].join('.');
    return nearestKnown(fixed, 1) ?? fixed;
  }
  // '.cn' for '.com' and back ('189.com' → '189.cn', 'qq.cn' → 'qq.com', 'qq.com.cn' → 'qq.com')
  const stem = domain.replace(/\.(?:com\.cn|com|cn)$/, '');
  if (stem !== domain) {
    const swapped = TYPO_TARGETS.find((t) => t === `${stem}.com` || t === `${stem}.cn`);
    if (swapped !== undefined) return swapped;
  }
  return nearestKnown(domain, domain.length >= 9 ? 2 : 1);
}

function nearestKnown(domain: string, maxDistance: number): string | null {
  if (KNOWN.has(domain)) return domain;
  let best: string | null = null;
  let bestDistance = maxDistance + 1;
  for (const known of TYPO_TARGETS) {
    if (Math.abs(known.length - domain.length) > maxDistance) continue;
    const dist = editDistance(domain, known);
    if (dist < bestDistance) {
      best = known;
      bestDistance = dist;
    }
  }
  return best;
}

function isValidAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) return false;
  return TLD.test(labels[labels.length - 1] ?? '');
}

/**
 * Candidate addresses of a cell, in order. '<...>' contents win over the text around them; bracketed comments,
 * labels and Chinese words (names) are dropped. Other words stay glued to the address they touch, so
 * 'zhang san@qq.com' is one broken address, not a silently different 'san@qq.com'.
 */
function candidates(text: string): string[] {
  const bracketed = [...text.matchAll(/<([^<>]*)>/g)].map((m) => m[1] ?? '');
  const source = (bracketed.some((b) => b.includes('@')) ? bracketed.join(' ') : text).replace(/\([^()@]*\)/g, ' ');
  const out: string[] = [];
  for (const piece of source.split(HARD_SPLIT)) {
    const words: string[] = [];
    for (const raw of piece.split(/\s+/)) {
      const token = raw
        .replace(LABEL, '')
        .replace(/^["'[{]+|["'\]}.:]+$/g, '')
        .trim();
      if (token !== '' && !LABEL_WORD.test(token)) words.push(token);
    }
    let pending: string[] = [];
    let fromThisPiece = false;
    for (const word of words) {
      if (word.includes('@')) {
        out.push([...pending, word].join(' '));
        pending = [];
        fromThisPiece = true;
      } else if (!NON_ASCII.test(word)) pending.push(word);
    }
    if (pending.length > 0) {
      if (fromThisPiece) out[out.length - 1] += ' ' + pending.join(' ');
      else out.push(pending.join(' '));
    }
  }
  return out;
}

export function normalizeEmail(raw: string | null | undefined): {
  value: string | null;
  emails: string[];
  status: NormalizeStatus;
  issues: FieldIssue[];
} {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '' || NO_VALUE.test(trimmed)) return { value: null, emails: [], status: 'empty', issues: [] };
  const text = trimmed.normalize('NFKC').replace(/。/g, '.').toLowerCase();
  if (NO_VALUE.test(text)) return { value: null, emails: [], status: 'empty', issues: [] };

  const emails: string[] = [];
  const issues: FieldIssue[] = [];
  let invalid = false;
  let typo = false;
  const found = candidates(text);
  if (found.length === 0) {
    // only words ('见名片', '张三'): something was written, and it is no address
    const issue = { field: FIELD, code: 'invalid_email', value: trimmed, message: `'${trimmed}' is not an e-mail address` };
    return { value: null, emails: [], status: 'invalid', issues: [issue] };
  }
  for (const address of found) {
    if (!isValidAddress(address)) {
      invalid = true;
      const at = address.lastIndexOf('@');
      const dotless = at >= 0 ? TYPO_TARGETS.find((d) => d.replace(/\./g, '') === address.slice(at + 1)) : undefined;
      const hint = dotless === undefined ? '' : ` (did you mean ${address.slice(0, at)}@${dotless}?)`;
      issues.push({ field: FIELD, code: 'invalid_email', value: trimmed, message: `'${address}' is not a valid e-mail address${hint}` });
      continue;
    }
    const domain = address.slice(address.indexOf('@') + 1);
    const suggestion = suggestDomain(domain);
    if (suggestion !== null) {
      typo = true;
      const local = address.slice(0, address.indexOf('@'));
      issues.push({
        field: FIELD,
        code: 'email_domain_typo',
        value: trimmed,
        message: `domain '${domain}' looks like a typo of '${suggestion}' (did you mean ${local}@${suggestion}?); kept as written`,
      });
    }
    if (!emails.includes(address)) emails.push(address);
  }
  const value = emails[0] ?? null;
  let status: NormalizeStatus;
  if (invalid) status = 'invalid';
  else if (typo) status = 'unresolved';
  else if (value === null) status = 'empty';
  else status = emails.length === 1 && value === trimmed ? 'unchanged' : 'normalized';
  return { value, emails, status, issues };
}
