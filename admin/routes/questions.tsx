/**
 * Questions the bot passed to the secretariat. Answering one sends the answer to everyone who
 * asked it (where they asked, through the outbox), adds it to the FAQ when ticked, and updates
 * the card in the secretariat channel: the same engine call a card's Answer button makes.
 */
import { Hono, type Context } from 'hono';
import { describeAnswer } from '../../bot/core/question-cards';
import { answerQuestion, changeQuestion, mergeQuestions } from '../commands/questions';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { listCalls } from '../queries/catalog';
import { QUESTION_STATUSES, questionGroups, questionRoot, type InboxGroup } from '../queries/questions';
import { done, render } from '../render';
import { answerSchema, dismissSchema, mergeSchema } from '../validators/questions';
import type { Errors, Values } from '../views/fields';
import { AlreadyHandled, AnswerForm, QuestionsInbox, Refused } from '../views/questions';

async function answerPage(c: Context<AdminEnv>, deps: AdminDeps, g: InboxGroup, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const calls = await listCalls(deps.db);
  return render(
    c,
    deps,
    { title: 'Answer a question', current: 'questions' },
    <AnswerForm g={g} calls={calls} values={values} errors={errors} csrf={c.get('csrf')} />,
    status,
  );
}

export function questionRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const status = QUESTION_STATUSES.find((s) => s === c.req.query('status')) ?? 'open';
    const groups = await questionGroups(deps.db, status);
    return render(
      c,
      deps,
      { title: 'Questions inbox', current: 'questions' },
      <QuestionsInbox status={status} groups={groups} csrf={c.get('csrf')} />,
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
    const root = await questionRoot(deps.db, id);
    if (!root) return c.notFound();
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
      <AlreadyHandled root={root} />,
      409,
    );
  };

  const refused = (c: Context<AdminEnv>, message: string) =>
    render(c, deps, { title: 'Questions inbox', current: 'questions' }, <Refused message={message} />, 400);

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
    const result = await answerQuestion(deps, c.get('user'), {
      questionId: g.root.id,
      answer,
      addToFaq: add_to_faq,
      faq: { question: question || g.root.text, callId: call_id, variants: [], related: [] },
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
    await changeQuestion(deps, c.get('user'), g.root.id, { change: 'dismiss', reason: parsed.data.reason });
    deps.kickOutbox();
    return done(c, '/admin/questions', 'dismissed');
  });

  app.post('/:id/assign', async (c) => {
    const g = await groupOf(c.req.param('id'));
    if (!g) return c.notFound();
    await changeQuestion(deps, c.get('user'), g.root.id, { change: 'assign' });
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
