// Types for bench/quality/sets.mjs, so the TypeScript tests can import the plain-JS module.

export interface TruthRow {
  entity: string;
  check: string;
  note?: string;
}

export interface QualitySet {
  name: string;
  file: string;
  map: string;
  truth(): TruthRow[];
  checkColumn: string;
  show: string[];
  target: { metric: 'f1' | 'precision'; min: number };
}

export declare const SET_NAMES: readonly string[];
export declare function defineSets(options: { data: string; root: string }): QualitySet[];
