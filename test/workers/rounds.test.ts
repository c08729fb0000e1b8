/**
 * A full non-objection round on D1 (workerd): applications taken and recommended through the
 * Worker entry, a round sent, objections made and withdrawn, and the closing job — run twice at
 * once on D1 batches — approving once, telling the applicant through the Worker's outbox, and
 * sending the objected application back to the secretariat.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../domain/clock';
import { createStore } from '../../db/store';
import { object, withdrawObjection } from '../../db/store/objections';
import { sendRound } from '../../db/store/round-send';
import { roundNotice } from '../../domain/notifications';
import { closeDueRounds } from '../../server/jobs/rounds';
import { openD1 } from '../../server/worker-setup';
import { createEngine } from '../../bot/core/engine';
import { allText, PlaygroundClient } from '../support/playground-client';
import { control, cron, playgroundApp, request } from './support';

const { db, atomic } = openD1(env.DB);
const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as never;

// The reviewer's click goes through the engine's decide, as a Slack or Teams click does (with
// Slack configured the playground is no review channel, see worker.test.ts).
const engine = createEngine({
  store: createStore(db, atomic),
  clock: manualClock(new Date('2023-01-25T09:00:00Z')),
  log: silent,
  isReviewer: async () => true,
  isSecretariat: async () => false,
  reviewDefaults: {},
  reviewZone: 'Europe/Vienna',
});

async function applyAndRecommend(name: string, organisationName: string): Promise<{ id: string; reference: string }> {
  const who = new PlaygroundClient(playgroundApp, name);
  const summary = await who.fillForm(await who.say('apply'), {
    dialogues: { dialogueIds: ['firearms'] },
    organisation: { organisationName },
  });
  const reference = allText((await who.submit(summary, {})).replies).match(/CD-2023-\d{4}/)![0];
  const row = await db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  const decided = await engine.decide({
    applicationId: row.id,
    dialogueId: 'firearms',
    outcome: 'approve',
    reason: null,
    deciderName: 'Reviewer',
    deciderRef: 'slack:T1/U0REVIEWER',
  });
  expect(decided.ok).toBe(true);
  return { id: row.id, reference };
}

const statusOf = async (id: string) =>
  (await db.selectFrom('application_dialogues').select('status').where('application_id', '=', id).executeTakeFirstOrThrow()).status;

describe('a non-objection round on D1', () => {
  it('recommends, sends, takes and withdraws objections, and closes once', async () => {
    await control('/reset', {});
    const kept = await applyAndRecommend('rosa', 'Caribbean Coalition on Small Arms');
    const objected = await applyAndRecommend('yuki', 'Pacific Disarmament Network');
    expect(await statusOf(kept.id)).toBe('recommended');

    // The Worker runs on DIALOGUES_CLOCK; the round runs on a manual clock set from the Worker's
    // own "now", closing a second later, so the Worker's cron finds the approval notice due.
    const workerNow = ((await (await request('/healthz')).json()) as { time: string }).time;
    const clock = manualClock(new Date(workerNow));
    const closesAt = new Date(Date.parse(workerNow) + 1000).toISOString();
    const base = {
      callId: 'cd-2023-firearms-ta',
      dialogueId: 'firearms',
      body: 'states_parties' as const,
      closesAt,
      zone: 'Europe/Vienna',
      actorRef: 'admin:secretariat',
      now: clock.now().toISOString(),
    };
    const send = (items: string[]) =>
      sendRound(db, atomic, {
        ...base,
        items: items.map((applicationId) => ({ applicationId, note: null })),
        messages: (round) => [
          roundNotice(
            round,
            'Constructive Dialogue on Firearms',
            items.length,
            { id: 'fp-at', email: 'focal.at@example.gv.at' },
            '/admin/objections',
          ),
        ],
      });
    // Two sends of the same applications at once: one round, the other refused.
    const [a, b] = await Promise.all([send([kept.id, objected.id]), send([kept.id, objected.id])]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({ ok: false, code: 'in_live_round' });
    const round = (a.ok ? a : b.ok ? b : null)!.round;
    expect(
      await db.selectFrom('approval_rounds').select('id').where('dialogue_id', '=', 'firearms').where('status', '=', 'open').execute(),
    ).toHaveLength(1);
    const notice = await db
      .selectFrom('outbox')
      .selectAll()
      .where('dedupe_key', '=', `round_notice:${round.id}:fp-at`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(notice.recipient)).toEqual({ platform: 'email', kind: 'user', address: 'focal.at@example.gv.at' });
    expect(notice.payload).toMatch(/2 organisations are recommended/);

    const objection = { roundId: round.id, dialogueId: 'firearms', now: clock.now().toISOString() };
    expect(
      await object(db, atomic, {
        ...objection,
        applicationId: objected.id,
        state: 'AT',
        userId: 'u-at',
        reason: 'Registration not verified.',
      }),
    ).toMatchObject({ ok: true });
    expect(await object(db, atomic, { ...objection, applicationId: objected.id, state: 'AT', userId: 'u-at', reason: 'Again.' })).toEqual({
      ok: false,
      code: 'twice',
    });
    expect(
      await object(db, atomic, { ...objection, applicationId: kept.id, state: 'MX', userId: 'u-mx', reason: 'To be checked.' }),
    ).toMatchObject({ ok: true });
    expect(await withdrawObjection(db, atomic, { ...objection, applicationId: kept.id, state: 'MX', userId: 'u-mx' })).toEqual({
      ok: true,
    });
    expect(
      await object(db, atomic, {
        ...objection,
        now: closesAt,
        applicationId: kept.id,
        state: 'FR',
        userId: 'u-fr',
        reason: 'Too late for this.',
      }),
    ).toEqual({ ok: false, code: 'closed' });

    const store = createStore(db, atomic, clock);
    const deps = { db, atomic, store, clock, log: silent };
    expect(await closeDueRounds(deps)).toBe(0);
    clock.set(new Date(closesAt));
    const closed = await Promise.all([closeDueRounds(deps), closeDueRounds(deps)]);
    expect(closed[0] + closed[1]).toBe(1);
    expect(await closeDueRounds(deps)).toBe(0);
    expect(await statusOf(kept.id)).toBe('approved');
    expect(await statusOf(objected.id)).toBe('objected');
    expect(
      await db.selectFrom('audit_log').select('id').where('action', '=', 'round.close').where('entity_id', '=', round.id).execute(),
    ).toHaveLength(1);

    // The Worker's cron delivers the approval to the applicant, once; the objected one hears nothing.
    await new Promise((r) => setTimeout(r, 1100));
    await cron();
    const toRosa = allText((await new PlaygroundClient(playgroundApp, 'rosa').feed()).flatMap((m) => m.replies));
    expect(toRosa.match(/has been approved by the States parties/g)).toHaveLength(1);
    expect(allText((await new PlaygroundClient(playgroundApp, 'yuki').feed()).flatMap((m) => m.replies))).not.toMatch(/approved/);
    expect(allText((await new PlaygroundClient(playgroundApp, 'yuki').say('status')).replies)).toMatch(
      /Recommended, awaiting approval by the States parties/,
    );
  });
});
