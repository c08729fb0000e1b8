/**
 * The built server (what `npm start` runs) answers Slack DMs in its answer thread: every
 * acknowledged question is answered, including when the server is told to stop right after the
 * acks (graceful shutdown waits for the thread), and the thread runs at a lower CPU priority
 * than the thread that acknowledges. It is started by the first event, not at start.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingSlackApi, type CountingSlackApi } from '../fakes/counting-slack-api';
import { spawnServer, type ServerProcess } from './server-process';
import { dmEventBody, JSON_TYPE, QUESTIONS, signedHeaders, userId } from './slack-traffic';

const SECRET = 'answer-thread-secret-0123456789abcdef';
let api: CountingSlackApi;
let dir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  api = await startCountingSlackApi();
  dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-answer-thread-'));
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = async (name: string, env: Record<string, string> = {}) => {
  const s = await spawnServer({
    env: {
      NODE_ENV: 'production',
      PLAYGROUND: 'false',
      DATABASE_URL: `file:${join(dir, `${name}.sqlite`)}`,
      DIALOGUES_CLOCK: '2023-02-05T09:00:00Z',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-answer-thread',
      SLACK_API_URL: api.url,
      LOG_LEVEL: 'warn',
      ...env,
    },
    logFile: join(dir, 'server.log'),
  });
  servers.push(s);
  return s;
};

async function ask(server: ServerProcess, n: number): Promise<number> {
  const body = dmEventBody(`EvThread${n}`, userId(900 + n), QUESTIONS[n % QUESTIONS.length]!);
  const res = await fetch(`${server.url}/slack/events`, { method: 'POST', headers: signedHeaders(SECRET, body, JSON_TYPE), body });
  return res.status;
}

/** Nice values of the server's threads (Linux: field 19 of /proc/PID/task/TID/stat). */
function threadNices(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const answered = () => api.stats().postsByChannel.other ?? 0;

describe('Slack answers in a worker thread', () => {
  it('answers every acknowledged DM even when SIGTERM comes right after the acks', async () => {
    api.reset();
    const server = await start('drain');
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => ask(server, i)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Stopped at once: the answers still being computed must go out before the process ends.
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    expect(answered()).toBe(40);
  }, 30_000);

  it('starts the thread with the first event and runs the answers at a lower priority than the acks', async () => {
    const server = await start('nice');
    // No thread before the first event: an idle server holds no second isolate.
    expect(threadNices(server.pid)).not.toContain(10);
    expect(await ask(server, 50)).toBe(200);
    // The answer thread lowers its own priority once it is up.
    const deadline = Date.now() + 5_000;
    while (!threadNices(server.pid).includes(10) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const nices = threadNices(server.pid);
    expect(nices[0], 'the main thread').toBe(0);
    expect(nices).toContain(10);
    await server.stop();
  }, 30_000);

  it('with SLACK_ANSWER_THREAD=false answers on the main thread, at one priority', async () => {
    api.reset();
    const server = await start('inline', { SLACK_ANSWER_THREAD: 'false' });
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(server, 100 + i)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(threadNices(server.pid)).not.toContain(10);
    await server.stop();
    expect(answered()).toBe(10);
  }, 30_000);
});
