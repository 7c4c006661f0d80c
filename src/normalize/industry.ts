// Industry classification: maps whatever people type into a CRM "industry" field to a GB/T 4754-2017 code (with
// amendment No.1, 2019): 20 门类 (sections, 'C') / 97 大类 ('C39') / 473 中类 ('C391') / 1,382 小类 ('C3911').
//
// Accepted input, tried in this order:
//   1. a code, with or without its section letter: 'I65', '65', 'I 65', '6513', 'C'. A letter that does not own the
//      digits ('A65') or a code the standard does not have ('6510', 'X') is `invalid_industry_code`.
//   2. an official name at any level, exactly or folded (full width, spaces, 和/及/、, trailing 业/行业/服务 ...).
//   3. an alias or keyword from the hand-made table in industry-aliases.ts (Chinese, and the English industry
//      picklists of Salesforce / HubSpot / Zoho).
//   4. a code next to a label ('65-软件和信息技术服务业', '6513 应用软件开发', '软件业(I65)'): the code wins when the
//      label agrees with it; a label that names another industry is `industry_code_name_mismatch`.
//   5. lists and paths: 'IT/互联网', '金融、保险', '制造业 > 汽车'. A list means the union, so it resolves to the
//      closest common ancestor; a path (>, →, -) narrows, so it resolves to its deepest consistent step.
//   6. compounds, read head last as Chinese (and English) compounds are: the text must end with a known word
//      (fillers such as 公司/服务/科技 aside); unknown text before it only narrows it ('精密模具制造' → 3525,
//      '少儿编程培训' → 839) unless it negates it ('非金融'); known words before it combine with it ('汽车制造' →
//      C36, 'IT互联网' → I) and words in different sections are `ambiguous_industry` ('互联网金融').
// Anything else is `unknown_industry`, placeholders (无, -, 未知) included, and so is a list with an unknown member
// (it could lie anywhere). The module never guesses: when the text only justifies a section, the
// result is the section. Results are memoized by raw text.
//
// The table file keeps three merged-cell glitches of its source; they are corrected here, at load time:
// 8052 → 足浴服务, 9051 → 文化活动服务, 中类 905 → 文化体育娱乐活动与经纪代理服务 (see src/normalize/tables/README.md).
import { distance } from 'fastest-levenshtein';
import { INDUSTRY_ALIAS_TABLE } from './industry-aliases.js';
import { readTable } from './tables.js';
import type { FieldIssue, NormalizeStatus } from './types.js';

export interface IndustryResult {
  /** Section letter plus the table digits: 'C', 'I65', 'I651', 'I6513'. */
  code: string | null;
  /** Official name of `code` (glitches of the source table corrected). */
  name: string | null;
  level: 1 | 2 | 3 | 4 | null;
  status: NormalizeStatus;
  issues: FieldIssue[];
}

type Level = 1 | 2 | 3 | 4;

interface IndustryNode {
  /** Code as in the table: a letter for sections, 2-4 digits below. */
  digits: string;
  /** Code as returned: the section letter plus digits. */
  code: string;
  name: string;
  level: Level;
  section: string;
  parent: IndustryNode | null;
  children: IndustryNode[];
}

/** What some text can mean: one or more alternative nodes (more than one = the text is ambiguous on its own). */
type Alternatives = readonly IndustryNode[];

type Outcome =
  | { kind: 'found'; node: IndustryNode }
  | { kind: 'ambiguous'; nodes: Alternatives }
  | { kind: 'unknown' };

/** A folded key: what it means, how many trailing fillers were dropped to reach it, and whether an alias made it. */
interface KeyEntry {
  alternatives: Alternatives;
  strips: number;
  /** Set when an alias is spelled exactly so (not reached by dropping fillers): such words match anywhere in a
   *  compound; official names and shortened aliases only as its head (end). */
  alias: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The word ending here, if one does. */
  entry?: KeyEntry;
}

interface IndustryIndex {
  byDigits: Map<string, IndustryNode>;
  /** Official name (NFKC, no spaces) → node; glitchy source names included. */
  exactName: Map<string, IndustryNode>;
  /** Folded key → meaning, for aliases and official names. */
  byKey: Map<string, KeyEntry>;
  /** Aliases whose 和/及/与 matter ('汽车及零配件' is not '汽车零配件'), keyed with their connectors. */
  withConnectors: Map<string, KeyEntry>;
  trie: TrieNode;
}

