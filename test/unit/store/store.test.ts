import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/store/audit.js';
import { startBatch } from '../../../src/store/batches.js';
import { openStore } from '../../../src/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../src/store/migrations.js';
import { RecordWriter } from '../../../src/store/records.js';

const batch = (db: ReturnType<typeof openStore>, sha: string) =>
  startBatch(db, { source: 's', fileName: 'f.csv', sha256: sha, bytes: 1, encoding: 'utf-8', delimiter: ',', preset: 'auto', header: ['id', 'name'], mapping: {}, actor: 't' });

describe('migrations', () => {
  it('brings a new store to the latest version, and running again changes nothing', () => {
    const db = openStore(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('keeps versions strictly increasing', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuses a store written by a newer crm', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'crm-')), 'new.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this crm/);
  });

  it('uses WAL and a busy timeout on file stores', () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'crm-')), 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});

describe('audit log', () => {
  it('is append-only', () => {
    const db = openStore(':memory:');
    appendAudit(db, { actor: 'ann', command: 'import', action: 'import_file', details: { n: 1 } });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'eve'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').pluck().all()).toEqual(['ann']);
  });
});

describe('RecordWriter', () => {
  // raw text "id,name": a stand-in decoder that splits on commas.
  const valuesOf = (_b: number, raw: string) => {
    const [id, name, note] = raw.split(',');
    return { values: { source_id: id!, name: name! }, extras: note ? { note } : null };
  };

  it('inserts, leaves an identical row unchanged, and updates a changed one keeping the old version and field changes', () => {
    const db = openStore(':memory:');
    const b1 = batch(db, 'sha1');
    const w1 = new RecordWriter(db, 's', b1, valuesOf);
    expect(w1.write({ sourceRow: 1, sourceId: 'C1', rowHash: 'h1', rawText: 'C1,明远' }).outcome).toBe('inserted');
    expect(w1.write({ sourceRow: 2, sourceId: 'C2', rowHash: 'h2', rawText: 'C2,远景' }).outcome).toBe('inserted');

    const b2 = batch(db, 'sha2');
    const w2 = new RecordWriter(db, 's', b2, valuesOf);
    expect(w2.write({ sourceRow: 1, sourceId: 'C1', rowHash: 'h1', rawText: 'C1,明远' }).outcome).toBe('unchanged');
    const up = w2.write({ sourceRow: 5, sourceId: 'C2', rowHash: 'h2b', rawText: 'C2,远景科技' });
    expect(up.outcome).toBe('updated');

    expect(db.prepare('SELECT source_row, raw_text, batch_id FROM source_records WHERE record_id = ?').get(up.recordId)).toEqual({ source_row: 5, raw_text: 'C2,远景科技', batch_id: b2 });
    expect(db.prepare('SELECT raw_text, batch_id FROM record_versions WHERE record_id = ?').all(up.recordId)).toEqual([{ raw_text: 'C2,远景', batch_id: b1 }]);
    expect(db.prepare('SELECT field, old_value, new_value FROM field_changes WHERE record_id = ?').all(up.recordId)).toEqual([{ field: 'name', old_value: '远景', new_value: '远景科技' }]);
  });

  it('counts a row that says the same under a new layout as unchanged, and a change in an unmapped column as an update', () => {
    const db = openStore(':memory:');
    const w1 = new RecordWriter(db, 's', batch(db, 'a'), valuesOf);
    w1.write({ sourceRow: 1, sourceId: 'C1', rowHash: 'h1', rawText: 'C1,明远,vip' });
    w1.write({ sourceRow: 2, sourceId: 'C2', rowHash: 'h2', rawText: 'C2,远景,x' });
    const w2 = new RecordWriter(db, 's', batch(db, 'b'), valuesOf);
    // Same values, different text (as when an export reorders or re-spaces its columns): nothing to record.
    expect(w2.write({ sourceRow: 1, sourceId: 'C1', rowHash: 'h1-reordered', rawText: 'C1,明远,vip' }).outcome).toBe('unchanged');
    expect(w2.write({ sourceRow: 2, sourceId: 'C2', rowHash: 'h2b', rawText: 'C2,远景,y' }).outcome).toBe('updated');
    expect(db.prepare('SELECT count(*) FROM record_versions').pluck().get()).toBe(1);
  });

  it('keeps a second row with the same id in one file as its own record and says so', () => {
    const db = openStore(':memory:');
    const w = new RecordWriter(db, 's', batch(db, 'sha'), valuesOf);
    w.write({ sourceRow: 1, sourceId: 'C1', rowHash: 'h1', rawText: 'C1,a' });
    const second = w.write({ sourceRow: 2, sourceId: 'C1', rowHash: 'h2', rawText: 'C1,b' });
    w.write({ sourceRow: 3, sourceId: 'C2', rowHash: 'h3', rawText: 'C2,c' });
    const third = w.write({ sourceRow: 4, sourceId: 'C1', rowHash: 'h4', rawText: 'C1,d' });
    expect(second.outcome).toBe('inserted');
    expect(db.prepare('SELECT count(*) FROM source_records').pluck().get()).toBe(4);
    expect(w.repeatedSourceIds()).toEqual([
      { recordId: second.recordId, sourceId: 'C1', firstRow: 1 },
      { recordId: third.recordId, sourceId: 'C1', firstRow: 1 },
    ]);
  });

  it('matches rows without an id by content across exports only', () => {
    const db = openStore(':memory:');
    const w1 = new RecordWriter(db, 's', batch(db, 'a'), valuesOf);
    expect(w1.write({ sourceRow: 1, sourceId: null, rowHash: 'same', rawText: ',x' }).outcome).toBe('inserted');
    expect(w1.write({ sourceRow: 2, sourceId: null, rowHash: 'same', rawText: ',x' }).outcome).toBe('inserted');
    const w2 = new RecordWriter(db, 's', batch(db, 'b'), valuesOf);
    expect(w2.write({ sourceRow: 1, sourceId: null, rowHash: 'same', rawText: ',x' }).outcome).toBe('unchanged');
  });
});
