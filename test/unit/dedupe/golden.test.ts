// Golden records of a first dedupe run are written two ways: customers of one record by one SQL statement, the
// others through pickSurvivors page by page. Both must give what pickSurvivors gives customer by customer.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refreshAllGolden, refreshGolden } from '../../../src/dedupe/golden.js';
import { NORMALIZED_COLUMNS } from '../../../src/normalize/columns.js';
import { CustomerWriter, encodeProvenance, provenanceOf, type StoredProvenance } from '../../../src/store/customers.js';
import { openStore, type Db } from '../../../src/store/db.js';
import { fixturesDir, removeTempDirs, runCrm, tempDir } from '../../e2e/helpers.js';

afterAll(removeTempDirs);

function goldenRows(db: Db): Map<number, Record<string, unknown>> {
  const rows = db.prepare('SELECT * FROM customer_values ORDER BY customer_id').all() as Record<string, unknown>[];
  return new Map(rows.map((r) => [r['customer_id'] as number, r]));
}

describe('golden records of a first run', () => {
  const path = join(tempDir(), 'crm.db');
  for (const n of ['a', 'b', 'c']) expect(runCrm(['import', join(fixturesDir, 'dedupe', `crm-${n}.csv`), '--db', path, '--quiet']).code).toBe(0);
  expect(runCrm(['dedupe', '--auto', '--db', path, '--quiet']).code).toBe(0);
  const db = openStore(path);
  const stored = goldenRows(db);
  const ids = [...stored.keys()];
  // The two passes, in-process and rolled back.
  const run = (pass: (w: CustomerWriter) => void): Map<number, Record<string, unknown>> => {
    db.exec('BEGIN');
    pass(new CustomerWriter(db));
    const rows = goldenRows(db);
    db.exec('ROLLBACK');
    return rows;
  };
  let written = 0;
  const bulk = run((w) => (written = refreshAllGolden(db, w, {})));
  const oneByOne = run((w) => refreshGolden(db, w, ids, {}));
  const sizes = db.prepare('SELECT customer_id, count(*) AS n FROM source_records WHERE customer_id IS NOT NULL GROUP BY customer_id').all() as { customer_id: number; n: number }[];

  it('covers customers of one record and of several', () => {
    expect(sizes.filter((s) => s.n === 1).length).toBeGreaterThan(3);
    expect(sizes.filter((s) => s.n > 1).length).toBeGreaterThan(3);
    expect(ids).toEqual(sizes.map((s) => s.customer_id).sort((a, b) => a - b));
  });

  it('the bulk pass writes what survivorship gives each customer on its own, values and provenance', () => {
    expect(written).toBe(ids.length);
    for (const id of ids) {
      const [a, b] = [bulk.get(id)!, oneByOne.get(id)!];
      const pa = JSON.parse(a['provenance_json'] as string) as StoredProvenance;
      const pb = JSON.parse(b['provenance_json'] as string) as StoredProvenance;
      for (const c of NORMALIZED_COLUMNS) {
        expect(a[c], `customer ${id} ${c}`).toEqual(b[c]);
        expect(provenanceOf(pa, c, a[c]), `customer ${id} ${c} provenance`).toEqual(provenanceOf(pb, c, b[c]));
      }
      expect([a['record_count'], a['sources']]).toEqual([b['record_count'], b['sources']]);
    }
  });

  it('is what crm dedupe stored', () => {
    for (const id of ids) expect({ ...stored.get(id), computed_at: null }).toEqual({ ...bulk.get(id), computed_at: null });
  });
});

describe('stored provenance', () => {
  it('groups fields by record and rule, and gives each field back', () => {
    const stored = encodeProvenance({ name: { record_id: 24, rule: 'most_recent' }, name_core: { record_id: 24, rule: 'most_recent' }, phones: { record_id: 2, rule: 'union' } });
    expect(stored).toEqual({ 24: { most_recent: ['name', 'name_core'] }, 2: { union: ['phones'] } });
    expect(provenanceOf(stored, 'name_core', 'x')).toEqual({ record_id: 24, rule: 'most_recent' });
    expect(provenanceOf(stored, 'phones', '+86')).toEqual({ record_id: 2, rule: 'union' });
    expect(provenanceOf(stored, 'email', 'a@b.cn')).toBeUndefined();
  });

  it('reads the one-record form: every non-empty field from that record', () => {
    const stored: StoredProvenance = { 90: { only_value: '*' } };
    expect(provenanceOf(stored, 'email', 'a@b.cn')).toEqual({ record_id: 90, rule: 'only_value' });
    expect(provenanceOf(stored, 'email', null)).toBeUndefined();
  });
});
