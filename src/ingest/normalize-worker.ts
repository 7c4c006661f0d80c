// Worker thread: normalizes batches of stored/parsed rows. Stateless jobs (plan + delimiter + row texts in,
// normalized values and issues out), so any worker of the pool can take any batch.
import { parentPort } from 'node:worker_threads';
import { applyMapping, compileMapping, type CompiledMapping } from '../csv/header-map.js';
import { CsvParser } from '../csv/parse-csv.js';
import { NORMALIZED_COLUMNS, REPORTED_FIELDS, normalizeRecord } from '../normalize/record.js';
import { addStatus, type FieldStats } from './field-stats.js';
import type { NormalizeJob, NormalizeResult } from './normalize-pool.js';

const port = parentPort!;
const compiled = new Map<string, CompiledMapping>();

port.on('message', (job: NormalizeJob) => {
  let mapping = compiled.get(job.planKey);
  if (!mapping) {
    mapping = compileMapping(job.plan);
    compiled.set(job.planKey, mapping);
  }
  const parser = new CsvParser(job.delimiter);
  const stats: FieldStats = {};
  const values: string[] = [];
  const issues: string[] = [];
  for (const raw of job.raws) {
    if (raw === null) {
      values.push('');
      issues.push('');
      continue;
    }
    const cells = parser.push(raw, true)[0]?.cells ?? [];
    const n = normalizeRecord(applyMapping(mapping, cells).values, { dateOrder: job.plan.dateOrder ?? 'ymd' });
    values.push(JSON.stringify(NORMALIZED_COLUMNS.map((c) => n.values[c])));
    issues.push(n.issues.length > 0 ? JSON.stringify(n.issues) : '');
    for (const f of REPORTED_FIELDS) addStatus(stats, f, n.statuses[f]);
  }
  const result: NormalizeResult = { id: job.id, values, issues, stats };
  port.postMessage(result);
});
