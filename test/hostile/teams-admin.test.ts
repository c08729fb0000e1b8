/**
 * Hostile Teams activities (with a valid Bot Framework token for the mutated activity, and
 * without one) and hostile admin form posts (signed in, with a valid CSRF token): never a 5xx
 * or a crash; a refusal is a 4xx and changes no row in any table.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { badBytes, contentTypes, errorLog, hostileValue, mutate, mutations, rowCounts } from './support';

const RUNS = 100;
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/teams/${name}.json`, import.meta.url), 'utf8'));
const ADMIN = { email: 'hostile-admin@example.org', password: 'hostile-admin-password-123' };

let fake: FakeBotFramework;
let t: TestApp;
const logged = errorLog();
let token = '';
beforeAll(async () => {
  fake = await FakeBotFramework.start();
  t = await createTestApp({
    env: {
      ...fake.env(),
      TEAMS_REVIEWERS: '',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SESSION_SECRET: 'hostile-session-secret-0123456789abcdef',
    },
    now: '2023-02-05T09:00:00Z',
    log: logged.log,
  });
  token = await fake.sign();
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

async function invariant(res: Response, before: Record<string, number>, o: { mustRefuse?: boolean } = {}) {
  const text = await res.text();
  await t.settle();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if (o.mustRefuse) expect(res.status).toBeGreaterThanOrEqual(400);
  if (res.status >= 400) expect(await rowCounts(t.deps.db)).toEqual(before);
  // Anything logged as an error is a failure: ids that cannot be used (not well-formed UTF-16,
  // longer than any Teams id) are refused at parse time, before a reply URL is built.
  const unexpected = logged.errors.splice(0);
  expect(unexpected, 'no error was logged').toEqual([]);
  return { status: res.status, text };
}

describe('Teams /api/messages', () => {
  const names = [
    'message_personal',
    'message_channel_mention',
    'message_action_submit',
    'invoke_adaptive_card_action',
    'invoke_task_fetch',
    'invoke_task_submit',
    'conversation_update_bot_added_team',
  ];
  it.each(names)('%s, mutated, with a valid token for its serviceUrl', async (name) => {
    const base = { ...fixture(name), serviceUrl: fake.serviceUrl };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutations(base), async (m) => {
        const activity = mutate({ ...base, id: `hostile-${name}-${++n}` }, m) as Record<string, unknown>;
        const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : fake.serviceUrl;
        const jwt = serviceUrl === fake.serviceUrl ? token : await fake.sign({ serviceUrl });
        const before = await rowCounts(t.deps.db);
        const res = await t.app.request('/api/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
          body: JSON.stringify(activity),
        });
        await invariant(res, before);
      }),
      { numRuns: RUNS },
    );
  });

  // An id with a lone surrogate cannot be put in a URL: a 400 at the door, not an error later.
  it('an activity whose conversation id is not well-formed UTF-16 is refused with a 400', async () => {
    const activity = {
      ...fixture('message_personal'),
      serviceUrl: fake.serviceUrl,
      id: 'bad-id-1',
      conversation: { ...fixture('message_personal').conversation, id: 'a:\uD800broken' },
    };
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    await t.settle();
    const errors = logged.errors.splice(0);
    expect(res.status).toBe(400);
    expect(errors).toEqual([]);
  });

  it('without a token, with a forged one, or with bad bytes: 4xx and nothing changes', async () => {
    const body = JSON.stringify({ ...fixture('message_personal'), serviceUrl: fake.serviceUrl });
    const forged = await fake.sign({ unsigned: true });
    const wrongAud = await fake.sign({ aud: 'someone-else' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom<[string | null, string | Buffer]>([null, body], ['garbage', body], [forged, body], [wrongAud, body]),
          fc.tuple(fc.constant(token), badBytes),
        ),
        contentTypes,
        async ([jwt, payload], type) => {
          const before = await rowCounts(t.deps.db);
          const headers: Record<string, string> = { 'content-type': type, ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) };
          const res = await t.app.request('/api/messages', { method: 'POST', headers, body: payload as BodyInit });
          await invariant(res, before, { mustRefuse: true });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('admin form posts', () => {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      cookies.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
  };
  const csrfOf = (html: string) =>
    /name="_csrf"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*name="_csrf"/.exec(html)?.[1] ?? '';
  const get = async (path: string) => {
    const r = await t.app.request(path, { headers: { cookie: cookieHeader() } });
    keep(r);
    return r;
  };
  const postForm = async (path: string, body: string | Buffer, type = 'application/x-www-form-urlencoded') => {
    const r = await t.app.request(path, {
      method: 'POST',
      headers: { cookie: cookieHeader(), 'content-type': type, origin: 'http://localhost' },
      body: body as BodyInit,
    });
    keep(r);
    return r;
  };

  it('the sign-in form refuses hostile posts without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('email', 'password', 'next', '_csrf', 'email[]', 'x'),
          fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(100_000)), fc.constant('\uD800')),
          { maxKeys: 5 },
        ),
        async (fields) => {
          cookies.clear();
          const page = await get('/admin/login');
          const csrf = csrfOf(await page.text());
          const before = await rowCounts(t.deps.db);
          const res = await postForm('/admin/login', new URLSearchParams({ _csrf: csrf, ...fields }).toString());
          const text = await res.text();
          expect(res.status, text.slice(0, 200)).toBeLessThan(500);
          // A failed sign-in may count the failure (throttling) but creates no session or user.
          const after = await rowCounts(t.deps.db);
          expect(after.admin_sessions).toBe(before.admin_sessions);
          expect(after.admin_users).toBe(before.admin_users);
          expect(logged.errors.splice(0)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('signed in, the FAQ form refuses wrong types, huge strings, missing fields and bad encodings', async () => {
    cookies.clear();
    const page = await get('/admin/login');
    const login = await postForm(
      '/admin/login',
      new URLSearchParams({ _csrf: csrfOf(await page.text()), email: ADMIN.email, password: ADMIN.password, next: '/admin' }).toString(),
    );
    expect([302, 303]).toContain(login.status);
    const form = await get('/admin/faq/new');
    expect(form.status).toBe(200);
    const html = await form.text();
    const csrf = csrfOf(html);
    const fields = [...html.matchAll(/name="([a-z_]+)"/g)].map((m) => m[1]!).filter((n) => n !== '_csrf');
    expect(fields.length).toBeGreaterThan(1);
    const valid: Record<string, string> = {
      question: 'Can we apply twice?',
      answer: 'No, one application per organisation.',
      source: 'Call for participation',
      variants: 'apply twice',
      topic: 'eligibility',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...fields),
          hostileValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
          { maxKeys: 4 },
        ),
        fc.subarray(fields),
        // Malformed multipart bodies have their own test below.
        fc.option(
          fc.tuple(
            badBytes,
            contentTypes.filter((t) => !t.startsWith('multipart/')),
          ),
          { freq: 4 },
        ),
        async (patch, drop, raw) => {
          const values: Record<string, string> = { ...valid, ...patch };
          for (const k of drop) delete values[k];
          const before = await rowCounts(t.deps.db);
          const res = raw
            ? await postForm('/admin/faq/new', Buffer.concat([Buffer.from(`_csrf=${encodeURIComponent(csrf)}&`), raw[0]]), raw[1])
            : await postForm('/admin/faq/new', new URLSearchParams({ _csrf: csrf, ...values }).toString());
          const text = await res.text();
          expect(res.status, text.slice(0, 300)).toBeLessThan(500);
          if (res.status >= 400) expect(await rowCounts(t.deps.db)).toEqual(before);
          expect(logged.errors.splice(0)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // A body that does not parse as its content type says is the sender's mistake: a 400.
  it('a malformed multipart body is a 400, not a 500', async () => {
    cookies.clear();
    await get('/admin/login');
    const res = await postForm('/admin/login', Buffer.from([0xff, 0xfe, 0x00]), 'multipart/form-data; boundary=x');
    logged.errors.splice(0);
    expect(res.status).toBe(400);
  });
});
