/** The counting fake Slack API as a child process, and a small client for its control routes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from '../test/faults/server-process';
import type { CountingFailure, CountingStats } from '../test/fakes/counting-slack-api';

export interface FakeProcess {
  url: string;
  base: string;
  pid: number;
  stats(): Promise<CountingStats>;
  reset(): Promise<void>;
  fail(method: string, ...failures: CountingFailure[]): Promise<void>;
  view(trigger: string, waitMs?: number): Promise<any | null>;
  stop(): Promise<void>;
}

export async function spawnFakeSlack(watch: string[] = []): Promise<FakeProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/fake-slack.ts', '0', watch.join(',')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l));
    child.once('exit', (code) => reject(new Error(`fake Slack exited (${code})`)));
  });
  const { url, port } = JSON.parse(line) as { url: string; port: number };
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    base,
    pid: child.pid!,
    stats: async () => (await (await fetch(`${base}/__stats`)).json()) as CountingStats,
    reset: async () => void (await fetch(`${base}/__reset`, { method: 'POST' })).arrayBuffer(),
    fail: async (method, ...failures) =>
      void (await fetch(`${base}/__fail`, { method: 'POST', body: JSON.stringify({ method, failures }) })).arrayBuffer(),
    view: async (trigger, waitMs = 5000) => {
      const res = await fetch(`${base}/__view?trigger=${encodeURIComponent(trigger)}&wait=${waitMs}`);
      return res.ok ? await res.json() : null;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
