/**
 * The panel seen by an attacker: every state-changing route behind the CSRF and role checks,
 * throttling that holds under a burst of parallel guesses, and an audit trail that says what changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApplications } from '../../scripts/generate-applications';
import { ADMIN, Visitor, addUser, createAdminTestApp, type AdminTestApp } from './support';

let t: AdminTestApp;
beforeEach(async () => {
  t = await createAdminTestApp();
});
afterEach(async () => {
  await t.close();
});

// Every POST route of the panel behind the session (sign-in has its own pre-session token).
const POST_ROUTES = [
  '/admin/logout',
  '/admin/dialogues/new',
  '/admin/dialogues/firearms',
  '/admin/dialogues/firearms/archive',
  '/admin/dialogues/firearms/restore',
  '/admin/calls/new',
  '/admin/calls/cd-2023-firearms-ta',
  '/admin/calls/cd-2023-firearms-ta/archive',
  '/admin/calls/cd-2023-firearms-ta/restore',
  '/admin/faq/new',
  '/admin/faq/x',
  '/admin/faq/x/archive',
  '/admin/faq/x/restore',
  '/admin/questions/q1/answer',
  '/admin/questions/q1/dismiss',
  '/admin/channels/edit',
  '/admin/channels/settings',
  '/admin/users/new',
  '/admin/users/x',
  '/admin/applications/x/decide',
];
const CATALOG_POSTS = POST_ROUTES.filter((p) => /^\/admin\/(dialogues|calls|faq|questions|channels)\//.test(p));
const USER_POSTS = POST_ROUTES.filter((p) => p.startsWith('/admin/users/'));

async function auditCount(): Promise<number> {
  return Number((await t.deps.db.selectFrom('audit_log').select(t.deps.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe('every state-changing route', () => {
  it('refuses a POST without the token, with a forged token, or from another site (403), and changes nothing', async () => {
    const v = new Visitor(t.web);
    await v.signIn();
    await v.get('/admin');
    const before = await auditCount();
    for (const path of POST_ROUTES) {
      expect((await v.post(path, { id: 'forged' }, { csrf: false })).status, `${path} without token`).toBe(403);
      expect((await v.post(path, { id: 'forged' }, { csrf: 'forged-token' })).status, `${path} forged token`).toBe(403);
      await v.get('/admin');
      expect(
        (await v.post(path, { id: 'forged' }, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).status,
        `${path} cross-site`,
      ).toBe(403);
      expect(
        (await v.post(path, { id: 'forged' }, { headers: { origin: 'https://evil.example', 'sec-fetch-site': '' } })).status,
        `${path} other origin`,
      ).toBe(403);
    }
    expect(await auditCount()).toBe(before);
    expect((await v.get('/admin')).status).toBe(200);
  });

  it('keeps a reviewer out of every catalogue and user change, and secretariat out of users', async () => {
    await addUser(t, 'reviewer@example.org', 'reviewer');
    await addUser(t, 'sec@example.org', 'secretariat');
    const r = new Visitor(t.web);
    expect((await r.signIn('reviewer@example.org', 'another long password')).status).toBe(303);
    const s = new Visitor(t.web);
    expect((await s.signIn('sec@example.org', 'another long password')).status).toBe(303);
    const before = await auditCount();
    for (const path of [...CATALOG_POSTS, ...USER_POSTS]) {
      await r.get('/admin');
      expect((await r.post(path, { id: 'forged', display_name: 'x', role: 'admin' })).status, `reviewer ${path}`).toBe(403);
    }
    for (const path of [
      '/admin/dialogues',
      '/admin/calls/new',
      '/admin/faq',
      '/admin/questions',
      '/admin/channels',
      '/admin/channels/edit',
      '/admin/users',
      '/admin/users/new',
      '/admin/audit',
    ]) {
      expect((await r.get(path)).status, `reviewer GET ${path}`).toBe(403);
    }
    for (const path of USER_POSTS) {
      await s.get('/admin');
      expect(
        (await s.post(path, { email: 'x@example.org', display_name: 'x', role: 'admin', password: 'a long enough password' })).status,
        `secretariat ${path}`,
      ).toBe(403);
    }
    expect((await s.get('/admin/users')).status).toBe(403);
    expect((await s.get('/admin/users/new')).status).toBe(403);
    expect(await auditCount()).toBe(before);
  });
});

describe('sign-in', () => {
  it('lets through at most 5 guesses of one account even when they arrive all at once', async () => {
    const visitors = Array.from({ length: 20 }, () => new Visitor(t.web));
    await Promise.all(visitors.map((v) => v.get('/admin/login')));
    const statuses = await Promise.all(
      visitors.map((v, i) => v.post('/admin/login', { email: ADMIN.email, password: `wrong guess ${i}` }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    // The right password is refused too until the window has passed.
    expect((await new Visitor(t.web).signIn()).status).toBe(429);
    t.clock.advance(16 * 60 * 1000);
    expect((await new Visitor(t.web).signIn()).status).toBe(303);
  });

  it('a success does not count against the address', async () => {
    for (let i = 0; i < 8; i++) expect((await new Visitor(t.web).signIn()).status).toBe(303);
  });

  it('records failed sign-ins on a known account in the audit log, without what was typed', async () => {
    const v = new Visitor(t.web);
    await v.signIn(ADMIN.email, 'a zebra wrong guess');
    await v.signIn('nobody@example.org', 'another zebra guess');
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.sign_in_failed').execute();
    expect(rows).toHaveLength(1);
    const admin = await t.deps.db.selectFrom('admin_users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    expect(rows[0]!.entity_id).toBe(admin.id);
    const all = JSON.stringify(await t.deps.db.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain('zebra');
    expect(all).not.toContain('nobody@example.org');
  });

  it('keeps the email typed when the sign-in form had expired, and then lets the next try in', async () => {
    const v = new Visitor(t.web);
    await v.get('/admin/login?next=%2Fadmin%2Faudit');
    v.cookies.delete('dd_admin_pre'); // the two-hour pre-session cookie ran out while the page was open
    const res = await v.post('/admin/login', { email: ADMIN.email, password: ADMIN.password, next: '/admin/audit' });
    expect(res.status).toBe(403);
    expect(v.lastHtml).toContain(`value="${ADMIN.email}"`);
    expect(v.lastHtml).toContain('value="/admin/audit"');
    expect(v.lastHtml).not.toContain(ADMIN.password);
    const again = await v.post('/admin/login', { email: ADMIN.email, password: ADMIN.password, next: '/admin/audit' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/admin/audit');
  });

  it('sends a user only back inside the panel after sign-in', async () => {
    for (const next of [
      '//evil.example/admin',
      'https://evil.example/admin',
      '/admin@evil.example',
      '/administrator',
      '/\\evil.example',
      '/admin\\evil',
      '/ admin',
    ]) {
      const v = new Visitor(t.web);
      await v.get(`/admin/login?next=${encodeURIComponent(next)}`);
      const res = await v.post('/admin/login', { email: ADMIN.email, password: ADMIN.password, next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/admin');
    }
    const v = new Visitor(t.web);
    await v.get('/admin/login');
    const res = await v.post('/admin/login', {
      email: ADMIN.email,
      password: ADMIN.password,
      next: '/admin/applications?status=submitted',
    });
    expect(res.headers.get('location')).toBe('/admin/applications?status=submitted');
  });
});

describe('audit and lists', () => {
  it('records a user name change in the audit log', async () => {
    await addUser(t, 'rev@example.org', 'reviewer');
    const v = new Visitor(t.web);
    await v.signIn();
    const u = await t.deps.db.selectFrom('admin_users').select('id').where('email', '=', 'rev@example.org').executeTakeFirstOrThrow();
    await v.get(`/admin/users/${u.id}`);
    expect((await v.post(`/admin/users/${u.id}`, { display_name: 'Renamed Reviewer', role: 'reviewer', password: '' })).status).toBe(303);
    const row = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('entity_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail)).toMatchObject({ display_name: { from: 'rev', to: 'Renamed Reviewer' } });
  });

  it('pages through applications submitted at the same instant without skipping or repeating any', async () => {
    await generateApplications(t.deps.db, 120, { start: '2023-01-06T08:00:00Z' });
    // Ties: everything submitted in three instants.
    const ids = (await t.deps.db.selectFrom('applications').select('id').execute()).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      await t.deps.db
        .updateTable('applications')
        .set({ submitted_at: `2023-01-1${i % 3}T10:00:00.000Z` })
        .where('id', '=', id)
        .execute();
    }
    const v = new Visitor(t.web);
    await v.signIn();
    const seen: string[] = [];
    let path: string | null = '/admin/applications';
    while (path) {
      const html = await (await v.get(path)).text();
      for (const m of html.matchAll(/href="\/admin\/applications\/([^"/?]+)"/g)) if (!m[1]!.startsWith('export.')) seen.push(m[1]!);
      path = html.match(/rel="next" href="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? null;
    }
    expect(seen).toHaveLength(ids.length);
    expect(new Set(seen).size).toBe(ids.length);
  });
});

describe('deciding from the panel', () => {
  it('offers only dialogues the engine will accept a decision for', async () => {
    const { PlaygroundClient, allText } = await import('../support/playground-client');
    const amina = new PlaygroundClient(t.app, 'amina');
    const done = await amina.submit(await amina.fillForm(await amina.say('apply')), {});
    const reference = allText(done.replies).match(/CD-2023-\d{4}/)![0];
    const app = await t.deps.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    await t.settle();
    const v = new Visitor(t.web);
    await v.signIn();
    await v.get(`/admin/applications/${app.id}`);
    expect(
      (
        await v.post(`/admin/applications/${app.id}/decide`, {
          dialogue_id: 'technical-assistance',
          outcome: 'request_info',
          reason: 'Which training materials?',
        })
      ).status,
    ).toBe(303);
    const html = await (await v.get(`/admin/applications/${app.id}`)).text();
    const form = html.match(/<form method="post" action="\/admin\/applications\/[^"]+\/decide"[\s\S]*?<\/form>/)?.[0] ?? '';
    expect(form).toContain('value="firearms"');
    expect(form).not.toContain('value="technical-assistance"');
  });
});
