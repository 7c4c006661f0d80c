import { describe, expect, it } from 'vitest';
import {
  addressKey, bigramContainment, bigramJaccard, compareAddresses, compareDates, compareNameCore, compareRegionCodes,
  DEFAULT_COMPARISONS, jaro, jaroWinkler, osaDistance, osaWithin, soundex, tokenContainment, tokenJaccard,
} from '../../../src/match/comparisons.js';
import type { Comparison, MatchRecord } from '../../../src/match/types.js';
import { makeRecord } from './make-record.js';

const byName = (name: string): Comparison => {
  const c = DEFAULT_COMPARISONS.find((x) => x.name === name);
  if (!c) throw new Error(name);
  return c;
};
const level = (name: string, a: Partial<MatchRecord>, b: Partial<MatchRecord>): string => {
  const c = byName(name);
  return c.levels[c.compare(makeRecord(1, a), makeRecord(2, b))]!.label;
};

describe('string similarity', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.9444, 0.9611],
    ['DWAYNE', 'DUANE', 0.8222, 0.84],
    ['DIXON', 'DICKSONX', 0.7667, 0.8133],
    ['abc', 'abc', 1, 1],
    ['abc', 'xyz', 0, 0],
    ['', 'abc', 0, 0],
    ['腾讯科技', '腾讯科枝', 0.8333, 0.8833],
  ])('jaro / jaroWinkler(%s, %s)', (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(jw, 3);
  });

  it.each([
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['19900102', '19900120', 1],
    ['abcdef', 'bcdefa', 2],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('osaDistance(%s, %s) = %i, osaWithin agrees up to its bound', (a, b, d) => {
    expect(osaDistance(a, b)).toBe(d);
    for (const max of [0, 1, 2, 3]) expect(osaWithin(a, b, max)).toBe(Math.min(d, max + 1));
  });

  it.each([
    ['辰帮电子', '辰帮电子', 1],
    ['辰帮电子', '辰帮电子科技', 0.6],
    ['辰帮电子', '华达物流', 0],
    ['ab', 'a', 0],
    ['', 'a', 0],
  ])('bigramJaccard(%s, %s)', (a, b, v) => expect(bigramJaccard(a, b)).toBeCloseTo(v, 4));

  it('bigramContainment is 1 when one name holds the other', () => {
    expect(bigramContainment('辰帮电子', '辰帮电子科技')).toBe(1);
    expect(bigramContainment('辰帮电子', '辰邦电子')).toBeCloseTo(1 / 3, 4);
  });

  it('tokenJaccard / tokenContainment work on words, punctuation aside', () => {
    expect(tokenJaccard('the palm', 'palm the (los angeles)')).toBe(0.5);
    expect(tokenContainment('the palm', 'palm the (los angeles)')).toBe(1);
    expect(tokenJaccard('a b', 'c d')).toBe(0);
  });

  it.each([
    ['Robert', 'R163'], ['Rupert', 'R163'], ['Ashcraft', 'A261'], ['Tymczak', 'T522'], ['Pfister', 'P236'], ['Lee', 'L000'], ['', ''],
  ])('soundex(%s) = %s', (w, code) => expect(soundex(w)).toBe(code));
});

describe('field comparators', () => {
  it.each([
    ['腾讯科技', '腾讯科技', 'tengxunkeji', 'tengxunkeji', 1],
    ['辰帮电子', '晨邦电子', 'chenbangdianzi', 'chenbangdianzi', 2],
    ['辰帮电子', '辰帮电子科技', 'a', 'b', 3],
    ['辰帮电子科技', '辰帮信息科技', 'a', 'b', 4],
    ['辰帮电子', '华达物流', 'a', 'b', 5],
    ["arnie mortons of chicago", 'arnie mortons', 'a', 'b', 3],
    ['fenix', 'fenix at the argyle', 'a', 'b', 3],
    ['spago', 'chinois on main', 'a', 'b', 5],
  ])('compareNameCore(%s, %s) = %i', (x, y, kx, ky, want) => {
    expect(compareNameCore(x, y, kx, ky)).toBe(want);
  });

  it.each([
    ['1990-01-02', '1990-01-02', 1],
    ['1990-01-02', '1990-01-03', 2],
    ['1990-01-02', '1990-02-01', 2], // day and month swapped
    ['1990-01-02', '1990-07-15', 3],
    ['1990-01-02', '1985-03-04', 4],
    ['1990-01-02', '1950-06-07', 5],
    ['1999-13-19', '1999-12-19', 2], // an impossible date still agrees but for one edit
  ])('compareDates(%s, %s) = %i', (x, y, want) => expect(compareDates(x, y)).toBe(want));

  it.each([
    ['440305', '440305', 1],
    ['440300', '440305', 2], // a district inside its city
    ['440000', '440305', 2], // a place inside its province
    ['440304', '440305', 3], // two districts of one city
    ['440106', '440305', 4], // Guangzhou and Shenzhen
    ['310115', '440305', 5],
  ])('compareRegionCodes(%s, %s) = %i', (x, y, want) => expect(compareRegionCodes(x, y)).toBe(want));

  it.each([
    ['甘肃省兰州市城关区胜利路890号', '胜利路890号'],
    ['上海浦东新区世纪大道100号', '世纪大道100号'],
    ['435 s. la cienega blv.', '435 s la cienega blv'],
  ])('addressKey(%s) = %s', (a, key) => expect(addressKey(a)).toBe(key));

  it.each([
    ['甘肃省兰州市城关区胜利路890号', '胜利路890号', 1],
    ['胜利路890号国贸中心1楼107', '兰州市胜利路890号', 2],
    ['2450 broadway', '2450 broadway between 90th and 91st sts.', 2],
    ['435 s. la cienega blv.', '435 s. la cienega blvd.', 2],
    ['12224 ventura blvd.', '8358 sunset blvd. west', 4],
  ])('compareAddresses(%s, %s) = %i', (x, y, want) => expect(compareAddresses(x, y)).toBe(want));
});