const TABLE_FILE = 'gb4754-2017-amd1.csv';
/** Longer text is not an industry (the longest official name has 30 characters); it is not parsed at all. */
const MAX_LENGTH = 100;
const FIELD = 'industry';

/** Merged-cell glitches of the source table (shared/standards/README.md), fixed in code so the file stays as shipped. */
const NAME_FIXES: ReadonlyMap<string, string> = new Map([
  ['8052', '足浴服务'],
  ['9051', '文化活动服务'],
  ['905', '文化体育娱乐活动与经纪代理服务'],
]);

/** Values that mean "nothing was entered". */
const PLACEHOLDERS = new Set([
  '-', '--', '---', '—', '——', '/', '\\', '.', '?', '??', '无', '暂无', '没有', '未知', '不详', '不明', '待定', '待补充',
  '空', 'n/a', 'na', 'null', 'none', 'nil', 'unknown', 'tbd', '#n/a', 'xx', 'xxx',
]);

/** Words that add nothing to an industry: dropped from the end of a key and allowed between keywords. */
const CJK_FILLERS = [
  '有限公司', '有限责任公司', '行业', '产业', '领域', '相关', '公司', '企业', '集团', '机构', '单位', '服务', '产品',
  '技术', '科技', '方面', '类', '业', '等', '其他', '其它', '各类', '经营', '开发', '和', '及', '与', '的',
];
const LATIN_FILLERS = new Set([
  'industry', 'industries', 'sector', 'sectors', 'company', 'companies', 'business', 'businesses', 'services',
  'service', 'and', 'the', 'of', 'other', 'general', 'firm', 'firms', 'group', 'inc', 'ltd', 'co',
]);
/** Connectors dropped from keys so that 批发和零售业 = 批发零售业 = 批发及零售. */
const CONNECTORS = new Set(['和', '及', '与', 'and']);
const MAX_FILLER = Math.max(...CJK_FILLERS.map((f) => f.length));
const CJK_FILLER_SET = new Set(CJK_FILLERS);

// ---------------------------------------------------------------------------------------------------------------
// Loading

let index: IndustryIndex | null = null;

function loadIndex(): IndustryIndex {
  if (index) return index;
  const byDigits = new Map<string, IndustryNode>();
  const rows = readTable(TABLE_FILE).split(/\r?\n/);
  const sourceNames = new Map<string, string>(); // digits → name as in the file
  for (const line of rows.slice(1)) {
    if (!line.trim()) continue;
    const [levelText, digits, rawName, parentDigits, section] = line.split(',');
    if (!levelText || !digits || !rawName || parentDigits === undefined || !section) {
      throw new Error(`${TABLE_FILE}: malformed row: ${line}`);
    }
    const level = Number(levelText) as Level;
    const parent = parentDigits ? byDigits.get(parentDigits) : undefined;
    if (level > 1 && !parent) throw new Error(`${TABLE_FILE}: parent ${parentDigits} of ${digits} not defined first`);
    const node: IndustryNode = {
      digits,
      code: level === 1 ? digits : section + digits,
      name: NAME_FIXES.get(digits) ?? rawName,
      level,
      section,
      parent: parent ?? null,
      children: [],
    };
    parent?.children.push(node);
    byDigits.set(digits, node);
    sourceNames.set(digits, rawName);
  }

  // Exact names. A name used at several levels of one branch (国际组织 T/97/970/9700, 教育 P/83) means the deepest
  // node that still covers the whole of the shallowest one; names shared by unrelated nodes do not occur.
  const exactName = new Map<string, IndustryNode>();
  const byName = new Map<string, IndustryNode[]>();
  for (const node of byDigits.values()) {
    for (const name of new Set([node.name, sourceNames.get(node.digits) ?? node.name])) {
      const key = compactName(name);
      byName.set(key, [...(byName.get(key) ?? []), node]);
    }
  }
  for (const [key, nodes] of byName) exactName.set(key, sameNameTarget(nodes));

  // Folded keys: every name and alias is registered under its key and under each shorter key left by dropping
  // trailing fillers ('航空运输业' → 航空运输); a less-stripped registration wins over a more-stripped one.
  const byKey = new Map<string, KeyEntry>();
  const withConnectors = new Map<string, KeyEntry>();
  const conflicts: string[] = [];
  for (const [name, node] of exactName) register(byKey, tokenize(name), [node], false, conflicts);
  for (const { aliases, codes } of parseAliasTable(INDUSTRY_ALIAS_TABLE)) {
    const alternatives = codes.map((code) => nodeForAliasCode(byDigits, code));
    for (const alias of aliases) {
      const tokens = tokenize(alias.normalize('NFKC').toLowerCase());
      if (tokens.some((t) => CONNECTORS.has(t)) && /[^\x00-\x7f]/.test(alias)) {
        foldForms(tokens, true).forEach((key, strips) => {
          if (!withConnectors.has(key)) withConnectors.set(key, { alternatives, strips, alias: true });
        });
      } else {
        register(byKey, tokens, alternatives, true, conflicts, alias);
      }
    }
  }
  if (conflicts.length > 0) throw new Error(`industry aliases contradict other entries: ${conflicts.join(', ')}`);
  const trie: TrieNode = { next: new Map() };
  for (const [key, entry] of byKey) {
    // Official names of 3+ characters also match as the head of a compound ('精密模具制造' → 3525 模具制造).
    if (!entry.alias && (key.replace(/ /g, '').length < 3 || key.startsWith('其 他'))) continue;
    addToTrie(trie, key.split(' '), entry);
  }
  index = { byDigits, exactName, byKey, withConnectors, trie };
  return index;
}

