// import_batches: one row per imported file, with its fingerprint, how it was read, and its counts.
import type { Db } from './db.js';
import { nowIso } from './db.js';

export interface BatchInfo {
  source: string;
  fileName: string;
  sha256: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  preset: string;
  header: string[];
  mapping: unknown;
  actor: string;
}

export interface BatchCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  emptyLines: number;
}

export interface BatchRow {
  id: number;
  source: string;
  file_name: string;
  sha256: string;
  finished_at: string | null;
}

export function findImportedFile(db: Db, source: string, sha256: string): BatchRow | undefined {
  return db
    .prepare('SELECT id, source, file_name, sha256, finished_at FROM import_batches WHERE source = ? AND sha256 = ?')
    .get(source, sha256) as BatchRow | undefined;
}

export function startBatch(db: Db, b: BatchInfo): number {
  const result = db
    .prepare(
      `INSERT INTO import_batches (source, file_name, sha256, bytes, encoding, delimiter, preset, header_json,
         mapping_json, started_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.source, b.fileName, b.sha256, b.bytes, b.encoding, b.delimiter, b.preset, JSON.stringify(b.header),
      JSON.stringify(b.mapping), nowIso(), b.actor);
  return Number(result.lastInsertRowid);
}

export function finishBatch(db: Db, id: number, c: BatchCounts): void {
  db.prepare(
    `UPDATE import_batches SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?,
       blank_lines = ?, finished_at = ? WHERE id = ?`,
  ).run(c.read, c.inserted, c.updated, c.unchanged, c.rejected, c.emptyLines, nowIso(), id);
}
