// audit_log: append-only (triggers refuse UPDATE and DELETE). Every command that writes adds one entry.
import type { Db } from './db.js';
import { nowIso } from './db.js';

export interface AuditEntry {
  actor: string;
  command: string;
  action: string;
  target?: string | null;
  details?: unknown;
}

export function appendAudit(db: Db, e: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, actor, command, action, target, details_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    nowIso(),
    e.actor,
    e.command,
    e.action,
    e.target ?? null,
    e.details === undefined ? null : JSON.stringify(e.details),
  );
}
