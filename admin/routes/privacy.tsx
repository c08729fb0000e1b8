/**
 * Data protection: how long each call keeps personal data, and a person's data on request
 * (export as JSON, or erase after a confirmation). Every change and every export is audited,
 * with counts, never with the data itself.
 */
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import type { AdminDeps } from '../deps';
import { retentionPlan } from '../../db/store/retention-plan';
import { actorRef } from '../audit';
import { setRetention } from '../commands/catalog';
import type { AdminEnv } from '../env';
import { readForm } from '../form';
import { findPeople } from '../queries/privacy';
import { done, render } from '../render';
import { utcTime, viennaTime } from '../views/format';
import { Csrf } from '../views/layout';
import { DataTable } from '../views/table';

const idParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/);
const retentionForm = z.object({
  retention_months: z.coerce
    .number({ message: 'Enter a number of months.' })
    .int('Enter whole months.')
    .min(1, 'Keep data at least 1 month.')
    .max(120, 'At most 120 months (10 years).'),
});
const eraseForm = z.object({ confirm: z.literal('yes', { message: 'Tick the box to confirm that the request comes from this person.' }) });

/** The first problem zod found, as the sentence the form shows. */
const firstMessage = (error: z.ZodError) => error.issues[0]?.message ?? 'Check the form and try again.';

const KEPT =
  "Kept for the statistics, without names: each application's dialogues, stakeholder type, country and region, its representatives' genders (counts), the decisions and every date.";

