// String similarity measures for the comparison levels (comparisons.ts) and keys for blocking (blocking.ts).
// Pure and allocation-light: they run once per candidate pair and comparison, millions of times per dedupe.
//
//   jaroWinkler     Jaro similarity with the Winkler prefix bonus (scale 0.1, prefix up to 4), on UTF-16 units
//                   (every Han character of the BMP is one unit).
//   levenshtein     edit distance, from fastest-levenshtein.
//   osaDistance     optimal string alignment: edit distance where swapping two neighbours costs 1 (dates, ids).
//   bigramJaccard   Jaccard index of the sets of character bigrams: the overlap measure for Chinese names and
//                   addresses, which have no spaces to split on. A one-character string is its own "bigram".
//   tokenJaccard    Jaccard index of the sets of words (Latin names, addresses); tokenContainment the share of
//                   the smaller set found in the other ('fenix' / 'fenix at the argyle').
//   soundex         American Soundex of a Latin word (blocking key for person surnames).
import { distance } from 'fastest-levenshtein';

export function levenshtein(a: string, b: string): number {
  return distance(a, b);
}

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity in [0, 1]; 1 for two equal strings, 0 when either is empty. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length) flagsA = new Uint8Array(la * 2);
  if (lb > flagsB.length) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 0 || j === 1) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

let osaPrev2 = new Int32Array(32);
let osaPrev = new Int32Array(32);
let osaCur = new Int32Array(32);

/** Optimal string alignment distance (Levenshtein plus adjacent transposition). Meant for short strings. */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 1 > osaCur.length) {
    osaPrev2 = new Int32Array(lb * 2 + 2);
    osaPrev = new Int32Array(lb * 2 + 2);
    osaCur = new Int32Array(lb * 2 + 2);
  }
  let p2 = osaPrev2;
  let p1 = osaPrev;
  let cur = osaCur;
  for (let j = 0; j <= lb; j++) p1[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(p1[j]! + 1, cur[j - 1]! + 1, p1[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, p2[j - 2]! + 1);
      cur[j] = v;
    }
    const t = p2;
    p2 = p1;
    p1 = cur;
    cur = t;
  }
  return p1[lb]!;
}

const bigramCache = new Map<string, Float64Array>();

/** The distinct character bigrams of a string as sorted numbers (a one-character string is its own unit). Cached. */
export function bigramsOf(s: string): Float64Array {
  let g = bigramCache.get(s);
  if (g !== undefined) return g;
  if (s.length <= 1) g = Float64Array.of(s.length === 1 ? s.charCodeAt(0) : 0);
  else {
    const all = new Float64Array(s.length - 1);
    // +1: a bigram never equals a lone character's code
    for (let i = 0; i + 1 < s.length; i++) all[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1) + 1;
    all.sort();
    let w = 0;
    for (let i = 0; i < all.length; i++) if (w === 0 || all[w - 1] !== all[i]) all[w++] = all[i]!;
    g = all.slice(0, w);
  }
  if (bigramCache.size > 1_000_000) bigramCache.clear();
  bigramCache.set(s, g);
  return g;
}

function commonCount(x: Float64Array, y: Float64Array): number {
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i]!;
    const q = y[j]!;
    if (p === q) {
      common++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return common;
}

/** Strings up to this long are compared bigram by bigram in place (no allocation); longer ones via bigramsOf. */
const SHORT = 24;

/** Whether the bigram of s at i (or s itself, when it is one character) already occurred before i. */
function seenBefore(s: string, i: number): boolean {
  const c0 = s.charCodeAt(i);
  const c1 = s.charCodeAt(i + 1);
  for (let k = 0; k < i; k++) if (s.charCodeAt(k) === c0 && s.charCodeAt(k + 1) === c1) return true;
  return false;
}

function occursIn(s: string, c0: number, c1: number): boolean {
  for (let k = 0; k + 1 < s.length; k++) if (s.charCodeAt(k) === c0 && s.charCodeAt(k + 1) === c1) return true;
  return false;
}

/** Distinct bigrams of a short string (a one-character string is its own unit). */
function distinctShort(s: string): number {
  if (s.length === 1) return 1;
  let d = 0;
  for (let i = 0; i + 1 < s.length; i++) if (!seenBefore(s, i)) d++;
  return d;
}

