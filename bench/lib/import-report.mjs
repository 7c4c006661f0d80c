// Pure pieces of the import benchmark: reading the crm JSON summary, checking the nothing-lost identity, judging
// targets and rendering the Markdown report. No I/O here.

import { maxOf, median } from './measure.mjs';

/** The benchmarked runs, in report order, with the targets from the issues they belong to. */
export const KINDS = {
  floor: { label: 'sqlite3 `.import` (floor)', target: null },
  raw: { label: 'crm import `--no-normalize`', target: { maxRatio: 3, maxRssMb: 400 } },
  normalized: { label: 'crm import (normalize on)', target: { maxWallS: 60, maxRatio: 6, maxRssMb: 600 } },
};

/** Finds the summary object (one with a numeric `read`) in the CLI's stdout: whole-JSON, last JSON line, or nested. */
export function parseSummary(stdout) {
  const candidates = [stdout.trim(), ...stdout.trim().split('\n').reverse()];
  for (const text of candidates) {
    if (!text.startsWith('{')) continue;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    const found = findWithRead(value, 0);
    if (found) return found;
  }
  return null;
}

function findWithRead(value, depth) {
  if (!value || typeof value !== 'object' || depth > 3) return null;
  if (typeof value.read === 'number') return value;
  for (const v of Object.values(value)) {
    const f = findWithRead(v, depth + 1);
    if (f) return f;
  }
  return null;
}

const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Problems with a crm summary: missing counters, the identity read = inserted + updated + unchanged + rejected, rows lost. */
export function checkSummary(summary, expectedRows) {
  if (!summary) return ['no JSON summary with a numeric "read" on stdout'];
  const problems = [];
  for (const key of ['read', 'inserted', 'rejected']) {
    if (typeof summary[key] !== 'number') problems.push(`summary has no numeric "${key}"`);
  }
  const accounted = num(summary.inserted) + num(summary.updated) + num(summary.unchanged) + num(summary.rejected);
  if (num(summary.read) !== accounted) {
    problems.push(`read ${summary.read} != inserted ${num(summary.inserted)} + updated ${num(summary.updated)} + unchanged ${num(summary.unchanged)} + rejected ${num(summary.rejected)} (= ${accounted})`);
  }
  if (expectedRows != null && num(summary.read) !== expectedRows) problems.push(`read ${summary.read} but the file has ${expectedRows} data rows`);
  return problems;
}

/** One table row per kind: medians, ratio to the floor, peak RSS (max over runs) and the verdict. */
export function summarizeKind(kind, runs, floorMedianS) {
  const ok = runs.filter((r) => !r.error);
  const failed = runs.find((r) => r.error);
  const wallS = median(ok.map((r) => r.wallMs / 1000));
  const rows = median(ok.map((r) => r.rows));
  const peakRssMb = maxOf(ok.map((r) => r.rssMb ?? r.selfRssMb));
  const ratio = wallS != null && floorMedianS ? wallS / floorMedianS : null;
  const target = KINDS[kind].target;
  let verdict = '—';
  if (failed) verdict = `ERROR: ${failed.error}`;
  else if (target && wallS != null) {
    const misses = [];
    const unknown = [];
    if (target.maxWallS != null && wallS > target.maxWallS) misses.push(`wall ${wallS.toFixed(1)} s > ${target.maxWallS} s`);
    if (target.maxRatio != null) {
      if (ratio == null) unknown.push('no sqlite3 floor');
      else if (ratio > target.maxRatio) misses.push(`${ratio.toFixed(2)}× > ${target.maxRatio}×`);
    }
    if (target.maxRssMb != null) {
      if (peakRssMb == null) unknown.push('no RSS figure');
      else if (peakRssMb >= target.maxRssMb) misses.push(`RSS ${Math.round(peakRssMb)} MB ≥ ${target.maxRssMb} MB`);
    }
    verdict = misses.length ? `FAIL: ${misses.join('; ')}` : unknown.length ? `pass? (${unknown.join(', ')})` : 'pass';
  }
  return { kind, label: KINDS[kind].label, runs: runs.length, wallS, ratio, rowsPerS: wallS && rows ? rows / wallS : null, peakRssMb, target: describeTarget(target), verdict };
}

function describeTarget(t) {
  if (!t) return '—';
  const parts = [];
  if (t.maxWallS != null) parts.push(`≤ ${t.maxWallS} s`);
  if (t.maxRatio != null) parts.push(`≤ ${t.maxRatio}× sqlite3`);
  if (t.maxRssMb != null) parts.push(`< ${t.maxRssMb} MB`);
  return parts.join(', ');
}

const f1 = (x, d = 2) => (x == null ? 'n/a' : x.toFixed(d));
const int = (x) => (x == null ? 'n/a' : Math.round(x).toLocaleString('en-US'));

export function renderImportReport({ machine, file, rssSource, table, details }) {
  const lines = [];
  lines.push('## crm import benchmark', '');
  lines.push(`machine: ${machine.cpu} · ${machine.cores} cores · ${machine.ramGiB.toFixed(1)} GiB RAM · node ${machine.node} · sqlite3 ${machine.sqlite} · ${machine.date}`);
  lines.push(`file: ${file.path} · ${int(file.rows)} rows · ${(file.bytes / 1e6).toFixed(1)} MB${file.seed != null ? ` · seed ${file.seed} · dup-rate ${file.dupRate}` : ''} · medians of ${file.runs} run(s)`, '');
  lines.push('| run | median wall s | vs sqlite3 | rows/s | peak RSS MB | target | pass? |');
  lines.push('|---|---:|---:|---:|---:|---|---|');
  for (const r of table) {
    lines.push(`| ${r.label} | ${f1(r.wallS)} | ${r.ratio == null ? 'n/a' : `${r.ratio.toFixed(2)}×`} | ${int(r.rowsPerS)} | ${int(r.peakRssMb)} | ${r.target} | ${r.verdict} |`);
  }
  lines.push('', `Peak RSS is the maximum over the runs, ${rssSource}. Wall time is measured around each spawn by the harness; ` +
    'every run starts from a fresh database (db, -wal, -shm deleted).', '');
  lines.push('| run | # | wall s | crm elapsed s | RSS MB (outside) | RSS MB (crm) | read | inserted | updated | unchanged | rejected | nothing lost? |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const d of details) {
    const s = d.summary ?? {};
    const cell = (k) => (typeof s[k] === 'number' ? s[k].toLocaleString('en-US') : d.kind === 'floor' && k === 'read' ? int(d.rows) : '');
    const lost = d.kind === 'floor' ? '' : d.error ? `ERROR: ${d.error}` : 'yes';
    lines.push(`| ${KINDS[d.kind].label} | ${d.round} | ${f1(d.wallMs / 1000)} | ${typeof s.elapsed_ms === 'number' ? f1(s.elapsed_ms / 1000) : ''} | ${d.rssMb == null ? '' : Math.round(d.rssMb)} | ${typeof d.selfRssMb === 'number' ? Math.round(d.selfRssMb) : ''} | ${cell('read')} | ${cell('inserted')} | ${cell('updated')} | ${cell('unchanged')} | ${cell('rejected')} | ${lost.replaceAll('|', '\\|')} |`);
  }
  return lines.join('\n') + '\n';
}
