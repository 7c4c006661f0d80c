// Checks shared by the bench harnesses' option parsing: each adds a one-line problem instead of throwing, so a
// harness reports every bad option at once.

/** A whole-number option (underscores allowed: 1_000_000), at least `min`; NaN when it is not one. */
export function wholeNumber(value, flag, min, problems) {
  const n = Number(String(value).replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min) {
    problems.push(`--${flag} must be a whole number >= ${min}: ${value}`);
    return Number.NaN;
  }
  return n;
}

/** A --timeout in seconds, returned in milliseconds. */
export function timeoutMs(value, problems) {
  const s = Number(value);
  if (!(s > 0)) problems.push(`--timeout must be a positive number of seconds: ${value}`);
  return s * 1000;
}

/** A comma-separated list of names, each one of `known` (an unknown one is a problem naming the choices). */
export function nameList(value, what, known, problems) {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!known.includes(n)) problems.push(`--only: unknown ${what} "${n}" (${known.join(', ')})`);
  return names;
}

/** Throws the problems as one usage error (the harness prints it and exits 2). */
export function throwIfProblems(harness, problems) {
  if (problems.length) throw Object.assign(new Error(problems.map((p) => `${harness}: ${p}`).join('\n')), { usage: true });
}