/** Distinct bigrams of a (short) found in b (short). */
function commonShort(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) {
    // a lone character is a unit of its own: it matches only the same lone character
    return a.length === 1 && b.length === 1 && a === b ? 1 : 0;
  }
  let common = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    if (!seenBefore(a, i) && occursIn(b, a.charCodeAt(i), a.charCodeAt(i + 1))) common++;
  }
  return common;
}

/** Jaccard index of the character-bigram sets, in [0, 1]. */
export function bigramJaccard(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length <= SHORT && b.length <= SHORT) {
    const common = commonShort(a, b);
    return common / (distinctShort(a) + distinctShort(b) - common);
  }
  const x = bigramsOf(a);
  const y = bigramsOf(b);
  const common = commonCount(x, y);
  return common / (x.length + y.length - common);
}

/** Share of the smaller bigram set found in the other, in [0, 1]: 1 when one name contains the other. */
export function bigramContainment(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length <= SHORT && b.length <= SHORT) return commonShort(a, b) / Math.min(distinctShort(a), distinctShort(b));
  const x = bigramsOf(a);
  const y = bigramsOf(b);
  return commonCount(x, y) / Math.min(x.length, y.length);
}

const tokenCache = new Map<string, readonly string[]>();

/** The distinct words of a string (runs of letters and digits), sorted. Cached: the same values recur. */
export function tokensOf(s: string): readonly string[] {
  let t = tokenCache.get(s);
  if (t === undefined) {
    t = [...new Set(s.split(/[^\p{L}\p{N}]+/u).filter(Boolean))].sort();
    if (tokenCache.size > 1_000_000) tokenCache.clear();
    tokenCache.set(s, t);
  }
  return t;
}

function commonTokens(ta: readonly string[], tb: readonly string[]): number {
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < ta.length && j < tb.length) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/** Jaccard index of the word sets, in [0, 1]. */
export function tokenJaccard(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const common = commonTokens(ta, tb);
  return common / (ta.length + tb.length - common);
}

/** Share of the smaller word set found in the other, in [0, 1]: 1 when every word of one is in the other. */
export function tokenContainment(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  return commonTokens(ta, tb) / Math.min(ta.length, tb.length);
}

let bandPrev2 = new Int32Array(64);
let bandPrev = new Int32Array(64);
let bandCur = new Int32Array(64);

/** OSA distance when it is at most `max`, else max + 1: only the diagonal band |i - j| <= max is computed. */
export function osaWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (lb + 1 > bandCur.length) {
    bandPrev2 = new Int32Array(lb * 2 + 2);
    bandPrev = new Int32Array(lb * 2 + 2);
    bandCur = new Int32Array(lb * 2 + 2);
  }
  const big = max + 1;
  let p2 = bandPrev2;
  let p1 = bandPrev;
  let cur = bandCur;
  for (let j = 0; j <= lb; j++) p1[j] = j <= max ? j : big;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(lb, i + max);
    cur[0] = i <= max ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = p1[j - 1]! + (ca === cb ? 0 : 1);
      const del = p1[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = p2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) cur[hi + 1] = big;
    if (rowMin > max) return big;
    const t = p2;
    p2 = p1;
    p1 = cur;
    cur = t;
  }
  const d = p1[lb]!;
  return d > max ? big : d;
}

const SOUNDEX_CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/** American Soundex (letter + 3 digits) of the Latin letters of a word; '' when it has none. */
export function soundex(word: string): string {
  const s = word.toLowerCase().replace(/[^a-z]/g, '');
  if (s === '') return '';
  let out = s.charAt(0).toUpperCase();
  let last = SOUNDEX_CODES[s.charAt(0)] ?? '';
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s.charAt(i);
    const code = SOUNDEX_CODES[ch] ?? '';
    if (code !== '' && code !== last) out += code;
    if (ch !== 'h' && ch !== 'w') last = code;
  }
  return out.padEnd(4, '0');
}

/** Whether a string holds Han characters (then bigrams, not tokens, are the unit of overlap). */
export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}
