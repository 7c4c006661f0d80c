// Types for bench/quality/make-chinese-set.mjs, so the TypeScript tests can import the plain-JS generator.

export declare const DEFAULT_SEED: number;
export declare const HEADER: readonly string[];
export declare const LABEL_HEADER: readonly string[];

export interface CaseStats {
  entities: number;
  records: number;
  truePairs: number;
}

export interface ChineseSetStats {
  records: number;
  entities: number;
  truePairs: number;
  clusterSizes: Record<string, number>;
  cases: Record<'regular' | 'namesake' | 'head_office' | 'branch' | 'similar_name', CaseStats>;
  variants: Record<string, number>;
  hardNegativePairs: Record<'namesake' | 'branch' | 'similar', number>;
  similarHow: Record<string, number>;
  filled: Record<'uscc' | 'mobile' | 'phone' | 'email' | 'address' | 'contact', number>;
}

export declare function makeChineseSet(options?: { seed?: number }): { csv: string; labels: string; stats: ChineseSetStats };
