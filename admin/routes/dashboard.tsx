/**
 * The first page after sign-in: what is open now, what comes next, where things stand.
 */
import { Hono } from 'hono';
import type { AdminDeps } from '../deps';
import { can } from '../auth/roles';
import type { AdminEnv } from '../env';
import { listCalls, listDialogues } from '../queries/catalog';
import { actorNames, applicationCounts, openQuestions, recentAudit } from '../queries/dashboard';
import { render } from '../render';
import { failingMessages, outboxBacklog } from '../queries/outbox';
import { OutboxPanel } from '../views/outbox-panel';
import { APPLICATION_STATUS_LABELS, REVIEW_STATUS_LABELS, relative, utcTime, viennaDeadline, viennaTime } from '../views/format';

export function dashboardRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const user = c.get('user');
    // A focal point has one page: the rounds open to their State party.
    if (user.role === 'state_party') return c.redirect('/admin/objections', 302);
    const now = deps.clock.now();
    const iso = now.toISOString();
    const [calls, dialogues, counts, audit, questions] = await Promise.all([
      listCalls(deps.db),
      listDialogues(deps.db),
      applicationCounts(deps.db),
      can(user.role, 'audit') ? recentAudit(deps.db, 8) : Promise.resolve([]),
      openQuestions(deps.db, 5),
    ]);
    const names = await actorNames(
      deps.db,
      audit.map((a) => a.actor_ref),
    );
    const [backlog, failing] = await Promise.all([outboxBacklog(deps.db), failingMessages(deps.db, now)]);
    const dialogueName = new Map(dialogues.map((d) => [d.id, d.short_name]));
    const live = calls.filter((k) => !k.archived && k.closes_at > iso);
    const open = live.filter((k) => k.opens_at <= iso);
    const coming = live.filter((k) => k.opens_at > iso).sort((a, b) => a.opens_at.localeCompare(b.opens_at));

    const CallCard = ({ call, kind }: { call: (typeof live)[number]; kind: 'open' | 'coming' }) => {
      const target = kind === 'open' ? call.closes_at : call.opens_at;
      return (
        <div class="card">
          <h3>{call.title}</h3>
          <p class="small muted">{call.dialogueIds.map((id) => dialogueName.get(id) ?? id).join(', ') || 'No dialogue linked'}</p>
          <p>
            {kind === 'open' ? 'Closes in ' : 'Opens in '}
            <strong data-countdown={target}>{relative(target, now)}</strong>
          </p>
          <p class="small">
            {kind === 'open' ? 'Deadline: ' : 'Opens: '}
            {kind === 'open' ? viennaDeadline(target) : viennaTime(target)}
            <br />
            <span class="muted">{utcTime(target)}</span>
          </p>
          {can(user.role, 'catalog') && (
            <a href={`/admin/calls/${encodeURIComponent(call.id)}`}>
              Edit call<span class="visually-hidden"> {call.title}</span>
            </a>
          )}
        </div>
      );
    };

    return render(
      c,
      deps,
      { title: 'Dashboard', current: 'dashboard' },
      <>
        <h1>Dashboard</h1>
        <p class="muted small">
          Now: {viennaTime(iso)} ({utcTime(iso)})
        </p>
        <section aria-labelledby="open-h">
          <h2 id="open-h">Open calls</h2>
          {open.length ? (
            <div class="cards">
              {open.map((k) => (
                <CallCard call={k} kind="open" />
              ))}
            </div>
          ) : (
            <p>No call is open right now.</p>
          )}
        </section>
        <section aria-labelledby="coming-h">
          <h2 id="coming-h">Coming calls</h2>
          {coming.length ? (
            <div class="cards">
              {coming.map((k) => (
                <CallCard call={k} kind="coming" />
              ))}
            </div>
          ) : (
            <p>No call is scheduled to open.</p>
          )}
        </section>
        <section aria-labelledby="counts-h">
          <h2 id="counts-h">Applications</h2>
          <div class="cards">
            {Object.entries(APPLICATION_STATUS_LABELS).map(([k, l]) => (
              <div class="card">
                <h3>{l}</h3>
                <p class="big">{counts.byStatus[k] ?? 0}</p>
                {can(user.role, 'applications') && (
                  <a href={`/admin/applications?status=${k}`}>
                    See list<span class="visually-hidden"> of {l.toLowerCase()} applications</span>
                  </a>
                )}
              </div>
            ))}
          </div>
          <div class="table-wrap">
            <table>
              <caption>Review status per dialogue choice (submitted applications)</caption>
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Count
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(REVIEW_STATUS_LABELS).map(([k, l]) => (
                  <tr>
                    <th scope="row">{can(user.role, 'applications') ? <a href={`/admin/applications?review=${k}`}>{l}</a> : l}</th>
                    <td class="num">{counts.byReview[k] ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <OutboxPanel
          waiting={backlog.waiting}
          oldest={backlog.oldest}
          failing={failing}
          now={now}
          csrf={c.get('csrf')}
          canRetry={can(user.role, 'audit')}
        />
        <div class="grid2">
          <section aria-labelledby="questions-h">
            <h2 id="questions-h">Unanswered questions waiting: {questions.count}</h2>
            {questions.latest.length ? (
              <ul>
                {questions.latest.map((q) => (
                  <li>
                    “{q.text}”{' '}
                    <span class="muted small">
                      ({q.platform}, {viennaTime(q.asked_at)})
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>None waiting.</p>
            )}
            {can(user.role, 'catalog') && <a href="/admin/questions">Open the questions inbox</a>}
          </section>
          {can(user.role, 'audit') && (
            <section aria-labelledby="activity-h">
              <h2 id="activity-h">Recent activity</h2>
              {audit.length ? (
                <ul>
                  {audit.map((a) => (
                    <li>
                      <span class="small muted">{viennaTime(a.at)}</span> — {names.get(a.actor_ref) ?? a.actor_ref}: {a.action}{' '}
                      {a.entity_id ?? ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Nothing yet.</p>
              )}
              <a href="/admin/audit">Full audit log</a>
            </section>
          )}
        </div>
      </>,
    );
  });
  return app;
}
