#!/usr/bin/env node
// quality-bench — how well `crm dedupe --auto` finds duplicates, on labelled sets, through the real CLI.
//
// Usage (from the repository root; `npm run bench:quality` builds first and passes arguments after `--`):
//   node bench/quality-bench.mjs [--only febrl1,chinese] [--runs N] [--data DIR] [--no-dedupe] [--keep]
//                                [--errors N] [--timeout SECONDS]
//
// For each set (bench/quality/sets.mjs; the maps are in bench/quality/maps/), N times, in a fresh temp store:
//   node bin/crm import <file> --map <map> --source <set> --db <db> --quiet --json
//   node bin/crm dedupe --auto --db <db> --json [--emit-candidates <candidates.csv>]
//   node bin/crm export --view records --with-raw --db <db> --quiet
// then joins the export with the ground truth on (source, source_row) — checking that each row shows the expected
// id — and scores customer_id as the predicted clustering: pairwise precision / recall / F1, B-cubed, cluster
// counts, and blocking recall (share of true pairs that were candidate pairs; needs --emit-candidates, else n/a).
// A Markdown table goes to stdout and bench/out/quality.md, everything as JSON to bench/out/quality.json, and up to
// --errors (default 200) false-positive and false-negative pairs per set to bench/out/quality-errors/<set>.csv.
//
// Sets: febrl1 (F1 ≥ 0.98), febrl3 (F1 ≥ 0.97), fake_1000 (precision ≥ 0.95), historical_50k (F1 ≥ 0.80),
// restaurant (precision ≥ 0.95), chinese (fixtures/dedupe/chinese-companies.csv, F1 ≥ 0.95). --data is the folder
// of the shared benchmarks (default ../shared/benchmarks beside the repository).
//
// A missed target prints FAIL but does not fail the command. Exit 1 when a crm command fails (or prints output that
// cannot be read, or the export does not line up with the ground truth), or when `crm dedupe` is missing and
// --no-dedupe was not given; 2 on bad arguments. --no-dedupe skips the dedupe step (every record its own cluster:
// precision n/a, recall 0) to check the harness.
//
// Examples:
//   npm run bench:quality
//   npm run bench:quality -- --only febrl1,chinese --runs 3
//   node bench/quality-bench.mjs --no-dedupe --only chinese --keep

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nameList, throwIfProblems, timeoutMs, wholeNumber } from './lib/args.mjs';
import Database from 'better-sqlite3';
import { describeMachine, median, runMeasured } from './lib/measure.mjs';
import { JoinError, importNotes, joinExport, readCandidates, readDedupeSummary } from './quality/join.mjs';
import { blockingMetrics, errorPairs, evaluateClustering } from './quality/metrics.mjs';
import { meetsTarget, renderErrorPairs, renderReport } from './quality/report.mjs';
import { SET_NAMES, defineSets } from './quality/sets.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'bench', 'out');
const log = (msg) => process.stderr.write(`quality-bench: ${msg}\n`);
const rel = (p) => relative(ROOT, p) || '.';
const firstLine = (s) => s.trim().split('\n').find(Boolean)?.slice(0, 300) ?? '';
const USAGE = 'usage: node bench/quality-bench.mjs [--only SET,...] [--runs N] [--data DIR] [--no-dedupe] [--keep] [--errors N] [--timeout S]';

class CommandError extends Error {}

function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', default: SET_NAMES.join(',') },
      runs: { type: 'string', default: '1' },
      data: { type: 'string', default: join(ROOT, '..', 'shared', 'benchmarks') },
      'no-dedupe': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      errors: { type: 'string', default: '200' },
      timeout: { type: 'string', default: '1800' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  const problems = [];
  const runs = wholeNumber(values.runs, 'runs', 1, problems);
  const errors = wholeNumber(values.errors, 'errors', 0, problems);
  const timeout = timeoutMs(values.timeout, problems);
  const only = nameList(values.only, 'set', SET_NAMES, problems);
  if (only.length === 0) problems.push('--only: nothing to run');
  throwIfProblems('quality-bench', problems);
  return { only, runs, errors, timeoutMs: timeout, data: values.data, noDedupe: values['no-dedupe'], keep: values.keep };
}