function parseAliasTable(text: string): { aliases: string[]; codes: string[] }[] {
  const entries: { aliases: string[]; codes: string[] }[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [left, right] = line.split('=>');
    if (left === undefined || right === undefined) throw new Error(`industry alias table: bad line: ${rawLine}`);
    entries.push({
      aliases: left.split(',').map((a) => a.trim()).filter(Boolean),
      codes: right.trim().split(/\s+/),
    });
  }
  return entries;
}

function nodeForAliasCode(byDigits: Map<string, IndustryNode>, code: string): IndustryNode {
  const match = /^([A-T])(\d{2,4})?$/.exec(code);
  const node = match ? byDigits.get(match[2] ?? match[1] ?? '') : undefined;
  if (!match || !node || node.section !== match[1]) throw new Error(`industry alias table: no such code ${code}`);
  return node;
}

function register(
  byKey: Map<string, KeyEntry>,
  tokens: readonly string[],
  alternatives: Alternatives,
  alias: boolean,
  conflicts: string[],
  label?: string,
): void {
  foldForms(tokens).forEach((key, strips) => {
    const existing = byKey.get(key);
    const exactAlias = alias && strips === 0;
    if (!existing || strips < existing.strips) {
      byKey.set(key, { alternatives, strips, alias: exactAlias });
      return;
    }
    if (strips > existing.strips || sameAlternatives(existing.alternatives, alternatives)) {
      if (exactAlias) existing.alias = true;
      return;
    }
    if (alias && strips === 0) {
      conflicts.push(`"${label ?? key}" (${alternatives.map((n) => n.code).join(' ')} vs ${existing.alternatives.map((n) => n.code).join(' ')})`);
      return;
    }
    // Two names that fold to one key: keep both readings (one if they lie on one branch).
    const merged = sameNameAlternatives([...existing.alternatives, ...alternatives]);
    byKey.set(key, { alternatives: merged, strips, alias: existing.alias });
  });
}

function addToTrie(root: TrieNode, tokens: readonly string[], entry: KeyEntry): void {
  let node = root;
  for (const token of tokens) {
    let next = node.next.get(token);
    if (!next) {
      next = { next: new Map() };
      node.next.set(token, next);
    }
    node = next;
  }
  node.entry = entry;
}

