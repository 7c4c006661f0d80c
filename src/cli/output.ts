// The only place that talks to the terminal: data goes to stdout, messages and progress to stderr.
// Colour and the progress bar appear only when stderr is a TTY and NO_COLOR is unset.
import chalk, { Chalk } from 'chalk';
import cliProgress from 'cli-progress';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** stderr is an interactive terminal (progress bars, prompts). */
  interactive: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function createProcessIo(): Io {
  const interactive = Boolean(process.stderr.isTTY) && process.env['TERM'] !== 'dumb';
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive,
    color: interactive && !('NO_COLOR' in process.env),
    env: process.env,
    cwd: process.cwd(),
  };
}

export function painter(io: Io): typeof chalk {
  return new Chalk({ level: io.color ? 1 : 0 });
}

/** One message line on stderr. */
export function say(io: Io, line: string): void {
  io.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

export function warn(io: Io, line: string): void {
  say(io, painter(io).yellow(line));
}

/** Writes data (CSV/JSON text) to stdout. */
export function emit(io: Io, text: string): void {
  io.stdout.write(text);
}

export function emitJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface Progress {
  update(done: number, rows: number): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/** A progress bar over `total` units (bytes) that also shows rows and rows/s; silent unless interactive. */
export function startProgress(io: Io, label: string, total: number, quiet: boolean): Progress {
  if (quiet || !io.interactive || total <= 0) return silent;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s`,
      stream: io.stderr as NodeJS.WritableStream & { isTTY?: boolean },
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.legacy,
  );
  bar.start(total, 0, { rows: 0, rate: 0 });
  return {
    update(done, rows) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(Math.min(done, total), { rows, rate: Math.round(rows / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
