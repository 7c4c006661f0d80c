#!/usr/bin/env node
// dedupe-bench — how `crm dedupe --auto` scales on generated CRM data with about 40% duplicates.
//
// Usage (from the repository root; `npm run bench:dedupe` builds first and passes arguments after `--`):
//   node bench/dedupe-bench.mjs [--sizes 100000,300000,1000000] [--runs 1] [--timeout SECONDS]
//
// For each size: generates bench/out/crm-dup-<n>.csv with entity labels (bench/generate-crm.mjs, seed 7,
// dup-rate 0.4) if missing; imports it once (normalized) into bench/out/dedupe-<n>.base.db; then for each run copies
// that store and times `crm dedupe --auto --json` alone (wall, and peak RSS through GNU time when installed).
// Reports medians, pairs compared, records/s, pairwise P/R/F1 against the labels, and the growth exponent
// log(t2/t1)/log(n2/n1) between consecutive sizes. Targets (issue 4): 1M in <= 120 s wall, <= 4 GB, exponent
// close to 1. Markdown table on stdout and in bench/out/dedupe-bench.md; exit 1 only when a command fails.
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { generateCrm } from './generate-crm.mjs';
import { describeMachine, hasGnuTime, median, removeDb, runMeasured, tmpRssFile } from './lib/measure.mjs';
import { pairwiseMetrics } from './quality/metrics.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const CRM = join(ROOT, 'bin', 'crm');
const log = (m) => process.stderr.write(`dedupe-bench: ${m}\n`);

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,300000,1000000' },
    runs: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '3600' },
  },
});
const sizes = args.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
const runs = Number(args.runs);
const timeoutMs = Number(args.timeout) * 1000;
const useTime = hasGnuTime();
mkdirSync(OUT, { recursive: true });

async function crm(cmdArgs, what) {
  const r = await runMeasured(process.execPath, [CRM, ...cmdArgs], { cwd: ROOT, timeoutMs, rssFile: tmpRssFile(OUT, 'dedupe'), useTime, env: { ...process.env, CRM_ACTOR: 'bench' } });
  if (r.code !== 0) {
    log(`${what} failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}${r.timedOut ? ', timed out' : ''}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return r;
}

const rows = [];
for (const n of sizes) {
  const csv = join(OUT, `crm-dup-${n}.csv`);
  const labels = join(OUT, `crm-dup-${n}.labels.csv`);
  if (!existsSync(csv) || !existsSync(labels)) {
    log(`generating ${n} rows with 40% duplicates`);
    await generateCrm({ rows: n, seed: 7, dupRate: 0.4, out: csv, labels });
  }
  const base = join(OUT, `dedupe-${n}.base.db`);
  if (!existsSync(base)) {
    log(`importing ${csv} (normalized) into ${base}`);
    removeDb(base);
    const imp = await crm(['import', csv, '--db', base, '--source', 'bench', '--quiet', '--json'], 'import');
    log(`import took ${(imp.wallMs / 1000).toFixed(1)} s`);
  }
  const truthBySource = new Map(parse(readFileSync(labels), { columns: true }).map((r) => [r.source_id, r.entity_id]));
  const walls = [];
  const rss = [];
  let summary = null;
  let quality = null;
  for (let run = 1; run <= runs; run++) {
    const db = join(OUT, `dedupe-${n}.work.db`);
    removeDb(db);
    copyFileSync(base, db);
    log(`${n} records: crm dedupe --auto (run ${run}/${runs})`);
    const r = await crm(['dedupe', '--auto', '--db', db, '--json', '--quiet'], 'dedupe');
    walls.push(r.wallMs / 1000);
    rss.push(r.rssMb ?? JSON.parse(r.stdout).max_rss_mb ?? null);
    summary = JSON.parse(r.stdout);
    if (run === 1) {
      // Streamed from a file: a 1M-record export is too big to hold as one string and a million row objects.
      const exported = join(OUT, `dedupe-${n}.export.csv`);
      await crm(['export', '--view', 'records', '--db', db, '--quiet', '-o', exported], 'export');
      const truth = [];
      const predicted = [];
      for await (const x of createReadStream(exported).pipe(parseStream({ columns: true }))) {
        truth.push(truthBySource.get(x.source_id) ?? `missing:${x.source_id}`);
        predicted.push(x.customer_id);
      }
      rmSync(exported);
      quality = pairwiseMetrics(truth, predicted);
    }
    removeDb(db);
  }
  rows.push({ n, wall: median(walls), rss: median(rss), summary, quality });
}

const m = describeMachine({});
const fmt = (x, d = 3) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
const lines = [
  `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(1)} GiB, Node ${m.node}, ${m.date}; ${runs} run(s) per size, medians`,
  '',
  '| records | pairs compared | merges | wall s | records/s | peak RSS MB | growth exponent | precision | recall | F1 | target |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];
rows.forEach((r, i) => {
  const prev = rows[i - 1];
  const exponent = prev ? Math.log(r.wall / prev.wall) / Math.log(r.n / prev.n) : null;
  const target = r.n >= 1_000_000 ? (r.wall <= 120 && (r.rss ?? 0) <= 4096 ? 'pass (≤120 s, ≤4 GB)' : 'FAIL (≤120 s, ≤4 GB)') : '';
  lines.push(`| ${r.n} | ${r.summary.pairs_compared} | ${r.summary.auto_merged} | ${fmt(r.wall, 1)} | ${Math.round(r.n / r.wall)} | ${r.rss === null ? 'n/a' : Math.round(r.rss)} | ${fmt(exponent, 2)} | ${fmt(r.quality.precision)} | ${fmt(r.quality.recall)} | ${fmt(r.quality.f1)} | ${target} |`);
});
const report = lines.join('\n');
console.log(report);
writeFileSync(join(OUT, 'dedupe-bench.md'), `${report}\n`);
