// Types for bench/generate-crm.mjs, so the TypeScript tests can import the plain-JS generator.
import type { Writable } from 'node:stream';

export declare const HEADER: readonly string[];

export interface GenerateOptions {
  /** data rows to write */
  rows: number;
  /** PRNG seed (default 42) */
  seed?: number;
  /** share of rows that repeat an earlier entity, 0 <= dupRate < 1 (default 0) */
  dupRate?: number;
}

export interface GenerateCrmOptions extends GenerateOptions {
  encoding?: 'utf8' | 'utf-8' | 'utf8-bom' | 'gbk' | 'gb18030';
  /** record terminator (default '\n') */
  eol?: '\n' | '\r\n';
  /** a file path ('-' = stdout) or a writable stream, which is not ended */
  out: string | Writable;
  /** where to write source_id,entity_id for every row */
  labels?: string | Writable;
  onProgress?: (stats: GenerateStats) => void;
}

export interface GenerateStats {
  rows: number;
  entities: number;
  duplicates: number;
  bytes: number;
  labelBytes: number;
}

export interface GeneratedRecord {
  index: number;
  sourceId: string;
  entityId: number;
  dup: boolean;
  /** true when the row carries the entity's valid USCC; false when it is empty or has a wrong check character */
  usccValid: boolean;
  fields: string[];
}

export declare function generateCrm(options: GenerateCrmOptions): Promise<GenerateStats>;
export declare function generateRecords(options: GenerateOptions): Generator<GeneratedRecord, void, undefined>;
export declare function csvField(value: string): string;
export declare function csvLine(fields: readonly string[], eol?: string): string;
export declare function usccCheckChar(first17: string): string | null;
export declare function isValidUscc(code: string): boolean;
