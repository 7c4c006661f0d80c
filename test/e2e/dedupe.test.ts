// crm dedupe / review / merge / unmerge end to end, on three small exports of the same companies
// (fixtures/dedupe/crm-a.csv, crm-b.csv, crm-c.csv): duplicates across sources, a traditional-character copy,
// a namesake in another city and a branch office that must stay apart.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir, parseCsvObjects, removeTempDirs, runCrm, tempDir } from './helpers.js';

afterAll(removeTempDirs);

function crm(db: string, args: string[], env: Record<string, string> = {}) {
  const r = runCrm([...args, '--db', db], { env });
  return r;
}

function ok(db: string, args: string[]) {
  const r = crm(db, args);
  expect(r.code, `crm ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

function importAll(db: string, ...names: string[]) {
  for (const n of names) ok(db, ['import', join(fixturesDir, 'dedupe', `crm-${n}.csv`), '--quiet']);
}

/** source_id -> customer_id */
function customersOf(db: string): Record<string, string> {
  const rows = parseCsvObjects(ok(db, ['export', '--quiet']).stdout);
  return Object.fromEntries(rows.map((r) => [r['source_id']!, r['customer_id']!]));
}

function customersView(db: string): string {
  return ok(db, ['export', '--view', 'customers', '--quiet']).stdout;
}

function openPairs(db: string): { id: number; record_a: number; record_b: number; a: string; b: string }[] {
  return JSON.parse(ok(db, ['review', 'list', '--json']).stdout);
}

describe('crm dedupe --auto', () => {
  const db = join(tempDir(), 'crm.db');
  importAll(db, 'a', 'b');
  const run = JSON.parse(ok(db, ['dedupe', '--auto', '--json']).stdout);
  const c = customersOf(db);

  it('merges duplicates across sources, also when written in traditional characters', () => {
    expect(c['B101']).toBe(c['A001']);
    expect(c['B102']).toBe(c['A002']);
    expect(c['B103']).toBe(c['A003']);
    expect(run).toMatchObject({ mode: 'full', records: 11, auto_merged: 3, customers: 8 });
  });

  it('keeps a namesake in another city and a branch office apart', () => {
    expect(c['A006']).not.toBe(c['A001']);
    expect(c['B104']).not.toBe(c['A005']);
  });

  it('gives every record exactly one customer and writes one golden row per customer', () => {
    expect(Object.values(c).every((id) => /^\d+$/.test(id))).toBe(true);
    const golden = parseCsvObjects(customersView(db));
    expect(golden).toHaveLength(8);
    const mingyuan = golden.find((g) => g['customer_id'] === c['A001'])!;
    expect(mingyuan).toMatchObject({ record_count: '2', sources: 'crm-a;crm-b', uscc: '91310101MA1K4L2B9U' });
  });

  it('explains a score comparison by comparison, and says when hard evidence vetoes a match', () => {
    const same = JSON.parse(ok(db, ['dedupe', '--explain', 'crm-a:A001', 'crm-b:B101', '--json']).stdout);
    expect(same.probability).toBeGreaterThan(0.95);
    expect(same.contributions.map((x: { comparison: string }) => x.comparison)).toEqual(expect.arrayContaining(['prior', 'name']));
    const text = ok(db, ['dedupe', '--explain', 'crm-a:A005', 'crm-b:B104']).stdout;
    expect(text).toMatch(/VETO: branch_vs_head_office/);
    expect(crm(db, ['dedupe', '--explain', 'crm-a:A001']).code).toBe(2);
    expect(crm(db, ['dedupe', '--explain', 'crm-a:A001', 'crm-x:nope']).stderr).toMatch(/no record crm-x:nope/);
  });

  it('keeps ids stable in an incremental run: old records keep theirs, a new duplicate joins, a new company gets a new id', () => {
    importAll(db, 'c');
    const next = JSON.parse(ok(db, ['dedupe', '--auto', '--json']).stdout);
    expect(next).toMatchObject({ mode: 'incremental', new_records: 2 });
    const after = customersOf(db);
    for (const [sourceId, id] of Object.entries(c)) expect(after[sourceId], sourceId).toBe(id);
    expect(after['C201']).toBe(c['A004']);
    expect(Number(after['C202'])).toBeGreaterThan(Math.max(...Object.values(c).map(Number)));
  });
});

describe('review, merge and unmerge', () => {
  it('queues pairs without --auto, and accepting one then unmerging restores the store exactly', () => {
    const db = join(tempDir(), 'crm.db');
    importAll(db, 'a', 'b');
    ok(db, ['dedupe']);
    const before = { records: customersOf(db), golden: customersView(db) };
    expect(new Set(Object.values(before.records)).size).toBe(11);
    const pairs = openPairs(db);
    const pair = pairs.find((p) => p.a.includes('A001') && p.b.includes('B101'))!;
    expect(pair).toBeDefined();

    ok(db, ['review', 'accept', String(pair.id)]);
    const merged = customersOf(db);
    expect(merged['A001']).toBe(merged['B101']);
    expect(openPairs(db).find((p) => p.id === pair.id)).toBeUndefined();

    ok(db, ['unmerge', merged['A001']!]);
    expect(customersOf(db)).toEqual(before.records);
    expect(customersView(db)).toBe(before.golden);
  });

  it('undoes a manual merge exactly, and never re-merges the split records', () => {
    const db = join(tempDir(), 'crm.db');
    importAll(db, 'a', 'b');
    ok(db, ['dedupe', '--auto']);
    const before = { records: customersOf(db), golden: customersView(db) };
    const [x, y] = [before.records['A001']!, before.records['A006']!];

    ok(db, ['merge', x, y]);
    const merged = customersOf(db);
    expect(merged['A006']).toBe(x);
    ok(db, ['unmerge', x]);
    expect(customersOf(db)).toEqual(before.records);
    expect(customersView(db)).toBe(before.golden);

    // A steward split them: a full run must not merge them again, and a manual merge needs --force.
    ok(db, ['dedupe', '--auto', '--full']);
    expect(customersOf(db)['A006']).not.toBe(customersOf(db)['A001']);
    const refused = crm(db, ['merge', x, y]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/never to merge.*--force/);
  });

  it('keeps rejected pairs apart in later runs', () => {
    const db = join(tempDir(), 'crm.db');
    importAll(db, 'a', 'b');
    ok(db, ['dedupe']);
    const pair = openPairs(db).find((p) => p.a.includes('A002') && p.b.includes('B102'))!;
    ok(db, ['review', 'reject', String(pair.id)]);
    ok(db, ['dedupe', '--auto', '--full']);
    const c = customersOf(db);
    expect(c['A002']).not.toBe(c['B102']);
    expect(c['A001']).toBe(c['B101']);
    expect(openPairs(db).some((p) => p.id === pair.id)).toBe(false);
  });

  it('refuses the interactive review without a terminal, naming the scriptable commands', () => {
    const db = join(tempDir(), 'crm.db');
    importAll(db, 'a');
    ok(db, ['dedupe']);
    const r = crm(db, ['review']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/crm review: not a terminal: use `crm review list`/);
  });

  it('records every merge and unmerge as an event with actor, time, before and after', () => {
    const db = join(tempDir(), 'crm.db');
    importAll(db, 'a', 'b');
    ok(db, ['dedupe', '--auto']);
    const c = customersOf(db);
    ok(db, ['unmerge', c['A001']!]);
    const events = new Database(db, { readonly: true }).prepare('SELECT kind, actor, at, before_json, after_json, undone_by FROM merge_events ORDER BY id').all() as Record<string, string | null>[];
    expect(events.map((e) => e.kind)).toEqual(['auto_merge', 'auto_merge', 'auto_merge', 'unmerge']);
    expect(events.every((e) => e.actor === 'test' && e.at)).toBe(true);
    const undone = events.find((e) => e.undone_by !== null)!;
    expect(Object.keys(JSON.parse(undone.after_json!))).toEqual(Object.keys(JSON.parse(events[3]!.before_json!)));
  });
});

describe('a crash in the middle of a dedupe run', () => {
  it('leaves the store as it was, and the next run does the work', () => {
    const db = join(tempDir(), 'crm.db');
    importAll(db, 'a', 'b');
    const crashed = crm(db, ['dedupe', '--auto'], { CRM_TEST_CRASH: 'dedupe-before-commit' });
    expect(crashed.signal).toBe('SIGKILL');
    const store = new Database(db, { readonly: true });
    const count = (sql: string) => store.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM source_records WHERE customer_id IS NOT NULL')).toBe(0);
    expect(count('SELECT count(*) FROM customers')).toBe(0);
    expect(count('SELECT count(*) FROM merge_events')).toBe(0);
    expect(count('SELECT count(*) FROM dedupe_runs')).toBe(0);
    expect(count('PRAGMA integrity_check')).toBe('ok');
    store.close();
    const run = JSON.parse(ok(db, ['dedupe', '--auto', '--json']).stdout);
    expect(run).toMatchObject({ mode: 'full', auto_merged: 3, customers: 8 });
  });
});
