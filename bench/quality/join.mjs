// Reading what the CLI prints, for the quality benchmark: the export lined up with the ground truth, the candidate
// pairs `crm dedupe --emit-candidates` writes, the dedupe and import summaries. Pure: text in, data out; a
// JoinError means the CLI's output cannot be scored.

import { parse } from 'csv-parse/sync';

export class JoinError extends Error {}

const readCsv = (text) => parse(text, { bom: true, columns: true, skip_empty_lines: true });

/**
 * Lines `crm export --view records` up with the truth: record i is data row i + 1 of the set's file (source =
 * setName). Each row must show truth[i].check in checkColumn, else the join is wrong and JoinError is thrown. Rows
 * missing from the export (rejected by the import) become empty records, so they score as singletons.
 */
export function joinExport(exportCsv, { setName, checkColumn, truth }) {
  const rows = readCsv(exportCsv);
  const byRow = new Map();
  for (const r of rows) {
    if (r.source !== setName) throw new JoinError(`export has a record of source ${JSON.stringify(r.source)}; expected only ${setName}`);
    const n = Number(r.source_row);
    if (!Number.isInteger(n) || n < 1 || byRow.has(n)) throw new JoinError(`export has a bad or repeated source_row ${JSON.stringify(r.source_row)}`);
    byRow.set(n, r);
  }
  const aligned = [];
  let missing = 0;
  for (let i = 0; i < truth.length; i++) {
    const r = byRow.get(i + 1);
    if (!r) {
      missing++;
      aligned.push({ source: setName, source_row: String(i + 1), source_id: '', customer_id: '' });
      continue;
    }
    const shown = (r[checkColumn] ?? '').trim();
    if (shown !== truth[i].check) {
      throw new JoinError(`export row ${i + 1} shows ${checkColumn} ${JSON.stringify(shown)} where data row ${i + 1} has ${JSON.stringify(truth[i].check)}: export and ground truth do not line up`);
    }
    aligned.push(r);
  }
  if (byRow.size !== truth.length - missing) throw new JoinError(`export has ${byRow.size} records for ${truth.length} data rows, ${truth.length - missing} of them matched`);
  return { rows: aligned, missing };
}

/**
 * Candidate pairs → [i, j] record indexes of `rows` (the joined export). Accepts a CSV with, in order of preference:
 * record_a,record_b (store record ids; needs `recordKeys`, record id → { source, source_row }, read from the store),
 * source_row_a,source_row_b (optionally source_a,source_b), or source_id_a,source_id_b (needs non-empty, unique
 * source ids). Returns { pairs } or { error } when the pairs cannot be mapped.
 */
export function readCandidates(csvText, rows, { recordKeys } = {}) {
  const cands = readCsv(csvText);
  if (cands.length === 0) return { pairs: [] };
  const cols = Object.keys(cands[0]);
  const has = (...names) => names.every((n) => cols.includes(n));
  const byRow = new Map();
  rows.forEach((r, i) => {
    byRow.set(`${r.source}\u0000${r.source_row}`, i);
    byRow.set(`\u0000${r.source_row}`, i);
  });
  const pairs = [];
  if (has('record_a', 'record_b') && recordKeys) {
    const indexOf = (id) => {
      const k = recordKeys.get(Number(id));
      return k ? byRow.get(`${k.source}\u0000${k.source_row}`) : undefined;
    };
    for (const c of cands) {
      const a = indexOf(c.record_a);
      const b = indexOf(c.record_b);
      if (a === undefined || b === undefined) return { error: `candidate pair of records ${c.record_a},${c.record_b}: a record not in the export` };
      pairs.push([a, b]);
    }
    return { pairs };
  }
  if (has('source_row_a', 'source_row_b')) {
    for (const c of cands) {
      const a = byRow.get(`${c.source_a ?? ''}\u0000${c.source_row_a}`);
      const b = byRow.get(`${c.source_b ?? ''}\u0000${c.source_row_b}`);
      if (a === undefined || b === undefined) return { error: `candidate ${JSON.stringify(c)} names a record not in the export` };
      pairs.push([a, b]);
    }
    return { pairs };
  }
  if (has('source_id_a', 'source_id_b')) {
    const ids = rows.map((r) => r.source_id);
    if (!ids.every(Boolean) || new Set(ids).size !== ids.length) {
      return { error: 'candidates are keyed by source_id, which this set does not have unique for every record (record or source_row columns would do)' };
    }
    const bySourceId = new Map(ids.map((id, i) => [id, i]));
    for (const c of cands) {
      const a = bySourceId.get(c.source_id_a);
      const b = bySourceId.get(c.source_id_b);
      if (a === undefined || b === undefined) return { error: `candidate pair ${c.source_id_a},${c.source_id_b} names a source_id not in the export` };
      pairs.push([a, b]);
    }
    return { pairs };
  }
  return { error: `candidates file has columns ${cols.join(',')}; expected record_a,record_b, source_row_a,source_row_b or source_id_a,source_id_b` };
}

/** The dedupe summary's figures; missing keys stay undefined, camelCase is accepted too. */
export function readDedupeSummary(json) {
  const get = (...keys) => {
    for (const k of keys) if (json && typeof json === 'object' && json[k] !== undefined) return json[k];
    return undefined;
  };
  return {
    pairsCompared: get('pairs_compared', 'pairsCompared'),
    blocking: get('blocking'),
    autoMerged: get('auto_merged', 'autoMerged'),
    queuedForReview: get('queued_for_review', 'queuedForReview'),
    elapsedMs: get('elapsed_ms', 'elapsedMs'),
  };
}

/** Notes from an import summary: rejects, and mapped fields whose values mostly did not normalize. */
export function importNotes(summary) {
  const notes = [];
  const rejected = summary?.rejected ?? 0;
  if (rejected > 0) notes.push(`import rejected ${rejected} rows (${JSON.stringify(summary.files?.[0]?.rejects_by_reason ?? {})}); they score as singletons`);
  const fields = summary?.files?.[0]?.fields ?? {};
  for (const [field, s] of Object.entries(fields)) {
    const bad = (s.unresolved ?? 0) + (s.invalid ?? 0);
    const filled = (s.unchanged ?? 0) + (s.normalized ?? 0) + bad;
    if (filled > 0 && bad / filled >= 0.05) {
      notes.push(`import: ${field} did not normalize for ${bad.toLocaleString('en-US')} of ${filled.toLocaleString('en-US')} values (unresolved ${s.unresolved ?? 0}, invalid ${s.invalid ?? 0})`);
    }
  }
  return notes;
}
