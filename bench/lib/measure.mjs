// Measuring child processes for the benchmarks: wall time around the spawn, peak RSS from GNU time when the machine
// has it, a timeout that kills only the process group we started, and the machine description for the report.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** True when GNU time (with -f/-o) is installed: then peak RSS is measured from outside the process. */
export function hasGnuTime() {
  const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', process.execPath, '-e', ''], { stdio: 'ignore' });
  return r.status === 0;
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function maxOf(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

/** Removes a SQLite database and its side files. */
export function removeDb(path) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Runs cmd args, resolves to { code, signal, wallMs, rssMb, stdout, stderr, timedOut }. rssMb is the peak resident
 * set in MiB from GNU time (null without it). Never rejects for a failing child; rejects if it cannot be spawned.
 */
export function runMeasured(cmd, args, { cwd, input, timeoutMs = 30 * 60_000, env, rssFile, useTime = true } = {}) {
  const timed = useTime && rssFile;
  const file = timed ? GNU_TIME : cmd;
  const argv = timed ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      let rssMb = null;
      if (timed) {
        try {
          // GNU time prints "Command exited with non-zero status N" before the figure when the child fails.
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          const kb = Number(lines[lines.length - 1]);
          if (Number.isFinite(kb) && kb > 0) rssMb = kb / 1024;
        } catch {
          /* no figure */
        }
        rmSync(rssFile, { force: true });
      }
      resolve({ code, signal, wallMs, rssMb, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** Reads a file once so the first measured run does not pay for a cold page cache. */
export async function warmCache(path) {
  const { createReadStream } = await import('node:fs');
  for await (const _ of createReadStream(path, { highWaterMark: 1 << 20 })) {
    /* discard */
  }
}

export function describeMachine({ sqliteVersion }) {
  let cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    ramGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    sqlite: sqliteVersion ?? 'not installed',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

export const tmpRssFile = (dir, tag) => join(dir, `.rss-${process.pid}-${tag}`);
