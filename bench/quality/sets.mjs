// The labelled sets the quality benchmark runs: where each file is, its --map, how to read its ground truth, which
// exported column proves that export row N is data row N, and the target. Ground truth is read here from the files
// themselves and never imported as a matching field.
//
// Truth loaders return one entry per data row, in file order: { entity, check, note? }. `entity` is the true
// entity id; `check` is the value export's `checkColumn` must show for that row (the join is on source + source_row;
// the check makes a misaligned join fail loudly instead of scoring garbage); `note` goes into the error files.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** Parses a CSV the forgiving way the benchmark files need: BOM, blank lines, a space before a quoted cell. */
function readCsv(path, { ltrim = false } = {}) {
  return parse(readFileSync(path), {
    bom: true,
    columns: (header) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    ltrim,
  });
}

const trim = (v) => (v ?? '').trim();
/** FEBRL: rec-<N>-org / rec-<N>-dup-<k> → N. */
const febrlEntity = (recId) => {
  const m = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(recId);
  if (!m) throw new Error(`unexpected FEBRL rec_id ${JSON.stringify(recId)}`);
  return m[1];
};
/** The restaurant file writes every value after the first as ` "…"` or ` '…'`. */
const unquote = (v) => trim(v).replace(/^(['"])(.*)\1$/, '$2');

function febrlTruth(path) {
  return readCsv(path, { ltrim: true }).map((r) => ({ entity: febrlEntity(trim(r.rec_id)), check: trim(r.rec_id) }));
}

function clusterTruth(path) {
  return readCsv(path).map((r) => ({ entity: trim(r.cluster), check: trim(r.unique_id) }));
}

function restaurantTruth(path) {
  return readCsv(path, { ltrim: true }).map((r) => ({ entity: unquote(r.unique_id), check: trim(r.name) }));
}

function chineseTruth(path, labelsPath) {
  const labels = new Map(readCsv(labelsPath).map((r) => [r.source_id, r]));
  return readCsv(path).map((r) => {
    const id = trim(r['客户编码']);
    const label = labels.get(id);
    if (!label) throw new Error(`${labelsPath}: no label for 客户编码 ${id}`);
    return { entity: label.entity_id, check: id, note: `${label.case}:${label.variant}` };
  });
}

/**
 * The sets, in report order. `data` is the shared benchmarks folder, `root` the repository.
 * target.metric is 'f1' (pairwise F1) or 'precision' (pairwise precision); a missed target is reported, not fatal.
 */
export function defineSets({ data, root }) {
  const maps = join(root, 'bench', 'quality', 'maps');
  const febrl = (name, file, min) => ({
    name,
    file: join(data, 'febrl', file),
    map: join(maps, `${name}.json`),
    truth: () => febrlTruth(join(data, 'febrl', file)),
    checkColumn: 'source_id',
    show: ['first_name', 'last_name', 'address', 'city', 'postal_code', 'province', 'birth_date', 'id_number'],
    target: { metric: 'f1', min },
  });
  return [
    febrl('febrl1', 'dataset1.csv', 0.98),
    febrl('febrl3', 'dataset3.csv', 0.97),
    {
      name: 'fake_1000',
      file: join(data, 'splink', 'fake_1000.csv'),
      map: join(maps, 'fake_1000.json'),
      truth: () => clusterTruth(join(data, 'splink', 'fake_1000.csv')),
      checkColumn: 'source_id',
      show: ['first_name', 'last_name', 'birth_date', 'city', 'email'],
      target: { metric: 'precision', min: 0.95 },
    },
    {
      name: 'historical_50k',
      file: join(data, 'splink', 'historical_figures_with_errors_50k.csv'),
      map: join(maps, 'historical_50k.json'),
      truth: () => clusterTruth(join(data, 'splink', 'historical_figures_with_errors_50k.csv')),
      checkColumn: 'source_id',
      show: ['first_name', 'last_name', 'birth_date', 'city', 'postal_code', 'gender', 'notes'],
      target: { metric: 'f1', min: 0.8 },
    },
    {
      name: 'restaurant',
      file: join(data, 'restaurant_fodors_zagat_dedupe', 'restaurant-nophone-training.csv'),
      map: join(maps, 'restaurant.json'),
      truth: () => restaurantTruth(join(data, 'restaurant_fodors_zagat_dedupe', 'restaurant-nophone-training.csv')),
      // unique_id is the ground truth (repeated across a restaurant's rows), so no source_id is mapped: check the name.
      checkColumn: 'raw_name',
      show: ['name', 'address', 'city', 'notes'],
      target: { metric: 'precision', min: 0.95 },
    },
    {
      name: 'chinese',
      file: join(root, 'fixtures', 'dedupe', 'chinese-companies.csv'),
      map: join(maps, 'chinese.json'),
      truth: () => chineseTruth(join(root, 'fixtures', 'dedupe', 'chinese-companies.csv'), join(root, 'fixtures', 'dedupe', 'chinese-companies.labels.csv')),
      checkColumn: 'source_id',
      show: ['name', 'uscc', 'mobile', 'phone', 'email', 'province', 'city', 'address', 'contact_name'],
      target: { metric: 'f1', min: 0.95 },
    },
  ];
}

export const SET_NAMES = ['febrl1', 'febrl3', 'fake_1000', 'historical_50k', 'restaurant', 'chinese'];