export function privacyRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const notFound = (c: Context<AdminEnv>, what: 'call' | 'person') =>
    render(
      c,
      deps,
      { title: 'Not found', current: 'privacy' },
      <>
        <h1>Not found</h1>
        <p>There is no such {what}.</p>
      </>,
      404,
    );

  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const [plan, calls, people] = await Promise.all([
      retentionPlan(deps.db),
      deps.db.selectFrom('calls').select(['id', 'title']).execute(),
      findPeople(deps.db, q),
    ]);
    const title = new Map(calls.map((k) => [k.id, k.title]));
    return render(
      c,
      deps,
      { title: 'Data protection', current: 'privacy' },
      <>
        <h1>Data protection</h1>
        <section aria-labelledby="retention-h">
          <h2 id="retention-h">How long personal data is kept</h2>
          <p>
            After a call's last dialogue, its applications keep their names, emails, answers and messages for the months set here; then only
            the anonymous facts stay. {KEPT} Drafts never submitted are erased 30 days after the call closes. A call whose last dialogue has
            no date yet, or is still to come, is never touched.
          </p>
          <DataTable
            caption="Retention per call"
            columns={['Call', 'Last dialogue', 'Personal data erased on', 'Drafts erased on', 'Months kept']}
          >
            {plan.map((p) => (
              <tr>
                <td data-label="Call">{title.get(p.callId) ?? p.callId}</td>
                <td data-label="Last dialogue">{p.lastDialogue ?? 'no date yet'}</td>
                <td data-label="Personal data erased on">
                  {p.eraseAt ? (
                    <>
                      {viennaTime(p.eraseAt)}
                      <br />
                      <span class="small muted">{utcTime(p.eraseAt)}</span>
                    </>
                  ) : (
                    'not before the last dialogue has a date'
                  )}
                </td>
                <td data-label="Drafts erased on">{viennaTime(p.draftsEraseAt)}</td>
                <td data-label="Months kept">
                  <form method="post" action={`/admin/privacy/retention/${encodeURIComponent(p.callId)}`} class="inline">
                    <Csrf token={c.get('csrf')} />
                    <label for={`months-${p.callId}`} class="visually-hidden">
                      Months to keep personal data for {title.get(p.callId) ?? p.callId}
                    </label>
                    <input
                      id={`months-${p.callId}`}
                      name="retention_months"
                      type="number"
                      min="1"
                      max="120"
                      required
                      value={String(p.retentionMonths)}
                    />
                    <button type="submit">Save</button>
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="person-h">
          <h2 id="person-h">A person's data, on their request</h2>
          <p>
            Find the person by email, name, or Slack / Teams user id. Check that the request really comes from them before you export or
            erase.
          </p>
          <form method="get" action="/admin/privacy" role="search">
            <label for="q">Email, name or user id</label>
            <input id="q" name="q" type="search" value={q} maxlength={200} />
            <button type="submit">Find</button>
          </form>
          {q &&
            (people.length === 0 ? (
              <p>Nobody matches “{q}”.</p>
            ) : (
              <DataTable caption={<>People matching “{q}”</>} columns={['Person', 'Accounts', 'Applications', 'Export', 'Erase']}>
                {people.map((p) => (
                  <tr>
                    <td data-label="Person">
                      {p.erasedAt ? (
                        <span class="muted">erased {viennaTime(p.erasedAt)}</span>
                      ) : (
                        <>
                          {p.displayName ?? '—'}
                          <br />
                          <span class="small">{p.email ?? ''}</span>
                        </>
                      )}
                    </td>
                    <td data-label="Accounts">{p.accounts.map((a) => `${a.platform} ${a.userId}`).join(', ') || '—'}</td>
                    <td data-label="Applications" class="num">
                      {p.applications}
                    </td>
                    <td data-label="Export">
                      <form method="post" action={`/admin/privacy/people/${encodeURIComponent(p.id)}/export`}>
                        <Csrf token={c.get('csrf')} />
                        <button type="submit">Download JSON</button>
                      </form>
                    </td>
                    <td data-label="Erase">
                      <form method="post" action={`/admin/privacy/people/${encodeURIComponent(p.id)}/erase`}>
                        <Csrf token={c.get('csrf')} />
                        <label>
                          <input type="checkbox" name="confirm" value="yes" required /> The request comes from this person
                        </label>
                        <button type="submit" class="danger">
                          Withdraw and erase
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </DataTable>
            ))}
        </section>
      </>,
    );
  });

  app.post('/retention/:callId', async (c) => {
    const callId = idParam.safeParse(c.req.param('callId'));
    const call = callId.success
      ? await deps.db.selectFrom('calls').select(['id', 'retention_months']).where('id', '=', callId.data).executeTakeFirst()
      : undefined;
    if (!call) return notFound(c, 'call');
    const parsed = retentionForm.safeParse(await readForm(c));
    if (!parsed.success) {
      const message = firstMessage(parsed.error);
      return render(
        c,
        deps,
        { title: 'Data protection', current: 'privacy', notice: { text: message, bad: true } },
        <>
          <h1>Nothing was changed</h1>
          <p>{message}</p>
          <p>
            <a href="/admin/privacy">Back to data protection</a>
          </p>
        </>,
        400,
      );
    }
    await setRetention(deps, c.get('user'), call, parsed.data.retention_months);
    return done(c, '/admin/privacy', 'saved');
  });

  app.post('/people/:id/export', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    const person = id.success ? await deps.db.selectFrom('people').select('id').where('id', '=', id.data).executeTakeFirst() : undefined;
    if (!person) return notFound(c, 'person');
    const now = deps.clock.now().toISOString();
    const data = await deps.store.personalData(person.id, now);
    await deps.store.recordPrivacyRequest({
      personId: person.id,
      action: 'person.export',
      actor: actorRef(c.get('user')),
      via: 'admin',
      detail: { applications: data.applications.length, messages: data.messages.length },
      now,
    });
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="personal-data-${now.slice(0, 10)}.json"`,
    });
  });

  app.post('/people/:id/erase', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    const person = id.success
      ? await deps.db.selectFrom('people').select(['id', 'erased_at']).where('id', '=', id.data).executeTakeFirst()
      : undefined;
    if (!person) return notFound(c, 'person');
    const parsed = eraseForm.safeParse(await readForm(c));
    if (!parsed.success) {
      return render(
        c,
        deps,
        { title: 'Data protection', current: 'privacy' },
        <>
          <h1>Nothing was erased</h1>
          <p>{firstMessage(parsed.error)}</p>
          <p>
            <a href="/admin/privacy">Back to data protection</a>
          </p>
        </>,
        400,
      );
    }
    const who = actorRef(c.get('user'));
    const summary = await deps.engine.erasePerson({ personId: person.id, actorRef: who, auditActor: who, via: 'admin' });
    deps.kickOutbox();
    return render(
      c,
      deps,
      { title: 'Data erased', current: 'privacy' },
      <>
        <h1>{person.erased_at && summary.applications === 0 ? 'Already erased' : 'Data erased'}</h1>
        <ul>
          <li>Applications withdrawn: {summary.withdrawn}</li>
          <li>
            Applications erased: {summary.applications} (representatives: {summary.representatives})
          </li>
          <li>Messages erased: {summary.messages}</li>
          <li>
            Accounts, subscriptions, questions removed: {summary.accounts}, {summary.subscriptions}, {summary.questions}
          </li>
        </ul>
        <p>
          {KEPT} Reviewers' cards for withdrawn applications are updated through the outbox. Copies already in Slack or Teams are kept by
          those workspaces.
        </p>
        <p>
          <a href="/admin/privacy">Back to data protection</a>
        </p>
      </>,
    );
  });

  return app;
}
