/**
 * "Tell me when the next call opens": a subscription to a dialogue, or the call itself when one
 * is already open.
 */
import { ACTIONS } from '../../domain/actions';
import { callFor, callState, describeDeadline } from '../../domain/calls';
import { t } from '../../domain/i18n';
import { dialogueIn } from '../../domain/localized';
import { loadCatalog, personOf, recipientOf, type EngineDeps } from './context';
import { langOf } from './language';
import { say } from './replies';
import type { Actor, EngineResult } from './types';

export async function subscribe(deps: EngineDeps, actor: Actor, dialogueId: string | undefined, text?: string): Promise<EngineResult> {
  const l = langOf(actor);
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const lower = (text ?? '').toLowerCase();
  const dialogue =
    catalog.dialogues.find((d) => d.id === dialogueId) ??
    catalog.dialogues.find(
      (d) => d.status !== 'archived' && (lower.includes(d.shortName.toLowerCase()) || lower.includes(d.id.replace(/-/g, ' '))),
    );
  if (!dialogue) {
    const later = catalog.dialogues.filter((d) => d.status === 'announced');
    return {
      replies: [
        {
          kind: 'card',
          card: {
            title: t(l, 'apply.subscribe.which'),
            text: t(l, 'apply.subscribe.choose'),
            actions: later.map((d) => ({ id: ACTIONS.subscribe, label: dialogueIn(d, l).shortName, value: d.id })),
          },
        },
      ],
    };
  }
  const call = callFor(catalog.calls, dialogue.id, now);
  if (call && callState(call, now) === 'open') {
    return {
      replies: [
        {
          kind: 'card',
          card: {
            title: t(l, 'apply.subscribe.open', { dialogue: dialogueIn(dialogue, l).name }),
            text: describeDeadline(call, now, actor.timeZone, l).sentence,
            actions: [{ id: ACTIONS.apply, label: t(l, 'apply.action.apply'), style: 'primary' }],
          },
        },
      ],
    };
  }
  const person = await personOf(deps, actor);
  const r = await deps.store.subscribe({
    personId: person.id,
    dialogueId: dialogue.id,
    recipient: recipientOf(actor),
    now: now.toISOString(),
  });
  return say(t(l, r === 'created' ? 'apply.subscribe.created' : 'apply.subscribe.exists', { dialogue: dialogueIn(dialogue, l).name }));
}
