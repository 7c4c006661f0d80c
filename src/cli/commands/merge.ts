// crm merge — merge customers by hand into the first one named.
const HELP = `
The first customer keeps its id; the others' records move to it and they are retired (their ids are never reused).
The merge is an event that \`crm unmerge\` can undo. A merge across a never-merge rule (a rejected review pair, an
earlier unmerge) is refused unless --force.

Examples:
  crm merge 12 57
  crm merge 12 57 90 --prefer u8,fxiaoke --json`;

import { Command } from 'commander';
import { z } from 'zod';
import { mergeCustomers } from '../../dedupe/steward.js';
import { openStore } from '../../store/db.js';
import { lastPreferredSources } from '../../store/settings.js';
import { actorName, addDbOption, addOutputOptions, outputFlags, parseIds, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { emitJson, say, type Io } from '../output.js';

const schema = storeFlags.merge(outputFlags).extend({
  force: z.boolean().default(false),
  prefer: z.string().optional(),
});

export function buildMergeCommand(io: Io): Command {
  const cmd = new Command('merge')
    .description('merge customers by hand')
    .argument('<customer...>', 'customer ids; the first survives')
    .option('--force', 'merge even across a never-merge rule (the rule is removed)', false)
    .option('--prefer <sources>', 'survivorship source priority, e.g. u8,fxiaoke (default: the last dedupe run\'s)');
  addOutputOptions(addDbOption(cmd)).addHelpText('after', HELP);
  return cmd.action(async (ids: string[], raw: unknown) => runMerge(ids, parseOptions(schema, raw), io));
}

export async function runMerge(ids: string[], opts: z.infer<typeof schema>, io: Io): Promise<void> {
  const db = openStore(resolveDbPath(opts.db, io), { mustExist: true });
  try {
    const prefer = opts.prefer ? opts.prefer.split(',') : lastPreferredSources(db);
    const result = mergeCustomers({ db, actor: actorName(io), survivorship: { prefer } }, parseIds(ids, 'customer'), opts.force);
    if (opts.json) emitJson(io, result);
    if (!opts.quiet) say(io, `crm merge: customer ${result.survivor} now holds ${result.moved} more record(s)`);
  } finally {
    db.close();
  }
}
