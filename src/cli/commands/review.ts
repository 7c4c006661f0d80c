// crm review — the steward's queue of possible duplicates (pairs scored between the two thresholds).
const HELP = `
On a terminal, \`crm review\` shows each pair side by side (differences highlighted) with the explanation of its score
and asks: y merge, n never merge, s skip, q quit. For scripts:
  crm review list [--json]       the open pairs (pending and skipped), most likely first
  crm review accept ID           merge the two records' customers
  crm review reject ID           never merge these two records
  crm review skip ID             leave it for later

Examples:
  crm review
  crm review list --json | jq '.[0].id' | xargs crm review accept`;

import { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { sideBySide } from '../../dedupe/side-by-side.js';
import { acceptPair, rejectPair, skipPair, type StewardContext } from '../../dedupe/steward.js';
import { UsageError } from '../../errors.js';
import { openStore, type Db } from '../../store/db.js';
import { getRecordWithValues } from '../../store/record-views.js';
import { listReviewPairs, type ReviewPair } from '../../store/review-pairs.js';
import { lastPreferredSources } from '../../store/settings.js';
import { actorName, addDbOption, addOutputOptions, outputFlags, parseIds, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { emit, emitJson, painter, say, type Io } from '../output.js';

const schema = storeFlags.merge(outputFlags);
type ReviewOptions = z.infer<typeof schema>;
const ACTIONS = ['list', 'accept', 'reject', 'skip'] as const;

export function buildReviewCommand(io: Io): Command {
  const cmd = new Command('review')
    .description('review possible duplicates: interactively, or list / accept / reject / skip')
    .argument('[action]', `one of ${ACTIONS.join(', ')} (none: interactive on a terminal)`)
    .argument('[ids...]', 'review pair ids for accept / reject / skip');
  addOutputOptions(addDbOption(cmd)).addHelpText('after', HELP);
  return cmd.action(async (action: string | undefined, ids: string[], raw: unknown) => runReview(action, ids, parseOptions(schema, raw), io));
}

export async function runReview(action: string | undefined, ids: string[], opts: ReviewOptions, io: Io): Promise<void> {
  const db = openStore(resolveDbPath(opts.db, io), { mustExist: true });
  const ctx: StewardContext = { db, actor: actorName(io), survivorship: { prefer: lastPreferredSources(db) } };
  try {
    if (action === undefined) {
      if (!io.interactive) throw new UsageError('not a terminal: use `crm review list`, `accept ID`, `reject ID` or `skip ID`');
      return await interactive(ctx, io);
    }
    if (action === 'list') {
      const pairs = listReviewPairs(db);
      if (opts.json) return emitJson(io, pairs.map((p) => ({ ...p, a: describe(db, p.record_a), b: describe(db, p.record_b) })));
      emit(io, pairs.map((p) => `${p.id}\t${p.probability.toFixed(3)}\t${describe(db, p.record_a)}\t${describe(db, p.record_b)}\t${p.status}\n`).join(''));
      return;
    }
    if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`unknown action ${JSON.stringify(action)} (use ${ACTIONS.join(', ')})`);
    if (ids.length === 0) throw new UsageError(`${action} needs at least one review pair id`);
    for (const id of parseIds(ids, 'review pair')) {
      if (action === 'accept') {
        const { survivor } = acceptPair(ctx, id);
        if (!opts.quiet) say(io, `crm review: pair ${id} accepted: one customer ${survivor ?? ''}`.trimEnd());
      } else if (action === 'reject') {
        rejectPair(ctx, id);
        if (!opts.quiet) say(io, `crm review: pair ${id} rejected: these two records will never be merged`);
      } else {
        skipPair(ctx, id);
      }
    }
  } finally {
    db.close();
  }
}

function describe(db: Db, recordId: number): string {
  const r = getRecordWithValues(db, recordId);
  return r ? `${r.source}:${r.source_id ?? `row ${r.source_row}`} ${r.values.name ?? ''}`.trim() : `record ${recordId}`;
}

async function interactive(ctx: StewardContext, io: Io): Promise<void> {
  const pairs = listReviewPairs(ctx.db);
  if (pairs.length === 0) return say(io, 'crm review: nothing to review');
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  const c = painter(io);
  let done = 0;
  try {
    for (const [i, pair] of pairs.entries()) {
      say(io, renderPair(ctx.db, pair, i + 1, pairs.length, c));
      for (;;) {
        const answer = (await rl.question(c.bold('merge? [y]es [n]ever [s]kip [q]uit > '))).trim().toLowerCase();
        if (answer === 'q') return say(io, `crm review: ${done} decided, ${pairs.length - done} left`);
        if (answer === 'y') acceptPair(ctx, pair.id);
        else if (answer === 'n') rejectPair(ctx, pair.id);
        else if (answer === 's') skipPair(ctx, pair.id);
        else continue;
        done++;
        break;
      }
    }
    say(io, `crm review: ${done} decided, queue empty`);
  } finally {
    rl.close();
  }
}

function renderPair(db: Db, pair: ReviewPair, n: number, total: number, c: ReturnType<typeof painter>): string {
  const a = getRecordWithValues(db, pair.record_a);
  const b = getRecordWithValues(db, pair.record_b);
  if (!a || !b) return `pair ${pair.id}: a record is missing`;
  const rows = sideBySide(a.values, b.values);
  const w = Math.max(12, ...rows.map((r) => width(r.left)));
  const lines = [
    '',
    c.bold(`pair ${pair.id} (${n}/${total}) — match probability ${(pair.probability * 100).toFixed(1)}%`),
    `${'field'.padEnd(16)} ${pad(`${a.source}:${a.source_id ?? a.source_row}`, w)}  ${b.source}:${b.source_id ?? b.source_row}`,
    ...rows.map((r) => {
      const line = `${r.field.padEnd(16)} ${pad(r.left, w)}  ${r.right}`;
      return r.differs ? c.yellow(line) : line;
    }),
    c.bold('why:'),
    // Comparisons where a side has no value contribute nothing; leave them out of the steward's view.
    ...(Array.isArray(pair.explanation) ? (pair.explanation as { comparison: string; level: string; weight: number }[]) : [])
      .filter((x) => x.level !== 'missing')
      .map(
      (x) => `  ${x.comparison.padEnd(14)} ${x.level.padEnd(22)} ${(x.weight >= 0 ? '+' : '') + x.weight.toFixed(2)}`,
    ),
  ];
  return lines.join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
