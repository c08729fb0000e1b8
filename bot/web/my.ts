/**
 * /my: the applicant's applications as the engine describes them (status, outcome, what can
 * still be done), the doors they have used, and whether notices also go by email.
 */
import { ACTIONS } from '../../domain/actions';
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { WebDeps } from './settings';
import { webActor } from './actor';
import { pageHeaders, sameOrigin } from './http';
import { page } from './layout';
import { textFor } from './messages';
import { repliesHtml } from './replies-html';
import { myDataCard } from '../core/my-data';
import { checkSessionToken, CSRF_FIELD, loadSession } from './session';

export function myRoutes(app: Hono, deps: WebDeps): void {
  app.get('/my', async (c) => {
    const session = await loadSession(c, deps);
    if (!session) return c.redirect('/apply', 303);
    pageHeaders(c);
    const W = textFor(c);
    const actor = webActor(session.email);
    const status = await deps.engine.handle({
      kind: 'action',
      actor,
      conversation: { id: `web:${session.email}`, isDirect: true },
      actionId: ACTIONS.status,
    });
    const person = await deps.store.personFor({
      platform: 'web',
      scope: '',
      userId: actor.userId,
      email: session.email,
      emailVerified: true,
    });
    const doors = [...new Set((await deps.store.identitiesOf(person.id)).map((i) => i.platform))];
    const chatDoors = doors.filter((d) => d === 'slack' || d === 'teams');
    const saved = c.req.query('saved') !== undefined;
    const body = html`<h1>${W.myTitle}</h1>
<p>${W.signedInAs(session.email)}</p>
${repliesHtml(status.replies, session.csrf, W)}
${repliesHtml([myDataCard(actor)], session.csrf, W)}
<section class="box" aria-labelledby="notices-h">
<h2 id="notices-h">${W.notices}</h2>
${saved ? html`<p class="ok" role="status">${W.saved}</p>` : ''}
<p>${W.doors(doors.map((d) => W.doorName(d)).join(', '))}</p>
${
  chatDoors.length === 0
    ? html`<p>${W.noticesWeb}</p>`
    : html`<p>${W.noticesChat}</p>
<form method="post" action="/my/notices" class="step">
<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">
<div class="row"><input type="checkbox" id="email-notices" name="email_notices" value="1" ${person.emailNotices ? 'checked' : ''}><label for="email-notices">${W.noticesBox}</label></div>
<div class="actions"><button type="submit" class="secondary">${W.save}</button></div>
</form>`
}
</section>`;
    return c.html(page({ title: W.myTitle, session, text: W }, body));
  });

  // Everything held about the signed-in person, as a JSON download; audited like the chat export.
  app.get('/my/data.json', async (c) => {
    const session = await loadSession(c, deps);
    if (!session) return c.redirect('/apply', 303);
    const person = await deps.store.findPerson({ platform: 'web', scope: '', userId: webActor(session.email).userId });
    if (!person) return c.redirect('/my', 303);
    const now = deps.clock.now().toISOString();
    const data = await deps.store.personalData(person.id, now);
    await deps.store.recordPrivacyRequest({
      personId: person.id,
      action: 'person.export',
      actor: 'person:self',
      via: 'web',
      detail: { delivery: 'download' },
      now,
    });
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${now.slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    });
  });

  app.post('/my/notices', async (c) => {
    const session = await loadSession(c, deps);
    if (!session) return c.redirect('/apply', 303);
    const body = await c.req.parseBody().catch((): Record<string, unknown> => ({}));
    if (!sameOrigin(c, deps) || !checkSessionToken(session, body[CSRF_FIELD])) return c.redirect('/my', 303);
    const person = await deps.store.personFor({
      platform: 'web',
      scope: '',
      userId: session.email,
      email: session.email,
      emailVerified: true,
    });
    await deps.store.setEmailNotices(person.id, body.email_notices === '1', deps.clock.now().toISOString());
    return c.redirect('/my?saved', 303);
  });
}
