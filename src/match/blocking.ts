// Blocking: which pairs of records are compared at all. Comparing every pair of n records costs n²/2; blocking
// compares only records that share a key under at least one rule (Splink's blocking rules, whose union is
// deduplicated). The rules cover every field that identifies a customer, so a true pair has many chances to meet:
//
//   uscc            the first 17 characters of the USCC (a wrong check character still meets its record)
//   id_number       ID / social-security number
//   phone, email    each number / address of the record; email_mailbox the part before @ (not info@, sales@)
//   name_core       the name core; name_key its pinyin (folds homophone typos: 辰帮 / 晨邦)
//   name_gram       the first two character bigrams of a Chinese name core (each word of a Latin one), within
//                   one city
//   address         the comparable part of the address; address_prefix its first 8 characters
//   person_*        people: surname + given initial, given name + surname initial, Soundex of both (either
//                   order), birth date, either name + birth year, postcode + either initial, city + surname
//                   Soundex, either name within a city or postcode area, two-letter prefixes of both + birth year
//
// Giant blocks (a filler phone, a common name, 科技 within a city) would make the pair count quadratic. A block
// larger than its rule's cap is not compared all-to-all: on strong keys its records are sorted (by pinyin name and
// region) and each is compared with the next `window` ones (sorted neighbourhood); on weak keys (name grams) it
// is skipped, the other rules still apply.
//
// Output: CandidatePairs (types.ts), columnar typed arrays sorted by (a, b), each pair once, with the first rule
// (in rule order) that proposed it; byRule counts those first proposals, as Splink does. With `touching`, only
// pairs with at least one flagged record are made (incremental runs: new or changed records against the rest).
import { CrmError } from '../errors.js';
import { addressKey, GENERIC_MAILBOXES } from './comparisons.js';
import { hasHan, soundex } from './similarity.js';
import type { CandidatePairs, MatchRecord } from './types.js';

export interface BlockingRule {
  name: string;
  /** Pushes the record's keys under this rule (none when it lacks the fields). */
  keys(r: MatchRecord, out: string[]): void;
  /** Blocks larger than this are oversized (default: BlockingOptions.maxBlockSize). */
  maxBlockSize?: number;
  /** What to do with an oversized block: compare neighbours in sorted order ('window', default) or skip it. */
  oversized?: 'window' | 'skip';
}

export interface BlockingOptions {
  rules?: readonly BlockingRule[];
  /** Default cap on a block compared all-to-all (default 100). */
  maxBlockSize?: number;
  /** Sorted-neighbourhood window in oversized blocks (default 8). */
  window?: number;
  /** Per record index, 1 = the record is new or changed: only pairs touching one are made. */
  touching?: Uint8Array;
  /** Fail rather than exhaust memory (default 150 million). */
  maxPairs?: number;
}

export interface BlockingStats {
  rule: string;
  keys: number;
  blocks: number;
  largestBlock: number;
  oversizedBlocks: number;
  /** Pairs this rule proposed (before removing those another rule, or another key of its own, also made). */
  proposed: number;
}

export interface BlockingResult {
  pairs: CandidatePairs;
  byRule: Record<string, number>;
  stats: BlockingStats[];
}

// ------------------------------------------------------------------------------------------------ rules

const first = (s: string | null): string => (s === null ? '' : s.charAt(0));
const cityOf = (r: MatchRecord): string | null => (r.regionCode ? r.regionCode.slice(0, 4) : r.city);
const isPerson = (r: MatchRecord): boolean => r.firstName !== null || r.lastName !== null;

const LATIN_STOPWORDS = new Set([
  'the', 'and', 'of', 'cafe', 'restaurant', 'inc', 'ltd', 'co', 'company', 'corp', 'llc', 'limited', 'group', 'bar',
  'grill', 'house', 'new', 'de', 'la', 'le', 'el', 'di',
]);

function nameGrams(r: MatchRecord, out: string[]): void {
  const core = r.nameCore;
  if (core === null || isPerson(r)) return;
  const place = cityOf(r);
  if (place === null) return;
  if (hasHan(core)) {
    // The first two bigrams: the trade name's start, which variants keep (辰帮电子 / 辰帮电子科技 / 辰帮科技).
    // Later bigrams are mostly the industry word (科技, 贸易), shared by half a city.
    if (core.length < 2) return;
    for (let i = 0; i + 1 < core.length && i < 2; i++) out.push(core.slice(i, i + 2) + '|' + place);
  } else {
    for (const w of core.split(/[^\p{L}\p{N}]+/u)) {
      if (w.length >= 3 && !LATIN_STOPWORDS.has(w)) out.push(w + '|' + place);
    }
  }
}

