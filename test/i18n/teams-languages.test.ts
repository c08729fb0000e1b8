/**
 * French and Spanish applicants through Teams (signed activities, fake Bot Framework): the
 * language comes from activity.locale, or from the language card, and every card the applicant
 * reads is in it; the reviewer channel keeps the reviewers' language.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework, type ConnectorCall } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { activity } from '../teams/support';
import { t as tr } from '../../domain/i18n';
import { leaks } from './english-leaks';

const APPLICANT = '11111111-2222-3333-4444-555555555555';
const REVIEWER = '66666666-7777-8888-9999-000000000000';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const REVIEWS = '19:reviews@thread.tacv2';
const CHAT = 'a:1xYzPersonalConversationId';

type Card = { body: Record<string, unknown>[]; actions?: Record<string, any>[] };
// Review cards carry one action set per dialogue in the body; form cards carry card actions.
const actionsIn = (card: Card): Record<string, any>[] => [
  ...(card.actions ?? []),
  ...card.body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions as Record<string, any>[]),
];

let fake: FakeBotFramework;
let t: TestApp;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());
afterEach(async () => {
  await t?.close();
  fake.reset();
});

async function post(body: unknown) {
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
    body: JSON.stringify(body),
  });
  await t.settle();
  return res;
}

let seq = 0;
const cardsOf = (calls: ConnectorCall[]): Card[] =>
  calls.flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
const to = (conversationId: string) => fake.sent().filter((c) => c.conversationId === conversationId && c.method === 'POST');

function press(
  card: Card,
  verb: string,
  values: Record<string, unknown>,
  from: { aad: string; name: string },
  locale: string,
  where: Record<string, unknown> = {},
  pick?: (a: Record<string, any>) => boolean,
) {
  const action = actionsIn(card).find((a) => a.verb === verb && (!pick || pick(a)))!;
  const inputs: Record<string, unknown> = {};
  for (const el of card.body) {
    if (typeof el.type !== 'string' || !el.type.startsWith('Input.')) continue;
    const v = values[el.id as string] ?? el.value;
    if (v !== undefined) inputs[el.id as string] = Array.isArray(v) ? v.join(',') : v;
  }
  return activity('invoke_adaptive_card_action', fake, {
    id: `inv-${++seq}`,
    locale,
    from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: CHAT },
    value: { action: { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } }, trigger: 'manual' },
    ...where,
  });
}

async function invoke(body: unknown): Promise<Card> {
  const json = (await (await post(body)).json()) as { statusCode: number; value: Card };
  expect(json.statusCode).toBe(200);
  return json.value;
}

describe('Teams in French and Spanish', () => {
  for (const [locale, teamsLocale, applyWord] of [
    ['fr', 'fr-FR', 'postuler'],
    ['es', 'es-ES', 'solicitar'],
  ] as const) {
    it(`${teamsLocale}: activity.locale sets the language of the form cards, errors, confirmation and decision notice`, async () => {
      t = await createTestApp({
        env: fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS, TEAMS_REVIEWERS: REVIEWER }),
        now: '2023-01-20T09:00:00Z',
      });
      // A call the secretariat decides alone: the reviewer's approval is final and the applicant is told at once.
      await t.deps.db.updateTable('calls').set({ approval_body: 'secretariat' }).execute();
      const say = (text: string) => activity('message_personal', fake, { id: `msg-${++seq}`, text, locale: teamsLocale });
      const applicant = { aad: APPLICANT, name: 'Megan Bowen' };
      const read: unknown[] = [];

      await post(activity('conversation_update_bot_added_personal', fake));
      await post(say(applyWord));
      let card = cardsOf(to(CHAT)).at(-1)!;
      expect(JSON.stringify(card)).toContain(tr(locale, 'form.dialogues.which'));
      // An empty step comes back with the messages in the applicant's language.
      const errors = await invoke(press(card, 'form.submit', {}, applicant, teamsLocale));
      expect(JSON.stringify(errors)).toContain(tr(locale, 'form.dialogues.error.none'));
      read.push(card, errors);
      for (let n = 1; n <= 12; n++) {
        const stepId = card.actions?.find((a) => a.verb === 'form.submit')?.data.stepId as string | undefined;
        if (!stepId) break;
        card = await invoke(press(card, 'form.submit', FIXTURE_STEPS[stepId] ?? {}, applicant, teamsLocale));
        read.push(card);
      }
      expect(JSON.stringify(card)).toContain(tr(locale, 'apply.confirm.receivedTitle', { reference: 'CD-2023-0001' }));

      await t.drainOutbox();
      const reviewCard = cardsOf(to(REVIEWS)).find((c) => actionsIn(c).some((a) => a.verb === 'review.approve'))!;
      expect(JSON.stringify(reviewCard)).toContain('New application');
      const base = (
        await t.deps.db
          .selectFrom('outbox')
          .select('external_ref')
          .where('purpose', '=', 'review_card')
          .where('platform', '=', 'teams')
          .executeTakeFirstOrThrow()
      ).external_ref!;
      const ref = JSON.parse(base) as { activityId: string };
      const where = {
        conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${REVIEWS};messageid=${ref.activityId}` },
        channelData: { tenant: { id: TENANT }, channel: { id: REVIEWS } },
        replyToId: ref.activityId,
      };
      const sentBefore = to(CHAT).length;
      // The reviewer's Teams is in English: the reviewer's reply stays English.
      const decided = await invoke(
        press(reviewCard, 'review.approve', {}, { aad: REVIEWER, name: 'Nestor Wilke' }, 'en-US', where, (a) =>
          String(a.data.value).endsWith('|firearms'),
        ),
      );
      expect(JSON.stringify(decided)).toMatch(/Approved by Nestor Wilke/);
      await t.drainOutbox();
      const notice = to(CHAT).slice(sentBefore);
      expect(JSON.stringify(notice)).toContain(locale === 'fr' ? 'Bonne nouvelle' : 'Buenas noticias');
      read.push(notice.map((c) => c.body));

      await post(say(locale === 'fr' ? 'statut' : 'estado'));
      const status = to(CHAT).at(-1)!;
      expect(JSON.stringify(status.body)).toContain(tr(locale, 'status.approved'));
      read.push(status.body);
      expect(leaks(read, locale)).toEqual([]);
    });
  }

  it('a language chosen on the card beats the Teams locale', async () => {
    t = await createTestApp({ env: fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS }), now: '2023-01-20T09:00:00Z' });
    const say = (text: string) => activity('message_personal', fake, { id: `msg-${++seq}`, text, locale: 'en-US' });
    await post(say('idioma: español'));
    const answer = cardsOf(to(CHAT)).at(-1)!;
    expect(JSON.stringify(to(CHAT))).toContain(tr('es', 'common.language.changed'));
    expect(JSON.stringify(answer)).toContain(tr('es', 'apply.help.title'));
    const before = to(CHAT).length;
    await post(say('help'));
    const helpPosts = to(CHAT).slice(before);
    expect(JSON.stringify(helpPosts)).toContain(tr('es', 'apply.help.title'));
    expect(JSON.stringify(helpPosts)).toContain('Abrir en una ventana');
    // The help answer carries the language setting; choosing French there is a choice too.
    const help = cardsOf(helpPosts).find((c) => c.actions?.some((a) => a.verb === 'language'))!;
    const french = await invoke(
      press(help, 'language', {}, { aad: APPLICANT, name: 'Megan Bowen' }, 'en-US', {}, (a) => a.data.value === 'fr'),
    );
    expect(JSON.stringify(french)).toContain(tr('fr', 'common.language.changed'));
    await post(say('status'));
    expect(JSON.stringify(to(CHAT).at(-1)!.body)).toContain(tr('fr', 'apply.status.noneTitle'));
  });
});
