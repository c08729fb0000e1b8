/**
 * Sign-in by email: ask for a code (/apply), type it (/apply/code), get an applicant session.
 * Every answer is the same whether or not the address was seen before.
 */
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import type { WebDeps } from './settings';
import { normaliseEmail } from '../../domain/people';
import { issueCode, mailDelayed, verifyCode } from './codes';
import { clientAddress, isSecure, pageHeaders, sameOrigin } from './http';
import { page } from './layout';
import { textFor, type WebText } from './messages';
import { checkPreSessionToken, checkSessionToken, createSession, CSRF_FIELD, endSession, loadSession, preSessionToken } from './session';
import { webActor } from './actor';

export const CODE_COOKIE = 'dd_applicant_code';

type Html = ReturnType<typeof html>;

/** RFC 5321 caps an address at 254 characters; zod checks the shape. */
export function checkEmail(raw: unknown, W: WebText): { ok: true; email: string } | { ok: false; message: string } {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: W.errors.emailMissing };
  if (raw.trim().length > 254) return { ok: false, message: W.errors.emailTooLong };
  const parsed = z.email().safeParse(raw.trim());
  return parsed.success ? { ok: true, email: normaliseEmail(parsed.data) } : { ok: false, message: W.errors.emailMalformed };
}

const alert = (text: string) => html`<div class="alert" role="alert"><p>${text}</p></div>`;

async function emailPage(c: Context, deps: WebDeps, opts: { error?: string; value?: string; status?: 200 | 400 | 403 | 429 } = {}) {
  pageHeaders(c);
  const W = textFor(c);
  const token = await preSessionToken(c, deps);
  const body: Html = html`<h1>${W.signInTitle}</h1>
<p>${W.signInIntro}</p>
${opts.error ? alert(opts.error) : ''}
<form method="post" action="/apply/sign-in" class="card step" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${token}">
<div><label for="email">${W.emailLabel}</label><div class="help" id="email-help">${W.emailHelp}</div>
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${opts.value ?? ''}" aria-describedby="email-help${opts.error ? ' email-err' : ''}"${opts.error ? html` aria-invalid="true"` : ''}>
${opts.error ? html`<p class="err" id="email-err">${opts.error}</p>` : ''}</div>
<div class="actions"><button type="submit" class="primary">${W.sendCode}</button></div>
</form>`;
  return c.html(page({ title: W.signInTitle, text: W }, body), opts.status ?? 200);
}

async function codePage(c: Context, deps: WebDeps, codeId: string, opts: { error?: string; status?: 200 | 400 | 403 | 410 } = {}) {
  pageHeaders(c);
  const W = textFor(c);
  const email = await deps.codes.emailOf(codeId);
  if (email === null) return emailPage(c, deps, { error: W.errors.noPendingCode, status: 400 });
  const token = await preSessionToken(c, deps);
  const delayed = await mailDelayed(deps, codeId);
  const body: Html = html`<h1>${W.codeTitle}</h1>
<p>${W.codeSent(email)}</p>
${delayed ? html`<div class="info" role="status"><p>${W.mailDelayed}</p></div>` : ''}
${opts.error ? alert(opts.error) : ''}
<form method="post" action="/apply/code" class="card step" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${token}">
<div><label for="code">${W.codeLabel}</label><div class="help" id="code-help">${W.codeHelp}</div>
<input type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" id="code" name="code" required aria-describedby="code-help${opts.error ? ' code-err' : ''}"${opts.error ? html` aria-invalid="true"` : ''}>
${opts.error ? html`<p class="err" id="code-err">${opts.error}</p>` : ''}</div>
<div class="actions"><button type="submit" class="primary">${W.signIn}</button></div>
</form>
<p><a href="/apply?again=1">${W.newCode}</a> · <a href="/apply?again=1">${W.otherAddress}</a></p>`;
  return c.html(page({ title: W.codeTitle, text: W }, body), opts.status ?? 200);
}

