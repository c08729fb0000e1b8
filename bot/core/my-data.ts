/**
 * "My data" in chat: a person downloads everything held about them, or has it erased after a
 * confirmation. Only ever about the person asking, only in a direct conversation (an export in a
 * channel would show it to everyone there), and a confirmation button only works for the person
 * it was shown to. Deleting twice is harmless: the second time there is nothing left to find.
 */
import { DateTime } from 'luxon';
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from '../../domain/i18n';
import { reviewCardUpdates } from '../../domain/notifications';
import type { Reply } from '../../domain/messages';
import type { ErasureSummary, PersonalFile } from '../../domain/privacy';
import { actorRef, loadCatalog, reviewChannels, type EngineDeps } from './context';
import { say } from './replies';
import type { Actor, ConversationRef, EngineResult } from './types';

import { MY_DATA, MY_DATA_CANCEL, MY_DATA_CONFIRM, MY_DATA_DELETE, MY_DATA_DOWNLOAD, MY_DATA_EXPORT } from '../../domain/actions';

const REQUEST = /^\s*(?:my (?:personal )?data|export my data|delete my data|mes données|mes donnees|mis datos)\s*[.!?]?\s*$/iu;

export function isMyDataRequest(text: string): boolean {
  return REQUEST.test(text);
}

function localeOf(actor: Actor): Locale {
  return isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
}

/** The card shown for "my data" and on the home surfaces. */
export function myDataCard(actor: Actor): Reply {
  const tr = translator(localeOf(actor));
  return {
    kind: 'card',
    card: {
      title: tr('privacy.menu.title'),
      text: tr('privacy.menu.text'),
      actions: [
        { id: MY_DATA_EXPORT, label: tr('privacy.menu.export') },
        { id: MY_DATA_DELETE, label: tr('privacy.menu.delete'), style: 'danger' },
      ],
    },
  };
}

export async function myData(
  deps: EngineDeps,
  actor: Actor,
  conversation: ConversationRef,
  actionId: string,
  value?: string,
): Promise<EngineResult> {
  const tr = translator(localeOf(actor));
  if (!conversation.isDirect) return say(tr('privacy.only.direct'));
  if (actionId === MY_DATA) return { replies: [myDataCard(actor)] };
  if (actionId === MY_DATA_CANCEL) return say(tr('privacy.delete.cancelled'));
  // A link button opens its address; Slack still reports the click, which needs no answer.
  if (actionId === MY_DATA_DOWNLOAD) return { replies: [] };
  const person = await deps.store.findPerson({ platform: actor.platform, scope: actor.scope ?? '', userId: actor.userId });
  if (actionId === MY_DATA_CONFIRM && value && value !== person?.id) return say(tr('privacy.delete.not.yours'));
  if (!person) return say(tr('privacy.nothing.held'));
  const now = deps.clock.now();

  if (actionId === MY_DATA_EXPORT) {
    const data = await deps.store.personalData(person.id, now.toISOString());
    const file: PersonalFile = {
      filename: `my-data-${DateTime.fromJSDate(now).toUTC().toFormat('yyyy-LL-dd')}.json`,
      title: tr('privacy.menu.title'),
      content: `${JSON.stringify(data, null, 2)}\n`,
      personId: person.id,
    };
    const delivery = (await deps.deliverFile?.(actor, file)) ?? { kind: 'unavailable' as const };
    await deps.store.recordPrivacyRequest({
      personId: person.id,
      action: 'person.export',
      actor: 'person:self',
      via: actor.platform,
      detail: { delivery: delivery.kind },
      now: now.toISOString(),
    });
    if (delivery.kind === 'sent') return say(tr('privacy.export.sent'));
    if (delivery.kind === 'link') {
      return {
        replies: [
          {
            kind: 'card',
            card: {
              title: tr('privacy.menu.title'),
              text: tr('privacy.export.link', { minutes: delivery.expiresInMinutes }),
              actions: [{ id: MY_DATA_DOWNLOAD, label: tr('privacy.export.download'), url: delivery.url, style: 'primary' }],
            },
          },
        ],
      };
    }
    return say(tr('privacy.export.unavailable', { contact: (await loadCatalog(deps.store)).contact }));
  }

  const open = (await deps.store.listForPerson(person.id)).filter((a) => a.status === 'submitted');
  if (actionId === MY_DATA_DELETE) {
    return {
      replies: [
        {
          kind: 'card',
          card: {
            title: tr('privacy.delete.ask.title'),
            text: tr('privacy.delete.ask.text', { open: open.length }),
            actions: [
              { id: MY_DATA_CONFIRM, label: tr('privacy.delete.confirm'), value: person.id, style: 'danger' },
              { id: MY_DATA_CANCEL, label: tr('privacy.delete.cancel') },
            ],
          },
        },
      ],
    };
  }
  if (actionId !== MY_DATA_CONFIRM) return { replies: [myDataCard(actor)] };

  const { withdrawn } = await eraseOnRequest(deps, {
    personId: person.id,
    actorRef: actorRef(actor),
    auditActor: 'person:self',
    via: actor.platform,
  });
  return {
    replies: [
      { kind: 'text', text: tr('privacy.delete.done', { withdrawn }) },
      { kind: 'text', text: tr('privacy.delete.kept') },
    ],
  };
}

/**
 * Erasure on request (the person in chat, or the secretariat in the admin panel): open
 * applications are withdrawn first, as if the person had withdrawn each one, so reviewers' cards
 * say so; then everything about the person is erased, and the request is audited with counts.
 */
export async function eraseOnRequest(
  deps: EngineDeps,
  input: { personId: string; actorRef: string; auditActor: string; via: string },
): Promise<ErasureSummary> {
  const now = deps.clock.now().toISOString();
  const open = (await deps.store.listForPerson(input.personId)).filter((a) => a.status === 'submitted');
  const catalog = await loadCatalog(deps.store);
  let withdrawn = 0;
  for (const app of open) {
    const channels = await reviewChannels(deps, app.callId);
    const decisions = await deps.store.decisionsFor(app.id);
    const done = await deps.store.withdraw({
      id: app.id,
      now,
      actorRef: input.actorRef,
      messages: (a) => (a.reference ? reviewCardUpdates(a, catalog.dialogues, decisions, 'withdrawn', channels, deps.reviewZone) : []),
    });
    if (done) withdrawn += 1;
  }
  const erased = await deps.store.erasePerson(input.personId, now);
  const summary = { ...erased, withdrawn };
  await deps.store.recordPrivacyRequest({
    personId: input.personId,
    action: 'person.erase',
    actor: input.auditActor,
    via: input.via,
    detail: summary,
    now,
  });
  return summary;
}
