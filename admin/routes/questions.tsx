/**
 * Questions the bot passed to the secretariat. Answering one sends the answer to everyone who
 * asked it (where they asked, through the outbox), adds it to the FAQ when ticked, and updates
 * the card in the secretariat channel: the same engine call a card's Answer button makes.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AdminDeps } from '../deps';
import { describeAnswer } from '../../bot/core/questions-flow';
import { ANSWER_MAX, DISMISS_REASON_MAX } from '../../domain/questions';
import { actorRef } from '../audit';
import { mergeQuestions } from '../commands/questions';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { listCalls } from '../queries/catalog';
import { done, render } from '../render';
import { ErrorSummary, Input, Select, TextArea, type Errors, type Values } from '../views/fields';
import { viennaTime } from '../views/format';
import { Csrf } from '../views/layout';
import { questionGroups, type InboxGroup } from '../queries/questions';

const STATUSES = ['open', 'answered', 'dismissed'] as const;

const answerSchema = z.object({
  answer: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
  add_to_faq: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
  question: z
    .string()
    .trim()
    .max(500, 'Keep the FAQ question to 500 characters')
    .optional()
    .transform((v) => v ?? ''),
  call_id: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || null),
});
const dismissSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the question is dismissed')
    .max(DISMISS_REASON_MAX, `Keep the reason to ${DISMISS_REASON_MAX} characters`),
});
const mergeSchema = z.object({ into: z.string().trim().min(1, 'Choose the question it is the same as').max(100) });

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

async function answerPage(c: Context<AdminEnv>, deps: AdminDeps, g: InboxGroup, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const calls = await listCalls(deps.db);
  return render(
    c,
    deps,
    { title: 'Answer a question', current: 'questions' },
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
        <Csrf token={c.get('csrf')} />
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
    </>,
    status,
  );
}

export function questionRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const status = STATUSES.find((s) => s === c.req.query('status')) ?? 'open';
    const groups = await questionGroups(deps.db, status);
    const openGroups = status === 'open' ? groups : [];
    return render(
      c,
      deps,
      { title: 'Questions inbox', current: 'questions' },
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
                      <OpenActions g={g} others={openGroups} csrf={c.get('csrf')} />
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
      </>,
    );
  });

  const groupOf = async (id: string) => (await questionGroups(deps.db, 'open', id))[0] ?? null;

  app.get('/:id/answer', async (c) => {
    const g = await groupOf(c.req.param('id'));
    if (!g) return c.notFound();
    return answerPage(c, deps, g, { question: g.root.text, call_id: '', add_to_faq: true }, {});
  });

  // The question is no longer open (someone answered or dismissed it first): say so and by whom.
  const closedPage = async (c: Context<AdminEnv>, id: string) => {
    const row = await deps.db.selectFrom('unanswered_questions').select(['merged_into']).where('id', '=', id).executeTakeFirst();
    if (!row) return c.notFound();
    const root = await deps.db
      .selectFrom('unanswered_questions')
      .selectAll()
      .where('id', '=', row.merged_into ?? id)
      .executeTakeFirstOrThrow();
    const text =
      root.status === 'answered'
        ? `${root.answered_by ?? 'Someone'} answered this question first; your answer was not sent.`
        : root.status === 'dismissed'
          ? `${root.answered_by ?? 'Someone'} dismissed this question; your answer was not sent.`
          : 'This question changed while you were writing. Nothing was sent; please try again.';
    return render(
      c,
      deps,
      { title: 'Question already handled', current: 'questions', notice: { text, bad: true } },
      <>
        <h1>Question already handled</h1>
        <p>
          Asked: <q>{root.text}</q>
        </p>
        {root.answer ? <p>Answer sent: {root.answer}</p> : ''}
        <p>
          <a href="/admin/questions">Back to the questions inbox</a>
        </p>
      </>,
      409,
    );
  };

  const refused = (c: Context<AdminEnv>, message: string) =>
    render(
      c,
      deps,
      { title: 'Questions inbox', current: 'questions' },
      <>
        <h1>Questions inbox</h1>
        <ErrorSummary errors={{ reason: message }} />
        <p>
          <a href="/admin/questions">Back to the questions inbox</a>
        </p>
      </>,
      400,
    );

  app.post('/:id/answer', async (c) => {
    const g = await groupOf(c.req.param('id'));
    if (!g) return closedPage(c, c.req.param('id'));
    const raw = await readForm(c);
    const parsed = check(answerSchema, raw);
    const values = { ...raw, add_to_faq: raw.add_to_faq === 'on' };
    if (!parsed.ok) return answerPage(c, deps, g, values, parsed.errors, 400);
    const { answer, add_to_faq, question, call_id } = parsed.data;
    if (call_id && !(await deps.db.selectFrom('calls').select('id').where('id', '=', call_id).executeTakeFirst())) {
      return answerPage(c, deps, g, values, { call_id: 'Choose a call from the list, or "every call".' }, 400);
    }
    const user = c.get('user');
    const result = await deps.engine.answerQuestion({
      questionId: g.root.id,
      answer,
      addToFaq: add_to_faq,
      faq: { question: question || g.root.text, callId: call_id, variants: [], related: [] },
      by: user.displayName,
      ref: actorRef(user),
      audit: { actorRef: actorRef(user), action: 'question.answer' },
    });
    if (!result.ok && (result.code === 'already_answered' || result.code === 'already_dismissed')) return closedPage(c, g.root.id);
    if (!result.ok) return answerPage(c, deps, g, values, { answer: describeAnswer(result) }, 400);
    deps.kickOutbox();
    return done(c, '/admin/questions', 'answered');
  });

  app.post('/:id/dismiss', async (c) => {
    const g = await groupOf(c.req.param('id'));
    if (!g) return c.notFound();
    const parsed = check(dismissSchema, await readForm(c));
    if (!parsed.ok) return refused(c, parsed.errors.reason ?? 'Say why the question is dismissed.');
    const user = c.get('user');
    await deps.engine.changeQuestion({
      questionId: g.root.id,
      change: 'dismiss',
      reason: parsed.data.reason,
      by: user.displayName,
      ref: actorRef(user),
      audit: { actorRef: actorRef(user), action: 'question.dismiss' },
    });
    deps.kickOutbox();
    return done(c, '/admin/questions', 'dismissed');
  });

  app.post('/:id/assign', async (c) => {
    const g = await groupOf(c.req.param('id'));
    if (!g) return c.notFound();
    const user = c.get('user');
    await deps.engine.changeQuestion({
      questionId: g.root.id,
      change: 'assign',
      by: user.displayName,
      ref: actorRef(user),
      audit: { actorRef: actorRef(user), action: 'question.assign' },
    });
    deps.kickOutbox();
    return done(c, '/admin/questions', 'saved');
  });

  // "Same question as…": the group joins another, answered once and delivered to everyone in both.
  app.post('/:id/merge', async (c) => {
    const g = await groupOf(c.req.param('id'));
    if (!g) return c.notFound();
    const parsed = check(mergeSchema, await readForm(c));
    const into = parsed.ok ? await groupOf(parsed.data.into) : null;
    if (!into || into.root.id === g.root.id) return refused(c, 'Choose another open question it is the same as.');
    await mergeQuestions(deps, c.get('user'), { rootId: g.root.id, memberIds: g.members.map((m) => m.id) }, into.root.id);
    return done(c, '/admin/questions', 'saved');
  });
  return app;
}

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