function sameAlternatives(a: Alternatives, b: Alternatives): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/** Nodes sharing one name: the top one, then down while it has a single child (国际组织 → 9700). */
function sameNameTarget(nodes: IndustryNode[]): IndustryNode {
  const top = nodes.reduce((a, b) => (b.level < a.level ? b : a));
  let node = top;
  while (node.children.length === 1 && node.children[0] && nodes.includes(node.children[0])) node = node.children[0];
  return node;
}

/** Nodes sharing one folded key: one target if they lie on one branch, else genuine alternatives. */
function sameNameAlternatives(nodes: IndustryNode[]): Alternatives {
  const unique = [...new Set(nodes)];
  if (unique.length === 1) return unique;
  const top = unique.reduce((a, b) => (b.level < a.level ? b : a));
  if (unique.every((n) => isAncestorOrSelf(top, n))) return [top];
  return unique;
}

// ---------------------------------------------------------------------------------------------------------------
// Text folding

function compactName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Splits text into Latin/digit words and single other characters; punctuation and spaces are boundaries. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of text) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      word += ch;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    if (/[\p{L}\p{N}]/u.test(ch)) tokens.push(ch);
  }
  if (word) tokens.push(word);
  return tokens;
}

/**
 * The lookup keys of some text: connectors dropped, then the key itself and each shorter key left by dropping one
 * more trailing filler ('批发和零售业' → '批 发 零 售 业', '批 发 零 售'), never down to nothing.
 */
function foldForms(tokens: readonly string[], keepConnectors = false): string[] {
  const kept = keepConnectors ? [...tokens] : tokens.filter((t) => !CONNECTORS.has(t));
  const forms = kept.length > 0 ? [kept.join(' ')] : [];
  for (;;) {
    const cut = trailingFillerLength(kept);
    if (cut === 0 || cut >= kept.length) return forms;
    kept.length -= cut;
    // Never down to a filler ('其他服务业' ↛ 其他) or a single character ('物业' ↛ 物).
    if (kept.every((t) => LATIN_FILLERS.has(t)) || CJK_FILLER_SET.has(kept.join('')) || kept.join('').length < 2) {
      return forms;
    }
    forms.push(kept.join(' '));
  }
}

/** Looks the text up by its folded keys, least stripped first. */
function lookupKey(text: string): KeyEntry | undefined {
  const { byKey, withConnectors } = loadIndex();
  const tokens = tokenize(text.toLowerCase());
  if (tokens.some((t) => CONNECTORS.has(t))) {
    for (const key of foldForms(tokens, true)) {
      const entry = withConnectors.get(key);
      if (entry) return entry;
    }
  }
  for (const key of foldForms(tokens)) {
    const entry = byKey.get(key);
    if (entry) return entry;
  }
  return undefined;
}

/** Number of tokens of the longest filler word at the end of `tokens`, 0 if none. */
function trailingFillerLength(tokens: readonly string[]): number {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return 0;
  if (LATIN_FILLERS.has(last)) return 1;
  for (let len = Math.min(MAX_FILLER, tokens.length); len >= 1; len--) {
    if (CJK_FILLER_SET.has(tokens.slice(tokens.length - len).join(''))) return len;
  }
  return 0;
}

