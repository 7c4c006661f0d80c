// Shared vocabulary of the normalizers. Every normalizer is pure: raw text in, a value plus issues out.

/** What happened to one field's raw value. */
export type NormalizeStatus =
  | 'empty' // no raw value
  | 'unchanged' // raw value was already in normal form
  | 'normalized' // raw value was rewritten into normal form
  | 'unresolved' // could not be mapped to a code (ambiguous, unknown): kept raw, issue recorded
  | 'invalid'; // provably wrong (checksum, impossible date, not a phone number): kept raw, issue recorded

/** A problem with one field of one record. `code` is a stable reason code, e.g. `ambiguous_region`. */
export interface FieldIssue {
  field: string;
  code: string;
  value: string;
  message: string;
}
