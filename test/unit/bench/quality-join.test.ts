// Reading the CLI's output for the quality benchmark: export ↔ ground truth alignment, candidate pairs in either
// key format, summaries with missing keys; and the ground-truth loaders on the shared sets (when present).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JoinError, importNotes, joinExport, readCandidates, readDedupeSummary } from '../../../bench/quality/join.mjs';
import { pairwiseMetrics } from '../../../bench/quality/metrics.mjs';
import { defineSets } from '../../../bench/quality/sets.mjs';

const EXPORT = [
  'source,source_row,source_id,customer_id,name,raw_name',
  's,2,B,7,Beta,Beta',
  's,1,A,7,Alpha,Alpha',
  's,3,C,,Gamma,Gamma',
].join('\n');
const TRUTH = [{ check: 'A' }, { check: 'B' }, { check: 'C' }];

describe('joinExport', () => {
  it('orders export rows by source_row and checks each against the truth', () => {
    const { rows, missing } = joinExport(EXPORT, { setName: 's', checkColumn: 'source_id', truth: TRUTH });
    expect(rows.map((r) => r.source_id)).toEqual(['A', 'B', 'C']);
    expect(rows.map((r) => r.customer_id)).toEqual(['7', '7', '']);
    expect(missing).toBe(0);
  });

  it('checks another column when the set has no id (raw_name)', () => {
    const truth = [{ check: 'Alpha' }, { check: 'Beta' }, { check: 'Gamma' }];
    expect(joinExport(EXPORT, { setName: 's', checkColumn: 'raw_name', truth }).rows).toHaveLength(3);
  });

  it('fails loudly when the export does not line up', () => {
    const truth = [{ check: 'B' }, { check: 'A' }, { check: 'C' }];
    expect(() => joinExport(EXPORT, { setName: 's', checkColumn: 'source_id', truth })).toThrow(JoinError);
    expect(() => joinExport(EXPORT, { setName: 'other', checkColumn: 'source_id', truth: TRUTH })).toThrow(/source "s"/);
    expect(() => joinExport(EXPORT, { setName: 's', checkColumn: 'source_id', truth: TRUTH.slice(0, 2) })).toThrow(/3 records for 2 data rows/);
  });

  it('keeps rows missing from the export (rejected) as empty singletons', () => {
    const truth = [...TRUTH, { check: 'D' }];
    const { rows, missing } = joinExport(EXPORT, { setName: 's', checkColumn: 'source_id', truth });
    expect(missing).toBe(1);
    expect(rows[3]).toMatchObject({ source_row: '4', customer_id: '' });
  });
});

describe('readCandidates', () => {
  const { rows } = joinExport(EXPORT, { setName: 's', checkColumn: 'source_id', truth: TRUTH });

  it('maps source_id pairs to record indexes', () => {
    expect(readCandidates('source_id_a,source_id_b\nA,B\nC,A\n', rows)).toEqual({ pairs: [[0, 1], [2, 0]] });
  });

  it('maps source/source_row pairs, with or without the source columns', () => {
    expect(readCandidates('source_a,source_row_a,source_b,source_row_b\ns,1,s,3\n', rows)).toEqual({ pairs: [[0, 2]] });
    expect(readCandidates('source_row_a,source_row_b\n2,3\n', rows)).toEqual({ pairs: [[1, 2]] });
  });

  it('maps store record ids through the record → (source, source_row) table, preferring them', () => {
    const recordKeys = new Map([[11, { source: 's', source_row: 1 }], [12, { source: 's', source_row: 2 }], [13, { source: 's', source_row: 3 }]]);
    expect(readCandidates('record_a,record_b,source_id_a,source_id_b\n11,13,B,C\n', rows, { recordKeys })).toEqual({ pairs: [[0, 2]] });
    // without the table, the source ids are used
    expect(readCandidates('record_a,record_b,source_id_a,source_id_b\n11,13,B,C\n', rows)).toEqual({ pairs: [[1, 2]] });
    expect(readCandidates('record_a,record_b\n11,99\n', rows, { recordKeys }).error).toMatch(/not in the export/);
  });

  it('explains what it cannot map', () => {
    expect(readCandidates('source_id_a,source_id_b\nA,Z\n', rows).error).toMatch(/not in the export/);
    const noIds = rows.map((r) => ({ ...r, source_id: '' }));
    expect(readCandidates('source_id_a,source_id_b\nA,B\n', noIds).error).toMatch(/source_row/);
    expect(readCandidates('left,right\n1,2\n', rows).error).toMatch(/expected record_a,record_b/);
    expect(readCandidates('source_id_a,source_id_b\n', rows)).toEqual({ pairs: [] });
  });
});

describe('summaries', () => {
  it('reads the dedupe figures it finds and leaves the rest undefined', () => {
    expect(readDedupeSummary({ pairs_compared: 10, blocking: { name: 4 }, auto_merged: 3, elapsed_ms: 12 })).toEqual({
      pairsCompared: 10, blocking: { name: 4 }, autoMerged: 3, queuedForReview: undefined, elapsedMs: 12,
    });
    expect(readDedupeSummary({ pairsCompared: 5 }).pairsCompared).toBe(5);
    expect(readDedupeSummary(null)).toEqual({ pairsCompared: undefined, blocking: undefined, autoMerged: undefined, queuedForReview: undefined, elapsedMs: undefined });
  });

  it('notes rejects and fields that mostly did not normalize', () => {
    const notes = importNotes({
      rejected: 2,
      files: [{ rejects_by_reason: { column_count: 2 }, fields: { birth_date: { empty: 1, unchanged: 0, normalized: 10, unresolved: 0, invalid: 90 }, email: { unchanged: 100, invalid: 1 } } }],
    });
    expect(notes).toEqual([
      'import rejected 2 rows ({"column_count":2}); they score as singletons',
      'import: birth_date did not normalize for 90 of 100 values (unresolved 0, invalid 90)',
    ]);
  });
});

const DATA = fileURLToPath(new URL('../../../../shared/benchmarks', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe.skipIf(!existsSync(DATA))('ground truth of the shared sets (counts from NOTES.md §4)', () => {
  const expected: Record<string, [records: number, entities: number, truePairs: number]> = {
    febrl1: [1000, 500, 500],
    febrl3: [5000, 2000, 6538],
    fake_1000: [1000, 251, 2031],
    historical_50k: [50578, 5156, 303961],
    restaurant: [864, 752, 112],
  };
  for (const set of defineSets({ data: DATA, root: ROOT })) {
    const counts = expected[set.name];
    if (!counts) continue;
    it(`${set.name}: ${counts[0]} records, ${counts[1]} entities, ${counts[2]} true pairs`, () => {
      const truth = set.truth();
      const entities = truth.map((t) => t.entity);
      expect([truth.length, new Set(entities).size, pairwiseMetrics(entities, entities.map(() => null)).truePairs]).toEqual(counts);
      expect(truth.every((t) => t.check !== '')).toBe(true);
    });
  }

  it('restaurant: the quoted unique_id is unquoted, the name is the check', () => {
    const restaurant = defineSets({ data: DATA, root: ROOT }).find((s) => s.name === 'restaurant')!;
    expect(restaurant.truth()[0]).toEqual({ entity: '0', check: "arnie morton's of chicago" });
  });
});