export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = Object.freeze([
  { name: 'uscc', keys: (r, out) => { if (r.uscc) out.push(r.uscc.length === 18 ? r.uscc.slice(0, 17) : r.uscc); } },
  { name: 'id_number', keys: (r, out) => { if (r.idNumber) out.push(r.idNumber); } },
  { name: 'phone', keys: (r, out) => { for (const p of r.phones) out.push(p); } },
  { name: 'email', keys: (r, out) => { for (const e of r.emails) out.push(e); } },
  {
    // The mailbox without its domain: a typo in the domain, or the same person at another provider.
    name: 'email_mailbox',
    keys: (r, out) => {
      for (const e of r.emails) {
        const at = e.indexOf('@');
        if (at >= 4 && !GENERIC_MAILBOXES.has(e.slice(0, at))) out.push(e.slice(0, at));
      }
    },
  },
  { name: 'name_core', keys: (r, out) => { if (r.nameCore) out.push(r.nameCore); } },
  { name: 'name_key', keys: (r, out) => { if (r.nameKey && r.nameKey.length >= 4) out.push(r.nameKey); } },
  { name: 'name_gram', keys: nameGrams, oversized: 'skip', maxBlockSize: 50 },
  {
    name: 'person_surname_initial',
    keys: (r, out) => { if (r.lastName && r.firstName) out.push(r.lastName + '|' + first(r.firstName)); },
  },
  {
    name: 'person_given_initial',
    keys: (r, out) => { if (r.lastName && r.firstName) out.push(r.firstName + '|' + first(r.lastName)); },
  },
  {
    name: 'person_soundex',
    keys: (r, out) => {
      if (r.lastName && r.firstName) out.push(soundex(r.lastName) + soundex(r.firstName), soundex(r.firstName) + soundex(r.lastName));
    },
  },
  { name: 'birth_date', keys: (r, out) => { if (r.birthDate && isPerson(r)) out.push(r.birthDate); } },
  {
    // One name part and the birth year: records that lack the other part, or misspell it.
    name: 'person_name_year',
    keys: (r, out) => {
      if (!r.birthDate) return;
      const year = r.birthDate.slice(0, 4);
      if (r.firstName) out.push('f' + r.firstName + '|' + year);
      if (r.lastName) out.push('l' + r.lastName + '|' + year);
    },
  },
  {
    name: 'person_postcode',
    keys: (r, out) => {
      if (!r.postalCode || !isPerson(r)) return;
      if (r.lastName) out.push(r.postalCode + '|l' + first(r.lastName));
      if (r.firstName) out.push(r.postalCode + '|f' + first(r.firstName));
    },
  },
  {
    name: 'person_city',
    keys: (r, out) => { if (r.city && r.lastName) out.push(r.city + '|' + soundex(r.lastName)); },
  },
  {
    // Either name within a place (city, or the first three characters of the postcode).
    name: 'person_place_name',
    keys: (r, out) => {
      if (!isPerson(r)) return;
      for (const place of [r.city, r.postalCode && r.postalCode.length >= 4 ? r.postalCode.slice(0, 3) : null]) {
        if (!place) continue;
        if (r.firstName) out.push(`f${r.firstName}|${place}`);
        if (r.lastName) out.push(`l${r.lastName}|${place}`);
      }
    },
  },
  {
    name: 'person_prefixes_year',
    keys: (r, out) => {
      if (r.firstName && r.lastName && r.birthDate) out.push(`${r.firstName.slice(0, 2)}${r.lastName.slice(0, 2)}|${r.birthDate.slice(0, 4)}`);
    },
  },
  {
    name: 'address',
    keys: (r, out) => {
      if (!r.address) return;
      const k = addressKey(r.address);
      if (k.length >= 4) out.push(k);
      if (k.length >= 8) out.push('\u0001' + k.slice(0, 8));
    },
    oversized: 'skip',
  },
] satisfies BlockingRule[]);

// ------------------------------------------------------------------------------------------------ machinery

// Hot loops write doubles straight into typed arrays: a double (hash, pair code) passed through a call that is
// not inlined is boxed on the heap, and millions of such boxes cost more in garbage collection than the work.

