/**
 * A signed-in (or not) visitor of the admin panel through app.request: keeps cookies like a
 * browser, and reads the CSRF token from the last page it saw.
 */
import { Hono } from 'hono';
import { createAdminApp, ensureFirstAdmin } from '../../admin';
import { adminDeps } from '../../server/admin-deps';
import { createTestApp, type TestApp, type TestAppOptions } from '../support/harness';

export const ADMIN = { email: 'secretariat-lead@example.org', password: 'a long test password 2023' };

export interface AdminTestApp extends TestApp {
  /** The product app with the admin panel mounted in front (in case the root app does not mount it yet). */
  web: Hono;
}

export async function createAdminTestApp(opts: TestAppOptions = {}): Promise<AdminTestApp> {
  const t = await createTestApp({ ...opts, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...opts.env } });
  await ensureFirstAdmin(adminDeps(t.deps));
  const web = new Hono();
  web.route('/', createAdminApp(adminDeps(t.deps)));
  web.all('*', (c) => t.app.fetch(c.req.raw));
  return Object.assign(t, { web });
}

export class Visitor {
  cookies = new Map<string, string>();
  lastHtml = '';

  constructor(
    readonly app: Hono,
    readonly origin = 'http://localhost',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(`${this.origin}${path}`, { headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await res.clone().text();
    return res;
  }

  /** Posts a form; `csrf: true` adds the token from the last page, as the real form would. */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    opts: { csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const token = typeof opts.csrf === 'string' ? opts.csrf : opts.csrf === false ? null : this.csrf();
    if (token !== null) body.set('_csrf', token);
    const res = await this.app.request(`${this.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        origin: this.origin,
        'sec-fetch-site': 'same-origin',
        ...opts.headers,
      },
      body: body.toString(),
    });
    this.keep(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await res.clone().text();
    return res;
  }

  csrf(): string {
    return this.lastHtml.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  }

  async signIn(email = ADMIN.email, password = ADMIN.password, env?: unknown): Promise<Response> {
    await this.get('/admin/login');
    void env;
    return this.post('/admin/login', { email, password });
  }
}

/** Adds a user directly with a given role, for role tests. */
export async function addUser(
  t: TestApp,
  email: string,
  role: 'admin' | 'secretariat' | 'reviewer',
  password = 'another long password',
): Promise<void> {
  const { hashPassword } = await import('../../admin/auth/password');
  const now = t.clock.now().toISOString();
  await t.deps.db
    .insertInto('admin_users')
    .values({
      id: crypto.randomUUID(),
      email,
      display_name: email.split('@')[0]!,
      password_hash: await hashPassword(password, { logN: 10, r: 8, p: 1 }),
      role,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
