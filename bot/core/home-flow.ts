/**
 * What a person sees on their home surface (Slack App Home, Teams welcome): the open calls, their
 * applications, what waits for reviewers when they are one, help, language and their data.
 */
import { ACTIONS } from '../../domain/actions';
import { describeDeadline, openCalls } from '../../domain/calls';
import { t, type Locale } from '../../domain/i18n';
import { callTitle } from '../../domain/localized';
import type { Reply } from '../../domain/messages';
import { loadCatalog, personOf, reviewChannels, type EngineDeps } from './context';
import { langOf, languageCard, withLanguage } from './language';
import { myDataCard } from './my-data';
import { helpReplies, statusCard } from './replies';
import type { Actor } from './types';

/** The home cards in the person's language, which is returned with them. */
export async function homeReplies(deps: EngineDeps, who: Actor): Promise<{ replies: Reply[]; locale: Locale }> {
  const actor = await withLanguage(deps, who);
  const l = langOf(actor);
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const person = await personOf(deps, actor);
  const apps = await deps.store.listForPerson(person.id);
  const calls: Reply[] = openCalls(catalog.calls, now).map((c) => ({
    kind: 'card',
    card: {
      title: callTitle(c, l),
      text: describeDeadline(c, now, actor.timeZone, l).sentence,
      actions: apps.some((a) => a.callId === c.id) ? [] : [{ id: ACTIONS.apply, label: t(l, 'apply.action.apply'), style: 'primary' }],
    },
  }));
  const review: Reply[] = [];
  // The home card only counts what waits; deciding is checked per application on each click.
  const defaults = (await reviewChannels(deps, '')).filter((c) => c.platform === actor.platform);
  if (await deps.isReviewer(actor, defaults)) {
    const waiting = await deps.store.countAwaitingDecision();
    review.push({
      kind: 'card',
      card: {
        title: t(l, 'review.home.title'),
        text: waiting === 0 ? t(l, 'review.home.none') : t(l, 'review.home.waiting', { count: waiting }),
      },
    });
  }
  const cards = await Promise.all(apps.map(async (a) => statusCard(a, catalog, now, actor, await deps.store.liveRoundsFor(a.id))));
  const replies = [...calls, ...cards, ...review, ...helpReplies(catalog, now, l), languageCard(l), myDataCard(actor)];
  return { replies, locale: l };
}
