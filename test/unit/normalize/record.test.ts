// normalizeRecord's cross-field check: a landline's area code against the record's region, for phone and fax alike.
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../../../src/normalize/record.js';

const conflicts = (raw: Record<string, string>) =>
  normalizeRecord({ name: '上海明远信息科技有限公司', ...raw }, { dateOrder: 'ymd' }).issues
    .filter((i) => i.code === 'area_code_conflict')
    .map((i) => `${i.field}:${i.value}`);

describe('area code against region', () => {
  it.each([
    ['a Beijing fax on a Shanghai record', { province: '上海', fax: '010-62531234' }, ['fax:010-62531234']],
    ['a Shanghai fax on a Shanghai record', { province: '上海', fax: '021-58881234' }, []],
    ['a Beijing phone on a Shanghai record', { province: '上海', phone: '010-62531234' }, ['phone:010-62531234']],
    ['phone and fax both wrong', { city: '杭州', phone: '021-58881234', fax: '010-62531234' }, ['phone:021-58881234', 'fax:010-62531234']],
    ['no region: nothing to check', { fax: '010-62531234' }, []],
  ])('%s', (_what, raw, expected) => {
    expect(conflicts(raw)).toEqual(expected);
  });
});