async function form(c: Context): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function signInRoutes(app: Hono, deps: WebDeps, showApplication: (c: Context) => Promise<Response>): void {
  app.get('/apply', async (c) => {
    const session = await loadSession(c, deps);
    if (session) return showApplication(c);
    const pending = getCookie(c, CODE_COOKIE);
    if (pending && pending.length <= 64 && c.req.query('again') === undefined) return codePage(c, deps, pending);
    return emailPage(c, deps);
  });

  app.post('/apply/sign-in', async (c) => {
    const W = textFor(c);
    const body = await form(c);
    if (!sameOrigin(c, deps) || !(await checkPreSessionToken(c, deps, body[CSRF_FIELD]))) {
      return emailPage(c, deps, { error: W.errors.csrf, status: 403 });
    }
    const checked = checkEmail(body.email, W);
    if (!checked.ok) {
      const value = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
      return emailPage(c, deps, { error: checked.message, value, status: 400 });
    }
    const issued = await issueCode(deps, checked.email, clientAddress(c, deps.settings.trustProxy), W);
    if (!issued.ok) {
      deps.log.info('sign_in_code_refused', { reason: issued.reason });
      return emailPage(c, deps, {
        error: issued.reason === 'address_limit' ? W.errors.addressLimit : W.errors.clientLimit,
        value: checked.email,
        status: 429,
      });
    }
    deps.log.info('sign_in_code_queued', {});
    setCookie(c, CODE_COOKIE, issued.codeId, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecure(c, deps),
      path: '/apply',
      maxAge: 15 * 60,
    });
    return c.redirect('/apply/code', 303);
  });

  app.get('/apply/code', async (c) => {
    const pending = getCookie(c, CODE_COOKIE);
    if (!pending || pending.length > 64) return c.redirect('/apply', 303);
    return codePage(c, deps, pending);
  });

  app.post('/apply/code', async (c) => {
    const W = textFor(c);
    const body = await form(c);
    const pending = getCookie(c, CODE_COOKIE);
    if (!pending || pending.length > 64) return emailPage(c, deps, { error: W.errors.noPendingCode, status: 400 });
    if (!sameOrigin(c, deps) || !(await checkPreSessionToken(c, deps, body[CSRF_FIELD]))) {
      return codePage(c, deps, pending, { error: W.errors.csrf, status: 403 });
    }
    const code = typeof body.code === 'string' ? body.code.replace(/\s+/g, '') : '';
    if (!/^\d{6}$/.test(code)) return codePage(c, deps, pending, { error: W.errors.codeMalformed, status: 400 });
    const result = await verifyCode(deps, pending, code);
    if (!result.ok) {
      deps.log.info('sign_in_code_rejected', { reason: result.reason });
      if (result.reason === 'wrong') return codePage(c, deps, pending, { error: W.errors.codeWrong(result.triesLeft), status: 400 });
      if (result.reason === 'unknown') return emailPage(c, deps, { error: W.errors.noPendingCode, status: 400 });
      return codePage(c, deps, pending, { error: result.reason === 'expired' ? W.errors.codeExpired : W.errors.codeVoid, status: 410 });
    }
    const person = await deps.store.personFor({ ...webActorIdentity(result.email) });
    await createSession(c, deps, person.id, result.email);
    deleteCookie(c, CODE_COOKIE, { path: '/apply', secure: isSecure(c, deps) });
    deps.log.info('applicant_signed_in', {});
    return c.redirect('/my', 303);
  });

  app.post('/apply/sign-out', async (c) => {
    const body = await form(c);
    const session = await loadSession(c, deps);
    if (session && sameOrigin(c, deps) && checkSessionToken(session, body[CSRF_FIELD])) await endSession(c, deps);
    return c.redirect('/apply', 303);
  });
}

function webActorIdentity(email: string) {
  const actor = webActor(email);
  return { platform: actor.platform, scope: '', userId: actor.userId, email, emailVerified: true };
}
