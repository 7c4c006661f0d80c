#!/usr/bin/env node
// generate-crm — write a deterministic, CRM-like customer CSV (Chinese headers and content) for benchmarks.
//
// Usage:
//   node bench/generate-crm.mjs --rows N --out FILE [--seed S] [--dup-rate R] [--labels FILE]
//                               [--encoding utf8|utf8-bom|gbk|gb18030] [--crlf]
//
// Options:
//   --rows N        data rows to write (required)
//   --out FILE      CSV to write; '-' writes to stdout. A file is written to FILE.partial and renamed when done,
//                   so an interrupted run never leaves a truncated FILE behind.
//   --seed S        PRNG seed, an integer (default 42). The same seed and options give byte-identical output.
//   --dup-rate R    share of rows, 0 <= R < 1, that repeat an earlier customer with realistic variation
//                   (default 0: every row is a distinct customer)
//   --labels FILE   also write source_id,entity_id for every row (the ground truth for a dedupe benchmark)
//   --encoding E    utf8 (default), utf8-bom, gbk or gb18030
//   --crlf          end records with CRLF instead of LF (line breaks inside quoted notes stay as generated)
//
// Examples:
//   node bench/generate-crm.mjs --rows 1000000 --seed 42 --dup-rate 0 --out bench/out/crm-1m.csv
//   node bench/generate-crm.mjs --rows 200000 --dup-rate 0.4 --out bench/out/dups.csv --labels bench/out/dups.labels.csv
//
// As a library: generateCrm({ rows, seed, dupRate, encoding, eol, out, labels }) writes and resolves to counts;
// generateRecords({ rows, seed, dupRate }) yields the rows themselves (with entity ids and USCC validity).

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { hash32 } from './lib/prng.mjs';
import { HEADER, makeEntity, makeOwners, planRow, renderRow } from './lib/crm-records.mjs';

export { HEADER };
export { isValidUscc, usccCheckChar } from './lib/uscc.mjs';

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(s) {
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(fields, eol = '\n') {
  let line = '';
  for (let k = 0; k < fields.length; k++) line += (k === 0 ? '' : ',') + csvField(fields[k]);
  return line + eol;
}

// Two independent FNV-1a hashes folded into one 53-bit number: cheap identity for "has this content been written".
function contentKey(fields) {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let k = 1; k < fields.length; k++) {
    const s = fields[k];
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  return (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) & 0x1fffff);
}

