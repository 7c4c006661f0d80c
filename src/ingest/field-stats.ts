// Per reported field, how many records ended in each normalization status (what `crm normalize` prints).
import type { NormalizeStatus } from '../normalize/types.js';

export type FieldStats = Record<string, Record<NormalizeStatus, number>>;

export function addStatus(stats: FieldStats, field: string, status: NormalizeStatus): void {
  const s = (stats[field] ??= { empty: 0, unchanged: 0, normalized: 0, unresolved: 0, invalid: 0 });
  s[status]++;
}

export function mergeStats(into: FieldStats, from: FieldStats): void {
  for (const [field, counts] of Object.entries(from)) {
    for (const status of Object.keys(counts) as NormalizeStatus[]) {
      const t = (into[field] ??= { empty: 0, unchanged: 0, normalized: 0, unresolved: 0, invalid: 0 });
      t[status] += counts[status];
    }
  }
}
