// Region names written in Latin letters: pinyin of every current name's stem (Shenzhen, Xi'an, Pei Xian) plus the
// usual English names of province-level units. Homophones keep all their readings (Suzhou = 苏州 or 宿州), so the
// reader reports them as ambiguous unless a province decides. pinyin-pro is loaded only when Latin text shows up.
import { createRequire } from 'node:module';
import type { pinyin as PinyinFunction } from 'pinyin-pro';
import { regionLexicon } from './region-lexicon.js';
import type { Candidate } from './region-lexicon.js';

/** Spellings that pinyin would get wrong or that are not pinyin at all. */
const ENGLISH_NAMES: Record<string, string> = {
  shanxi: '140000', // 山西; 陕西 is spelled Shaanxi
  shaanxi: '610000',
  innermongolia: '150000',
  neimongol: '150000',
  tibet: '540000',
  hongkong: '810000',
  hk: '810000',
  hksar: '810000',
  macau: '820000',
  macao: '820000',
};

/** Words around a Latin place name that carry no place. */
export const LATIN_NOISE = new Set([
  'province', 'sheng', 'city', 'shi', 'municipality', 'district', 'qu', 'county', 'prefecture', 'autonomous',
  'region', 'zizhiqu', 'zizhizhou', 'sar', 'special', 'administrative', 'china', 'prc', 'pr', 'people', 's',
  'republic', 'of', 'the', 'mainland',
]);

let index: Map<string, Candidate[]> | undefined;

/** Latin key (lower case, no spaces) -> current codes. */
export function latinIndex(): Map<string, Candidate[]> {
  index ??= buildIndex();
  return index;
}

function buildIndex(): Map<string, Candidate[]> {
  const require = createRequire(import.meta.url);
  const { pinyin } = require('pinyin-pro') as { pinyin: typeof PinyinFunction };
  const out = new Map<string, Candidate[]>();
  const add = (key: string, code: string, tier: number): void => {
    const list = out.get(key) ?? [];
    if (!list.some((c) => c.code === code)) list.push({ code, tier });
    out.set(key, list);
  };
  for (const d of regionLexicon().divisions.values()) {
    const key = pinyin(d.stem, { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '');
    // Province names are as good as their English names; everything else ranks like a suffix-less name.
    if (key.length > 0) add(key, d.code, d.level === 0 ? 0 : 2);
  }
  for (const [key, code] of Object.entries(ENGLISH_NAMES)) {
    out.set(key, [{ code, tier: 0 }]); // replaces the pinyin reading (shanxi is only 山西)
  }
  return out;
}
