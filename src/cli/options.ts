// Flags shared by every command, defined once so they mean the same thing everywhere.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { Io } from './output.js';

export const DEFAULT_DB = 'crm.db';

export function addDbOption(cmd: Command): Command {
  return cmd.addOption(new Option('--db <path>', 'the store (SQLite file); default $CRM_DB or ./crm.db'));
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print the result as JSON on stdout', false)
    .option('-q, --quiet', 'no progress and no summary on stderr', false);
}

export const storeFlags = z.object({ db: z.string().optional() });
export const outputFlags = z.object({ json: z.boolean().default(false), quiet: z.boolean().default(false) });

export function resolveDbPath(flag: string | undefined, io: Io): string {
  const path = flag ?? io.env['CRM_DB'] ?? DEFAULT_DB;
  return path === ':memory:' ? path : resolve(io.cwd, path);
}

export function storeExists(path: string): boolean {
  return path === ':memory:' || existsSync(path);
}

/** Who is writing: $CRM_ACTOR, else the OS user. Recorded on batches and in the audit log. */
export function actorName(io: Io): string {
  if (io.env['CRM_ACTOR']) return io.env['CRM_ACTOR'];
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Parses options with a zod schema, turning every problem into one usage error. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `--${String(i.path[0] ?? '?').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
  throw new UsageError(problems.join('; '));
}

/** Positive integer ids from arguments; names every bad one. */
export function parseIds(args: readonly string[], what: string): number[] {
  const bad = args.filter((s) => !/^[1-9]\d*$/.test(s));
  if (bad.length > 0) throw new UsageError(`not a ${what} id: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return args.map(Number);
}
