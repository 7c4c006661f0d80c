// Pinyin keys of name cores (a blocking key for dedupe): pinyin-pro's reading without tones or separators, lower
// case, only a–z and 0–9 kept ('腾讯科技' → tengxunkeji, '重庆长安汽车' → chongqingchanganqiche).
//
// pinyin() costs some microseconds per call: it matches the text against pinyin-pro's dictionary of words, picks
// the likeliest segmentation and formats every syllable. Most cores need none of that. A character outside any
// word is read as on its own, and so is one whose reading inside every word it belongs to has the same toneless
// key as on its own (科 of 科技). So when no "deviant" word (one that reads some character otherwise: 银行 hang,
// 重庆 chong, 长安 chang, the surname 单 shan) occurs in the core, whatever segmentation pinyin-pro chooses, the
// key is the concatenation of the characters' own keys, taken from a table filled as characters are met. Cores
// with a deviant word, or with a character pinyin-pro reads by its neighbours (了, 々) or outside the BMP, go to
// pinyin() itself. Same result either way (test/unit/normalize/name-regression.test.ts compares both).
//
// This relies on how pinyin-pro 3.x reads text (words from its dictionary, other characters on their own, 一/不
// fixed when toneSandhi is off) and on its word list, loaded from its data module; nothing here adds dictionaries
// to pinyin-pro (addDict, customPinyin), which would change its readings behind this table's back.
import { convert, pinyin } from 'pinyin-pro';
import { PatternsNormal } from 'pinyin-pro/dist/esm/data/patterns.mjs';

const OPTIONS = { toneType: 'none', separator: '', v: true, toneSandhi: false } as const;
const HAN = /[\u4e00-\u9fff]/u;
/** pinyin-pro's priority of its ordinary dictionary words (surname readings rank above). */
const NORMAL_PRIORITY = 1;
/** Entries kept by the cache of pinyin() results before it starts afresh. */
const CACHE_LIMIT = 20_000;

function keyOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

interface DictionaryWord {
  zh: string;
  pinyin: string;
  priority: number;
}

interface DeviantWord {
  text: string;
  /** A surname reading, used by pinyin-pro only in surname mode. */
  surname: boolean;
}

/** pinyin-pro's dictionary words by first character (BMP only: cores with other characters go to pinyin()). */
let wordsByFirst: Map<number, DictionaryWord[]> | null = null;
/** By UTF-16 unit: its key when read on its own; filled as characters are met. */
const charKeys: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
/** By UTF-16 unit: the dictionary words starting with it that read some character otherwise than on its own. */
const deviantWords: (readonly DeviantWord[] | undefined)[] = new Array<readonly DeviantWord[] | undefined>(0x10000).fill(
  undefined,
);
const syllableKeys = new Map<string, string>();
const NONE: readonly DeviantWord[] = [];
/** 了 (le / liao) and 々 (repeats the character before): pinyin-pro reads them by their neighbours. */
const LE = 0x4e86;
const ITERATION_MARK = 0x3005;

function charKey(code: number): string {
  let key = charKeys[code];
  if (key === undefined) {
    key = keyOf(pinyin(String.fromCharCode(code), { ...OPTIONS, surname: 'off' }));
    charKeys[code] = key;
  }
  return key;
}

function syllableKey(syllable: string): string {
  let key = syllableKeys.get(syllable);
  if (key === undefined) {
    key = keyOf(convert(syllable, { format: 'toneNone' }).replace(/ü/g, 'v'));
    syllableKeys.set(syllable, key);
  }
  return key;
}

function deviantWordsAt(code: number): readonly DeviantWord[] {
  let found = deviantWords[code];
  if (found !== undefined) return found;
  if (!wordsByFirst) {
    wordsByFirst = new Map();
    for (const word of PatternsNormal as readonly DictionaryWord[]) {
      if (/[\ud800-\udfff]/u.test(word.zh)) continue;
      const first = word.zh.charCodeAt(0);
      const list = wordsByFirst.get(first);
      if (list) list.push(word);
      else wordsByFirst.set(first, [word]);
    }
  }
  const list: DeviantWord[] = [];
  for (const word of wordsByFirst.get(code) ?? []) {
    const syllables = word.pinyin.split(' ');
    for (let i = 0; i < word.zh.length; i++) {
      if (syllableKey(syllables[i] ?? '') !== charKey(word.zh.charCodeAt(i))) {
        list.push({ text: word.zh, surname: word.priority > NORMAL_PRIORITY });
        break;
      }
    }
  }
  found = list.length > 0 ? list : NONE;
  deviantWords[code] = found;
  return found;
}

/** The key from the characters' own readings, or null when the core needs pinyin() (see the top of the file). */
function keyFromTable(core: string, person: boolean): string | null {
  let key = '';
  for (let i = 0; i < core.length; i++) {
    const code = core.charCodeAt(i);
    if ((code >= 0xd800 && code <= 0xdfff) || code === LE || code === ITERATION_MARK) return null;
    const words = deviantWordsAt(code);
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      if (word && (person || !word.surname) && core.startsWith(word.text, i)) return null;
    }
    key += charKey(code);
  }
  return key;
}

/** pinyin() results for the cores the table cannot read, by core (a repeat saves a pinyin() call). */
const cache = new Map<string, string | null>();

function keyFromPinyin(core: string, person: boolean): string | null {
  const cacheKey = person ? `\u0001${core}` : core;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const key = keyOf(pinyin(core, { ...OPTIONS, surname: person ? 'head' : 'off' })) || null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, key);
  return key;
}

/**
 * Pinyin key of a core; a person's name is read with surname readings (单 shan, 曾 zeng). Text without Han
 * characters is kept as written (lower case, letters and digits).
 */
export function toPinyinKey(core: string, person: boolean): string | null {
  if (!HAN.test(core)) return keyOf(core) || null;
  const key = keyFromTable(core, person);
  return key === null ? keyFromPinyin(core, person) : key || null;
}

/** The key as pinyin() alone gives it, for tests that compare the two ways. */
export function toPinyinKeySlow(core: string, person: boolean): string | null {
  if (!HAN.test(core)) return keyOf(core) || null;
  return keyOf(pinyin(core, { ...OPTIONS, surname: person ? 'head' : 'off' })) || null;
}
