// Worker thread: reads, decodes and parses one file, maps each row and decides rejects, then hands the rows to the
// writer on the main thread. Parsing and SQLite writes thus run on two cores. At most a few batches are in flight,
// so a slow disk or store never lets parsed rows pile up in memory.
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { compileMapping, mappedValue, planMapping, type CustomMap } from '../csv/header-map.js';
import { readCsvRecords, type CsvFileInfo } from '../csv/read-csv-file.js';
import { CrmError, InputError } from '../errors.js';
import { FooterState, checkIdentity, checkShape } from './reject-rules.js';
import { emptyBatch, type WorkerMessage } from './row-batch.js';

export interface ReadJob {
  info: CsvFileInfo;
  displayName: string;
  preset: string;
  customMap?: CustomMap | undefined;
}

const MAX_IN_FLIGHT = 4;

const port = parentPort!;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  inFlight--;
  wake?.();
  wake = null;
});

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

async function sendRows(batch: ReturnType<typeof emptyBatch>): Promise<void> {
  inFlight++;
  send({ type: 'rows', batch });
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
}

async function run(job: ReadJob): Promise<void> {
  let compiled: ReturnType<typeof compileMapping> | null = null;
  let width = 0;
  let row = 0;
  let emptyLines = 0;
  const footer = new FooterState();
  for await (const chunk of readCsvRecords(job.info)) {
    const out = emptyBatch();
    for (const rec of chunk.records) {
      if (compiled === null) {
        if (rec.error || rec.undecodable) {
          throw new InputError(`${job.displayName}: the header line cannot be read (${rec.error ?? 'undecodable bytes'})`);
        }
        const plan = planMapping(rec.cells, { preset: job.preset, custom: job.customMap });
        compiled = compileMapping(plan);
        width = rec.cells.length;
        send({ type: 'header', header: rec.cells, plan });
        continue;
      }
      row++;
      const raw = rec.raw.replace(/^[\r\n]+/, '');
      let rejected = checkShape(rec, width, footer);
      let sourceId: string | null = null;
      if (!rejected) {
        // Only what rejecting and matching need; the full mapping is derived later from the stored text.
        const id = mappedValue(compiled, 'source_id', rec.cells);
        const name = mappedValue(compiled, 'name', rec.cells) ?? mappedValue(compiled, 'first_name', rec.cells) ?? mappedValue(compiled, 'last_name', rec.cells);
        rejected = checkIdentity({ source_id: id, name });
        sourceId = id ?? null;
      }
      out.row.push(row);
      out.line.push(rec.line);
      out.rejectCode.push(rejected?.code ?? '');
      out.reason.push(rejected?.reason ?? '');
      out.sourceId.push(sourceId);
      out.raw.push(raw);
      out.hash.push(rejected ? '' : hash('sha1', raw, 'base64'));
    }
    emptyLines = chunk.emptyLines;
    out.bytesRead = chunk.bytesRead;
    out.emptyLines = emptyLines;
    if (out.row.length > 0 || compiled !== null) await sendRows(out);
  }
  send({ type: 'done', emptyLines });
}

run(workerData as ReadJob).then(
  () => port.close(),
  (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'error', name: e.name, message: e.message, exitCode: e instanceof CrmError ? e.exitCode : 1 });
    port.close();
  },
);
