// The only module that imports better-sqlite3. Opens the store with its pragmas and brings the schema up to date.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { StoreError } from '../errors.js';
import { migrate } from './migrations.js';

export type Db = Database.Database;
export type Statement = Database.Statement;

export interface OpenOptions {
  /** Open an existing store without creating it (read-only commands). */
  mustExist?: boolean;
  readonly?: boolean;
}

export function openStore(path: string, options: OpenOptions = {}): Db {
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError(`no store at ${path} (run \`crm import\` first, or pass --db)`);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
  } catch (error) {
    throw new StoreError(`cannot open store ${path}: ${(error as Error).message}`);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  }
  return db;
}

/** Runs `work` in BEGIN IMMEDIATE … COMMIT, rolling back on any error. Unlike db.transaction() it may await:
 * a streamed import must keep one transaction open across chunks so a killed run leaves the store untouched. */
export async function withTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement reused across calls on the same connection (for writes made once per row or event). */
export function cachedStatement(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export function nowIso(): string {
  return new Date().toISOString();
}
