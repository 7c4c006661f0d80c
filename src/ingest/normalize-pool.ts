// A pool of normalizer workers (one per core). Jobs are dispatched round-robin and their results are returned
// in submission order, so records are written in file order however the workers race.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MappingPlan } from '../csv/header-map.js';
import { CrmError } from '../errors.js';
import type { FieldStats } from './field-stats.js';

export interface NormalizeJob {
  id: number;
  plan: MappingPlan;
  /** Identifies the plan so workers compile it once. */
  planKey: string;
  delimiter: string;
  /** Row texts exactly as stored; null = skip (a rejected row). */
  raws: (string | null)[];
}

export interface NormalizeResult {
  id: number;
  /** Per row: normalized values as a JSON array in NORMALIZED_COLUMNS order, '' when skipped. */
  values: string[];
  /** Per row: field issues as a JSON array, '' when none. */
  issues: string[];
  stats: FieldStats;
}

const WORKER_URL = new URL('../../dist/ingest/normalize-worker.js', import.meta.url);

export class NormalizePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(r: NormalizeResult): void; reject(e: Error): void }>();
  private next = 0;
  private failure: Error | null = null;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4))) {
    this.workers = Array.from({ length: size }, () => {
      // A bounded old generation makes V8 collect early instead of growing towards its multi-GB default; the live
      // set (code tables, bounded caches, a few batches) is far below this. A 16 MB young generation (instead of
      // V8's larger default) keeps a normalized 1M-row import under 600 MB for a few percent more scavenging.
      const w = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 } });
      w.on('message', (r: NormalizeResult) => {
        const p = this.waiting.get(r.id);
        this.waiting.delete(r.id);
        p?.resolve(r);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new CrmError(`a normalizer worker stopped (exit ${code})`));
      });
      return w;
    });
  }

  /** Queues a job; the promise settles with its result. Await results in submission order to keep file order. */
  submit(job: Omit<NormalizeJob, 'id'>): Promise<NormalizeResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const promise = new Promise<NormalizeResult>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Results may wait in a queue before they are awaited; a failure must not count as unhandled meanwhile.
    promise.catch(() => {});
    this.workers[id % this.workers.length]!.postMessage({ ...job, id });
    return promise;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }
}
