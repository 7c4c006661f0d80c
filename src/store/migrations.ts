// Versioned schema. One ordered list, strictly increasing; all pending migrations run in one transaction that also
// sets user_version. A store written by a newer program is refused. Never edit a shipped migration: add one.
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';

interface Migration {
  version: number;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        encoding TEXT NOT NULL,
        delimiter TEXT NOT NULL,
        preset TEXT NOT NULL,
        header_json TEXT NOT NULL,   -- the header cells exactly as read
        mapping_json TEXT NOT NULL,  -- canonical field -> source column(s)
        rows_read INTEGER NOT NULL DEFAULT 0,
        inserted INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        blank_lines INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        actor TEXT NOT NULL
      );
      CREATE UNIQUE INDEX import_batches_file ON import_batches(source, sha256);

      -- One row per customer row of a source: its text exactly as read (raw_text, one CSV record in the delimiter of
      -- batch_id, columns in the order of its header_json). The raw canonical values are derived from it through that
      -- batch's mapping_json, so the row is stored once; normalized values live in their own table.
      CREATE TABLE source_records (
        record_id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        source_row INTEGER NOT NULL,
        source_id TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        first_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        row_hash TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        customer_id INTEGER,
        imported_at TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX source_records_source_id ON source_records(source, source_id) WHERE source_id IS NOT NULL;
      CREATE INDEX source_records_row_hash ON source_records(source, row_hash) WHERE source_id IS NULL;

      -- Previous versions of a record replaced by a newer export, and the per-field changes.
      CREATE TABLE record_versions (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES source_records(record_id),
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_row INTEGER NOT NULL,
        raw_text TEXT NOT NULL,
        replaced_by_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        replaced_at TEXT NOT NULL
      );
      CREATE INDEX record_versions_record ON record_versions(record_id);
      CREATE TABLE field_changes (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES source_records(record_id),
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX field_changes_record ON field_changes(record_id);

      CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_row INTEGER NOT NULL,
        line INTEGER NOT NULL,
        reason_code TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw_text TEXT NOT NULL
      );
      CREATE INDEX rejects_batch ON rejects(batch_id);

      -- Field-level problems found on a record (bad date, malformed phone, ...). The value is never dropped.
      CREATE TABLE record_issues (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES source_records(record_id),
        stage TEXT NOT NULL,         -- 'import' or 'normalize'
        field TEXT NOT NULL,
        code TEXT NOT NULL,
        value TEXT,
        message TEXT NOT NULL
      );
      CREATE INDEX record_issues_record ON record_issues(record_id);
      CREATE INDEX record_issues_code ON record_issues(code);

      -- Append-only: who wrote what, when.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        command TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details_json TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 2,
    up: `
      -- Normalized values of each record, derived from its raw text by \`crm import\` / \`crm normalize\`.
      -- The raw values stay in source_records; every value here can be re-derived at any time.
      CREATE TABLE record_values (
        record_id INTEGER PRIMARY KEY REFERENCES source_records(record_id),
        name TEXT, name_core TEXT, legal_form TEXT, branch TEXT, parent_name TEXT, name_key TEXT, customer_type TEXT,
        first_name TEXT, last_name TEXT, short_name TEXT,
        uscc TEXT, uscc_valid INTEGER, org_code TEXT, org_code_valid INTEGER, id_number TEXT, id_valid INTEGER,
        birth_date TEXT, gender TEXT,
        contact_name TEXT, mobile TEXT, phone TEXT, phone_ext TEXT, phones TEXT, fax TEXT, email TEXT, website TEXT,
        country TEXT, region_code TEXT, province TEXT, city TEXT, district TEXT, address TEXT, postal_code TEXT,
        industry_code TEXT, industry_name TEXT, owner TEXT, grade TEXT, stage TEXT, channel TEXT, annual_amount REAL,
        created_at TEXT, updated_at TEXT, last_activity_at TEXT, last_deal_at TEXT, notes TEXT,
        normalized_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    up: `
      -- One row per customer; source_records.customer_id says which customer each record belongs to.
      -- Ids are never reused: a customer emptied by a merge is retired, and an unmerge brings it back.
      CREATE TABLE customers (
        customer_id INTEGER PRIMARY KEY,
        status TEXT NOT NULL DEFAULT 'active',   -- 'active' | 'retired'
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX source_records_customer ON source_records(customer_id);

      -- The golden record of each active customer: survivors of its records' normalized values, with provenance.
      CREATE TABLE customer_values (
        customer_id INTEGER PRIMARY KEY REFERENCES customers(customer_id),
        name TEXT, name_core TEXT, legal_form TEXT, branch TEXT, parent_name TEXT, name_key TEXT, customer_type TEXT,
        first_name TEXT, last_name TEXT, short_name TEXT,
        uscc TEXT, uscc_valid INTEGER, org_code TEXT, org_code_valid INTEGER, id_number TEXT, id_valid INTEGER,
        birth_date TEXT, gender TEXT,
        contact_name TEXT, mobile TEXT, phone TEXT, phone_ext TEXT, phones TEXT, fax TEXT, email TEXT, website TEXT,
        country TEXT, region_code TEXT, province TEXT, city TEXT, district TEXT, address TEXT, postal_code TEXT,
        industry_code TEXT, industry_name TEXT, owner TEXT, grade TEXT, stage TEXT, channel TEXT, annual_amount REAL,
        created_at TEXT, updated_at TEXT, last_activity_at TEXT, last_deal_at TEXT, notes TEXT,
        record_count INTEGER NOT NULL,
        sources TEXT NOT NULL,
        provenance_json TEXT NOT NULL,   -- {field: {record_id, rule}}
        computed_at TEXT NOT NULL
      );

      CREATE TABLE dedupe_runs (
        id INTEGER PRIMARY KEY,
        mode TEXT NOT NULL,              -- 'full' | 'incremental'
        options_json TEXT NOT NULL,
        model_json TEXT,
        stats_json TEXT,
        actor TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );

      -- Pairs scored between the two thresholds, waiting for a steward.
      CREATE TABLE review_pairs (
        id INTEGER PRIMARY KEY,
        record_a INTEGER NOT NULL REFERENCES source_records(record_id),
        record_b INTEGER NOT NULL REFERENCES source_records(record_id),
        probability REAL NOT NULL,
        weight REAL NOT NULL,
        explanation_json TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',   -- pending | accepted | rejected | skipped | resolved
        run_id INTEGER NOT NULL REFERENCES dedupe_runs(id),
        created_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        UNIQUE (record_a, record_b)
      );
      CREATE INDEX review_pairs_status ON review_pairs(status);

      -- "Never merge these two": from rejected review pairs and unmerges. Later runs respect them.
      CREATE TABLE never_merge (
        record_a INTEGER NOT NULL REFERENCES source_records(record_id),
        record_b INTEGER NOT NULL REFERENCES source_records(record_id),
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (record_a, record_b)
      );

      -- Every merge and unmerge, with who, when, and each record's customer before and after.
      CREATE TABLE merge_events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,              -- 'auto_merge' | 'review_merge' | 'manual_merge' | 'unmerge'
        customer_id INTEGER NOT NULL,    -- the surviving customer (merges) or the customer split (unmerge)
        run_id INTEGER,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        before_json TEXT NOT NULL,       -- {record_id: customer_id}
        after_json TEXT NOT NULL,
        details_json TEXT,
        undone_by INTEGER REFERENCES merge_events(id)
      );
      CREATE INDEX merge_events_customer ON merge_events(customer_id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new StoreError(
      `store schema version ${current} is newer than this crm (knows up to ${latest}); upgrade crm`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) db.exec(m.up);
    db.pragma(`user_version = ${latest}`);
  })();
}
