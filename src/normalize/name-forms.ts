// The parts of a company name around its core: legal forms (有限公司, Co., Ltd.), branch suffixes (上海分公司,
// 北京海淀支行), trailing notes a CRM user added (（已注销）) and placeholder values (测试, xxx, 张三).
// Every function takes an already cleaned name (NFKC, simplified, ASCII brackets, no spaces next to Han).

export interface Split {
  /** The text left in front. */
  rest: string;
  /** The part split off, as written. */
  part: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Legal forms

/** Chinese legal forms, longest first. 有限责任公司 may carry its registration qualifier: (自然人独资). */
const CN_LEGAL_FORM = new RegExp(
  [
    '(?:\\(集团\\)|集团)?(?:股份有限公司|有限责任公司(?:\\([^()]*(?:独资|合资|投资|国有|法人)[^()]*\\))?|有限公司|股份公司|总公司|公司)',
    '(?:合伙企业)?\\((?:有限合伙|普通合伙|特殊普通合伙)\\)',
    '合伙企业',
    '个人独资企业',
    '\\(?个体工商户\\)?',
    '(?:农民)?专业合作社',
    '株式会社',
    '有限会社',
    '集团',
  ]
    .map((p) => `(?:${p})`)
    .join('|') + '$',
  'u',
);

/** English legal-form words, stripped from the end one at a time ('Group Holding Limited'). */
const EN_LEGAL_FORM =
  /(?:^|[\s,]+)(co\.?\s*,?\s*ltd\.?|co\.?\s*,?\s*limited|company\s+limited|private\s+limited|pte\.?\s*ltd\.?|pty\.?\s*ltd\.?|pvt\.?\s*ltd\.?|limited|ltd\.?|incorporated|inc\.?|corporation|corp\.?|company|l\.?\s?l\.?\s?c\.?|l\.?\s?l\.?\s?p\.?|plc|gmbh|s\.a\.s\.?|sas|s\.a\.r\.l\.?|sarl|s\.r\.l\.?|srl|s\.p\.a\.?|spa|s\.a\.?|b\.v\.?|bv|n\.v\.?|nv|k\.k\.?|ag|oy|ab|a\/s|&\s*company|&\s*co\.?|co\.?|group|holdings?)\s*$/i;

/** CN_LEGAL_FORM read on the last text asked about: isLegalFormOnly() and splitLegalForm() mostly get the same name. */
let lastLegalText: string | null = null;
let lastLegalMatch: RegExpExecArray | null = null;

function chineseLegalForm(name: string): RegExpExecArray | null {
  if (name !== lastLegalText) {
    lastLegalMatch = CN_LEGAL_FORM.exec(name);
    lastLegalText = name;
  }
  return lastLegalMatch;
}

/** The English forms and branches are spelled in ASCII letters (their /i matching never maps other letters to ASCII). */
const ASCII_LETTER = /[A-Za-z]/;

/** Splits the legal form off the end: '腾讯科技(深圳)有限公司' → 腾讯科技(深圳) + 有限公司. */
export function splitLegalForm(name: string): Split | null {
  const cn = chineseLegalForm(name);
  // 公司 of 分公司 is not a legal form (a branch without a recognisable head office).
  if (cn && cn.index > 0 && !(cn[0] === '公司' && name[cn.index - 1] === '分')) {
    return { rest: name.slice(0, cn.index), part: cn[0] };
  }
  if (!ASCII_LETTER.test(name)) return null;
  let rest = name;
  let start = -1;
  for (;;) {
    const en = EN_LEGAL_FORM.exec(rest);
    if (!en || en.index === 0 || !/[A-Za-z0-9\u4e00-\u9fff)]/u.test(rest.slice(0, en.index))) break;
    start = en.index;
    rest = rest.slice(0, en.index);
  }
  if (start < 0) return null;
  const part = name.slice(start).replace(/^[\s,]+/, '');
  return { rest: rest.replace(/[\s,.]+$/, ''), part };
}

