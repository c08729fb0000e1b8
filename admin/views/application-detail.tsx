/**
 * One application's page: every answer, the review state per dialogue with the decision form,
 * the applicant, the decisions, the history and the messages sent about it.
 */
import type { FC } from 'hono/jsx';
import { answersRecordJson, readJsonOr } from '../../db/json';
import { STAKEHOLDER_LABELS } from '../../domain/eligibility';
import type { ApplicationDetail } from '../queries/detail';
import { Answers } from './answers';
import { ErrorSummary, Select, TextArea, type Errors, type Values } from './fields';
import { APPLICATION_STATUS_LABELS, OUTCOME_LABELS, REVIEW_STATUS_LABELS, label, utcTime, viennaTime } from './format';
import { Csrf } from './layout';

// The engine takes a decision only while a dialogue is pending; after "request information" it
// waits for the applicant, whose edit opens the next round.
const DECIDABLE = new Set(['pending']);

const DOOR_LABELS: Record<string, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  web: 'Web (email sign-in)',
  playground: 'Playground',
};

/** The page title: the reference, or "Draft" and the start of the id before submission. */
export const applicationTitle = (d: ApplicationDetail) => d.app.reference ?? `Draft ${d.app.id.slice(0, 8)}`;

export const ApplicationPage: FC<{ d: ApplicationDetail; canDecide: boolean; values: Values; errors: Errors; csrf: string }> = ({
  d,
  canDecide,
  values,
  errors,
  csrf,
}) => {
  const { app, person } = d;
  const answers = readJsonOr(app.answers, answersRecordJson, {});
  const names = new Map(d.dialogues.map((x) => [x.dialogue_id, x.short_name]));
  const decidable = d.dialogues.filter((x) => DECIDABLE.has(x.status));
  const title = applicationTitle(d);
  return (
    <>
      <p>
        <a href="/admin/applications">← All applications</a>
      </p>
      <h1>Application {title}</h1>
      <p>
        {app.organisation_name ?? 'Organisation not given yet'} · {label(STAKEHOLDER_LABELS, app.stakeholder_type)} ·{' '}
        {app.regional_group ?? '—'}
        <br />
        <span class="small muted">
          {label(APPLICATION_STATUS_LABELS, app.status)} · call {d.call?.title ?? app.call_id} · via {app.platform} · submitted{' '}
          {viennaTime(app.submitted_at)}
        </span>
      </p>
      <div class="grid2">
        <section aria-labelledby="review-h">
          <h2 id="review-h">Review</h2>
          <ul>
            {d.dialogues.map((x) => (
              <li>
                {x.name}: <span class={`badge ${x.status}`}>{label(REVIEW_STATUS_LABELS, x.status)}</span>{' '}
                <span class="small muted">
                  (round {x.round}){x.status === 'info_requested' ? ' — waiting for the applicant to answer' : ''}
                </span>
              </li>
            ))}
          </ul>
          {canDecide && app.status === 'submitted' && decidable.length > 0 && (
            <form method="post" action={`/admin/applications/${encodeURIComponent(app.id)}/decide`} novalidate>
              <Csrf token={csrf} />
              <ErrorSummary errors={errors} />
              <Select
                name="dialogue_id"
                label="Dialogue"
                required
                options={decidable.map((x) => ({ value: x.dialogue_id, label: x.name }))}
                values={values}
                errors={errors}
              />
              <Select
                name="outcome"
                label="Decision"
                required
                options={[{ value: '', label: '— choose —' }, ...Object.entries(OUTCOME_LABELS).map(([v, l]) => ({ value: v, label: l }))]}
                values={values}
                errors={errors}
              />
              <TextArea
                name="reason"
                label="Reason or question for the applicant"
                hint="Required when rejecting or asking for more information. The applicant sees it."
                rows={3}
                values={values}
                errors={errors}
              />
              <div class="actions">
                <button type="submit">Record decision</button>
              </div>
            </form>
          )}
        </section>
        <section aria-labelledby="person-h">
          <h2 id="person-h">Applicant</h2>
          <dl class="answers">
            <dt>Name</dt>
            <dd>{person?.display_name ?? '—'}</dd>
            <dt>Email</dt>
            <dd>{person?.email ?? '—'}</dd>
            <dt>Time zone</dt>
            <dd>{person?.time_zone ?? '—'}</dd>
            <dt>Verified email</dt>
            <dd>{person?.verified_email ?? 'none'}</dd>
            <dt>Doors used</dt>
            <dd>
              {d.doors.length
                ? d.doors
                    .map((x) => `${DOOR_LABELS[x.platform] ?? x.platform} (last ${viennaTime(x.last_seen_at ?? x.created_at)})`)
                    .join('; ')
                : '—'}
            </dd>
            <dt>Notices by email</dt>
            <dd>{person?.email_notices || d.doors.some((x) => x.platform === 'web') ? 'yes' : 'no'}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="answers-h">
        <h2 id="answers-h">Answers</h2>
        <Answers answers={answers} dialogueName={(id) => names.get(id) ?? id} />
      </section>
      <section aria-labelledby="decisions-h">
        <h2 id="decisions-h">Decisions</h2>
        {d.decisions.length ? (
          <div class="table-wrap">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Dialogue</th>
                  <th scope="col">Round</th>
                  <th scope="col">Decision</th>
                  <th scope="col">By</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {d.decisions.map((x) => (
                  <tr>
                    <td data-label="When">{viennaTime(x.decided_at)}</td>
                    <td data-label="Dialogue">{names.get(x.dialogue_id) ?? x.dialogue_id}</td>
                    <td data-label="Round">{x.round}</td>
                    <td data-label="Decision">{label(OUTCOME_LABELS, x.outcome)}</td>
                    <td data-label="By">
                      {x.decider_name} <span class="small muted">({x.decider_ref})</span>
                    </td>
                    <td data-label="Reason">{x.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No decision yet.</p>
        )}
      </section>
      <section aria-labelledby="history-h">
        <h2 id="history-h">History</h2>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {d.events.map((e) => (
                <tr>
                  <td data-label="When">
                    {viennaTime(e.at)}
                    <br />
                    <span class="small muted">{utcTime(e.at)}</span>
                  </td>
                  <td data-label="What">{e.kind}</td>
                  <td data-label="Who">{e.actor_ref}</td>
                  <td data-label="Detail">
                    <pre class="detail">{e.detail === '{}' ? '' : e.detail}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="messages-h">
        <h2 id="messages-h">Messages</h2>
        {d.messages.length ? (
          <div class="table-wrap">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col">Delivered</th>
                </tr>
              </thead>
              <tbody>
                {d.messages.map((m) => (
                  <tr>
                    <td data-label="Created">{viennaTime(m.created_at)}</td>
                    <td data-label="Purpose">
                      {m.purpose}
                      <br />
                      <span class="small muted">{m.dedupe_key}</span>
                    </td>
                    <td data-label="To">{m.platform}</td>
                    <td data-label="Status">
                      {m.status}
                      {m.last_error ? ` (${m.last_error})` : ''}
                      {m.attempts ? `, ${m.attempts} attempt(s)` : ''}
                    </td>
                    <td data-label="Delivered">{viennaTime(m.delivered_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No messages.</p>
        )}
      </section>
    </>
  );
};