/** Appends the 53-bit hash of a key (two FNV-1a variants; collisions are negligible) to `to` and returns it. */
function pushHash(s: string, owner: number, to: KeyBuffer): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  if (to.length === to.hashes.length) to.grow();
  to.hashes[to.length] = (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
  to.owners[to.length++] = owner;
}

/** One rule's keys: hash and record index, growing by doubling. */
class KeyBuffer {
  hashes: Float64Array;
  owners: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.hashes = new Float64Array(capacity);
    this.owners = new Uint32Array(capacity);
  }
  grow(): void {
    const hashes = new Float64Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const owners = new Uint32Array(this.owners.length * 2);
    owners.set(this.owners);
    this.owners = owners;
  }
}

/** Pair codes, growing by doubling. */
class CodeBuffer {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(capacity);
  }
  /** Room for `extra` more codes. */
  reserve(extra: number): Float64Array {
    if (this.length + extra > this.data.length) {
      let size = this.data.length * 2;
      while (size < this.length + extra) size *= 2;
      const next = new Float64Array(size);
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    return this.data;
  }
}

/** The order records take inside an oversized block: by pinyin name, then region. */
function sortKeyOf(r: MatchRecord): string {
  return `${r.nameKey ?? r.nameCore ?? ''}|${r.lastName ?? ''}|${r.firstName ?? ''}|${r.regionCode ?? r.city ?? ''}`;
}

/** Rule index in the low bits of a pair code: code = (a * n + b) * RULE_SLOTS + rule. */
const RULE_SLOTS = 32;
/** (n² - 1) * 32 must stay below 2^53. */
const MAX_RECORDS = 2 ** 24;

/**
 * Groups one rule's (key hash, record) entries into blocks and appends each block's pairs to `out` as codes.
 * Returns the rule's statistics.
 */