/** A test of whether tokens[from..to) are fillers only (one or more filler words, connectors included). */
function fillerRuns(tokens: readonly string[]): (from: number, to: number) => boolean {
  // reach[i] = set of ends j such that tokens[i..j) is one filler word.
  const reach: number[][] = tokens.map((token, i) => {
    const ends: number[] = [];
    if (LATIN_FILLERS.has(token) || CONNECTORS.has(token)) ends.push(i + 1);
    let joined = '';
    for (let j = i; j < tokens.length && j - i < MAX_FILLER; j++) {
      joined += tokens[j];
      if (CJK_FILLER_SET.has(joined)) ends.push(j + 1);
    }
    return ends;
  });
  return (from, to) => {
    const ok = new Set<number>([from]);
    for (let i = from; i < to; i++) {
      if (!ok.has(i)) continue;
      for (const end of reach[i] ?? []) if (end <= to) ok.add(end);
    }
    return ok.has(to);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers

function isAncestorOrSelf(ancestor: IndustryNode, node: IndustryNode): boolean {
  for (let n: IndustryNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function related(a: IndustryNode, b: IndustryNode): boolean {
  return isAncestorOrSelf(a, b) || isAncestorOrSelf(b, a);
}

function commonAncestor(nodes: Alternatives): IndustryNode | null {
  let acc: IndustryNode | null = nodes[0] ?? null;
  for (const node of nodes.slice(1)) {
    while (acc && !isAncestorOrSelf(acc, node)) acc = acc.parent;
    if (!acc) return null;
  }
  return acc;
}

/** The deepest node if all lie on one branch, else null. */
function deepestOnBranch(nodes: Alternatives): IndustryNode | null {
  const deepest = nodes.reduce<IndustryNode | null>((a, b) => (!a || b.level > a.level ? b : a), null);
  return deepest && nodes.every((n) => isAncestorOrSelf(n, deepest)) ? deepest : null;
}

function sectionOf(node: IndustryNode): IndustryNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

function outcomeOf(alternatives: Alternatives): Outcome {
  const ancestor = commonAncestor(alternatives);
  if (ancestor) return { kind: 'found', node: ancestor };
  return { kind: 'ambiguous', nodes: alternatives };
}

/**
 * How the parts of one text relate:
 * - 'list' ('IT/互联网', '金融、保险'): the union, so the closest common ancestor;
 * - 'path' ('制造业 > 汽车'): each step narrows, so the deepest node when all lie on one branch;
 * - 'compound' ('汽车制造', 'IT互联网'): the head comes last. A general head after a specific modifier is narrowed
 *   by it ('汽车' + '制造' → C36); a specific word after a general one is a coordinate pair ('IT' + '互联网' → I).
 */
type Relation = 'list' | 'path' | 'compound';

/**
 * Combines what the parts of one text mean (see Relation). An ambiguous part keeps only its alternatives in a
 * section named by an unambiguous part ('金融/投资' reads 投资 as J); when that leaves several, their common
 * ancestor; when parts share no ancestor, the whole is ambiguous.
 */
function combine(parts: Alternatives[], relation: Relation): Outcome {
  const sections = new Set(parts.filter((p) => p.length === 1).map((p) => (p[0] ? sectionOf(p[0]) : null)));
  const chosen: IndustryNode[] = [];
  for (const part of parts) {
    if (part.length === 1) {
      if (part[0]) chosen.push(part[0]);
      continue;
    }
    const inContext = part.filter((n) => sections.has(sectionOf(n)));
    const outcome = outcomeOf(inContext.length > 0 ? inContext : part);
    if (outcome.kind !== 'found') return { kind: 'ambiguous', nodes: parts.flat() };
    chosen.push(outcome.node);
  }
  const head = chosen[chosen.length - 1];
  if (relation === 'path' || (relation === 'compound' && head && chosen.every((n) => isAncestorOrSelf(head, n)))) {
    const deepest = deepestOnBranch(chosen);
    if (deepest) return { kind: 'found', node: deepest };
  }
  const ancestor = commonAncestor(chosen);
  return ancestor ? { kind: 'found', node: ancestor } : { kind: 'ambiguous', nodes: chosen };
}

// ---------------------------------------------------------------------------------------------------------------
// Codes

interface CodeParse {
  letter: string | null;
  digits: string | null;
}

type CodeOutcome = { kind: 'valid'; node: IndustryNode } | { kind: 'invalid'; message: string; digitsNode: IndustryNode | null };

const CODE_ONLY = /^[([]?\s*([a-z])?\s*[-.]?\s*(\d{2,4})\s*[)\]]?$/i;
const LETTER_ONLY = /^[([]?\s*([a-z])\s*[)\]]?$/i;
/** Code, separator, label: '65-软件和信息技术服务业', 'I65 软件业', 'C:制造业', '[F52]零售业'. */
const CODE_THEN_LABEL =
  /^(?:[([]\s*((?:[a-z]\s*[-.]?\s*)?\d{2,4}|[a-z])\s*[)\]]\s*[-–—_:.、|/·]?\s*|((?:[a-z]\s*[-.]?\s*)?\d{2,4}|[a-z])\s*(?:[-–—_:.、|/·]\s*|\s+))(.+)$/i;
/** Code glued to a CJK label: '6513应用软件开发', 'C制造业'. */
const CODE_GLUED_LABEL = /^((?:[a-z])?\d{2,4}|[a-z])(?=[^\x00-\x7f])(.+)$/i;
/** Label, then the code in brackets or after a space: '软件业(I65)', '应用软件开发 6513'. */
const LABEL_THEN_CODE = /^(.*[^\x00-\x7f].*?)\s*(?:[([]\s*((?:[a-z]\s*)?\d{2,4}|[a-z])\s*[)\]]|[\s\-–—_:|/]+((?:[a-z]\s*)?\d{2,4}|[a-z]))$/i;

function parseCode(text: string): CodeParse | null {
  const both = CODE_ONLY.exec(text);
  if (both) return { letter: both[1]?.toUpperCase() ?? null, digits: both[2] ?? null };
  const letter = LETTER_ONLY.exec(text);
  if (letter?.[1]) return { letter: letter[1].toUpperCase(), digits: null };
  return null;
}

function parseCodeToken(text: string): CodeParse | null {
  const compact = text.replace(/[\s\-.]/g, '');
  const match = /^([a-z])?(\d{2,4})?$/i.exec(compact);
  if (!match || (!match[1] && !match[2])) return null;
  return { letter: match[1]?.toUpperCase() ?? null, digits: match[2] ?? null };
}

function checkCode(code: CodeParse): CodeOutcome {
  const { byDigits } = loadIndex();
  if (code.digits === null) {
    const section = code.letter ? byDigits.get(code.letter) : undefined;
    if (section) return { kind: 'valid', node: section };
    return { kind: 'invalid', message: `no section ${code.letter ?? ''} in GB/T 4754-2017 (A–T)`, digitsNode: null };
  }
  const node = byDigits.get(code.digits);
  if (!node) {
    return { kind: 'invalid', message: `no code ${code.digits} in GB/T 4754-2017 (with amendment No.1)`, digitsNode: null };
  }
  if (code.letter && code.letter !== node.section) {
    return {
      kind: 'invalid',
      message: `code ${code.digits} (${node.name}) belongs to section ${node.section}, not ${code.letter}`,
      digitsNode: node,
    };
  }
  return { kind: 'valid', node };
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const PATH_SEPARATORS = /\s*(?:>|→|»|＞|－|—+|–|(?<![a-z])-|-(?![a-z]))\s*/i;
const LIST_SEPARATORS = /\s*(?:[/\\|、,;+&]|以及|\band\b|和|及|与)\s*/i;

function resolveText(text: string, depth = 0): Outcome {
  const whole = resolveWhole(text);
  if (whole) return whole;
  const lower = text.toLowerCase();
  if (depth > 3) return { kind: 'unknown' };

  // Explanatory brackets add nothing: '计算机服务(系统、数据服务、维修)'.
  const unbracketed = lower.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ' ').trim();
  if (unbracketed !== lower && unbracketed) return resolveText(unbracketed, depth + 1);

  const pathParts = lower.split(PATH_SEPARATORS).filter((p) => p.trim());
  if (pathParts.length > 1) return resolveParts(pathParts, 'path', depth);
  const listParts = lower.split(LIST_SEPARATORS).filter((p) => p.trim());
  if (listParts.length > 1) return resolveParts(listParts, 'list', depth);
  return scanCompound(lower);
}

/**
 * Parts of a path or list. Unknown steps of a path are skipped (the known steps still hold); an unknown member of
 * a list could lie anywhere, so the whole list is unknown ('家居/室内设计/装潢').
 */
function resolveParts(parts: string[], relation: 'list' | 'path', depth: number): Outcome {
  const known: Alternatives[] = [];
  let unknown = 0;
  for (const part of parts) {
    const outcome = resolveText(part, depth + 1);
    if (outcome.kind === 'found') known.push([outcome.node]);
    else if (outcome.kind === 'ambiguous') known.push(outcome.nodes);
    else unknown++;
  }
  if (known.length === 0) return { kind: 'unknown' };
  const outcome = combine(known, relation);
  if (outcome.kind === 'found' && unknown > 0 && relation === 'list') {
    // Every list member we know lies in this section; the unknown one is not proven to.
    return { kind: 'unknown' };
  }
  return outcome;
}

/**
 * Reads a compound as known words, fillers and modifiers. Chinese (and English) compounds put the head last: the
 * text must end with a known word (fillers aside), and unknown text before it only narrows it ('精密模具制造' is a
 * kind of 模具制造, '少儿编程培训' a kind of 培训) unless it negates it ('非金融'). Known words before the head
 * combine with it: one branch → the deepest, else their common ancestor, else ambiguous ('互联网金融').
 */
function scanCompound(text: string): Outcome {
  const { trie } = loadIndex();
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: 'unknown' };
  const isFiller = fillerRuns(tokens);
  const parts: Alternatives[] = [];
  let lastEnd = -1;
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = trie;
    let best: { end: number; alternatives: Alternatives } | null = null;
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j] ?? '');
      if (!node) break;
      if (node.entry && (node.entry.alias || isFiller(j + 1, tokens.length))) {
        best = { end: j + 1, alternatives: node.entry.alternatives };
      }
    }
    if (!best) {
      i++;
      continue;
    }
    if (NEGATIONS.has(tokens[i - 1] ?? '')) return { kind: 'unknown' };
    parts.push(best.alternatives);
    lastEnd = best.end;
    i = best.end;
  }
  if (parts.length === 0 || !isFiller(lastEnd, tokens.length)) return { kind: 'unknown' };
  return combine(parts, 'compound');
}

