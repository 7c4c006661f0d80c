// Typed errors carrying their exit code. Library code throws these; only src/cli/main.ts turns them into an exit.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  rejectRate: 3,
} as const;

export class CrmError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags or arguments: exit 2. */
export class UsageError extends CrmError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The store is newer than this program, locked, or corrupt. */
export class StoreError extends CrmError {}

/** An input file cannot be read or decoded at all. */
export class InputError extends CrmError {}

/** The import finished but too many rows were rejected: exit 3. */
export class RejectRateError extends CrmError {
  constructor(message: string) {
    super(message, EXIT.rejectRate);
  }
}
