/**
 * The real `npm start` server as a child process, for benchmarks and crash tests: the bundle
 * `npm start` builds (scripts/build.mjs), run with node directly rather than through npm, so
 * that the pid we measure RSS of and SIGKILL is the server itself. A `script` runs through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  child: ChildProcess;
  /** Resident set size of the server process now, in bytes (Linux /proc). */
  rss(): number;
  /** Samples RSS every `everyMs` until the returned function is called; it returns the peak. */
  sampleRss(everyMs?: number): () => number;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface SpawnOptions {
  env: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
  /** File to append the server's stdout and stderr to. */
  logFile?: string;
  script?: string;
  readyTimeoutMs?: number;
}

let bundled: Promise<string> | null = null;
/** Builds dist/server.mjs once per test process, from the sources as they are now. */
export function serverBundle(): Promise<string> {
  // @ts-expect-error scripts/build.mjs is plain JavaScript without types
  // One file per test process: test files run in parallel and must not overwrite each other's bundle.
  bundled ??= import('../../scripts/build.mjs').then((m: { buildServer(out: string): Promise<string> }) =>
    m.buildServer(`${ROOT}dist/test-server-${process.pid}.mjs`),
  );
  return bundled;
}

export async function spawnServer(o: SpawnOptions): Promise<ServerProcess> {
  const port = o.env.PORT ? Number(o.env.PORT) : await freePort();
  const entry = o.script ? ['--import', 'tsx', o.script] : ['--enable-source-maps', await serverBundle()];
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), ...entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...o.env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = o.logFile ? createWriteStream(o.logFile, { flags: 'a' }) : null;
  let tail = '';
  const keep = (b: Buffer) => {
    log?.write(b);
    tail = (tail + b.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      log?.end();
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.readyTimeoutMs ?? 20_000);
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready:\n${tail}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in time:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    pid,
    port,
    url,
    child,
    exited,
    rss: () => rssOf(pid),
    sampleRss(everyMs = 50) {
      let peak = rssOf(pid);
      const t = setInterval(() => {
        peak = Math.max(peak, rssOf(pid));
      }, everyMs);
      return () => {
        clearInterval(t);
        return Math.max(peak, rssOf(pid));
      };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
