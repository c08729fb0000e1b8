/**
 * Drives the whole product through Teams as the e2e suite does (signed activities into the real
 * app, the fake Bot Framework behind the TEAMS_* URLs) and keeps every card and message it emits:
 * activities sent through the connector (POST and PUT) and every invoke response.
 */
import { expect } from 'vitest';
import { FakeBotFramework } from '../../fakes/bot-framework';
import { createTestApp, type TestApp } from '../../support/harness';
import { activity } from '../../teams/support';
import { addFiveDialogueCall, LONGEST_INFO_ANSWER, LONGEST_REASON, longestAnswers, QUESTIONS } from './scenario';

export interface Emitted {
  /** Where it came from: "POST a:1xYz…", "invoke adaptiveCard/action review.approve", … */
  where: string;
  card?: Record<string, any>;
  /** Markdown text of a message activity. */
  text?: string;
}

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PERSONAL = 'a:1xYzPersonalConversationId';
const REVIEWS = '19:reviews@thread.tacv2';
export const APPLICANT = { aad: '11111111-2222-3333-4444-555555555555', name: 'Megan Bowen' };
const SECOND = { aad: '22222222-3333-4444-5555-666666666666', name: 'Lee Gu' };
const REVIEWER = { aad: '66666666-7777-8888-9999-000000000000', name: 'Nestor Wilke' };

type Card = Record<string, any>;

/** Buttons at the bottom of a card and in its ActionSets. */
export function actionsIn(card: Card): Card[] {
  const sets = (card.body as Card[]).filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions as Card[]);
  return [...(card.actions ?? []), ...sets];
}

