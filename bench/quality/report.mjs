// Rendering the quality benchmark's results: the Markdown report and the error-pair CSV. Pure: data in, text out.

const int = (n) => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ratio = (x, digits = 4) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const secs = (ms) => (typeof ms === 'number' && Number.isFinite(ms) ? (ms / 1000).toFixed(2) : 'n/a');

export function targetText(target) {
  return `${target.metric === 'f1' ? 'F1' : 'P'} ≥ ${target.min}`;
}

/** pass / FAIL for a set result; undefined metrics fail. */
export function meetsTarget(result) {
  if (!result.metrics) return false;
  const value = result.target.metric === 'f1' ? result.metrics.pairwise.f1 : result.metrics.pairwise.precision;
  return typeof value === 'number' && value >= result.target.min;
}

const describeBlocking = (b) => {
  if (b === undefined || b === null) return null;
  if (Array.isArray(b)) {
    return b.map((x) => (x && typeof x === 'object' ? `${x.rule ?? x.name ?? '?'}: ${int(x.candidates ?? x.pairs ?? x.count)}` : String(x))).join(', ');
  }
  if (typeof b === 'object') return Object.entries(b).map(([k, v]) => `${k}: ${typeof v === 'number' ? int(v) : JSON.stringify(v)}`).join(', ');
  return String(b);
};

/**
 * results: [{ name, target, status: 'ok' | 'failed', error?, records, metrics?, blocking?, dedupe?, timings, notes[] }]
 * meta: { machine, commit, runs, data, date, dedupeAvailable, emitCandidates }
 */
export function renderReport(results, meta) {
  const m = meta.machine;
  const lines = [];
  lines.push('# crm dedupe quality benchmark', '');
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(1)} GiB RAM, Node ${m.node}; crm ${meta.commit}; ${meta.date}; runs per set: ${meta.runs}.`);
  lines.push(`Data: ${meta.data}. Pipeline per set: fresh store → \`crm import --map\` → ${meta.dedupeAvailable ? '`crm dedupe --auto --json`' : '**no dedupe** (`crm dedupe` unavailable or --no-dedupe: every record is its own cluster)'} → \`crm export --view records\`; joined with the ground truth on (source, source_row).`, '');
  lines.push('| set | records | true pairs | pairs compared | blocking recall | P | R | F1 | B³ F1 | time s | target | pass |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of results) {
    if (r.status !== 'ok') {
      lines.push(`| ${r.name} | ${int(r.records)} | | | | | | | | | ${targetText(r.target)} | ERROR |`);
      continue;
    }
    const p = r.metrics.pairwise;
    lines.push(`| ${r.name} | ${int(r.records)} | ${int(p.truePairs)} | ${int(r.dedupe?.pairsCompared)} | ${ratio(r.blocking?.recall)} | ${ratio(p.precision)} | ${ratio(p.recall)} | ${ratio(p.f1)} | ${ratio(r.metrics.bcubed.f1)} | ${secs(r.timings.dedupeMs)} | ${targetText(r.target)} | ${meetsTarget(r) ? 'pass' : 'FAIL'} |`);
  }
  lines.push('', '"P/R/F1": pairwise over record pairs (pairs inside predicted clusters vs inside true clusters); "n/a" precision = no pair predicted. "B³": B-cubed, record-averaged. "blocking recall": share of true pairs among the candidate pairs `crm dedupe` emitted. "time s": wall time of `crm dedupe` (median over runs).', '');

  lines.push('## Details', '');
  lines.push('| set | predicted pairs | TP | FP | FN | B³ P | B³ R | true clusters | predicted clusters | exact clusters | largest predicted | candidates | reduction ratio | auto merged | queued for review | import s | export s |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    if (r.status !== 'ok') continue;
    const p = r.metrics.pairwise;
    const b = r.metrics.bcubed;
    const c = r.metrics.clusters;
    lines.push(`| ${r.name} | ${int(p.predictedPairs)} | ${int(p.truePositives)} | ${int(p.falsePositives)} | ${int(p.falseNegatives)} | ${ratio(b.precision)} | ${ratio(b.recall)} | ${int(c.trueClusters)} | ${int(c.predictedClusters)} | ${int(c.exactClusters)} | ${int(c.largestPredicted)} | ${int(r.blocking?.candidates)} | ${ratio(r.blocking?.reductionRatio, 6)} | ${int(r.dedupe?.autoMerged)} | ${int(r.dedupe?.queuedForReview)} | ${secs(r.timings.importMs)} | ${secs(r.timings.exportMs)} |`);
  }

  const notes = [];
  for (const r of results) {
    if (r.status !== 'ok') notes.push(`**${r.name}**: ${r.error}`);
    const rules = describeBlocking(r.dedupe?.blocking);
    if (rules) notes.push(`${r.name}: candidates per blocking rule: ${rules}`);
    for (const n of r.notes ?? []) notes.push(`${r.name}: ${n}`);
  }
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The error-analysis CSV: one line per false-positive / false-negative pair, both records side by side.
 * rows: the export rows (objects) by record index; show: canonical fields shown from their raw_ columns.
 */
export function renderErrorPairs({ falsePositives, falseNegatives }, { rows, truth, notes, show }) {
  const side = (i) => [rows[i].source_row, rows[i].source_id, rows[i].customer_id, truth[i], notes?.[i] ?? '', ...show.map((f) => rows[i][`raw_${f}`] ?? rows[i][f] ?? '')];
  const cols = ['row', 'source_id', 'customer_id', 'entity', 'note', ...show];
  const header = ['error', ...cols.map((c) => `${c}_a`), ...cols.map((c) => `${c}_b`)];
  const out = [header.join(',')];
  for (const [kind, pairs] of [['false_positive', falsePositives], ['false_negative', falseNegatives]]) {
    for (const [i, j] of pairs) out.push([kind, ...side(i), ...side(j)].map(csvCell).join(','));
  }
  return `${out.join('\n')}\n`;
}
