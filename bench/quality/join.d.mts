// Types for bench/quality/join.mjs, so the TypeScript tests can import the plain-JS module.

export declare class JoinError extends Error {}

export interface ExportRow {
  source: string;
  source_row: string;
  source_id: string;
  customer_id: string;
  [column: string]: string;
}

export declare function joinExport(
  exportCsv: string | Buffer,
  options: { setName: string; checkColumn: string; truth: readonly { check: string }[] },
): { rows: ExportRow[]; missing: number };

export declare function readCandidates(
  csvText: string | Buffer,
  rows: readonly ExportRow[],
  options?: { recordKeys?: ReadonlyMap<number, { source: string; source_row: number | string }> },
): { pairs: [number, number][]; error?: undefined } | { error: string; pairs?: undefined };

export interface DedupeFigures {
  pairsCompared?: number;
  blocking?: unknown;
  autoMerged?: number;
  queuedForReview?: number;
  elapsedMs?: number;
}
export declare function readDedupeSummary(json: unknown): DedupeFigures;

export declare function importNotes(summary: unknown): string[];
