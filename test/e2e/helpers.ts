// Shared helpers for end-to-end tests: spawn the built CLI (`node bin/crm ...`) in throw-away directories and read
// its output back. Run `npm run build` first; the tests exercise dist/ through bin/crm exactly as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const crmBin = join(repoRoot, 'bin', 'crm');
export const fixturesDir = join(repoRoot, 'fixtures');

export interface CrmResult {
  /** Exit code, or null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory of the CLI (default: the repository root). */
  cwd?: string;
  /** Bytes or text fed to stdin. */
  input?: string | Buffer;
  /** Extra environment variables (added to the test environment). */
  env?: Record<string, string>;
}

/** The environment every spawned CLI gets: no colour, a fixed actor, and no stray CRM_* settings of the caller. */
export function crmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CRM_')) env[k] = v;
  return { ...env, NO_COLOR: '1', CRM_ACTOR: 'test', ...extra };
}

/** Runs `node bin/crm <args>` to completion. */
export function runCrm(args: string[], options: RunOptions = {}): CrmResult {
  const result = spawnSync(process.execPath, [crmBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    input: options.input,
    env: crmEnv(options.env),
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `node bin/crm <args>` without blocking the test thread, so tests declared concurrent overlap their CLI runs
 * (vitest runs one test file at a time on a two-core machine; most of the time goes to starting the CLI).
 */
export function runCrmAsync(args: string[], options: RunOptions = {}): Promise<CrmResult> {
  return runAsync(process.execPath, [crmBin, ...args], options);
}

/** Runs any command like runCrmAsync (same environment and working directory defaults). */
export function runAsync(command: string, args: string[], options: RunOptions = {}): Promise<CrmResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: crmEnv(options.env) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolvePromise({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {}); // the CLI may exit without reading all of stdin
    child.stdin.end(options.input);
  });
}

const made: string[] = [];

/** A fresh empty directory under the OS temp dir; removed by removeTempDirs() (call it in afterAll). */
export function tempDir(prefix = 'crm-e2e-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Copies fixtures/<area>/<name> into dir and returns the copy's path. */
export function copyFixture(area: string, name: string, dir: string): string {
  const to = join(dir, name);
  copyFileSync(join(fixturesDir, area, name), to);
  return to;
}

export function listFixtures(area: string): string[] {
  return readdirSync(join(fixturesDir, area)).sort();
}

export function readFixture(area: string, name: string): Buffer {
  return readFileSync(join(fixturesDir, area, name));
}

/** Parses CSV text (a leading BOM is dropped) into objects keyed by the header. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: false }) as Record<string, string>[];
}

/** Runs `crm status --json` and resolves to the parsed summary (throws with stderr when it fails). */
export async function storeStatus(db: string): Promise<StoreStatus> {
  const r = await runCrmAsync(['status', '--json', '--db', db]);
  if (r.code !== 0) throw new Error(`crm status failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as StoreStatus;
}

export interface StoreStatus {
  store: string;
  schema_version: number;
  records: number;
  rejects: number;
  batches: number;
  sources: { source: string; records: number; batches: number; last_import: string | null }[];
  [key: string]: unknown;
}

export interface ExportResult {
  text: string;
  rows: Record<string, string>[];
  result: CrmResult;
}

/** Runs `crm export --view records` (plus extra args) and parses its stdout. */
export async function exportRecords(db: string, extra: string[] = []): Promise<ExportResult> {
  const result = await runCrmAsync(['export', '--view', 'records', '--db', db, ...extra]);
  if (result.code !== 0) throw new Error(`crm export failed (${result.code}): ${result.stderr}`);
  return { text: result.stdout, rows: parseCsvObjects(result.stdout), result };
}

/**
 * The export with each field's value exactly as imported: `--with-raw` adds raw_<field> columns beside the
 * normalized ones. rawValue() reads raw_<field> when present, else <field> (a CLI without --with-raw exports raw
 * values only).
 */
export async function exportRawRecords(db: string): Promise<ExportResult> {
  const result = await runCrmAsync(['export', '--view', 'records', '--with-raw', '--db', db]);
  if (result.code === 2 && result.stderr.includes("'--with-raw'")) return exportRecords(db);
  if (result.code !== 0) throw new Error(`crm export --with-raw failed (${result.code}): ${result.stderr}`);
  return { text: result.stdout, rows: parseCsvObjects(result.stdout), result };
}

export function rawValue(row: Record<string, string>, field: string): string | undefined {
  return row[`raw_${field}`] ?? (field === 'source_id' || !(`raw_name` in row) ? row[field] : undefined);
}

/** The JSON summary `crm import --json` prints. */
export interface ImportTotals {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  files: ImportFileSummary[];
  [key: string]: unknown;
}

export interface ImportFileSummary {
  file: string;
  source: string;
  status: string;
  encoding: string;
  delimiter: string;
  preset: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  empty_lines: number;
  rejects_by_reason: Record<string, number>;
  [key: string]: unknown;
}

/** Text that a wrong decode leaves behind: U+FFFD, the classic GBK-of-U+FFFD "锟斤拷", C1 controls (UTF-8 read as Latin-1). */
export const MOJIBAKE = /\uFFFD|锟斤拷|[\u0080-\u009F]/;
