// dedupe_runs: one row per `crm dedupe`, with its options, the fitted model and what it did.
import type { Db } from './db.js';
import { nowIso } from './db.js';

export function startDedupeRun(db: Db, mode: 'full' | 'incremental', options: unknown, actor: string): number {
  return Number(db.prepare('INSERT INTO dedupe_runs (mode, options_json, actor, started_at) VALUES (?, ?, ?, ?)').run(mode, JSON.stringify(options), actor, nowIso()).lastInsertRowid);
}

export function finishDedupeRun(db: Db, id: number, model: unknown, stats: unknown): void {
  db.prepare('UPDATE dedupe_runs SET model_json = ?, stats_json = ?, finished_at = ? WHERE id = ?').run(JSON.stringify(model), JSON.stringify(stats), nowIso(), id);
}

/** When the last finished run started: records changed since then are "new" for an incremental run. */
export function lastFinishedRun(db: Db): { id: number; started_at: string; model_json: string | null } | undefined {
  return db.prepare('SELECT id, started_at, model_json FROM dedupe_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1').get() as
    | { id: number; started_at: string; model_json: string | null }
    | undefined;
}
