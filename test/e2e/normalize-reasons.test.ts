// Every registered reason code is reachable: fixtures/normalize/every-reason.csv is imported with the real CLI and
// each code of src/normalize/reason-codes.ts must come out, in record_issues at the rows and fields that
// every-reason.expected.json names, and in what `crm normalize` reports (JSON and text). Codes recorded by the
// import itself (IMPORT_STAGE_CODES) are not re-derived by `crm normalize`, so for them the store is the witness.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_STAGE_CODES, REASON_CODES } from '../../src/normalize/reason-codes.js';
import { copyFixture, fixturesDir, removeTempDirs, runCrm, tempDir, type CrmResult, type ImportTotals } from './helpers.js';

interface Expected {
  fixture: string;
  read: number;
  rejected: number;
  issues: Record<string, { source_row: number; field: string; why: string }[]>;
}

interface NormalizeJson {
  records: number;
  changed: number;
  fields: Record<string, Record<string, number>>;
  issues_by_code: Record<string, number>;
  import_issues_by_code: Record<string, number>;
  dry_run: boolean;
}

interface StoredIssue {
  source_row: number;
  stage: string;
  field: string;
  code: string;
}

const expected = JSON.parse(readFileSync(join(fixturesDir, 'normalize', 'every-reason.expected.json'), 'utf8')) as Expected;
const codes = Object.keys(REASON_CODES).sort();
const normalizeCodes = codes.filter((c) => !IMPORT_STAGE_CODES.has(c));

function ok(r: CrmResult, what: string): CrmResult {
  if (r.code !== 0) throw new Error(`${what} exited ${String(r.code)}: ${r.stderr}`);
  return r;
}

function readIssues(db: string): StoredIssue[] {
  const store = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return store
      .prepare(
        `SELECT s.source_row, i.stage, i.field, i.code FROM record_issues i JOIN source_records s ON s.record_id = i.record_id
         ORDER BY s.source_row, i.stage, i.field, i.code`,
      )
      .all() as StoredIssue[];
  } finally {
    store.close();
  }
}

describe('every reason code from fixtures/normalize/every-reason.csv', () => {
  let db: string;
  let imported: ImportTotals;
  let afterImport: StoredIssue[];
  let first: NormalizeJson;
  let second: NormalizeJson;
  let afterNormalize: StoredIssue[];
  let text: CrmResult;

  beforeAll(() => {
    const dir = tempDir();
    db = join(dir, 'crm.db');
    const csv = copyFixture('normalize', expected.fixture, dir);
    imported = JSON.parse(ok(runCrm(['import', csv, '--db', db, '--json']), 'crm import').stdout) as ImportTotals;
    afterImport = readIssues(db);
    first = JSON.parse(ok(runCrm(['normalize', '--db', db, '--json']), 'crm normalize --json').stdout) as NormalizeJson;
    second = JSON.parse(ok(runCrm(['normalize', '--db', db, '--json']), 'crm normalize --json (again)').stdout) as NormalizeJson;
    afterNormalize = readIssues(db);
    text = ok(runCrm(['normalize', '--db', db]), 'crm normalize');
  });
  afterAll(removeTempDirs);

  it('imports every row', () => {
    expect(imported.read).toBe(expected.read);
    expect(imported.rejected).toBe(expected.rejected);
    expect(imported.inserted).toBe(expected.read);
  });

  it('the expected file names at least one place for every registered code, and nothing else', () => {
    expect(Object.keys(expected.issues).sort()).toEqual(codes);
    for (const code of codes) expect(expected.issues[code]!.length, code).toBeGreaterThan(0);
  });

  it.each(codes)('%s is recorded where every-reason.expected.json says', (code) => {
    const stage = IMPORT_STAGE_CODES.has(code) ? 'import' : 'normalize';
    for (const { source_row, field } of expected.issues[code]!) {
      expect(afterImport, `row ${source_row} ${field}`).toContainEqual({ source_row, stage, field, code });
      expect(afterNormalize, `row ${source_row} ${field} after crm normalize`).toContainEqual({ source_row, stage, field, code });
    }
  });

  it('every stored issue has a registered code, filed under a field and stage the registry allows', () => {
    for (const issue of afterNormalize) {
      const info = REASON_CODES[issue.code];
      expect(info, `unregistered code ${issue.code} on row ${issue.source_row}`).toBeDefined();
      expect(info!.field.split('|'), `${issue.code} on row ${issue.source_row}`).toContain(issue.field);
      expect(issue.stage).toBe(IMPORT_STAGE_CODES.has(issue.code) ? 'import' : 'normalize');
    }
  });

  it('crm normalize --json counts every normalization code, as stored', () => {
    expect(first.records).toBe(expected.read);
    expect(Object.keys(first.issues_by_code).sort()).toEqual(normalizeCodes);
    const stored: Record<string, number> = {};
    for (const i of afterNormalize) if (i.stage === 'normalize') stored[i.code] = (stored[i.code] ?? 0) + 1;
    expect(first.issues_by_code).toEqual(stored);
  });

  it('crm normalize (text) lists every normalization code with its count', () => {
    for (const code of normalizeCodes) {
      expect(text.stdout, code).toMatch(new RegExp(`^ +${code} +${first.issues_by_code[code]}$`, 'm'));
    }
  });

  it('crm normalize also shows the issues found at import, so every registered code is shown', () => {
    const importCodes = Object.keys(REASON_CODES).filter((c) => IMPORT_STAGE_CODES.has(c)).sort();
    expect(Object.keys(first.import_issues_by_code).sort()).toEqual(importCodes);
    for (const code of importCodes) {
      expect(text.stdout, code).toMatch(new RegExp(`^ +${code} +${first.import_issues_by_code[code]}$`, 'm'));
    }
  });

  it('crm normalize is idempotent: nothing changes on the second run', () => {
    expect(second.changed).toBe(0);
    expect(second.issues_by_code).toEqual(first.issues_by_code);
    expect(second.fields).toEqual(first.fields);
    expect(afterNormalize).toEqual(afterImport);
    expect(text.stderr).toContain(`crm normalize: ${expected.read} records, 0 changed`);
  });
});