const NEGATIONS = new Set(['非', '不', '无', '除', 'non', 'not']);

// ---------------------------------------------------------------------------------------------------------------
// Public API

const cache = new Map<string, IndustryResult>();
const CACHE_LIMIT = 50_000;

/**
 * Maps raw industry text to a GB/T 4754-2017 code. Pure and memoized by raw text (industry values repeat a lot);
 * every call hands out a fresh object and issues array, so callers may add to them.
 */
export function normalizeIndustry(raw: string | null | undefined): IndustryResult {
  const input = raw ?? '';
  let result = cache.get(input);
  if (!result) {
    result = resolveIndustry(input);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(input, result);
  }
  return { ...result, issues: result.issues.slice() };
}

function resolveIndustry(raw: string): IndustryResult {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return { code: null, name: null, level: null, status: 'empty', issues: [] };
  if (text.length > MAX_LENGTH) {
    return unresolved(raw, 'unknown_industry', `${text.length} characters is too long for an industry`);
  }
  if (PLACEHOLDERS.has(text.toLowerCase())) {
    return unresolved(raw, 'unknown_industry', `"${raw}" is a placeholder, not an industry`);
  }

  const codeOnly = parseCode(text);
  if (codeOnly) {
    const checked = checkCode(codeOnly);
    if (checked.kind === 'invalid') return invalid(raw, checked.message);
    return found(raw, checked.node);
  }

  const whole = resolveWhole(text);
  if (whole) return fromOutcome(raw, whole);

  const labelled = resolveCodeAndLabel(raw, text);
  if (labelled) return labelled;

  return fromOutcome(raw, resolveText(text));
}