/** Whether `crm dedupe` exists (its own help, not the program's) and whether it takes --emit-candidates. */
function probeDedupe() {
  const r = spawnSync(process.execPath, ['bin/crm', 'dedupe', '--help'], { cwd: ROOT, encoding: 'utf8' });
  const help = `${r.stdout ?? ''}`;
  const available = r.status === 0 && /^Usage: crm dedupe/m.test(help);
  return { available, emitCandidates: available && help.includes('--emit-candidates') };
}

function describeCommit() {
  const sha = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (sha.status !== 0) return 'unknown commit';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return `${sha.stdout.trim()}${dirty.stdout.trim() ? '+uncommitted changes' : ''}`;
}

async function crm(args, opts) {
  const r = await runMeasured(process.execPath, ['bin/crm', ...args], { cwd: ROOT, timeoutMs: opts.timeoutMs, env: { ...process.env, NO_COLOR: '1' }, useTime: false });
  if (r.code !== 0) {
    throw new CommandError(`crm ${args[0]} exited ${r.code ?? r.signal}${r.timedOut ? ' (timeout)' : ''}: ${firstLine(r.stderr) || firstLine(r.stdout)}`);
  }
  return r;
}

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    throw new CommandError(`${what}: stdout is not JSON: ${firstLine(text)}`);
  }
}

/** record_id → (source, source_row), read-only from the temp store: maps `crm dedupe --emit-candidates` record ids. */
function readRecordKeys(db) {
  const store = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return new Map(store.prepare('SELECT record_id, source, source_row FROM source_records').all().map((r) => [r.record_id, r]));
  } finally {
    store.close();
  }
}

