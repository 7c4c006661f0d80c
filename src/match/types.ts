// The record-linkage vocabulary shared by the match stages:
// blocking -> comparison -> scoring -> clustering -> survivorship (one module per stage, all pure).

/** What matching sees of one source record: its normalized values, already split into comparable parts. */
export interface MatchRecord {
  /** source_records.record_id */
  id: number;
  source: string;
  /** The customer the record belongs to now (null until a first dedupe). */
  customerId: number | null;
  type: 'company' | 'individual' | null;
  /** Cleaned full name (companies: with legal form; individuals: the person's name). */
  name: string | null;
  /** Companies: the distinctive core (no region, legal form, branch). Individuals: the full name. */
  nameCore: string | null;
  /** Pinyin of nameCore without tones or separators (a blocking key that folds homophone typos). */
  nameKey: string | null;
  /** Branch suffix (上海分公司) and head-office name, when the record is a branch. */
  branch: string | null;
  parentName: string | null;
  firstName: string | null;
  lastName: string | null;
  uscc: string | null;
  usccValid: boolean;
  idNumber: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  /** E.164, all valid numbers of the record. */
  phones: string[];
  emails: string[];
  /** Most specific GB/T 2260 code (6 digits; province xx0000, city xxxx00). */
  regionCode: string | null;
  /** City as text, for data outside China (FEBRL suburbs, US cities); lower-cased. */
  city: string | null;
  postalCode: string | null;
  address: string | null;
  contactName: string | null;
  website: string | null;
  /** ISO date-time of the record's last change in its source, for survivorship. */
  updatedAt: string | null;
  // Optional extras (added by the match stages; absent = unknown):
  /** The ID number passed its GB 11643 checks (two different valid ID numbers veto a match). */
  idValid?: boolean;
  /** 'male' | 'female'. */
  gender?: string | null;
  /** GB/T 4754 code when the industry resolved, else the industry (occupation) as lower-cased text. */
  industry?: string | null;
}

/** A candidate pair: indexes into the records array, a < b. */
export interface CandidatePair {
  a: number;
  b: number;
}

/** The outcome of one comparison for one pair: an index into its levels (0 = one side missing). */
export interface ComparisonLevel {
  /** e.g. 'exact', 'jaro_winkler>=0.92', 'same_city', 'else'. Level 0 is always 'missing'. */
  label: string;
  /** Levels that are evidence of a match, for EM initialisation (exact agreement, near agreement). */
  agrees: boolean;
}

export interface Comparison {
  /** e.g. 'name', 'uscc', 'phones', 'region'. */
  name: string;
  levels: readonly ComparisonLevel[];
  /** Returns the level index (0 when either side lacks the value). */
  compare(a: MatchRecord, b: MatchRecord): number;
  /** For term-frequency adjustment: the value whose frequency tempers an exact agreement (e.g. the name core). */
  tfValue?(r: MatchRecord): string | null;
  // Optional extras:
  /** The levels whose u term-frequency adjustment replaces (default [1], the exact level). */
  tfLevels?: readonly number[];
  /** Multi-valued fields (phones, e-mails): every value of the record, for the frequency table... */
  tfValues?(r: MatchRecord): readonly string[];
  /** ...and the values two records share, of which the rarest tempers the agreement. */
  tfShared?(a: MatchRecord, b: MatchRecord): readonly string[];
  /** The record's value as shown in an explanation (default: tfValue, else ''). */
  display?(r: MatchRecord): string;
}

/**
 * Candidate pairs in columnar form (what blocking returns; no object per pair): pair k is (a[k], b[k]), indexes
 * into the records array with a < b, sorted by (a, b); rule[k] indexes `rules`, the first rule that proposed it.
 */
export interface CandidatePairs {
  a: Uint32Array;
  b: Uint32Array;
  rule: Uint8Array;
  length: number;
  rules: readonly string[];
}

/** Fellegi–Sunter parameters: per comparison, per level, P(level | match) and P(level | non-match). */
export interface MatchModel {
  /** Prior probability that a random candidate pair is a match (λ). */
  prior: number;
  m: number[][];
  u: number[][];
  comparisons: string[];
  // Optional extras (set by estimateModel):
  /** Share of matches among the candidate pairs EM was run on, and the expected number of matches there. */
  candidatePrior?: number;
  expectedMatches?: number;
  /** EM iterations run, and the candidate pairs and random pairs the estimates rest on. */
  iterations?: number;
  candidatePairs?: number;
  randomPairs?: number;
}

/** One comparison's part of a pair's score: the waterfall shown by `crm dedupe --explain`. */
export interface Contribution {
  comparison: string;
  level: string;
  /** log2(m/u), after any term-frequency adjustment. */
  weight: number;
  /** Values compared, for display. */
  left: string;
  right: string;
  /** Optional extra: the term frequency that replaced u, when the weight was adjusted. */
  tf?: number;
}

export interface PairScore {
  a: number;
  b: number;
  /** Sum of log2 Bayes factors plus the prior's log-odds. */
  weight: number;
  probability: number;
  contributions: Contribution[];
  /** Hard evidence that the two can never be one customer (different valid USCCs, branch vs head office). */
  veto: string | null;
}

/** A group of record indexes judged to be one customer. */
export type Cluster = number[];