function checkOptions({ rows, seed, dupRate }) {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`generate-crm: rows must be a whole number >= 0: ${rows}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`generate-crm: seed must be an integer: ${seed}`);
  if (!(dupRate >= 0 && dupRate < 1)) throw new RangeError(`generate-crm: dup-rate must be in [0, 1): ${dupRate}`);
}

/**
 * Yields every row: { index, sourceId, entityId, dup, usccValid, fields }. Rows of the same entity never have the
 * same content (every column but the source id); source ids are unique, so no two lines are byte-identical.
 */
export function* generateRecords({ rows, seed = 42, dupRate = 0 }) {
  checkOptions({ rows, seed, dupRate });
  const s = hash32(seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0);
  const owners = makeOwners(s);
  const seen = dupRate > 0 ? new Set() : null;
  let entities = 0;
  for (let i = 0; i < rows; i++) {
    const { dup, entityId } = planRow(s, i, dupRate, entities);
    if (!dup) entities++;
    const e = makeEntity(s, entityId);
    let row = renderRow(s, i, e, dup, owners);
    if (seen) {
      let key = contentKey(row.fields);
      for (let attempt = 1; dup && seen.has(key); attempt++) {
        if (attempt > 50) throw new Error(`generate-crm: cannot vary duplicate row ${i} of entity ${entityId}`);
        row = renderRow(s, i, e, dup, owners, attempt);
        key = contentKey(row.fields);
      }
      seen.add(key);
    }
    yield { index: i, sourceId: row.fields[0], entityId, dup, usccValid: row.usccValid, fields: row.fields };
  }
}

async function openSink(target, encoding) {
  if (target && typeof target === 'object' && typeof target.write === 'function') return { stream: target, owned: false };
  if (target === '-') return { stream: process.stdout, owned: false };
  const partial = `${target}.partial`;
  const stream = createWriteStream(partial);
  return { stream, owned: true, partial, path: target, encoding };
}

async function closeSink(sink, ok) {
  if (!sink.owned) return;
  sink.stream.end();
  await finished(sink.stream).catch((err) => { if (ok) throw err; });
  if (ok) await rename(sink.partial, sink.path);
  else await rm(sink.partial, { force: true });
}

async function makeEncoder(encoding) {
  if (encoding === 'utf8' || encoding === 'utf-8' || encoding === 'utf8-bom') return (s) => Buffer.from(s, 'utf8');
  if (encoding === 'gbk' || encoding === 'gb18030') {
    const { default: iconv } = await import('iconv-lite');
    // GBK has no U+00A5; Chinese keyboards type the full-width ￥ anyway.
    return encoding === 'gbk' ? (s) => iconv.encode(s.replaceAll('¥', '￥'), 'gbk') : (s) => iconv.encode(s, 'gb18030');
  }
  throw new RangeError(`generate-crm: unknown encoding: ${encoding} (utf8, utf8-bom, gbk, gb18030)`);
}

async function put(sink, buf) {
  if (!sink.stream.write(buf)) await once(sink.stream, 'drain');
}

const CHUNK_CHARS = 1 << 20;

/**
 * Writes the CSV (and optionally the labels) and resolves to { rows, entities, duplicates, bytes, labelBytes }.
 * `out` / `labels`: a file path ('-' = stdout) or a writable stream (not ended by this function).
 */
export async function generateCrm({ rows, seed = 42, dupRate = 0, encoding = 'utf8', eol = '\n', out, labels, onProgress }) {
  checkOptions({ rows, seed, dupRate });
  if (out === undefined || out === null) throw new TypeError('generate-crm: out is required');
  const encode = await makeEncoder(encoding);
  const sink = await openSink(out);
  const labelSink = labels ? await openSink(labels) : null;
  const stats = { rows: 0, entities: 0, duplicates: 0, bytes: 0, labelBytes: 0 };
  let ok = false;
  try {
    if (encoding === 'utf8-bom') {
      await put(sink, Buffer.from([0xef, 0xbb, 0xbf]));
      stats.bytes += 3;
    }
    let chunk = csvLine(HEADER, eol);
    let labelChunk = labelSink ? 'source_id,entity_id\n' : '';
    const flush = async () => {
      const buf = encode(chunk);
      stats.bytes += buf.length;
      chunk = '';
      await put(sink, buf);
      if (labelSink) {
        const lbuf = Buffer.from(labelChunk, 'utf8');
        stats.labelBytes += lbuf.length;
        labelChunk = '';
        await put(labelSink, lbuf);
      }
    };
    for (const r of generateRecords({ rows, seed, dupRate })) {
      chunk += csvLine(r.fields, eol);
      if (labelSink) labelChunk += `${r.sourceId},${r.entityId}\n`;
      stats.rows++;
      if (r.dup) stats.duplicates++;
      else stats.entities++;
      if (chunk.length >= CHUNK_CHARS) {
        await flush();
        onProgress?.(stats);
      }
    }
    await flush();
    ok = true;
  } finally {
    await closeSink(sink, ok);
    if (labelSink) await closeSink(labelSink, ok);
  }
  return stats;
}

const USAGE = `usage: node bench/generate-crm.mjs --rows N --out FILE [--seed S] [--dup-rate R] [--labels FILE]
                                  [--encoding utf8|utf8-bom|gbk|gb18030] [--crlf]`;

function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'dup-rate': { type: 'string', default: '0' },
      out: { type: 'string' },
      labels: { type: 'string' },
      encoding: { type: 'string', default: 'utf8' },
      crlf: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  const problems = [];
  const rows = Number(values.rows?.replaceAll('_', ''));
  if (values.rows === undefined) problems.push('--rows is required');
  else if (!Number.isSafeInteger(rows) || rows < 0) problems.push(`--rows must be a whole number: ${values.rows}`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) problems.push(`--seed must be an integer: ${values.seed}`);
  const dupRate = Number(values['dup-rate']);
  if (!(dupRate >= 0 && dupRate < 1)) problems.push(`--dup-rate must be in [0, 1): ${values['dup-rate']}`);
  if (!values.out) problems.push('--out is required');
  if (problems.length) throw Object.assign(new Error(problems.map((p) => `generate-crm: ${p}`).join('\n')), { usage: true });
  return { rows, seed, dupRate, out: values.out, labels: values.labels, encoding: values.encoding, eol: values.crlf ? '\r\n' : '\n' };
}

async function main(argv) {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (err) {
    process.stderr.write(`${err.message.startsWith('generate-crm') ? err.message : `generate-crm: ${err.message}`}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); });
  const started = performance.now();
  const tty = process.stderr.isTTY && !process.env.NO_COLOR;
  const stats = await generateCrm({
    ...opts,
    onProgress: tty ? (s) => process.stderr.write(`\rgenerate-crm: ${s.rows.toLocaleString('en-US')} rows`) : undefined,
  });
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(
    `${tty ? '\r' : ''}generate-crm: ${stats.rows} rows (${stats.entities} entities, ${stats.duplicates} duplicates), ` +
      `${(stats.bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s -> ${opts.out}${opts.labels ? ` + ${opts.labels}` : ''}\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`${process.env.CRM_DEBUG ? err.stack : err.message}\n`);
      process.exitCode = 1;
    },
  );
}