describe('the comparison list', () => {
  it('every comparison has level 0 = missing and returns it when a side lacks the value', () => {
    const empty = makeRecord(1);
    for (const c of DEFAULT_COMPARISONS) {
      expect(c.levels[0]!.label).toBe('missing');
      expect(c.compare(empty, empty)).toBe(0);
    }
  });

  it.each([
    ['name', { nameCore: '腾讯科技' }, { nameCore: '腾讯科技' }, 'exact'],
    ['name', { nameCore: 'john smith', firstName: 'john', lastName: 'smith' }, { nameCore: 'john smith', firstName: 'john', lastName: 'smith' }, 'missing'],
    ['first_name', { firstName: 'john', lastName: 'smith' }, { firstName: 'smith', lastName: 'john' }, 'swapped'],
    ['first_name', { firstName: 'oscar', lastName: 'moore' }, { firstName: 'moore', lastName: 'oscra' }, 'swapped'],
    ['first_name', { firstName: 'j' }, { firstName: 'john' }, 'similar'],
    ['last_name', { lastName: 'berry' }, { lastName: 'berrt' }, 'close'],
    ['uscc', { uscc: '91310115MA1H7X6Y1A' }, { uscc: '91310115MA1H7X6Y1A' }, 'exact'],
    ['uscc', { uscc: '91310115MA1H7X6Y1A' }, { uscc: '91310115MA1H7X6Y1B' }, 'same_body'],
    ['phones', { phones: ['+8613800000001', '+862161234567'] }, { phones: ['+862161234567'] }, 'shared'],
    ['phones', { phones: ['+8613800000001'] }, { phones: ['+862161234567'] }, 'else'],
    ['emails', { emails: ['zhang.wei@163.com'] }, { emails: ['zhang.wei@qq.com'] }, 'same_mailbox'],
    ['emails', { emails: ['info@abc.com'] }, { emails: ['info@xyz.com'] }, 'else'],
    ['emails', { emails: ['info@a.com'] }, { emails: ['info@b.com'] }, 'else'],
    ['emails', { emails: ['e.rogers3@hopkins.org'] }, { emails: ['e.rogers3@hopkins.orh'] }, 'same_mailbox'],
    ['region', { regionCode: '440300' }, { regionCode: '440305' }, 'contains'],
    ['region', { regionCode: '440106' }, { regionCode: '440305' }, 'same_province'],
    ['postal_code', { postalCode: '4011' }, { postalCode: '4012' }, 'one_edit'],
    ['postal_code', { postalCode: 'tq13 8df' }, { postalCode: 'tq19 4xx' }, 'same_area'],
    ['id_number', { idNumber: '6988048' }, { idNumber: '6988084' }, 'one_edit'],
    ['contact_name', { contactName: '陆洋洋' }, { contactName: '陆洋洋' }, 'exact'],
    ['contact_name', { contactName: '何经理' }, { contactName: '何洋' }, 'close'],
    ['contact_name', { contactName: '何经理' }, { contactName: '王洋' }, 'else'],
    ['name', { nameCore: '刘秀先生' }, { nameCore: '刘秀' }, 'close'],
    ['name', { nameCore: '张先生' }, { nameCore: '张伟' }, 'else'],
    ['website', { website: 'www.a.com' }, { website: 'a.com/about' }, 'exact'],
    ['industry', { industry: 'I6513' }, { industry: 'I6510' }, 'same_division'],
    ['gender', { gender: 'male' }, { gender: 'female' }, 'else'],
  ] as [string, Partial<MatchRecord>, Partial<MatchRecord>, string][])('%s: %o vs %o is %s', (name, a, b, want) => {
    expect(level(name, a, b)).toBe(want);
    expect(level(name, b, a)).toBe(want); // symmetric
  });
});
