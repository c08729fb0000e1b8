/**
 * Questions the bot could not answer. Answering one writes an FAQ entry and closes the question
 * in one atomic step, so the next person asking gets the answer.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../server/deps';
import { actorRef, auditQuery } from '../audit';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { listCalls } from '../queries/catalog';
import { done, render } from '../render';
import { answerQuestionSchema } from '../validators';
import { ErrorSummary, type Errors, type Values } from '../views/fields';
import { FaqFields } from '../views/faq-form';
import { viennaTime } from '../views/format';
import { Csrf } from '../views/layout';
import { faqRow, unknownCallError } from './faq';

const STATUSES = ['open', 'answered', 'dismissed'] as const;

async function answerForm(c: Context<AdminEnv>, deps: AppDeps, q: { id: string; text: string }, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const calls = await listCalls(deps.db);
  return render(c, deps, { title: 'Answer a question', current: 'questions' }, (
    <>
      <h1>Answer and add to the FAQ</h1>
      <p>Asked: <q>{q.text}</q></p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/questions/${encodeURIComponent(q.id)}/answer`} novalidate>
        <Csrf token={c.get('csrf')} />
        <FaqFields values={values} errors={errors} calls={calls} />
        <div class="actions"><button type="submit">Save answer and add to FAQ</button><a href="/admin/questions">Cancel</a></div>
      </form>
    </>
  ), status);
}

export function questionRoutes(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const status = (STATUSES as readonly string[]).includes(c.req.query('status') ?? '') ? c.req.query('status')! : 'open';
    const rows = await deps.db.selectFrom('unanswered_questions').selectAll().where('status', '=', status).orderBy('asked_at', 'desc').limit(200).execute();
    return render(c, deps, { title: 'Questions inbox', current: 'questions' }, (
      <>
        <h1>Questions inbox</h1>
        <p>Questions people asked that the bot could not match to an FAQ entry.</p>
        <nav aria-label="Question status" class="actions">
          {STATUSES.map((s) => <a href={`/admin/questions?status=${s}`} aria-current={s === status ? 'page' : undefined} class={s === status ? 'button' : 'button secondary'}>{s[0]!.toUpperCase() + s.slice(1)}</a>)}
        </nav>
        <div class="table-wrap">
          <table class="stack">
            <caption>{rows.length} {status} question{rows.length === 1 ? '' : 's'}{rows.length === 200 ? ' (the newest 200)' : ''}</caption>
            <thead><tr><th scope="col">Question</th><th scope="col">Asked</th><th scope="col">Where</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {rows.map((q) => (
                <tr>
                  <td data-label="Question">{q.text}{q.best_match_id ? <><br /><span class="small muted">Closest entry: {q.best_match_id}</span></> : ''}</td>
                  <td data-label="Asked">{viennaTime(q.asked_at)}</td>
                  <td data-label="Where">{q.platform}</td>
                  <td data-label="Actions">
                    {q.status === 'open' ? (
                      <div class="actions">
                        <a class="button" href={`/admin/questions/${encodeURIComponent(q.id)}/answer`}>Answer and add to FAQ</a>
                        <form method="post" action={`/admin/questions/${encodeURIComponent(q.id)}/dismiss`} class="inline">
                          <Csrf token={c.get('csrf')} />
                          <button type="submit" class="secondary">Dismiss<span class="visually-hidden"> “{q.text}”</span></button>
                        </form>
                      </div>
                    ) : q.answered_faq_id ? <a href={`/admin/faq/${encodeURIComponent(q.answered_faq_id)}`}>FAQ entry</a> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ));
  });

  const openQuestion = (id: string) =>
    deps.db.selectFrom('unanswered_questions').selectAll().where('id', '=', id).where('status', '=', 'open').executeTakeFirst();

  app.get('/:id/answer', async (c) => {
    const q = await openQuestion(c.req.param('id'));
    if (!q) return c.notFound();
    return answerForm(c, deps, q, { question: q.text, call_id: '' }, {});
  });

  app.post('/:id/answer', async (c) => {
    const q = await openQuestion(c.req.param('id'));
    if (!q) return c.notFound();
    const raw = await readForm(c);
    const parsed = check(answerQuestionSchema, raw);
    if (!parsed.ok) return answerForm(c, deps, q, raw, parsed.errors, 400);
    const row = faqRow(parsed.data);
    const callError = await unknownCallError(deps, row.call_id);
    if (callError) return answerForm(c, deps, q, raw, callError, 400);
    const faqId = `faq-${crypto.randomUUID().slice(0, 8)}`;
    const now = deps.clock.now();
    // The asked wording becomes a variant too, so the same words match next time.
    const variants = JSON.parse(row.variants) as string[];
    if (q.text.trim() && q.text.trim() !== row.question && !variants.includes(q.text.trim())) variants.push(q.text.trim());
    await deps.atomic.run([
      deps.db.insertInto('faq_entries').values({ id: faqId, ...row, variants: JSON.stringify(variants), archived: 0, updated_at: now.toISOString() }),
      deps.db.updateTable('unanswered_questions').set({ status: 'answered', answered_faq_id: faqId }).where('id', '=', q.id).where('status', '=', 'open'),
      auditQuery(deps.db, { actor: actorRef(c.get('user')), action: 'question.answer', entity: 'unanswered_question', entityId: q.id, detail: { faqId }, at: now }),
    ]);
    return done(c, '/admin/questions', 'answered');
  });

  app.post('/:id/dismiss', async (c) => {
    const q = await openQuestion(c.req.param('id'));
    if (!q) return c.notFound();
    await deps.atomic.run([
      deps.db.updateTable('unanswered_questions').set({ status: 'dismissed' }).where('id', '=', q.id),
      auditQuery(deps.db, { actor: actorRef(c.get('user')), action: 'question.dismiss', entity: 'unanswered_question', entityId: q.id, at: deps.clock.now() }),
    ]);
    return done(c, '/admin/questions', 'dismissed');
  });
  return app;
}