// ---------------------------------------------------------------------------------------------------------------
// Branches

/** Words that end the name of a branch (a separate legal entity with its own USCC, NOTES.md §5.1). */
const CN_BRANCH_END =
  /(分公司|分行|支行|分理处|办事处|代表处|联络处|营业部|营业所|分店|分部|分厂|分所|分院|分社|分中心|分支机构|门店|项目部|经营部|服务部|工作站)$/u;

/** Where a head-office name ends: its legal form or its kind of organisation. */
/** A store of a chain, only after a head-office name: 苏宁易购集团股份有限公司南京山西路店. */
const CN_STORE_END = /店$/u;

const CN_PARENT_END =
  /(?:股份有限公司|有限责任公司(?:\([^()]*\))?|有限公司|公司|集团|银行|事务所|合作社|总行|总店|企业|研究院|医院|大学|学校)/gu;

/** Ordinal branches of a chain: 二分店, 第三分公司, 8号店. */
const CN_NUMBERED_BRANCH = /(?:第?[一二三四五六七八九十百零〇\d]+号?)(?:分店|店|分公司|分部|分厂|门店)$/u;

const EN_BRANCH =
  /^(.*\b(?:co\.?\s*,?\s*ltd|limited|ltd|inc|corp|corporation|company|llc|gmbh|ag|plc|bank))\.?[\s,]+((?:[A-Za-z][\w'-]*\s+){0,3}(?:branch|branch office|representative office|rep\.? office|liaison office|sub-branch))\.?$/i;

export interface BranchSplit {
  parent: string;
  branch: string;
}

/**
 * Splits a branch suffix from its head office: '某某科技有限公司上海分公司' → 某某科技有限公司 + 上海分公司. The
 * head office must be recognisable (it ends with a legal form or an organisation word, or the branch starts with a
 * region or an ordinal); a business merely called 五金经营部 is not a branch. `regionAt` tells whether a region
 * name starts at a position (kept as a parameter so this module stays free of the region tables).
 */
export function splitBranch(name: string, regionAt: (text: string, pos: number) => number): BranchSplit | null {
  const end = CN_BRANCH_END.exec(name) ?? CN_STORE_END.exec(name);
  if (end) {
    const wordStart = end.index;
    let parentEnd = -1;
    for (const match of name.matchAll(CN_PARENT_END)) {
      const matchEnd = match.index + match[0].length;
      if (matchEnd <= wordStart) parentEnd = matchEnd;
    }
    if (parentEnd > 0 && wordStart - parentEnd <= 20 && (end[0] !== '店' || wordStart > parentEnd)) {
      return { parent: name.slice(0, parentEnd), branch: name.slice(parentEnd) };
    }
    if (end[0] !== '店') {
      // No head-office form in front: the branch word follows a region name directly (肯德基徐汇分店).
      for (let pos = 2; pos < wordStart; pos++) {
        const length = regionAt(name, pos);
        if (length > 0 && pos + length === wordStart) return { parent: name.slice(0, pos), branch: name.slice(pos) };
      }
    }
    const numbered = CN_NUMBERED_BRANCH.exec(name);
    if (numbered && numbered.index >= 2) return { parent: name.slice(0, numbered.index), branch: numbered[0] };
    return null;
  }
  const en = ASCII_LETTER.test(name) ? EN_BRANCH.exec(name) : null;
  if (en?.[1] && en[2]) {
    const branchStart = name.lastIndexOf(en[2]);
    return { parent: name.slice(0, branchStart).replace(/[\s,]+$/, ''), branch: en[2] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Notes and placeholders

const NOTE_WORDS =
  /注销|吊销|停业|歇业|老客户|新客户|待核实|待确认|重复|作废|勿用|不用|测试|备用|暂停|黑名单|不合作|已合并|倒闭|原名|曾用名|旧名|更名|无效|禁用|删除|停用/u;

const BRACKETED_NOTE = /\(([^()]*)\)$/u;
const DASHED_NOTE = /[\s]*[-_—~/|]+\s*([^-_—~/|()]+)$/u;

/** Splits a note off the end: '某某有限公司(已注销)', '某某有限公司-重复'. */
export function splitNote(name: string): Split | null {
  const bracket = BRACKETED_NOTE.exec(name);
  if (bracket && bracket.index > 0 && NOTE_WORDS.test(bracket[1] ?? '')) {
    return { rest: name.slice(0, bracket.index).trim(), part: bracket[1] ?? '' };
  }
  const dashed = DASHED_NOTE.exec(name);
  if (dashed && dashed.index > 0 && NOTE_WORDS.test(dashed[1] ?? '') && (dashed[1] ?? '').length <= 10) {
    return { rest: name.slice(0, dashed.index).trim(), part: dashed[1] ?? '' };
  }
  return null;
}

/** Whole names that are placeholders (lower case, no brackets); exported for the tests. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '测试', '测试客户', '测试公司', '测试账号', '测试数据', '测试用户', '测试企业', 'test', 'testing', 'tester', 'demo',
  'sample', 'example', '样例', '示例', '演示', '无', '空', '暂无', '未知', '不详', '待定', '待补充', '没有', '无名',
  '匿名', '佚名', '客户', '新客户', '未命名', '未填写', '某', '某人', '某公司', '张三', '李四', '王五', '赵六', 'null',
  'none', 'nil', 'n/a', 'na', 'unknown', 'anonymous', 'tbd', 'asdf', 'qwer', 'abc', 'abcd', 'foo', 'bar', 'xyz',
  '个人', '散客', '无名氏', '公司', '有限公司', '单位', '企业', '姓名', '名称', '客户名称', 'ceshi', 'name', 'customer',
]);

/** Whether the whole name is a legal form and nothing else: '有限公司', '(集团)有限公司', 'Co., Ltd.'. */
export function isLegalFormOnly(name: string): boolean {
  if (chineseLegalForm(name)?.index === 0) return true;
  if (!ASCII_LETTER.test(name)) return false;
  const en = EN_LEGAL_FORM.exec(name);
  return en !== null && en.index === 0 && en[0].trim().length === name.trim().length;
}

const TEST_CHAR = 0x6d4b; // 测
const SOME_CHAR = 0x67d0; // 某
const BRACKET_OR_TRAILING_SPACE = /[()]|\s$/u;

/** Whether a cleaned name (or its core) is a placeholder rather than a customer. */
export function isPlaceholder(text: string): boolean {
  // Most names start with a Han character other than 测/某, not doubled, and have no brackets or trailing space:
  // the patterns below cannot match them, and the placeholder words starting with a Han character have no case,
  // so the name itself is looked up (no trimmed, lower-cased copy).
  const first = text.charCodeAt(0);
  if (
    first >= 0x4e00 &&
    first <= 0x9fff &&
    first !== TEST_CHAR &&
    first !== SOME_CHAR &&
    text.charCodeAt(1) !== first &&
    !BRACKET_OR_TRAILING_SPACE.test(text)
  ) {
    return PLACEHOLDERS.has(text);
  }
  const t = text.trim().toLowerCase().replace(/[()]/g, '');
  if (!t) return false;
  if (PLACEHOLDERS.has(t)) return true;
  if (/^(?:test|测试|demo)[\s\d_-]*$/u.test(t)) return true;
  if (/^(.)\1{2,}$/u.test(t)) return true; // aaa, 111, xxx, ...
  if (/^[\d\p{P}\p{S}\s]+$/u.test(t)) return true; // digits and punctuation only
  if (/^(?:某某|xx(?=[\u4e00-\u9fff]|$))/u.test(t)) return true; // 某某科技, XX有限公司
  return false;
}
