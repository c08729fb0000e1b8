/**
 * Hostile Slack traffic, correctly signed after mutation (so the parsers, not the signature check,
 * meet it) and also unsigned, mis-signed, stale and replayed: never a 5xx or a crash; a refusal is
 * a 4xx with a JSON reason and changes no row in any table; Slack's own shapes that we do not
 * handle are acknowledged with a 200, as Slack requires.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingSlackApi, type CountingSlackApi } from '../fakes/counting-slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { slackSignature, signedHeaders } from '../faults/slack-traffic';
import { badBytes, contentTypes, errorLog, mutate, mutations, rowCounts } from './support';

const SECRET = 'hostile-slack-secret-0123456789abcdef';
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8'));
const RUNS = 120;

let api: CountingSlackApi;
let t: TestApp;
const logged = errorLog();
beforeAll(async () => {
  api = await startCountingSlackApi({ watch: ['C0REVIEWS'] });
  t = await createTestApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-hostile', SLACK_API_URL: api.url, SLACK_REVIEW_CHANNEL: 'C0REVIEWS' },
    now: '2023-02-05T09:00:00Z',
    log: logged.log,
  });
});
afterAll(async () => {
  await t.close();
  await api.close();
});

let seq = 0;
const send = (body: string | Buffer, headers: Record<string, string>) =>
  t.app.request('/slack/events', { method: 'POST', headers, body: body as BodyInit });

/** Posts and checks the invariants; returns the status. */
async function check(body: string | Buffer, headers: Record<string, string>, o: { mustRefuse?: boolean } = {}): Promise<number> {
  const before = await rowCounts(t.deps.db);
  const res = await send(body, headers);
  const text = await res.text();
  await t.settle();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if (o.mustRefuse) expect(res.status).toBeGreaterThanOrEqual(400);
  if (res.status >= 400) {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(JSON.parse(text)).toHaveProperty('error');
    expect(await rowCounts(t.deps.db)).toEqual(before);
  }
  // Anything logged as an error is a failure: a crash after the ack the person never hears of.
  const unexpected = logged.errors.splice(0);
  expect(
    unexpected.map((l) => l.slice(0, 400)),
    'no error was logged (a crash after the ack)',
  ).toEqual([]);
  return res.status;
}

const eventFixtures = ['event_message_im.json', 'event_app_mention.json', 'event_app_home_opened.json', 'url_verification.json'];
const interactionFixtures = [
  'interactivity_block_actions.json',
  'interactivity_view_submission.json',
  'interactivity_shortcut_global.json',
];

describe('signed but mutated', () => {
  it.each(eventFixtures)('Events API %s', async (name) => {
    const base = { ...fixture(name), event_id: 'EvBase' };
    await fc.assert(
      fc.asyncProperty(mutations(base), async (m) => {
        const body = JSON.stringify(mutate({ ...base, event_id: `EvH${++seq}` }, m));
        await check(body, signedHeaders(SECRET, body, 'application/json'));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(interactionFixtures)('interactivity %s', async (name) => {
    const base = fixture(name);
    await fc.assert(
      fc.asyncProperty(mutations(base), async (m) => {
        const body = new URLSearchParams({ payload: JSON.stringify(mutate({ ...base, trigger_id: `trig-h${++seq}` }, m)) }).toString();
        await check(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
      }),
      { numRuns: RUNS },
    );
  });

  it('slash commands', async () => {
    const base: Record<string, string> = { ...fixture('slash_command.fields.json'), command: '/dialogues', text: 'status' };
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...Object.keys(base), 'extra'),
          fc.oneof(fc.string({ maxLength: 50 }), fc.constant('x'.repeat(100_000)), fc.constant('apply')),
        ),
        fc.subarray(Object.keys(base)),
        async (patch, drop) => {
          const fields: Record<string, string> = { ...base, trigger_id: `trig-c${++seq}`, ...patch };
          for (const k of drop) delete fields[k];
          const body = new URLSearchParams(fields).toString();
          await check(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('bodies that are not valid UTF-8 or not what the content type says', async () => {
    await fc.assert(
      fc.asyncProperty(badBytes, contentTypes, async (bytes, type) => {
        const ts = String(Math.floor(Date.now() / 1000));
        // Signed over the raw bytes, as Slack signs.
        const raw = `v0=${createHmac('sha256', SECRET)
          .update(Buffer.concat([Buffer.from(`v0:${ts}:`), bytes]))
          .digest('hex')}`;
        await check(bytes, { 'content-type': type, 'x-slack-request-timestamp': ts, 'x-slack-signature': raw });
      }),
      { numRuns: RUNS },
    );
  });
});

// The bot's user id comes from the payload and goes into the mention pattern: it must only ever
// match itself, whatever it looks like.
it('a mention is answered whatever the bot user id in authorizations looks like', async () => {
  const base = fixture('event_app_mention.json');
  const body = JSON.stringify({ ...base, event_id: 'EvRegex1', authorizations: [{ user_id: '(x'.repeat(10), is_bot: true }] });
  const res = await send(body, signedHeaders(SECRET, body, 'application/json'));
  await t.settle();
  const errors = logged.errors.splice(0);
  expect(res.status).toBe(200);
  expect(errors).toEqual([]);
});

describe('not signed by Slack', () => {
  const body = () => JSON.stringify({ ...fixture('event_message_im.json'), event_id: `EvU${++seq}` });
  it('unsigned, mis-signed, stale, future, or signed for another body: 401 and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('none', 'wrong-secret', 'stale', 'future', 'other-body', 'garbage', 'v1', 'empty-ts'),
        async (kind) => {
          const b = body();
          const ts = Math.floor(Date.now() / 1000);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (kind === 'wrong-secret') Object.assign(headers, signedHeaders('not-the-secret', b, 'application/json'));
          if (kind === 'stale') Object.assign(headers, signedHeaders(SECRET, b, 'application/json', -301));
          if (kind === 'future') Object.assign(headers, signedHeaders(SECRET, b, 'application/json', 301));
          if (kind === 'other-body') Object.assign(headers, signedHeaders(SECRET, `${b} `, 'application/json'));
          if (kind === 'garbage') Object.assign(headers, { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=zz' });
          if (kind === 'v1')
            Object.assign(headers, {
              'x-slack-request-timestamp': String(ts),
              'x-slack-signature': slackSignature(SECRET, String(ts), b).replace('v0=', 'v1='),
            });
          if (kind === 'empty-ts')
            Object.assign(headers, { 'x-slack-request-timestamp': '', 'x-slack-signature': slackSignature(SECRET, '', b) });
          const status = await check(b, headers, { mustRefuse: true });
          expect(status).toBe(401);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a replayed request (same body, same signature) is acknowledged but handled once', async () => {
    const b = JSON.stringify({
      ...fixture('event_message_im.json'),
      event_id: 'EvReplay1',
      event: { ...fixture('event_message_im.json').event, text: 'who can apply?' },
    });
    const headers = signedHeaders(SECRET, b, 'application/json');
    expect(await check(b, headers)).toBe(200);
    const answered = api.stats().delivered['chat.postMessage'] ?? 0;
    const before = await rowCounts(t.deps.db);
    for (let i = 0; i < 5; i++) expect(await check(b, { ...headers, 'x-slack-retry-num': String(i + 1) })).toBe(200);
    expect(api.stats().delivered['chat.postMessage'] ?? 0).toBe(answered);
    expect(await rowCounts(t.deps.db)).toEqual(before);
  });
});
