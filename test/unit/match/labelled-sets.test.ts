// FEBRL1 (1,000 people, 500 duplicate pairs) end to end through the real normalizer and matcher: pairwise
// precision / recall / F1 of the clusters against the rec-<N> labels. The data is the shared benchmark copy beside
// the repository (../shared, there on every machine and in CI); the other labelled sets run in `npm run bench:quality`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CanonicalValues } from '../../../src/canonical-fields.js';
import { buildMatchRecord } from '../../../src/match/match-record.js';
import { findMatches } from '../../../src/match/pipeline.js';
import { normalizeRecord } from '../../../src/normalize/record.js';

const FEBRL1 = fileURLToPath(new URL('../../../../shared/benchmarks/febrl/dataset1.csv', import.meta.url));

function pairwise(clusters: number[][], truth: string[]): { precision: number; recall: number; f1: number } {
  let predicted = 0;
  let correct = 0;
  for (const c of clusters) {
    predicted += (c.length * (c.length - 1)) / 2;
    const counts = new Map<string, number>();
    for (const i of c) counts.set(truth[i]!, (counts.get(truth[i]!) ?? 0) + 1);
    for (const k of counts.values()) correct += (k * (k - 1)) / 2;
  }
  const sizes = new Map<string, number>();
  for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  let actual = 0;
  for (const s of sizes.values()) actual += (s * (s - 1)) / 2;
  const precision = correct / predicted;
  const recall = correct / actual;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

describe('FEBRL1 labelled set', () => {
  it('reaches F1 >= 0.98 with the default thresholds', () => {
    const lines = readFileSync(FEBRL1, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = lines[0]!.split(',').map((h) => h.trim());
    const truth: string[] = [];
    const records = lines.slice(1).map((line, i) => {
      const cells = line.split(',').map((c) => c.trim());
      const row = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']));
      truth.push(row.rec_id!.replace(/^rec-(\d+)-.*$/, '$1'));
      const raw: CanonicalValues = {};
      const set = (field: keyof CanonicalValues, value: string | undefined): void => {
        if (value) raw[field] = value;
      };
      set('first_name', row.given_name);
      set('last_name', row.surname);
      set('address', [row.street_number, row.address_1, row.address_2].filter(Boolean).join(' '));
      set('city', row.suburb);
      set('postal_code', row.postcode);
      set('province', row.state);
      set('birth_date', row.date_of_birth);
      set('id_number', row.soc_sec_id);
      return buildMatchRecord(i, normalizeRecord(raw, { dateOrder: 'ymd' }).values, { raw });
    });
    const result = findMatches(records, { seed: 42 });
    const m = pairwise(result.clusters, truth);
    expect(m.precision).toBeGreaterThanOrEqual(0.98);
    expect(m.recall).toBeGreaterThanOrEqual(0.98);
    expect(m.f1).toBeGreaterThanOrEqual(0.98);
    expect(result.stats.pairs).toBeLessThan(5 * records.length); // near-linear
  });
});
