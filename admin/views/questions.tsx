/**
 * The questions inbox's pages: the list of groups per state with their actions, the answer
 * form, and what is shown when someone else handled a question first.
 */
import type { FC } from 'hono/jsx';
import type { QuestionRow } from '../../db/schema';
import { ANSWER_MAX, DISMISS_REASON_MAX } from '../../domain/questions';
import { QUESTION_STATUSES as STATUSES, type InboxGroup, type QuestionStatus } from '../queries/questions';
import { ErrorSummary, Input, Select, TextArea, type Errors, type Values } from './fields';
import { viennaTime } from './format';
import { Csrf } from './layout';

const Delivery = ({ g }: { g: InboxGroup }) => {
  const d = g.delivery;
  if (!d.total) return <span class="muted">nobody to tell</span>;
  return (
    <span>
      {d.delivered} of {d.total} delivered{d.pending ? `, ${d.pending} on the way` : ''}
      {d.failed ? (
        <>
          {' '}
          <span class="badge">{d.failed} failed</span>
        </>
      ) : (
        ''
      )}
    </span>
  );
};

const OpenActions = ({ g, others, csrf }: { g: InboxGroup; others: InboxGroup[]; csrf: string }) => {
  const id = encodeURIComponent(g.root.id);
  const targets = others.filter((o) => o.root.id !== g.root.id);
  return (
    <div class="actions">
      <a class="button" href={`/admin/questions/${id}/answer`}>
        Answer<span class="visually-hidden"> “{g.root.text}”</span>
      </a>
      {!g.root.assigned_to && (
        <form method="post" action={`/admin/questions/${id}/assign`} class="inline">
          <Csrf token={csrf} />
          <button type="submit" class="secondary">
            Assign to me
          </button>
        </form>
      )}
      <form method="post" action={`/admin/questions/${id}/dismiss`} class="inline">
        <Csrf token={csrf} />
        <label>
          Reason <input name="reason" required maxlength={DISMISS_REASON_MAX} />
        </label>
        <button type="submit" class="secondary">
          Dismiss<span class="visually-hidden"> “{g.root.text}”</span>
        </button>
      </form>
      {targets.length > 0 && (
        <form method="post" action={`/admin/questions/${id}/merge`} class="inline">
          <Csrf token={csrf} />
          <label>
            Same question as{' '}
            <select name="into">
              {targets.map((o) => (
                <option value={o.root.id}>{o.root.text.slice(0, 80)}</option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            Merge
          </button>
        </form>
      )}
    </div>
  );
};

export const QuestionsInbox: FC<{ status: QuestionStatus; groups: InboxGroup[]; csrf: string }> = ({ status, groups, csrf }) => {
  const openGroups = status === 'open' ? groups : [];
  return (
    <>
      <h1>Questions inbox</h1>
      <p>Questions the bot passed to the secretariat. Your answer goes back to everyone who asked, where they asked.</p>
      <nav aria-label="Question status" class="actions">
        {STATUSES.map((s) => (
          <a
            href={`/admin/questions?status=${s}`}
            aria-current={s === status ? 'page' : undefined}
            class={s === status ? 'button' : 'button secondary'}
          >
            {s.charAt(0).toUpperCase() + s.slice(1)}
          </a>
        ))}
      </nav>
      <div class="table-wrap">
        <table class="stack">
          <caption>
            {groups.length} {status} question{groups.length === 1 ? '' : 's'}
            {groups.length === 200 ? ' (the newest 200)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Asked</th>
              <th scope="col">{status === 'answered' ? 'Answer' : 'Where'}</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr>
                <td data-label="Question">
                  {g.root.kind === 'contact' ? (
                    <>
                      <span class="badge">wants to talk to a person</span>{' '}
                    </>
                  ) : (
                    ''
                  )}
                  {g.root.text}
                  {g.count > 1 ? (
                    <>
                      <br />
                      <span class="small muted">Asked by {g.count} people</span>
                    </>
                  ) : (
                    ''
                  )}
                  {g.root.assigned_to ? (
                    <>
                      <br />
                      <span class="small muted">Assigned to {g.root.assigned_to}</span>
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td data-label="Asked">{viennaTime(g.root.asked_at)}</td>
                <td data-label={status === 'answered' ? 'Answer' : 'Where'}>
                  {status === 'answered' ? (
                    <>
                      {g.root.answer}
                      <br />
                      <span class="small muted">
                        by {g.root.answered_by} — <Delivery g={g} />
                      </span>
                    </>
                  ) : status === 'dismissed' ? (
                    <>
                      {g.root.dismiss_reason ?? '—'}
                      <br />
                      <span class="small muted">by {g.root.answered_by ?? '—'}</span>
                    </>
                  ) : (
                    g.platforms.join(', ')
                  )}
                </td>
                <td data-label="Actions">
                  {status === 'open' ? (
                    <OpenActions g={g} others={openGroups} csrf={csrf} />
                  ) : g.root.answered_faq_id ? (
                    <a href={`/admin/faq/${encodeURIComponent(g.root.answered_faq_id)}`}>FAQ entry</a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

export const AnswerForm: FC<{
  g: InboxGroup;
  calls: { id: string; title: string }[];
  values: Values;
  errors: Errors;
  csrf: string;
}> = ({ g, calls, values, errors, csrf }) => (
  <>
    <h1>Answer the question</h1>
    <p>
      Asked: <q>{g.root.text}</q> — by {g.count} {g.count === 1 ? 'person' : 'people'}
      {g.root.kind === 'contact' ? ' who asked to talk to a person' : ''}.
    </p>
    {g.wordings.length > 1 && (
      <p class="small muted">
        Also asked as:{' '}
        {g.wordings.slice(1).map((w, i) => (
          <>
            {i ? '; ' : ''}
            <q>{w}</q>
          </>
        ))}
      </p>
    )}
    <ErrorSummary errors={errors} />
    <form method="post" action={`/admin/questions/${encodeURIComponent(g.root.id)}/answer`} novalidate>
      <Csrf token={csrf} />
      <TextArea
        name="answer"
        label="Answer"
        hint={`Sent to everyone who asked, where they asked, with their question quoted. At most ${ANSWER_MAX.toLocaleString('en')} characters.`}
        required
        values={values}
        errors={errors}
      />
      <div class="field checks">
        <label>
          <input type="checkbox" name="add_to_faq" value="on" checked={values.add_to_faq !== false} /> Also add to the FAQ, so the next
          person asking gets this answer
        </label>
      </div>
      <Input
        name="question"
        label="FAQ question"
        hint="How the entry is titled in the FAQ. The wordings people used are kept as other ways of asking it."
        values={values}
        errors={errors}
      />
      <Select
        name="call_id"
        label="FAQ entry applies to"
        options={[{ value: '', label: 'Every call (global)' }, ...calls.map((k) => ({ value: k.id, label: k.title }))]}
        values={values}
        errors={errors}
      />
      <div class="actions">
        <button type="submit">Send answer</button>
        <a href="/admin/questions">Cancel</a>
      </div>
    </form>
  </>
);

/** The question is no longer open (answered or dismissed first): said with by whom, in `notice`. */
export const AlreadyHandled: FC<{ root: QuestionRow }> = ({ root }) => (
  <>
    <h1>Question already handled</h1>
    <p>
      Asked: <q>{root.text}</q>
    </p>
    {root.answer ? <p>Answer sent: {root.answer}</p> : ''}
    <p>
      <a href="/admin/questions">Back to the questions inbox</a>
    </p>
  </>
);

export const Refused: FC<{ message: string }> = ({ message }) => (
  <>
    <h1>Questions inbox</h1>
    <ErrorSummary errors={{ reason: message }} />
    <p>
      <a href="/admin/questions">Back to the questions inbox</a>
    </p>
  </>
);
