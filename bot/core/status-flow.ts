/**
 * A person's own applications from the chat: their status, and withdrawing one while its call
 * is open (reviewers' cards say so, through the outbox).
 */
import { ACTIONS } from '../../domain/actions';
import { callState, describeDeadline, openCalls } from '../../domain/calls';
import { t } from '../../domain/i18n';
import { reviewCardUpdates } from '../../domain/notifications';
import { actorRef, loadCatalog, personOf, reviewChannels, type EngineDeps } from './context';
import { langOf } from './language';
import { say, statusCard } from './replies';
import { reviewContext } from './review-context';
import type { Actor, EngineResult } from './types';

export async function status(deps: EngineDeps, actor: Actor): Promise<EngineResult> {
  const l = langOf(actor);
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const person = await personOf(deps, actor);
  const apps = await deps.store.listForPerson(person.id);
  if (apps.length === 0) {
    const open = openCalls(catalog.calls, now);
    return {
      replies: [
        {
          kind: 'card',
          card: {
            title: t(l, 'apply.status.noneTitle'),
            text: open[0] ? describeDeadline(open[0], now, actor.timeZone, l).sentence : t(l, 'apply.status.noCall'),
            actions: open.length ? [{ id: ACTIONS.apply, label: t(l, 'apply.action.apply'), style: 'primary' }] : [],
          },
        },
      ],
    };
  }
  return { replies: await Promise.all(apps.map(async (a) => statusCard(a, catalog, now, actor, await deps.store.liveRoundsFor(a.id)))) };
}

export async function withdrawAsk(deps: EngineDeps, actor: Actor, applicationId?: string): Promise<EngineResult> {
  const l = langOf(actor);
  const person = await personOf(deps, actor);
  const app = applicationId
    ? await deps.store.get(applicationId)
    : (await deps.store.listForPerson(person.id)).find((a) => a.status === 'submitted');
  if (!app || app.personId !== person.id || app.status !== 'submitted') return say(t(l, 'apply.withdraw.none'));
  return {
    replies: [
      {
        kind: 'card',
        card: {
          title: t(l, 'apply.withdraw.title', { reference: app.reference ?? '' }),
          text: t(l, 'apply.withdraw.text'),
          actions: [
            { id: ACTIONS.withdrawConfirm, label: t(l, 'apply.withdraw.yes'), value: app.id, style: 'danger' },
            { id: ACTIONS.status, label: t(l, 'apply.withdraw.keep') },
          ],
        },
      },
    ],
  };
}

export async function withdrawConfirm(deps: EngineDeps, actor: Actor, applicationId?: string): Promise<EngineResult> {
  const l = langOf(actor);
  const now = deps.clock.now();
  const person = await personOf(deps, actor);
  const app = applicationId ? await deps.store.get(applicationId) : null;
  if (!app || app.personId !== person.id) return say(t(l, 'apply.notFound'));
  if (app.status === 'withdrawn') return say(t(l, 'apply.withdraw.already', { reference: app.reference ?? '' }));
  const catalog = await loadCatalog(deps.store);
  const call = catalog.calls.find((c) => c.id === app.callId);
  if (!call || callState(call, now) !== 'open') return say(t(l, 'apply.withdraw.tooLate', { contact: catalog.contact }));
  const channels = await reviewChannels(deps, app.callId);
  const decisions = await deps.store.decisionsFor(app.id);
  const context = await reviewContext(deps, app);
  const done = await deps.store.withdraw({
    id: app.id,
    now: now.toISOString(),
    actorRef: actorRef(actor),
    messages: (a) =>
      a.reference ? reviewCardUpdates(a, catalog.dialogues, decisions, 'withdrawn', channels, deps.reviewZone, context) : [],
  });
  return say(done ? t(l, 'apply.withdraw.done', { reference: app.reference ?? '' }).replace('  ', ' ') : t(l, 'apply.nothingChanged'));
}
