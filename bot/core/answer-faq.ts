/**
 * One FAQ entry as an answer: its text in the asker's language, then what the clock and the
 * catalogue say now. An entry never decides on its own whether one can still apply, edit,
 * withdraw or ask for travel support: its topic says which of those it is about, and the call's
 * state at this moment picks the sentence.
 */
import { ACTIONS } from '../../domain/actions';
import { callFor, callState, type CallState } from '../../domain/calls';
import { translator } from '../../domain/i18n';
import type { KnowledgeAnswer } from '../../domain/knowledge';
import { dialogueIn, faqIn } from '../../domain/localized';
import type { CardAction, Reply, Source } from '../../domain/messages';
import type { Call, FaqEntry } from '../../domain/types';
import { comingNext, deadlineIn, dialogueBullet, dialogueDate, dialogueLine, type LocalDeadline } from './answer-words';
import type { Ctx } from './answers';
import { personOf } from './context';
import { relevantCall, statusCard } from './replies';

export interface Composed {
  lines: string[];
  sources: Source[];
  actions: CardAction[];
  extra: Reply[];
  /** Said before the answer: language notes. */
  notes: string[];
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter(Boolean);

// "Yes." / "No." opening a stored answer is only true of the question the entry was written for.
const BARE_YES_NO = /^(?:yes|no|oui|non|sí|si)\s*[.,!;:]\s*/iu;

/** The stored answer without a bare Yes/No when the question asked was not the entry's own. */
export function withoutBareYesNo(answer: string): string {
  const rest = answer.replace(BARE_YES_NO, '');
  return rest === answer ? answer : rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
}

/**
 * A stored answer with the deadline said once and true now. In English the computed sentence
 * (the asker's time, the days left) replaces the stored one that gives the date; in other
 * languages the stored sentence (which names the city as the call does) stays and the computed
 * facts follow. Once closed, the stored date sentence gives way to "The call closed on …".
 * Other stored sentences ("It is not possible to apply later.") are kept.
 */
function withDeadline(answer: string, deadline: LocalDeadline, said: string[], english: boolean): string[] {
  const alreadySaid = said.some((l) => l.includes(deadline.sentence) || l.includes(deadline.day));
  const sentences: string[] = [];
  let placed = alreadySaid;
  for (const s of sentencesOf(answer)) {
    if (!s.includes(deadline.day)) sentences.push(s);
    else if (!placed) {
      sentences.push(deadline.closed || english ? deadline.sentence : s);
      placed = true;
    }
  }
  const lines = sentences.length ? [sentences.join(' ')] : [];
  if (!placed) return [...lines, deadline.sentence];
  if (!alreadySaid && !deadline.closed && !english && deadline.extras) return [...lines, deadline.extras];
  return lines;
}

async function hasApplication(ctx: Ctx): Promise<boolean> {
  const person = await personOf(ctx.deps, ctx.actor);
  return (await ctx.deps.store.listForPerson(person.id)).length > 0;
}

function stateOf(call: Call | undefined, now: Date): CallState | 'none' {
  return call ? callState(call, now) : 'none';
}

export async function composeFaq(entry: FaqEntry, part: KnowledgeAnswer, ctx: Ctx, out: Composed, exact: boolean): Promise<void> {
  const { catalog, now, locale, actor } = ctx;
  const tr = translator(locale);
  // "Did you get my application?" after another answer, from someone who has none: the answer
  // already given is the one to read; "you have no application" would only distract from it.
  if (entry.topic === 'status' && out.lines.length > 0 && !(await hasApplication(ctx))) return;
  const own = faqIn(entry, locale);
  if (own.locale !== locale) out.notes.push(tr('answers.notTranslated'));
  const answer = exact ? own.text.answer : withoutBareYesNo(own.text.answer);
  out.sources.push({
    label: tr(entry.callId ? 'answers.source.call' : 'answers.source.faq', { question: own.text.question }),
    quote: entry.source,
    url: entry.sourceUrl,
  });
  // The call the question is about: the one of the dialogue it names, else the one that matters now.
  const named = part.dialogues.map((id) => callFor(catalog.calls, id, now)).find(Boolean);
  const call = part.dialogues.length ? named : relevantCall(catalog, now);
  const state = stateOf(call, now);
  const deadline = call ? deadlineIn(call, now, actor.timeZone, locale, ctx.place) : null;
  const next = () => {
    const n = comingNext(catalog, now, locale);
    if (n.text) out.lines.push(n.text);
    out.actions.push(...n.actions);
  };
  const closedOrNone = () => {
    out.lines.push(deadline?.closedSentence ?? tr('answers.state.noCall'));
    out.lines.push(tr('answers.state.closedApply'));
    next();
  };

  // "Can I apply for the trafficking dialogue now?": a dialogue announced without a call of its own
  // yet is answered with what the call says of it, not with "no call is open".
  const awaiting =
    part.dialogues.length && !named ? catalog.dialogues.filter((d) => part.dialogues.includes(d.id) && d.status === 'announced') : [];
  if (awaiting.length && (entry.topic === 'deadline' || entry.topic === 'apply' || entry.topic === 'later')) {
    for (const d of awaiting) {
      const text = dialogueIn(d, locale);
      out.lines.push(dialogueLine(d, locale), ...(text.callNote ? [text.callNote] : []));
      out.actions.push({ id: ACTIONS.subscribe, label: tr('answers.action.notifyOpens', { name: text.shortName }), value: d.id });
    }
    return;
  }

  switch (entry.topic) {
    case 'deadline':
      if (!deadline) out.lines.push(answer, tr('answers.state.noCall'));
      else out.lines.push(...withDeadline(answer, deadline, out.lines, locale === 'en'));
      if (state === 'closed' || state === 'none') next();
      return;
    case 'apply':
    case 'later':
      if (state !== 'open' || !deadline) return closedOrNone();
      out.lines.push(...withDeadline(answer, deadline, out.lines, locale === 'en'));
      out.actions.push({ id: ACTIONS.apply, label: tr('answers.action.start'), style: 'primary' });
      return;
    case 'edit':
      if (state === 'open') out.lines.push(answer);
      else
        out.lines.push(
          ...(deadline?.closedSentence ? [deadline.closedSentence] : []),
          tr('answers.state.closedEdit', { contact: catalog.contact }),
        );
      return;
    case 'travel-support':
      out.lines.push(answer, tr(state === 'open' ? 'answers.state.openTravel' : 'answers.state.closedTravel'));
      return;
    case 'dialogues': {
      // A question about one dialogue ("when is the TA one?") gets that dialogue, not the list.
      const named = catalog.dialogues.filter((d) => d.status !== 'archived' && part.dialogues.includes(d.id));
      if (named.length) {
        out.lines.push(
          ...named.flatMap((d) => [dialogueLine(d, locale), ...(d.status === 'announced' ? [dialogueIn(d, locale).callNote ?? ''] : [])]),
        );
        return;
      }
      out.lines.push(answer);
      // An announced dialogue the answer already dated adds nothing but its call note, which the
      // answer gives too.
      const listed = catalog.dialogues.filter(
        (d) =>
          d.status !== 'archived' &&
          (part.dialogues.length === 0 || part.dialogues.includes(d.id)) &&
          !(d.status === 'announced' && d.date && answer.includes(dialogueDate(d.date, locale))),
      );
      out.lines.push(...listed.map((d) => dialogueBullet(d, locale)));
      return;
    }
    case 'status': {
      const person = await personOf(ctx.deps, actor);
      const apps = await ctx.deps.store.listForPerson(person.id);
      if (apps.length === 0) out.lines.push(tr('answers.noApplication'));
      else {
        out.lines.push(answer);
        out.extra.push(
          ...(await Promise.all(apps.map(async (a) => statusCard(a, catalog, now, actor, await ctx.deps.store.liveRoundsFor(a.id))))),
        );
      }
      return;
    }
    default:
      out.lines.push(answer);
  }
}
