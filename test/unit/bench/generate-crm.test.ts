import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADER, generateCrm, generateRecords, isValidUscc, usccCheckChar } from '../../../bench/generate-crm.mjs';

const ROWS = 2_000;
const GENERATOR = fileURLToPath(new URL('../../../bench/generate-crm.mjs', import.meta.url));

function memorySink(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

async function generate(seed: number, dupRate = 0, rows = ROWS) {
  const out = memorySink();
  const labels = memorySink();
  const stats = await generateCrm({ rows, seed, dupRate, out: out.sink, labels: labels.sink });
  return { stats, csv: out.bytes(), labels: labels.bytes().toString('utf8') };
}

const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: false }) as string[][];

const tmp = mkdtempSync(join(tmpdir(), 'crm-gen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generate-crm', () => {
  it('writes byte-identical output for the same seed', async () => {
    const a = await generate(42);
    const b = await generate(42);
    expect(a.csv.length).toBeGreaterThan(ROWS * 100);
    expect(a.csv.equals(b.csv)).toBe(true);
  });

  it('writes different output for a different seed', async () => {
    const a = await generate(42);
    const b = await generate(43);
    expect(a.csv.equals(b.csv)).toBe(false);
  });

  it('CLI writes the same bytes as the library, via a .partial file that is renamed', async () => {
    const out = join(tmp, 'cli.csv');
    execFileSync(process.execPath, [GENERATOR, '--rows', '300', '--seed', '9', '--out', out], { stdio: 'pipe' });
    const lib = await generate(9, 0, 300);
    expect(readFileSync(out).equals(lib.csv)).toBe(true);
  });

  it('parses with csv-parse to the header column count on every row, quoting included', async () => {
    const { csv, stats } = await generate(42, 0.4);
    const records = parseCsv(csv.toString('utf8'));
    expect(records[0]).toEqual([...HEADER]);
    expect(records).toHaveLength(stats.rows + 1);
    for (const r of records) expect(r).toHaveLength(HEADER.length);
    const cells = records.slice(1).flat();
    // The quoting paths are exercised, not just present in theory.
    expect(cells.some((c) => c.includes(','))).toBe(true);
    expect(cells.some((c) => c.includes('"'))).toBe(true);
    expect(cells.some((c) => c.includes('\n'))).toBe(true);
  });

  it('gives valid USCC check characters to "valid" rows and wrong or empty ones to about 3%', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccCheckChar('91440300708461136')).toBe('T');
    let valid = 0;
    for (const r of generateRecords({ rows: ROWS, seed: 42 })) {
      const code = r.fields[2] ?? '';
      if (r.usccValid) {
        valid++;
        expect(code, `row ${r.index}`).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
        expect(isValidUscc(code), `row ${r.index}: ${code}`).toBe(true);
      } else {
        expect(code === '' || !isValidUscc(code), `row ${r.index}: ${code}`).toBe(true);
      }
    }
    expect(valid / ROWS).toBeGreaterThan(0.95);
    expect(valid / ROWS).toBeLessThan(0.99);
  });

  it('labels every row with its entity; duplicates match --dup-rate and never repeat a row', async () => {
    const { csv, labels, stats } = await generate(42, 0.4);
    const rows = parseCsv(csv.toString('utf8')).slice(1);
    const labelRows = parseCsv(labels);
    expect(labelRows[0]).toEqual(['source_id', 'entity_id']);
    expect(labelRows).toHaveLength(stats.rows + 1);
    expect(labelRows.slice(1).map((l) => l[0])).toEqual(rows.map((r) => r[0]));
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);

    const seen = new Set<string>();
    const contents = new Set<string>();
    let duplicates = 0;
    for (const [k, [, entity]] of labelRows.slice(1).entries()) {
      if (seen.has(entity!)) duplicates++;
      seen.add(entity!);
      contents.add(JSON.stringify(rows[k]!.slice(1)));
    }
    expect(duplicates).toBe(stats.duplicates);
    expect(seen.size).toBe(stats.entities);
    expect(duplicates / stats.rows).toBeGreaterThan(0.35);
    expect(duplicates / stats.rows).toBeLessThan(0.45);
    expect(contents.size).toBe(rows.length);
  });

  it('writes no duplicates at --dup-rate 0', async () => {
    const { stats } = await generate(5, 0, 500);
    expect(stats).toMatchObject({ rows: 500, entities: 500, duplicates: 0 });
  });
});
