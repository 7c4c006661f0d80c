import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeIdNumber, normalizeOrgCode, normalizeUscc } from '../../../src/normalize/identifier.js';

describe('normalizeUscc (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43', '350100', 'M000100Y-4'],
    ['914403001922038216', '440300', '19220382-1'],
    ['91110000802100433B', '110000', '80210043-3'],
    ['9144030071526726XG', '440300', '71526726-X'],
    ['91100000100003962T', '100000', '10000396-2'],
    ['91310101MA1K4L2B9U', '310101', 'MA1K4L2B-9'],
    ['92440305MA5T7W3QXW', '440305', 'MA5T7W3Q-X'],
    ['933205830691K2C35R', '320583', '0691K2C3-5'],
    ['121101084200127D95', '110108', '4200127D-9'],
    ['51110000MJ0031X84X', '110000', 'MJ0031X8-4'],
  ])('%s is valid', (raw, regionCode, orgCode) => {
    expect(normalizeUscc(raw)).toEqual({
      value: raw,
      valid: true,
      status: 'unchanged',
      issues: [],
      orgCode,
      regionCode,
    });
  });

  it.each([
    ['91110000100006020A', 'uscc_checksum', 'check character should be 7'],
    ['91350100M000100Y4Z', 'uscc_format', 'Z'],
    ['91310101MA1K4L2B90', 'uscc_checksum', 'check character should be U'],
    ['92440305MA5T7W3QXI', 'uscc_format', 'I'],
    ['933205830691K2C35', 'uscc_format', 'got 17'],
    ['91310115MA1G4L1WXK', 'uscc_checksum', 'check character should be 7'],
  ])('%s is invalid: %s (%s)', (raw, code, message) => {
    const r = normalizeUscc(raw);
    expect(r).toMatchObject({ value: raw, valid: false, status: 'invalid', orgCode: null, regionCode: null });
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    expect(r.issues[0]?.message).toContain(message);
    expect(r.issues[0]?.field).toBe('uscc');
  });

  it.each([
    ['91350100m000100y43', '91350100M000100Y43'],
    [' 9144 0300 1922 0382 16 ', '914403001922038216'],
    ['91110000-802100433-B', '91110000802100433B'],
    ['９１３１０１０１ＭＡ１Ｋ４Ｌ２Ｂ９Ｕ', '91310101MA1K4L2B9U'],
  ])('cleans %j to %s (status normalized)', (raw, value) => {
    expect(normalizeUscc(raw)).toMatchObject({ value, valid: true, status: 'normalized' });
  });

  it('warns (valid stays true) when the embedded organization code fails GB 11714', () => {
    // 华为's code with the org-code check changed 1 -> 2 and the USCC check recomputed (by hand) to 9.
    const r = normalizeUscc('914403001922038229');
    expect(r).toMatchObject({ valid: true, status: 'unchanged', orgCode: '19220382-2' });
    expect(r.issues.map((i) => i.code)).toEqual(['uscc_org_code']);
    expect(r.issues[0]?.message).toContain('check character should be 1');
  });

  it.each([[null], [undefined], [''], ['   ']])('%j is empty', (raw) => {
    expect(normalizeUscc(raw)).toEqual({
      value: null,
      valid: null,
      status: 'empty',
      issues: [],
      orgCode: null,
      regionCode: null,
    });
  });
});

