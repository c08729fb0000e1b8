/**
 * Sign-in and sign-out. The sign-in form has no session yet, so its CSRF token is bound to a
 * pre-session cookie; a successful sign-in always starts a brand-new session.
 */
import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps';
import { recordSignIn, recordSignInFailed, recordSignOut } from '../commands/sign-in';
import { checkPreSessionToken, preSessionToken, sameOrigin } from '../auth/csrf';
import { dummyHash, passwordParams, verifyPassword } from '../auth/password';
import { isRole } from '../auth/roles';
import { createSession, destroySession } from '../auth/session';
import { blockedFor, clearFailures, clientIp, reserveAttempt, throttleKeys } from '../auth/throttle';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { loginSchema } from '../validators';
import { ErrorSummary, Input, type Errors, type Values } from '../views/fields';
import { Csrf, Layout } from '../views/layout';

/**
 * Only paths inside the panel: "//evil.example" or "https://..." would be an open redirect, and a
 * control character (CR/LF) or a backslash cannot go into a Location header or mean a path.
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' &&
    next.length <= 1000 &&
    /^\/admin(?:[/?#]|$)/.test(next) &&
    !next.startsWith('//') &&
    !/[\u0000-\u001f\u007f\\]/.test(next)
    ? next
    : '/admin';
}

/** An email address is at most 254 characters; more than that is not echoed back. */
const MAX_ECHOED_EMAIL = 320;
const echo = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_ECHOED_EMAIL) : undefined);

async function loginPage(
  c: Context<AdminEnv>,
  deps: AdminDeps,
  values: Values,
  errors: Errors,
  status: 200 | 400 | 401 | 403 | 429 = 200,
  message?: string,
) {
  const token = await preSessionToken(c, deps);
  return c.html(
    <Layout
      title="Sign in"
      notice={message ? { text: message, bad: true } : c.req.query('notice') === 'signed_out' ? { text: 'You are signed out.' } : null}
    >
      <h1>Sign in</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/login" novalidate>
        <Csrf token={token} />
        <input type="hidden" name="next" value={safeNext(values.next)} />
        <Input name="email" label="Email address" type="email" autocomplete="username" required values={values} errors={errors} />
        <Input name="password" label="Password" type="password" autocomplete="current-password" required values={values} errors={errors} />
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

export function authRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/login', (c) => loginPage(c, deps, { next: c.req.query('next') }, {}));

  app.post('/login', async (c) => {
    const raw = await readForm(c);
    // What was typed comes back (never the password), also when the form itself is refused.
    const values: Values = { email: echo(raw.email), next: safeNext(raw.next) };
    if (!sameOrigin(c, deps) || !(await checkPreSessionToken(c, deps))) {
      return loginPage(c, deps, values, {}, 403, 'The sign-in form had expired or came from another site. Please try again.');
    }
    const parsed = check(loginSchema, raw);
    if (!parsed.ok) return loginPage(c, deps, values, parsed.errors, 400);
    const { email, password } = parsed.data;

    const ip = clientIp(c, deps.settings.trustProxy);
    const keys = throttleKeys(email, ip);
    const throttled = (wait: number) => {
      deps.log.warn('admin.sign_in_throttled', { wait });
      return loginPage(
        c,
        deps,
        values,
        {},
        429,
        `Too many failed sign-ins for this account from here, or from this network. Try again in ${wait} minute${wait === 1 ? '' : 's'}.`,
      );
    };
    // A cheap refusal while blocked, then the attempt is counted before the password is checked.
    const blocked = await blockedFor(deps, keys);
    if (blocked > 0) return throttled(blocked);
    const wait = await reserveAttempt(deps, keys);
    if (wait > 0) return throttled(wait);

    const user = await deps.db.selectFrom('admin_users').selectAll().where('email', '=', email).executeTakeFirst();
    // Always run scrypt, so an unknown email takes as long to refuse as a wrong password.
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash(passwordParams(deps.settings.passwordCost))));
    if (!user || !ok || user.disabled || !isRole(user.role)) {
      deps.log.info('admin.sign_in_failed', { known: Boolean(user) });
      if (user) await recordSignInFailed(deps, user);
      return loginPage(c, deps, values, { password: 'The email address or password is not right' }, 401);
    }
    await clearFailures(deps, keys);
    await createSession(c, deps, user.id);
    await recordSignIn(deps, user);
    return c.redirect(safeNext(raw.next), 303);
  });

  return app;
}

/** Sign-out sits behind the session and CSRF checks like any other change. */
export function logoutRoute(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.post('/logout', async (c) => {
    const user = c.get('user');
    await destroySession(c, deps);
    await recordSignOut(deps, user);
    return c.redirect('/admin/login?notice=signed_out', 303);
  });
  return app;
}
