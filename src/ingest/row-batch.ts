// What the read worker sends the writer: rows in columnar form (cheap to pass between threads).
import type { MappingPlan } from '../csv/header-map.js';


export interface RowBatch {
  /** 1-based data row in the file. */
  row: number[];
  line: number[];
  /** Empty for records; the reject code for rejected rows. */
  rejectCode: string[];
  reason: string[];
  sourceId: (string | null)[];
  raw: string[];
  hash: string[];
  bytesRead: number;
  emptyLines: number;
}

export type WorkerMessage =
  | { type: 'header'; header: string[]; plan: MappingPlan }
  | { type: 'rows'; batch: RowBatch }
  | { type: 'done'; emptyLines: number }
  | { type: 'error'; name: string; message: string; exitCode: number };

export function emptyBatch(): RowBatch {
  return { row: [], line: [], rejectCode: [], reason: [], sourceId: [], raw: [], hash: [], bytesRead: 0, emptyLines: 0 };
}
