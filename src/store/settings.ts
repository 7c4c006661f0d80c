// Small remembered choices, e.g. the survivorship source priority given to the last `crm dedupe --prefer`.
import type { Db } from './db.js';

/** The --prefer list of the latest dedupe run that had one. */
export function lastPreferredSources(db: Db): string[] {
  const rows = db.prepare('SELECT options_json FROM dedupe_runs ORDER BY id DESC').pluck().all() as string[];
  for (const json of rows) {
    const prefer = (JSON.parse(json) as { prefer?: string[] }).prefer;
    if (prefer && prefer.length > 0) return prefer;
  }
  return [];
}