/** Exact name or folded key of the whole text, before any splitting. */
function resolveWhole(text: string): Outcome | null {
  const exact = loadIndex().exactName.get(compactName(text));
  if (exact) return { kind: 'found', node: exact };
  const entry = lookupKey(text);
  return entry ? outcomeOf(entry.alternatives) : null;
}

function resolveCodeAndLabel(raw: string, text: string): IndustryResult | null {
  const separated = CODE_THEN_LABEL.exec(text);
  const glued = separated ? null : CODE_GLUED_LABEL.exec(text);
  const trailing = separated || glued ? null : LABEL_THEN_CODE.exec(text);
  const codeText = separated?.[1] ?? separated?.[2] ?? glued?.[1] ?? trailing?.[2] ?? trailing?.[3];
  const label = separated?.[3] ?? glued?.[2] ?? trailing?.[1];
  if (!codeText || !label) return null;
  const code = parseCodeToken(codeText);
  // A lone letter before English words is a word, not a section ('E commerce platform').
  if (!code || (code.digits === null && !/[^\x00-\x7f]/.test(label))) return null;
  const checked = checkCode(code);
  const labelOutcome = resolveText(label.trim());
  const labelNode = labelOutcome.kind === 'found' ? labelOutcome.node : null;

  if (checked.kind === 'invalid') {
    // 'K12 教育' is not section K + code 12: unless the code is bracketed, a label that names something else
    // means the whole is text.
    const bracketed = separated?.[1] !== undefined || trailing?.[2] !== undefined;
    const unrelated = labelNode && !(checked.digitsNode && related(checked.digitsNode, labelNode));
    if (glued || (unrelated && !bracketed)) return null;
    return invalid(raw, checked.message);
  }
  const node = checked.node;
  if (labelNode) {
    if (related(node, labelNode)) return found(raw, node);
    if (glued) return null;
    return mismatch(raw, node, `label "${label.trim()}" reads as ${labelNode.code} ${labelNode.name}`);
  }
  if (labelOutcome.kind === 'ambiguous' && labelOutcome.nodes.some((n) => related(n, node))) return found(raw, node);
  // An unreadable label must at least resemble the name of the code or of one of its ancestors (an older wording,
  // a typo, '0111 谷物'), else the two disagree.
  for (let n: IndustryNode | null = node; n; n = n.parent) if (resembles(label, n.name)) return found(raw, node);
  if (glued) return null;
  return mismatch(raw, node, `label "${label.trim()}" does not match ${node.code} ${node.name}`);
}