export async function driveTeams(): Promise<{ emitted: Emitted[]; close(): Promise<void> }> {
  const fake = await FakeBotFramework.start();
  const emitted: Emitted[] = [];
  let seen = 0;
  let seq = 0;
  let t: TestApp = await createTestApp({
    env: fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS, TEAMS_REVIEWERS: REVIEWER.aad }),
    now: '2023-01-20T09:00:00Z',
  });

  /** Moves what the connector received since last time into `emitted`. */
  const collect = () => {
    for (const c of fake.sent().slice(seen)) {
      const where = `${c.method} ${c.conversationId}`;
      if (typeof c.body.text === 'string') emitted.push({ where, text: c.body.text });
      for (const a of (c.body.attachments as { content: Card }[] | undefined) ?? []) emitted.push({ where, card: a.content });
    }
    seen = fake.sent().length;
  };
  const post = async (body: unknown) => {
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
      body: JSON.stringify(body),
    });
    await t.settle();
    await t.drainOutbox();
    collect();
    return res;
  };
  const who = (p: { aad: string; name: string }) => ({ from: { id: `29:${p.aad}`, name: p.name, aadObjectId: p.aad } });
  const personal = { conversation: { conversationType: 'personal', tenantId: TENANT, id: PERSONAL } };
  const say = (text: string, p = APPLICANT) => post(activity('message_personal', fake, { id: `msg-${++seq}`, text, ...who(p) }));

  /** An invoke; its answer (a card, or a dialog's card) is kept. */
  const invoke = async (body: Record<string, unknown>, label: string): Promise<Card | null> => {
    const json = (await (await post(body)).json()) as Card;
    const card = json.type === 'application/vnd.microsoft.card.adaptive' ? json.value : json.task?.value?.card?.content;
    if (card) emitted.push({ where: `invoke ${label}`, card });
    return card ?? null;
  };
  const press = (
    card: Card,
    verb: string,
    values: Record<string, unknown>,
    p: { aad: string; name: string },
    where: Record<string, unknown> = personal,
    pick?: (a: Card) => boolean,
  ) => {
    const action = actionsIn(card).find((a) => a.verb === verb && (!pick || pick(a)));
    expect(action, `${verb} on ${JSON.stringify(card).slice(0, 200)}`).toBeDefined();
    const inputs: Record<string, unknown> = {};
    for (const el of card.body as Card[]) {
      if (typeof el.type !== 'string' || !el.type.startsWith('Input.')) continue;
      const v = el.id in values ? values[el.id] : el.value;
      if (v !== undefined) inputs[el.id] = Array.isArray(v) ? v.join(',') : v;
    }
    const body = activity('invoke_adaptive_card_action', fake, {
      id: `inv-${++seq}`,
      ...who(p),
      ...where,
      value: { action: { type: 'Action.Execute', verb, data: { ...action!.data, ...inputs } }, trigger: 'manual' },
    });
    return invoke(body, `adaptiveCard/action ${verb}`);
  };
  const lastCardTo = (conversationId: string, has: (c: Card) => boolean) =>
    fake
      .sent()
      .filter((c) => c.conversationId === conversationId)
      .flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content))
      .reverse()
      .find(has);

  // Installation and every question.
  await post(activity('installation_update_add_personal', fake));
  await post(activity('conversation_update_bot_added_personal', fake));
  for (const q of QUESTIONS) await say(q);

  // A draft that is left: the reminders 7 days and 1 day before the deadline.
  await say('apply', SECOND);
  t.clock.set(new Date('2023-02-06T09:00:00Z'));
  await t.built.scheduled();
  t.clock.set(new Date('2023-02-11T09:00:00Z'));
  await t.built.scheduled();
  await post({});

  // After the deadline: the closed call, and asking to hear about a later dialogue.
  t.clock.set(new Date('2023-02-20T09:00:00Z'));
  await say('apply');
  const closed = lastCardTo(PERSONAL, (c) => actionsIn(c).some((a) => a.verb === 'subscribe'))!;
  await press(closed, 'subscribe', {}, APPLICANT);

  // The second call opens with all five dialogues.
  await addFiveDialogueCall(t);
  t = await t.restart();
  t.clock.set(new Date('2023-03-16T09:00:00Z'));
  await t.built.scheduled();
  await post({});

  // The form in a dialog window, then in chat cards: each step sent empty first (its errors),
  // then with the longest answers; Back once.
  await invoke(activity('invoke_task_fetch', fake, { id: `tf-${++seq}`, ...who(APPLICANT) }), 'task/fetch');
  await say('apply');
  let card = lastCardTo(PERSONAL, (c) => actionsIn(c).some((a) => a.verb === 'form.submit'))!;
  const answers = longestAnswers();
  let backDone = false;
  for (let n = 0; n < 20; n++) {
    const submit = actionsIn(card).find((a) => a.verb === 'form.submit');
    if (!submit) break;
    const stepId = submit.data.stepId as string;
    if (stepId !== 'confirm') {
      const empty = Object.fromEntries((card.body as Card[]).filter((e) => String(e.type).startsWith('Input.')).map((e) => [e.id, '']));
      await press(card, 'form.submit', empty, APPLICANT);
    }
    if (stepId === 'organisation' && !backDone) {
      backDone = true;
      const back = await press(card, 'form.back', {}, APPLICANT);
      card = (await press(back!, 'form.submit', answers.dialogues!, APPLICANT))!;
      continue;
    }
    card = (await press(card, 'form.submit', answers[stepId] ?? {}, APPLICANT))!;
  }
  expect(JSON.stringify(card)).toMatch(/CD-2023B-0001/);

  // Review in the channel: the card with five dialogues; approve, reject and ask for information
  // (each reason the longest allowed, sent empty first); a click by someone who may not decide.
  const review = lastCardTo(REVIEWS, (c) => actionsIn(c).some((a) => a.verb === 'review.approve'))!;
  const ref = JSON.parse(
    (
      await t.deps.db
        .selectFrom('outbox')
        .select('external_ref')
        .where('purpose', '=', 'review_card')
        .where('platform', '=', 'teams')
        .executeTakeFirstOrThrow()
    ).external_ref!,
  ) as { activityId: string };
  const channel = {
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${REVIEWS};messageid=${ref.activityId}` },
    channelData: { tenant: { id: TENANT }, channel: { id: REVIEWS } },
    replyToId: ref.activityId,
  };
  const of = (dialogue: string) => (a: Card) => String(a.data.value).endsWith(`|${dialogue}`);
  await press(review, 'review.approve', {}, APPLICANT, channel, of('firearms'));
  await press(review, 'review.approve', {}, REVIEWER, channel, of('firearms'));
  for (const [verb, dialogue] of [
    ['review.reject', 'technical-assistance'],
    ['review.request_info', 'international-cooperation'],
  ] as const) {
    const prompt = (await press(review, verb, {}, REVIEWER, channel, of(dialogue)))!;
    await press(prompt, 'prompt.submit', { text: '' }, REVIEWER, channel);
    await press(prompt, 'prompt.submit', { text: 'short' }, REVIEWER, channel);
    const after = (await press(prompt, 'prompt.submit', { text: LONGEST_REASON }, REVIEWER, channel))!;
    expect(actionsIn(after).length, `${verb}: the whole card comes back`).toBeGreaterThan(0);
  }
  await press(review, 'review.approve', {}, REVIEWER, channel, of('firearms'));

  // The applicant answers the reviewers, checks the status, edits, and withdraws.
  const info = lastCardTo(PERSONAL, (c) => actionsIn(c).some((a) => a.verb === 'info.answer'))!;
  const infoPrompt = (await press(info, 'info.answer', {}, APPLICANT))!;
  await press(infoPrompt, 'prompt.submit', { text: LONGEST_INFO_ANSWER }, APPLICANT);
  await say('status');
  const status = lastCardTo(PERSONAL, (c) => actionsIn(c).some((a) => a.verb === 'edit'))!;
  await press(status, 'edit', {}, APPLICANT);
  const withdraw = (await press(status, 'withdraw', {}, APPLICANT))!;
  await press(withdraw, 'withdraw.confirm', {}, APPLICANT);
  await say('status');

  return {
    emitted,
    async close() {
      await t.close();
      await fake.stop();
    },
  };
}
