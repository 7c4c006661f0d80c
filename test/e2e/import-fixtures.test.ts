// Every fixture in fixtures/import/ imports as its <name>.expected.json says: exit code, counts with the
// nothing-lost identity (read = inserted + updated + unchanged + rejected), the rejects CSV with reason codes,
// how the file was read (encoding, BOM, delimiter, preset) and spot values in `crm export`, with no mojibake.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MOJIBAKE, exportRawRecords, fixturesDir, listFixtures, parseCsvObjects, rawValue, removeTempDirs, runCrmAsync, tempDir,
  type ImportTotals,
} from './helpers.js';

interface SpotCheck {
  source_row: number;
  field: string;
  value?: string;
  length?: number;
  sha256?: string;
  starts_with?: string;
  ends_with?: string;
}

interface ExpectedReject {
  row: number;
  line?: number;
  reason_code: string;
  raw_contains?: string;
}

interface Expected {
  description: string;
  args: string[];
  exit: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  empty_lines?: number;
  rejects: ExpectedReject[];
  encoding: string;
  bom?: boolean;
  delimiter?: string;
  detected_preset?: string;
  spot: SpotCheck[];
}

const AREA = 'import';
const EXPECTED_SUFFIX = '.expected.json';

/** Each expected file names its fixture: <fixture>.expected.json beside <fixture>.csv / .tsv. */
function fixtureCases(): { fixture: string; expected: Expected }[] {
  const files = listFixtures(AREA);
  return files
    .filter((f) => f.endsWith(EXPECTED_SUFFIX))
    .map((f) => {
      const stem = f.slice(0, -EXPECTED_SUFFIX.length);
      const fixture = files.find((g) => g !== f && !g.endsWith('.json') && g.slice(0, -extname(g).length) === stem);
      if (!fixture) throw new Error(`${f}: no fixture named ${stem}.*`);
      return { fixture, expected: JSON.parse(readFileSync(join(fixturesDir, AREA, f), 'utf8')) as Expected };
    });
}

/** Copies the fixture and its sibling inputs (e.g. custom-map.json) into dir. */
function copyWithSiblings(fixture: string, dir: string): string {
  const stem = fixture.slice(0, -extname(fixture).length);
  for (const f of listFixtures(AREA)) {
    if (f === fixture || (f.startsWith(`${stem}.`) && !f.endsWith(EXPECTED_SUFFIX))) {
      copyFileSync(join(fixturesDir, AREA, f), join(dir, f));
    }
  }
  return join(dir, fixture);
}

afterAll(removeTempDirs);

const cases = fixtureCases();