function blockRule(
  rule: BlockingRule,
  ri: number,
  keys: KeyBuffer,
  records: readonly MatchRecord[],
  out: CodeBuffer,
  limits: { cap: number; window: number; touching: Uint8Array | null },
): BlockingStats {
  const n = records.length;
  const count = keys.length;
  const proposedBefore = out.length;
  // Hash table: key hash -> block id (open addressing, linear probing).
  let size = 1024;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slotHash = new Float64Array(size);
  const slotBlock = new Int32Array(size).fill(-1);
  const blockOf = new Int32Array(count);
  let blocks = 0;
  const hs = keys.hashes;
  for (let e = 0; e < count; e++) {
    const h = hs[e]!;
    let slot = (h / 2097152) & mask; // the high (FNV) part picks the slot
    for (;;) {
      const b = slotBlock[slot]!;
      if (b === -1) {
        slotBlock[slot] = blocks;
        slotHash[slot] = h;
        blockOf[e] = blocks++;
        break;
      }
      if (slotHash[slot] === h) {
        blockOf[e] = b;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Counting sort of the entries by block (stable: members stay in record order).
  const start = new Uint32Array(blocks + 1);
  for (let e = 0; e < count; e++) start[blockOf[e]! + 1]!++;
  for (let b = 0; b < blocks; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, blocks);
  const members = new Uint32Array(count);
  const os = keys.owners;
  for (let e = 0; e < count; e++) members[fill[blockOf[e]!]!++] = os[e]!;

  const { touching, window } = limits;
  const limit = rule.maxBlockSize ?? limits.cap;
  let largest = 0;
  let oversized = 0;
  for (let b = 0; b < blocks; b++) {
    const lo = start[b]!;
    const hi = start[b + 1]!;
    const len = hi - lo;
    if (len < 2) continue;
    if (len > largest) largest = len;
    if (touching) {
      let any = false;
      for (let x = lo; x < hi && !any; x++) any = touching[members[x]!] === 1;
      if (!any) continue;
    }
    if (len <= limit) {
      const data = out.reserve((len * (len - 1)) / 2);
      let w = out.length;
      for (let x = lo; x < hi; x++) {
        const i = members[x]!;
        const ti = touching ? touching[i] === 1 : true;
        for (let y = x + 1; y < hi; y++) {
          const j = members[y]!;
          if (i === j || (!ti && touching![j] !== 1)) continue;
          data[w++] = (i < j ? i * n + j : j * n + i) * RULE_SLOTS + ri;
        }
      }
      out.length = w;
      continue;
    }
    oversized++;
    if (rule.oversized === 'skip') continue;
    const group = Array.from(members.subarray(lo, hi));
    const keys = new Map<number, string>();
    for (const i of group) keys.set(i, sortKeyOf(records[i]!));
    group.sort((p, q) => {
      const kp = keys.get(p)!;
      const kq = keys.get(q)!;
      return kp < kq ? -1 : kp > kq ? 1 : p - q;
    });
    const data = out.reserve(group.length * window);
    let w = out.length;
    for (let x = 0; x < group.length; x++) {
      const i = group[x]!;
      const ti = touching ? touching[i] === 1 : true;
      for (let y = x + 1; y < group.length && y <= x + window; y++) {
        const j = group[y]!;
        if (i === j || (!ti && touching![j] !== 1)) continue;
        data[w++] = (i < j ? i * n + j : j * n + i) * RULE_SLOTS + ri;
      }
    }
    out.length = w;
  }
  return { rule: rule.name, keys: count, blocks, largestBlock: largest, oversizedBlocks: oversized, proposed: out.length - proposedBefore };
}

export function buildCandidatePairs(records: readonly MatchRecord[], options: BlockingOptions = {}): BlockingResult {
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES;
  if (rules.length > RULE_SLOTS) throw new RangeError(`at most ${RULE_SLOTS} blocking rules`);
  const n = records.length;
  if (n > MAX_RECORDS) throw new RangeError(`blocking handles at most ${MAX_RECORDS} records`);
  const limits = { cap: options.maxBlockSize ?? 100, window: options.window ?? 8, touching: options.touching ?? null };
  const maxPairs = options.maxPairs ?? 150_000_000;

  // One pass over the records collects every rule's keys (each record is read once, not once per rule).
  const keys = rules.map(() => new KeyBuffer(1024));
  const keyBuf: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    for (let ri = 0; ri < rules.length; ri++) {
      keyBuf.length = 0;
      rules[ri]!.keys(r, keyBuf);
      for (let k = 0; k < keyBuf.length; k++) {
        const key = keyBuf[k]!;
        if (key === '' || (k > 0 && keyBuf.indexOf(key) < k)) continue; // a key twice in one record counts once
        pushHash(key, i, keys[ri]!);
      }
    }
  }

  // Every rule's pairs as codes, then one sort: a pair's codes differ only in the rule bits, so the first of a
  // run of equal pairs carries the first rule that proposed it.
  const out = new CodeBuffer(Math.max(1024, n * 4));
  const stats: BlockingStats[] = [];
  for (let ri = 0; ri < rules.length; ri++) {
    stats.push(blockRule(rules[ri]!, ri, keys[ri]!, records, out, limits));
    keys[ri] = new KeyBuffer(1); // release as we go
    if (out.length > maxPairs * 4) break;
  }
  const codes = out.data.subarray(0, out.length);
  codes.sort();
  const counts = new Array<number>(rules.length).fill(0);
  let total = 0;
  let last = -1;
  for (let k = 0; k < codes.length; k++) {
    const pair = Math.floor(codes[k]! / RULE_SLOTS);
    if (pair !== last) {
      codes[total++] = codes[k]!;
      last = pair;
    }
  }
  if (total > maxPairs) {
    throw new CrmError(`blocking made more than ${maxPairs} candidate pairs; tighten the blocking rules`);
  }
  const a = new Uint32Array(total);
  const b = new Uint32Array(total);
  const rule = new Uint8Array(total);
  for (let k = 0; k < total; k++) {
    const code = codes[k]!;
    const pair = Math.floor(code / RULE_SLOTS);
    const ri = code - pair * RULE_SLOTS;
    const i = Math.floor(pair / n);
    a[k] = i;
    b[k] = pair - i * n;
    rule[k] = ri;
    counts[ri]!++;
  }
  const byRule: Record<string, number> = {};
  rules.forEach((r, ri) => (byRule[r.name] = counts[ri]!));
  return { pairs: { a, b, rule, length: total, rules: rules.map((r) => r.name) }, byRule, stats };
}

/** The pairs as objects (for small inputs and tests). */
export function candidatePairList(pairs: CandidatePairs): { a: number; b: number }[] {
  const list: { a: number; b: number }[] = [];
  for (let k = 0; k < pairs.length; k++) list.push({ a: pairs.a[k]!, b: pairs.b[k]! });
  return list;
}
