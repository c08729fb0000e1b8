/**
 * Short replies to small talk, in the language it was said in. None of them is a question for
 * the secretariat, so nothing here is recorded.
 */
import { ACTIONS } from '../../domain/actions';
import { callState } from '../../domain/calls';
import { translator, type Locale } from '../../domain/i18n';
import type { CardAction, Reply } from '../../domain/messages';
import { loadCatalog, type EngineDeps } from './context';
import type { SmallTalk } from './intents';
import { relevantCall } from './replies';

export async function smallTalkReplies(deps: EngineDeps, topic: SmallTalk, locale: Locale): Promise<Reply[]> {
  const tr = translator(locale);
  const catalog = await loadCatalog(deps.store);
  const contact = catalog.contact;
  const text = tr(`answers.smalltalk.${topic}`, { contact });
  if (topic !== 'help' && topic !== 'greeting') return [{ kind: 'text', text }];
  const now = deps.clock.now();
  const call = relevantCall(catalog, now);
  const actions: CardAction[] = [
    ...(call && callState(call, now) === 'open'
      ? [{ id: ACTIONS.apply, label: tr('answers.action.apply'), style: 'primary' as const }]
      : []),
    { id: ACTIONS.status, label: tr('answers.action.status') },
  ];
  return [
    { kind: 'text', text },
    { kind: 'card', card: { title: tr('answers.nextTitle'), actions } },
  ];
}