function resembles(label: string, name: string): boolean {
  const a = (foldForms(tokenize(label.normalize('NFKC').toLowerCase())).at(-1) ?? '').replace(/ /g, '');
  const b = (foldForms(tokenize(name.normalize('NFKC').toLowerCase())).at(-1) ?? '').replace(/ /g, '');
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  return distance(a, b) <= Math.max(a.length, b.length) / 3;
}

function fromOutcome(raw: string, outcome: Outcome): IndustryResult {
  if (outcome.kind === 'found') return found(raw, outcome.node);
  if (outcome.kind === 'ambiguous') {
    const options = [...new Set(outcome.nodes)].map((n) => `${n.code} ${n.name}`).join(' / ');
    return unresolved(raw, 'ambiguous_industry', `"${raw}" could be ${options}`);
  }
  return unresolved(raw, 'unknown_industry', `"${raw}" does not name a GB/T 4754-2017 industry`);
}

function found(raw: string, node: IndustryNode): IndustryResult {
  const status: NormalizeStatus = raw === node.code || raw === node.name ? 'unchanged' : 'normalized';
  return { code: node.code, name: node.name, level: node.level, status, issues: [] };
}

function unresolved(raw: string, code: string, message: string): IndustryResult {
  return { code: null, name: null, level: null, status: 'unresolved', issues: [issue(raw, code, message)] };
}

function invalid(raw: string, message: string): IndustryResult {
  return { code: null, name: null, level: null, status: 'invalid', issues: [issue(raw, 'invalid_industry_code', message)] };
}

function mismatch(raw: string, node: IndustryNode, message: string): IndustryResult {
  return {
    code: null,
    name: null,
    level: null,
    status: 'unresolved',
    issues: [issue(raw, 'industry_code_name_mismatch', `code ${node.code} (${node.name}) but ${message}`)],
  };
}

function issue(value: string, code: string, message: string): FieldIssue {
  return { field: FIELD, code, value, message };
}

/** Every node of the table, for tests and reports: code, name (corrected), level, parent code. */
export function listIndustries(): { code: string; name: string; level: 1 | 2 | 3 | 4; parent: string | null }[] {
  return [...loadIndex().byDigits.values()].map((n) => ({
    code: n.code,
    name: n.name,
    level: n.level,
    parent: n.parent?.code ?? null,
  }));
}


/**
 * Whether the whole text is an industry word (an official name or an alias, folded as above) rather than text that
 * merely contains one. Company-name parsing uses it to tell a trade name from a bare industry word: in 北京银行 the
 * text after 北京 is only 银行, so 北京 is part of the name, not a region prefix.
 */
export function isIndustryTerm(text: string): boolean {
  const normalized = text.normalize('NFKC').trim();
  return normalized !== '' && resolveWhole(normalized) !== null;
}
