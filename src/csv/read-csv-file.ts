// Reading one input file: a first pass for its fingerprint and encoding, then a streamed parse.
// Input from stdin is spooled to a temporary file first so both passes work on bounded memory.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { CsvParser, type CsvRecord } from './parse-csv.js';
import { Utf8Census, chooseEncoding, createDecoder, detectBom, type Bom, type Encoding } from './decode.js';
import { sniffDelimiter } from './sniff-delimiter.js';

const CHUNK = 1 << 20;

export interface CsvFileInfo {
  path: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  bom: Bom;
  delimiter: string;
}

export interface ReadOverrides {
  encoding?: Encoding | undefined;
  delimiter?: string | undefined;
}

/** First pass: sha256, size, BOM, UTF-8 census; then the delimiter from the decoded head of the file. */
export async function inspectCsvFile(path: string, overrides: ReadOverrides = {}): Promise<CsvFileInfo> {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    throw new InputError(`cannot read ${path}: no such file`);
  }
  const hash = createHash('sha256');
  const census = new Utf8Census();
  let head: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (head === null) head = chunk.subarray(0, 64 * 1024);
    hash.update(chunk);
    census.add(chunk);
  }
  census.finish();
  head ??= Buffer.alloc(0);
  const bom = detectBom(head);
  const encoding = overrides.encoding ?? chooseEncoding(bom, census);
  const decoder = createDecoder(encoding);
  const sample = decoder.write(head);
  const delimiter = overrides.delimiter ?? sniffDelimiter(sample);
  return { path, sha256: hash.digest('hex'), bytes, encoding, bom, delimiter };
}

export interface ReadRecord extends CsvRecord {
  /** The record contains bytes that are not valid in the file's encoding. */
  undecodable: boolean;
}

export interface RecordBatch {
  records: ReadRecord[];
  bytesRead: number;
  /** Empty lines skipped so far (not records, so not counted as rows). */
  emptyLines: number;
}

/** Second pass: streams the file's records in batches (one per read chunk). The first record is the header. */
export async function* readCsvRecords(info: CsvFileInfo): AsyncGenerator<RecordBatch> {
  const decoder = createDecoder(info.encoding);
  const parser = new CsvParser(info.delimiter);
  let bytesRead = 0;
  const mark = (records: CsvRecord[]): ReadRecord[] =>
    records.map((r) => Object.assign(r, { undecodable: decoder.invalid > 0 && r.raw.includes('\ufffd') }));
  for await (const chunk of createReadStream(info.path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const records = parser.push(decoder.write(chunk));
    if (records.length > 0) yield { records: mark(records), bytesRead, emptyLines: parser.emptyLines };
  }
  const records = parser.push(decoder.end(), true);
  yield { records: mark(records), bytesRead, emptyLines: parser.emptyLines };
}

export interface SpooledInput {
  path: string;
  cleanup(): void;
}

/** Copies stdin into a temporary file (removed by cleanup). */
export async function spoolStdin(stdin: NodeJS.ReadableStream): Promise<SpooledInput> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-stdin-'));
  const path = join(dir, 'stdin.csv');
  await pipeline(stdin, createWriteStream(path));
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