async function runOnce(set, truth, opts, run) {
  const dir = mkdtempSync(join(tmpdir(), `crm-quality-${set.name}-`));
  const db = join(dir, 'crm.db');
  const candidatesPath = join(dir, 'candidates.csv');
  try {
    const imp = await crm(['import', set.file, '--map', set.map, '--source', set.name, '--db', db, '--quiet', '--json'], opts);
    const summary = parseJson(imp.stdout, 'crm import');
    const accounted = ['inserted', 'updated', 'unchanged', 'rejected'].reduce((s, k) => s + (summary[k] ?? 0), 0);
    if (summary.read !== truth.length || accounted !== summary.read) {
      throw new CommandError(`crm import read ${summary.read} rows (inserted+updated+unchanged+rejected = ${accounted}); the file has ${truth.length} data rows`);
    }
    let dedupe = null;
    let dedupeMs = null;
    if (opts.dedupe) {
      const args = ['dedupe', '--auto', '--db', db, '--json'];
      if (opts.emitCandidates) args.push('--emit-candidates', candidatesPath);
      const d = await crm(args, opts);
      const json = parseJson(d.stdout, 'crm dedupe');
      dedupe = { ...readDedupeSummary(json), summary: json };
      dedupeMs = d.wallMs;
    }
    const exp = await crm(['export', '--view', 'records', '--with-raw', '--db', db, '--quiet'], opts);
    const { rows, missing } = joinExport(exp.stdout, { setName: set.name, checkColumn: set.checkColumn, truth });
    const entities = truth.map((t) => t.entity);
    const metrics = evaluateClustering(entities, rows.map((r) => r.customer_id));
    const notes = importNotes(summary);
    if (missing > 0) notes.push(`${missing} data rows are not in the export`);

    let blocking = null;
    if (opts.dedupe && opts.emitCandidates) {
      const cand = existsSync(candidatesPath)
        ? readCandidates(readFileSync(candidatesPath), rows, { recordKeys: readRecordKeys(db) })
        : { error: 'crm dedupe wrote no candidates file' };
      if (cand.error) notes.push(`blocking recall n/a: ${cand.error}`);
      else blocking = blockingMetrics(entities, cand.pairs);
    } else if (opts.dedupe) {
      notes.push('blocking recall n/a: `crm dedupe` has no --emit-candidates');
    }
    if (dedupe && typeof dedupe.pairsCompared !== 'number' && blocking) dedupe.pairsCompared = blocking.candidates;

    const errors = errorPairs(entities, rows.map((r) => r.customer_id), opts.errors);
    const errorCsv = renderErrorPairs(errors, { rows, truth: entities, notes: truth.map((t) => t.note), show: set.show });
    log(`${set.name} run ${run}/${opts.runs}: import ${(imp.wallMs / 1000).toFixed(2)} s, dedupe ${dedupeMs === null ? 'skipped' : `${(dedupeMs / 1000).toFixed(2)} s`}, export ${(exp.wallMs / 1000).toFixed(2)} s → P ${fmt(metrics.pairwise.precision)} R ${fmt(metrics.pairwise.recall)} F1 ${fmt(metrics.pairwise.f1)}`);
    return { metrics, blocking, dedupe, notes, errorCsv, timings: { importMs: imp.wallMs, dedupeMs, exportMs: exp.wallMs }, importSummary: summary };
  } finally {
    if (opts.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x) => (typeof x === 'number' ? x.toFixed(4) : 'n/a');

async function runSet(set, opts) {
  const base = { name: set.name, target: set.target };
  let truth;
  try {
    truth = set.truth();
  } catch (err) {
    return { ...base, status: 'failed', error: `cannot read the ground truth: ${err.message}` };
  }
  const runs = [];
  try {
    for (let run = 1; run <= opts.runs; run++) runs.push(await runOnce(set, truth, opts, run));
  } catch (err) {
    if (!(err instanceof CommandError || err instanceof JoinError)) throw err;
    return { ...base, records: truth.length, status: 'failed', error: err.message };
  }
  const last = runs[runs.length - 1];
  const notes = [...last.notes];
  const f1s = new Set(runs.map((r) => r.metrics.pairwise.f1));
  if (f1s.size > 1) notes.push(`results differ between runs: F1 ${runs.map((r) => fmt(r.metrics.pairwise.f1)).join(', ')} (the last run is reported)`);
  if (!opts.dedupe) notes.push('dedupe not run: every record is its own cluster');
  mkdirSync(join(OUT_DIR, 'quality-errors'), { recursive: true });
  writeFileSync(join(OUT_DIR, 'quality-errors', `${set.name}.csv`), last.errorCsv);
  return {
    ...base,
    status: 'ok',
    records: truth.length,
    metrics: last.metrics,
    blocking: last.blocking,
    dedupe: last.dedupe,
    notes,
    timings: {
      importMs: median(runs.map((r) => r.timings.importMs)),
      dedupeMs: median(runs.map((r) => r.timings.dedupeMs)),
      exportMs: median(runs.map((r) => r.timings.exportMs)),
      dedupeElapsedMs: median(runs.map((r) => r.dedupe?.elapsedMs)),
    },
  };
}

async function main(argv) {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (err) {
    process.stderr.write(`${err.usage ? err.message : `quality-bench: ${err.message}`}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    log('dist/ is missing: run `npm run build` first (npm run bench:quality does)');
    return 1;
  }
  const probe = probeDedupe();
  if (!probe.available && !opts.noDedupe) {
    log('`crm dedupe` is not available (node bin/crm dedupe --help does not show it); use --no-dedupe to check the harness');
    return 1;
  }
  opts.dedupe = probe.available && !opts.noDedupe;
  opts.emitCandidates = probe.emitCandidates;
  if (opts.dedupe && !probe.emitCandidates) log('crm dedupe has no --emit-candidates: blocking recall will be n/a');

  const sets = defineSets({ data: opts.data, root: ROOT }).filter((s) => opts.only.includes(s.name));
  const results = [];
  for (const set of sets) {
    log(`${set.name}: ${rel(set.file)}`);
    const r = await runSet(set, opts);
    if (r.status !== 'ok') log(`${set.name}: ${r.error}`);
    results.push(r);
  }

  const meta = {
    machine: describeMachine({ sqliteVersion: null }),
    commit: describeCommit(),
    runs: opts.runs,
    data: rel(opts.data),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    dedupeAvailable: opts.dedupe,
    emitCandidates: opts.emitCandidates,
  };
  const md = renderReport(results, meta);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'quality.md'), md);
  const json = results.map((r) => ({ ...r, pass: r.status === 'ok' ? meetsTarget(r) : false }));
  writeFileSync(join(OUT_DIR, 'quality.json'), `${JSON.stringify({ meta, results: json }, null, 2)}\n`);
  process.stdout.write(md);
  log(`wrote ${rel(join(OUT_DIR, 'quality.md'))}, ${rel(join(OUT_DIR, 'quality.json'))}, ${rel(join(OUT_DIR, 'quality-errors'))}/`);
  return results.some((r) => r.status !== 'ok') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`quality-bench: ${err.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
