// Builds the commander program. The only place that maps errors to exit codes and ends the process.
import { Command, CommanderError } from 'commander';
import { CrmError, EXIT } from '../errors.js';
import { buildDedupeCommand } from './commands/dedupe.js';
import { buildExportCommand } from './commands/export.js';
import { buildImportCommand } from './commands/import.js';
import { buildMergeCommand } from './commands/merge.js';
import { buildReviewCommand } from './commands/review.js';
import { buildUnmergeCommand } from './commands/unmerge.js';
import { buildNormalizeCommand } from './commands/normalize.js';
import { buildStatusCommand } from './commands/status.js';
import { createProcessIo, say, type Io } from './output.js';

export const VERSION = '0.1.0';

export function buildProgram(io: Io, where: { label: string } = { label: 'crm' }): Command {
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    // commander's "error: unknown option ..." in our one-line style: "crm import: unknown option ...".
    outputError: (s: string, write: (s: string) => void) =>
      write(`${where.label}: ${s.replace(/^error: /, '').trimEnd()} (see ${where.label} --help)\n`),
  };
  const program = new Command('crm')
    .description('Data-quality toolkit for CRM customer data: import, normalize, dedupe, report.')
    .version(VERSION)
    .exitOverride()
    .configureOutput(output);
  for (const build of [buildImportCommand, buildNormalizeCommand, buildDedupeCommand, buildReviewCommand, buildMergeCommand, buildUnmergeCommand, buildExportCommand, buildStatusCommand]) {
    program.addCommand(build(io).exitOverride().configureOutput(output));
  }
  return program;
}

/** Runs the CLI and returns the exit code (tests call this; `main` sets it on the process). */
export async function run(argv: string[], io: Io): Promise<number> {
  // Messages name the subcommand they come from ("crm import: ..."), or just "crm".
  const where = { label: 'crm' };
  const program = buildProgram(io, where);
  const command = program.commands.some((c) => c.name() === argv[2]) ? ` ${argv[2]}` : '';
  where.label = `crm${command}`;
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    say(io, `crm${command}: ${message}`);
    if (io.env['CRM_DEBUG'] === '1' || argv.includes('--verbose')) say(io, (error as Error).stack ?? '');
    return error instanceof CrmError ? error.exitCode : EXIT.failure;
  }
}

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`crm export | head`) is a normal end, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
  process.exitCode = await run(argv, createProcessIo());
}
