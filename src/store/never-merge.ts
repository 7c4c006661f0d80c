// never_merge: pairs of records a steward said are different customers (rejected review pairs, unmerges).
import type { Db } from './db.js';
import { nowIso } from './db.js';

export function addNeverMerge(db: Db, a: number, b: number, reason: string, actor: string): void {
  const [x, y] = a < b ? [a, b] : [b, a];
  db.prepare('INSERT OR IGNORE INTO never_merge (record_a, record_b, reason, actor, created_at) VALUES (?, ?, ?, ?, ?)').run(x, y, reason, actor, nowIso());
}

/** All rules as a lookup: cannotLink(a, b) in either order. */
export interface NeverMergeRules {
  count: number;
  cannotLink(a: number, b: number): boolean;
  partnersOf(a: number): number[];
}

export function loadNeverMerge(db: Db): NeverMergeRules {
  const partners = new Map<number, number[]>();
  let count = 0;
  for (const r of db.prepare('SELECT record_a, record_b FROM never_merge').iterate() as Iterable<{ record_a: number; record_b: number }>) {
    (partners.get(r.record_a) ?? partners.set(r.record_a, []).get(r.record_a)!).push(r.record_b);
    (partners.get(r.record_b) ?? partners.set(r.record_b, []).get(r.record_b)!).push(r.record_a);
    count++;
  }
  return {
    count,
    cannotLink: (a, b) => partners.get(a)?.includes(b) ?? false,
    partnersOf: (a) => partners.get(a) ?? [],
  };
}