describe('crm import: fixtures', () => {
  it('has a fixture for every preset and every nasty case', () => {
    const names = cases.map((c) => c.fixture);
    for (const required of [
      'u8-gbk-crlf.csv', 'fxiaoke-utf8-bom.csv', 'salesforce-report-footer.csv', 'salesforce-dataloader.csv',
      'zoho-accounts.csv', 'zoho-contacts.csv', 'hubspot-companies.csv', 'hubspot-contacts.csv',
      'ragged-rows.csv', 'embedded-newlines.csv', 'empty.csv', 'header-only.csv', 'duplicate-headers.csv',
      'huge-field.csv', 'mixed-encodings.csv', 'semicolon-delimited.csv', 'tab-delimited.tsv',
      'cr-only-line-endings.csv', 'utf16le-bom.csv', 'no-name-no-id.csv', 'unclosed-quote.csv', 'custom-map.csv',
    ]) {
      expect(names, required).toContain(required);
    }
  });

  // Concurrent: the fixtures are independent, and most of the time goes to starting the CLI.
  it.concurrent.for(cases.map((c) => [c.fixture, c.expected] as const))('%s', async ([fixture, expected], { expect }) => {
    const dir = tempDir();
    const file = copyWithSiblings(fixture, dir);
    const db = join(dir, 'crm.db');
    const rejectsFile = join(dir, 'rejects.csv');
    const args = expected.args.map((a) => a.replaceAll('{dir}', dir));
    const run = await runCrmAsync(['import', file, '--db', db, '--json', '--rejects', rejectsFile, ...args]);
    const context = `${fixture}: stderr:\n${run.stderr}`;
    expect(run.code, context).toBe(expected.exit);

    // The JSON summary: totals and the one file's counts, with the identity.
    const totals = JSON.parse(run.stdout) as ImportTotals;
    const counts = { read: expected.read, inserted: expected.inserted, updated: expected.updated, unchanged: expected.unchanged, rejected: expected.rejected };
    expect(pick(totals, counts), context).toEqual(counts);
    expect(totals.read).toBe(totals.inserted + totals.updated + totals.unchanged + totals.rejected);
    expect(totals.files).toHaveLength(1);
    const summary = totals.files[0]!;
    expect(pick(summary, counts), context).toEqual(counts);
    expect(summary.read).toBe(summary.inserted + summary.updated + summary.unchanged + summary.rejected);
    expect(summary.file).toBe(fixture);
    expect(summary.source).toBe(basename(fixture, extname(fixture)));
    expect(summary.status).toBe('imported');
    const byReason: Record<string, number> = {};
    for (const r of expected.rejects) byReason[r.reason_code] = (byReason[r.reason_code] ?? 0) + 1;
    expect(summary.rejects_by_reason, context).toEqual(byReason);

    // How the file was read.
    expect(summary.encoding.split(' ')[0], 'encoding').toBe(expected.encoding);
    if (expected.bom !== undefined) expect(summary.encoding.includes('BOM'), 'BOM reported').toBe(expected.bom);
    if (expected.delimiter !== undefined) expect(summary.delimiter, 'delimiter').toBe(expected.delimiter);
    if (expected.detected_preset !== undefined) expect(summary.preset, 'recognised preset').toContain(expected.detected_preset);
    if (expected.empty_lines !== undefined) expect(summary.empty_lines, 'empty lines').toBe(expected.empty_lines);

    // The rejects CSV: one row per rejected row, with its row, line, reason and raw text.
    expect(existsSync(rejectsFile)).toBe(true);
    const rejectsText = readFileSync(rejectsFile, 'utf8');
    const rejects = parseCsvObjects(rejectsText);
    expect(rejectsText.split(/\r?\n/)[0]).toBe('file,row,line,reason_code,reason,raw');
    expect(rejects, context).toHaveLength(expected.rejected);
    expect(expected.rejects).toHaveLength(expected.rejected);
    const gotRejects = [...rejects].sort((a, b) => Number(a['row']) - Number(b['row']));
    expected.rejects.forEach((want, k) => {
      const got = gotRejects[k]!;
      const where = `${fixture} reject #${k + 1}: ${JSON.stringify(got)}`;
      expect(got['file'], where).toBe(fixture);
      expect(Number(got['row']), where).toBe(want.row);
      expect(got['reason_code'], where).toBe(want.reason_code);
      expect(got['reason'], where).not.toBe('');
      if (want.line !== undefined) expect(Number(got['line']), where).toBe(want.line);
      if (want.raw_contains !== undefined) expect(got['raw'], where).toContain(want.raw_contains);
    });

    // The records as exported: one per inserted row, correct text (values as imported), no mojibake anywhere.
    const exported = await exportRawRecords(db);
    expect(exported.text, `${fixture}: export contains mojibake`).not.toMatch(MOJIBAKE);
    expect(exported.rows).toHaveLength(expected.inserted);
    for (const row of exported.rows) expect(row['source']).toBe(summary.source);
    for (const spot of expected.spot) {
      const row = exported.rows.find((r) => Number(r['source_row']) === spot.source_row);
      const where = `${fixture} row ${spot.source_row} ${spot.field}`;
      expect(row, `${where}: no exported record`).toBeDefined();
      const value = rawValue(row!, spot.field);
      expect(value, `${where}: no such export column`).toBeDefined();
      if (value === undefined) continue;
      if (spot.value !== undefined) expect(value, where).toBe(spot.value);
      if (spot.length !== undefined) expect(value.length, `${where} length`).toBe(spot.length);
      if (spot.starts_with !== undefined) expect(value.startsWith(spot.starts_with), `${where} starts with ${spot.starts_with}`).toBe(true);
      if (spot.ends_with !== undefined) expect(value.endsWith(spot.ends_with), `${where} ends with ${spot.ends_with}`).toBe(true);
      if (spot.sha256 !== undefined) expect(createHash('sha256').update(value).digest('hex'), `${where} sha256`).toBe(spot.sha256);
    }
  });
});

function pick<T extends object>(from: T, like: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, (from as Record<string, unknown>)[k]]));
}