describe('normalizeIdNumber (GB 11643)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['440524188001010014', '1880-01-01', 'male', '440524'],
    ['310101199003071230', '1990-03-07', 'male', '310101'],
    ['31010319780615456X', '1978-06-15', 'female', '310103'],
    ['650102199211118886', '1992-11-11', 'female', '650102'],
  ])('%s is valid', (raw, birthDate, gender, regionCode) => {
    expect(normalizeIdNumber(raw)).toEqual({
      value: raw,
      valid: true,
      birthDate,
      gender,
      regionCode,
      status: 'unchanged',
      issues: [],
    });
  });

  it.each([
    ['110105194912310021', 'id_checksum', 'check character should be X'],
    ['44052418800101001X', 'id_checksum', 'check character should be 4'],
    ['110108200102290044', 'id_birth_date', '2001-02-29'],
    ['11010519491231002', 'id_format', 'got 17'],
    ['1101051949123100X2', 'id_format', 'X may only be the last'],
    ['999999199001011238', 'id_region_code', '999999'],
  ])('%s is invalid: %s (%s)', (raw, code, message) => {
    const r = normalizeIdNumber(raw);
    expect(r).toMatchObject({ value: raw, valid: false, status: 'invalid', birthDate: null, gender: null });
    expect(r.issues.map((i) => i.code)).toContain(code);
    expect(r.issues.find((i) => i.code === code)?.message).toContain(message);
  });

  it('upgrades a 15-digit number to 18 digits (status normalized)', () => {
    expect(normalizeIdNumber('110105491231002')).toMatchObject({
      value: '11010519491231002X',
      valid: true,
      status: 'normalized',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it.each([
    ['11010519491231002x', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['110105 19491231 002X', '11010519491231002X'],
  ])('cleans %j to %s', (raw, value) => {
    expect(normalizeIdNumber(raw)).toMatchObject({ value, valid: true, status: 'normalized' });
  });

  it('rejects a birth date in the future', () => {
    const r = normalizeIdNumber('110105209901010015');
    expect(r.issues.map((i) => i.code)).toContain('id_birth_date');
  });
});

describe('normalizeOrgCode (GB 11714)', () => {
  it.each([['19220382-1'], ['80210043-3'], ['71526726-X'], ['12345678-8'], ['D2143569-X'], ['MA1K4L2B-9']])(
    '%s is valid',
    (raw) => {
      expect(normalizeOrgCode(raw)).toEqual({ value: raw, valid: true, status: 'unchanged', issues: [] });
    },
  );

  it.each([
    ['19220382-2', 'org_code_checksum', 'check character should be 1'],
    ['80210043-X', 'org_code_checksum', 'check character should be 3'],
    ['1922038-1', 'org_code_format', 'got 7 + 1'],
    ['19220382-Y', 'org_code_format', "got 'Y'"],
    ['ABCDEFGH-0', 'org_code_checksum', 'check character should be 5'],
  ])('%s is invalid: %s (%s)', (raw, code, message) => {
    const r = normalizeOrgCode(raw);
    expect(r).toMatchObject({ value: raw, valid: false, status: 'invalid' });
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    expect(r.issues[0]?.message).toContain(message);
  });

  it.each([
    ['192203821', '19220382-1'],
    ['19220382－1', '19220382-1'],
    ['d2143569-x', 'D2143569-X'],
  ])('writes %j as %s', (raw, value) => {
    expect(normalizeOrgCode(raw)).toMatchObject({ value, valid: true, status: 'normalized' });
  });
});

interface LabelledIdentifier {
  kind: 'uscc' | 'id' | 'org';
  input: string;
  expected_value: string;
  expected_valid: string;
  note: string;
}

describe('labelled accuracy (test/unit/normalize/labelled/identifier.csv)', () => {
  const rows = parse(readFileSync(new URL('./labelled/identifier.csv', import.meta.url)), {
    columns: true,
    skip_empty_lines: true,
    trim: false,
  }) as LabelledIdentifier[];

  it('has at least 60 hand-checked rows of each kind mixed', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['uscc', 'id', 'org']));
  });

  it('reaches 99% and prints every miss', () => {
    let hits = 0;
    for (const row of rows) {
      const r =
        row.kind === 'uscc'
          ? normalizeUscc(row.input)
          : row.kind === 'id'
            ? normalizeIdNumber(row.input)
            : normalizeOrgCode(row.input);
      const expectedValue = row.expected_value === '' ? null : row.expected_value;
      const expectedValid = row.expected_valid === '' ? null : row.expected_valid === 'true';
      // A note starting with a reason code ("id_checksum: ...") also names the issue that must be raised.
      const reason = /^([a-z_]+):/.exec(row.note)?.[1];
      const reasonOk = reason === undefined || r.issues.some((i) => i.code === reason);
      if (r.value === expectedValue && r.valid === expectedValid && reasonOk) {
        hits++;
      } else {
        console.log(
          `KNOWN MISS identifier: ${row.kind} ${row.input} expected ${expectedValue ?? '-'} ${String(expectedValid)}` +
            `${reason === undefined ? '' : ` ${reason}`} got ${r.value ?? '-'} ${String(r.valid)} ` +
            r.issues.map((i) => i.code).join(','),
        );
      }
    }
    const accuracy = hits / rows.length;
    console.log(`identifier labelled accuracy: ${hits}/${rows.length} = ${(accuracy * 100).toFixed(2)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});
