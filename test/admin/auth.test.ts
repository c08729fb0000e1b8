import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, Visitor, addUser, createAdminTestApp, type AdminTestApp } from './support';

let t: AdminTestApp;
beforeEach(async () => {
  t = await createAdminTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('sign-in and sessions', () => {
  it('redirects /admin to the sign-in page without a session', async () => {
    const res = await new Visitor(t.web).get('/admin');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/admin\/login\?next=%2Fadmin/);
    const login = await new Visitor(t.web).get('/admin/login');
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<label for="f-email">Email address/);
  });

  it('lets the seeded admin sign in and see all five seeded dialogues', async () => {
    const v = new Visitor(t.web);
    const res = await v.signIn();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    expect((await v.get('/admin')).status).toBe(200);
    expect(v.lastHtml).toMatch(/Open calls/);
    expect(v.lastHtml).toMatch(/Constructive Dialogues on Firearms and Technical Assistance 2023/);
    const list = await v.get('/admin/dialogues');
    const html = await list.text();
    for (const name of [
      'Firearms',
      'Technical Assistance',
      'International Cooperation',
      'Trafficking in Persons',
      'Smuggling of Migrants',
    ]) {
      expect(html).toContain(`Constructive Dialogue on ${name}`);
    }
    expect(html).toContain('5 dialogues');
  });

  it('hashes passwords at PASSWORD_HASH_COST, and a hash made at another cost still signs in', async () => {
    await t.close();
    t = await createAdminTestApp({ env: { PASSWORD_HASH_COST: '11' } });
    const hash = async () =>
      (await t.deps.db.selectFrom('admin_users').select('password_hash').where('email', '=', ADMIN.email).executeTakeFirstOrThrow())
        .password_hash;
    expect(await hash()).toMatch(/^scrypt\$11\$8\$1\$/);
    expect((await new Visitor(t.web).signIn()).status).toBe(303);
    // A hash made at another cost (before the setting changed) keeps its own parameters.
    await addUser(t, 'earlier@example.org', 'secretariat', 'a password from before the change');
    expect((await new Visitor(t.web).signIn('earlier@example.org', 'a password from before the change')).status).toBe(303);
    expect((await new Visitor(t.web).signIn(ADMIN.email, 'not the password at all')).status).not.toBe(303);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on /admin, and a new one at each sign-in', async () => {
    const v = new Visitor(t.web);
    await v.get('/admin/login');
    const res = await v.post('/admin/login', { email: ADMIN.email, password: ADMIN.password });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dd_admin='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/);
    const first = v.cookies.get('dd_admin');
    await v.signIn();
    expect(v.cookies.get('dd_admin')).not.toBe(first);
    // The old session is gone, and only a hash of the token is stored.
    const rows = await t.deps.db.selectFrom('admin_sessions').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id).not.toBe(v.cookies.get('dd_admin'));
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const s = await createAdminTestApp({ env: { PUBLIC_URL: 'https://desk.example.org' } });
    try {
      const v = new Visitor(s.web, 'https://desk.example.org');
      const res = await v.signIn();
      expect(res.headers.getSetCookie().find((c) => c.startsWith('dd_admin='))).toMatch(/Secure/);
    } finally {
      await s.close();
    }
  });

  it('refuses a wrong password with 401, keeps the email typed, and sets no session', async () => {
    const v = new Visitor(t.web);
    const res = await v.signIn(ADMIN.email, 'not the password at all');
    expect(res.status).toBe(401);
    expect(v.cookies.has('dd_admin')).toBe(false);
    expect(v.lastHtml).toMatch(/email address or password is not right/);
    expect(v.lastHtml).toContain(`value="${ADMIN.email}"`);
    expect((await v.get('/admin')).status).toBe(302);
  });

  it('slows an account and address after 5 failures, even with the right password, then lets in again', async () => {
    const v = new Visitor(t.web);
    for (let i = 0; i < 5; i++) expect((await v.signIn(ADMIN.email, `wrong-${i}`)).status).toBe(401);
    const blocked = await v.signIn();
    expect(blocked.status).toBe(429);
    expect(v.lastHtml).toMatch(/Too many failed sign-ins.*Try again in 1 minute/);
    t.clock.advance(2 * 60 * 1000);
    expect((await v.signIn()).status).toBe(303);
  });

  it('throttles one client address trying many accounts', async () => {
    const v = new Visitor(t.web);
    for (let i = 0; i < 20; i++) expect((await v.signIn(`nobody${i}@example.org`, 'whatever it is')).status).toBe(401);
    expect((await v.signIn()).status).toBe(429);
  }, 90_000);

  it('refuses a sign-in post without the pre-session CSRF token', async () => {
    const v = new Visitor(t.web);
    await v.get('/admin/login');
    expect((await v.post('/admin/login', { email: ADMIN.email, password: ADMIN.password }, { csrf: false })).status).toBe(403);
    expect(
      (await new Visitor(t.web).post('/admin/login', { email: ADMIN.email, password: ADMIN.password }, { csrf: 'forged' })).status,
    ).toBe(403);
  });

  it('slides the 12-hour expiry while in use and ends an idle session', async () => {
    const v = new Visitor(t.web);
    await v.signIn();
    t.clock.advance(11 * 3600_000);
    expect((await v.get('/admin')).status).toBe(200);
    t.clock.advance(11 * 3600_000);
    expect((await v.get('/admin')).status).toBe(200);
    t.clock.advance(12 * 3600_000 + 1000);
    expect((await v.get('/admin')).status).toBe(302);
  });

  it('signs out', async () => {
    const v = new Visitor(t.web);
    await v.signIn();
    await v.get('/admin');
    const res = await v.post('/admin/logout', {});
    expect(res.headers.get('location')).toBe('/admin/login?notice=signed_out');
    expect((await v.get('/admin')).status).toBe(302);
    expect(await t.deps.db.selectFrom('admin_sessions').selectAll().execute()).toHaveLength(0);
  });
});

describe('CSRF', () => {
  it('refuses a cross-site POST without the token (403) and changes nothing', async () => {
    const v = new Visitor(t.web);
    await v.signIn();
    await v.get('/admin/dialogues/new');
    const fields = {
      id: 'cybercrime',
      name: 'Constructive Dialogue on Cybercrime',
      short_name: 'Cybercrime',
      format: 'online',
      location: 'Online',
      description: 'x',
      status: 'announced',
      sort_order: '9',
    };
    const res = await v.post('/admin/dialogues/new', fields, {
      csrf: false,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/Nothing was changed/);
    // Right token, wrong origin: still refused. No origin headers and no token: refused.
    expect(
      (await v.post('/admin/dialogues/new', fields, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }))
        .status,
    ).toBe(403);
    expect((await v.post('/admin/dialogues/new', fields, { csrf: false, headers: { origin: '', 'sec-fetch-site': '' } })).status).toBe(403);
    expect(await t.deps.db.selectFrom('dialogues').select('id').where('id', '=', 'cybercrime').executeTakeFirst()).toBeUndefined();
    expect(await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'dialogue.create').execute()).toHaveLength(0);
    // The same form from the panel works.
    await v.get('/admin/dialogues/new');
    expect((await v.post('/admin/dialogues/new', fields)).status).toBe(303);
  });
});
