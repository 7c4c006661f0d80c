#!/usr/bin/env node
// normalize-speed — single-thread cost of each normalizer on realistic rows (bench/out/crm-1m.csv, made by
// `npm run bench:import` or bench/generate-crm.mjs). Rows are read once, then each normalizer runs over all of them
// with cold caches (a fresh process per normalizer), so repeated values help only as much as real data lets them.
//   npm run build && node bench/normalize-speed.mjs [--rows 100000] [--only name,region]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(ROOT, 'bench/out/crm-1m.csv');
const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, only: { type: 'string', default: '' }, child: { type: 'string', default: '' } } });
const ROWS = Number(args.rows);

const NORMALIZERS = {
  name: async () => { const { normalizeName } = await import('../dist/normalize/name.js'); return (r) => normalizeName(r.name, { customerType: r.customer_type, uscc: r.uscc }); },
  region: async () => { const { normalizeRegion } = await import('../dist/normalize/region.js'); return (r) => normalizeRegion({ province: r.province, city: r.city, district: r.district, region: r.region, address: r.address }); },
  phones: async () => { const { normalizePhones } = await import('../dist/normalize/phone.js'); return (r) => normalizePhones([{ field: 'mobile', value: r.mobile }, { field: 'phone', value: r.phone }]); },
  industry: async () => { const { normalizeIndustry } = await import('../dist/normalize/industry.js'); return (r) => normalizeIndustry(r.industry); },
  identifiers: async () => { const { normalizeUscc } = await import('../dist/normalize/identifier.js'); return (r) => normalizeUscc(r.uscc); },
  email: async () => { const { normalizeEmail } = await import('../dist/normalize/email.js'); return (r) => normalizeEmail(r.email); },
  dates: async () => { const { normalizeDate } = await import('../dist/normalize/date.js'); return (r) => { normalizeDate(r.created_at); normalizeDate(r.last_activity_at); }; },
  amount: async () => { const { normalizeAmount } = await import('../dist/normalize/amount.js'); return (r) => normalizeAmount(r.annual_amount); },
  record: async () => { const { normalizeRecord } = await import('../dist/normalize/record.js'); return (r) => normalizeRecord(r, { dateOrder: 'ymd' }); },
};

async function readRows() {
  const { CsvParser } = await import('../dist/csv/parse-csv.js');
  const { planMapping, compileMapping, applyMapping } = await import('../dist/csv/header-map.js');
  const parser = new CsvParser(',');
  let mapping = null;
  const rows = [];
  for await (const chunk of createReadStream(FILE, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    for (const rec of parser.push(chunk)) {
      if (!mapping) mapping = compileMapping(planMapping(rec.cells, { preset: 'auto' }));
      else rows.push(applyMapping(mapping, rec.cells).values);
      if (rows.length >= ROWS) return rows;
    }
  }
  return rows;
}

if (args.child) {
  const rows = await readRows();
  const run = await NORMALIZERS[args.child]();
  const started = process.hrtime.bigint();
  for (const r of rows) run(r);
  const us = Number(process.hrtime.bigint() - started) / 1000 / rows.length;
  process.stdout.write(JSON.stringify({ us, rows: rows.length, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6), rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
} else {
  if (!existsSync(FILE)) {
    console.error(`normalize-speed: ${FILE} is missing; run: node bench/generate-crm.mjs --rows 1000000 --seed 42 --out bench/out/crm-1m.csv`);
    process.exit(1);
  }
  const names = args.only ? args.only.split(',') : Object.keys(NORMALIZERS);
  console.log(`| normalizer | µs/row (${ROWS} rows, one core) | heap MB | rss MB |\n|---|---:|---:|---:|`);
  for (const name of names) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--rows', String(ROWS)], { encoding: 'utf8' });
    if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
    const m = JSON.parse(r.stdout);
    console.log(`| ${name} | ${m.us.toFixed(1)} | ${m.heapMb} | ${m.rssMb} |`);
  }
}
