/**
 * The deadline rush: applicants going through the Slack modal flow at once, each as Slack would
 * drive it: `/dialogues apply` -> the server opens the first step (views.open at the fake) ->
 * one view_submission per step, each answered with the next step -> the summary -> closed.
 */
import { Agent, request } from 'node:http';
import { commandBody, FORM, signedHeaders, submissionBody, userId } from '../test/faults/slack-traffic';

export interface RushOptions {
  serverUrl: string;
  secret: string;
  /** Fetches the view the server opened for a trigger id (from the fake Slack API). */
  viewFor(trigger: string): Promise<any | null>;
  count: number;
  concurrency: number;
  /** First user number (so two rushes on one database use different people). */
  firstUser?: number;
  /** Called with each applicant whose last submission was answered 200 with the modal closed. */
  onConfirmed?(user: string): void;
}

export interface RushResult {
  ms: number;
  confirmed: string[];
  failed: { user: string; error: string }[];
  requests: number;
  stepLatencies: number[];
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One applicant from command to closed modal; throws with the step that went wrong. */
export async function applyOnce(
  o: Pick<RushOptions, 'serverUrl' | 'secret' | 'viewFor'>,
  user: string,
  latencies?: number[],
): Promise<number> {
  const events = `${o.serverUrl}/slack/events`;
  const trigger = `trig-apply-${user}-${Math.random().toString(36).slice(2, 8)}`;
  const cmd = commandBody('apply', trigger, user);
  const ack = await post(events, cmd, signedHeaders(o.secret, cmd, FORM));
  if (ack.status !== 200) throw new Error(`command ${ack.status} ${ack.text.slice(0, 200)}`);
  let view = await o.viewFor(trigger);
  if (!view) throw new Error('no modal opened for the command');
  let requests = 1;
  for (let n = 1; n <= 12; n++) {
    const body = submissionBody(view, user, n, `Organisation of ${user}`);
    const t0 = performance.now();
    const res = await post(events, body, signedHeaders(o.secret, body, FORM));
    latencies?.push(performance.now() - t0);
    requests++;
    if (res.status !== 200) throw new Error(`step ${n} ${res.status} ${res.text.slice(0, 200)}`);
    const answer = res.text ? (JSON.parse(res.text) as { response_action?: string; view?: unknown; errors?: unknown }) : {};
    if (answer.response_action === 'update') {
      view = answer.view;
      continue;
    }
    if (answer.response_action === 'clear' || !res.text) return requests;
    throw new Error(`step ${n}: ${res.text.slice(0, 300)}`);
  }
  throw new Error('form did not end after 12 steps');
}

export async function rush(o: RushOptions): Promise<RushResult> {
  const first = o.firstUser ?? 1;
  const confirmed: string[] = [];
  const failed: { user: string; error: string }[] = [];
  const stepLatencies: number[] = [];
  let next = 0;
  let requests = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < o.count) {
      const user = userId(first + next++);
      try {
        requests += await applyOnce(o, user, stepLatencies);
        confirmed.push(user);
        o.onConfirmed?.(user);
      } catch (err) {
        failed.push({ user, error: (err as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return { ms: performance.now() - t0, confirmed, failed, requests, stepLatencies };
}
