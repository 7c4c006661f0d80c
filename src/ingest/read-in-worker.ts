// Main-thread side of the read worker: its messages as an async stream; each consumed row batch is acknowledged
// so the worker may read ahead by a bounded amount.
import { Worker } from 'node:worker_threads';
import { CrmError } from '../errors.js';
import type { ReadJob } from './read-worker.js';
import type { WorkerMessage } from './row-batch.js';

// dist/ingest/read-worker.js from either src/ingest (tests) or dist/ingest (the CLI): both are two levels deep.
const WORKER_URL = new URL('../../dist/ingest/read-worker.js', import.meta.url);

export async function* readInWorker(job: ReadJob): AsyncGenerator<WorkerMessage> {
  // The reader holds a few 1 MiB chunks and their rows at a time; a small heap keeps its garbage from piling up
  // (a young generation below 16 MB slows the raw import by ~15%).
  const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 } });
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let notify: (() => void) | null = null;
  const poke = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    poke();
  });
  worker.on('error', (e) => {
    failure = e;
    poke();
  });
  worker.on('exit', () => {
    exited = true;
    poke();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'error') throw new CrmError(m.message, m.exitCode);
        yield m;
        if (m.type === 'rows') worker.postMessage('ack');
        if (m.type === 'done') return;
        continue;
      }
      if (failure) throw failure;
      if (exited) throw new CrmError(`${job.displayName}: the reader stopped unexpectedly`);
      await new Promise<void>((resolve) => (notify = resolve));
    }
  } finally {
    if (!exited) await worker.terminate();
  }
}
