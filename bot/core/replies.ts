/** Replies the engine gives in several places: status, confirmation, closed call, help. */
import { ACTIONS } from '../../domain/actions';
import { callTitle, dialogueIn, dialogueName } from '../../domain/localized';
import { callState, currentOrNextCall, describeDeadline, formatDialogueDate, formatInstant, validZone } from '../../domain/calls';
import { applicantView, approvalBodyOf, ROUND_ZONE } from '../../domain/approval';
import { t, type Locale } from '../../domain/i18n';
import type { LiveRound } from '../../domain/ports';
import { describeStatus, overallStatus } from '../../domain/review';
import type { Card, CardAction, Reply } from '../../domain/messages';
import type { Application, ApprovalBody, Call } from '../../domain/types';
import type { Catalog } from './context';
import type { Actor, EngineResult } from './types';

/** The engine's plainest answer: one text reply, optionally closing the open form. */
export function say(text: string, closeForm = false): EngineResult {
  return { replies: [{ kind: 'text', text }], ...(closeForm ? { closeForm } : {}) };
}

/** The most relevant call to talk about: open now, else the next to open, else the last closed. */
export function relevantCall(catalog: Catalog, now: Date): Call | undefined {
  return currentOrNextCall(catalog.calls, now) ?? [...catalog.calls].sort((a, b) => Date.parse(b.closesAt) - Date.parse(a.closesAt))[0];
}

/** Dialogues announced without an open call yet, with what the call says about them. */
export function whatsNext(catalog: Catalog, now: Date, l: Locale = 'en'): { text: string; actions: CardAction[] } {
  const open = new Set(catalog.calls.filter((c) => callState(c, now) !== 'closed').flatMap((c) => c.dialogueIds));
  const later = catalog.dialogues.filter((d) => d.status === 'announced' && !open.has(d.id));
  if (later.length === 0) return { text: '', actions: [] };
  const list = later.map((d) => `${dialogueIn(d, l).name}${d.date ? ` (${formatDialogueDate(d.date, l)})` : ''}`).join('; ');
  const note = later.map((d) => dialogueIn(d, l).callNote).find(Boolean) ?? '';
  return {
    text: [t(l, 'apply.closed.next', { dialogues: list }), note].filter(Boolean).join(' '),
    actions: later
      .slice(0, 5)
      .map((d) => ({ id: ACTIONS.subscribe, label: t(l, 'apply.action.notify', { dialogue: dialogueIn(d, l).shortName }), value: d.id })),
  };
}

export function closedCallReplies(catalog: Catalog, now: Date, zone?: string | null, l: Locale = 'en'): Reply[] {
  const call = relevantCall(catalog, now);
  const next = whatsNext(catalog, now, l);
  let text = t(l, 'apply.closed.none');
  if (call && callState(call, now) === 'closed')
    text = t(l, 'apply.closed.closed', { deadline: describeDeadline(call, now, zone, l).sentence });
  if (call && callState(call, now) === 'upcoming') text = t(l, 'apply.closed.upcoming', { title: callTitle(call, l) });
  const card: Card = { title: t(l, 'apply.closed.title'), text: [text, next.text].filter(Boolean).join('\n'), actions: next.actions };
  return [{ kind: 'card', card }];
}

function statusLines(
  app: Application,
  catalog: Catalog,
  body: ApprovalBody,
  rounds: readonly LiveRound[],
  zone: string,
  l: Locale,
): string[] {
  if (app.status === 'draft') return [t(l, 'apply.status.draftLine')];
  const lines: string[] = [];
  for (const d of app.dialogues) {
    const dialogue = dialogueName(catalog.dialogues, d.dialogueId, l);
    // Objections are the secretariat's business: the applicant sees "recommended" until the end.
    const status = applicantView(d.status);
    if (status !== 'recommended') {
      lines.push(t(l, 'apply.status.line', { dialogue, status: describeStatus(status, l) }));
      continue;
    }
    lines.push(t(l, 'apply.status.line', { dialogue, status: t(l, 'rounds.status.recommended', { body }) }));
    const round = rounds.find((r) => r.dialogueId === d.dialogueId);
    lines.push(
      round
        ? t(l, 'rounds.when.inRound', { body: round.body, closes: formatInstant(round.closesAt, zone, l) })
        : t(l, 'rounds.when.recommended', { body }),
    );
  }
  return lines;
}

/**
 * One application as the applicant sees it, with what they can do next, in their language.
 * `rounds` are the open approval rounds it is in: "when will I know?" is answered from their
 * closing times.
 */
export function statusCard(app: Application, catalog: Catalog, now: Date, actor?: Actor, rounds: readonly LiveRound[] = []): Reply {
  const l = actor?.language ?? 'en';
  const call = catalog.calls.find((c) => c.id === app.callId);
  const open = call ? callState(call, now) === 'open' : false;
  const actions: CardAction[] = [];
  if (app.status === 'draft' && open) actions.push({ id: ACTIONS.resume, label: t(l, 'apply.action.resume'), style: 'primary' });
  if (app.status === 'submitted' && open) {
    actions.push({ id: ACTIONS.edit, label: t(l, 'apply.action.edit'), value: app.id });
    actions.push({ id: ACTIONS.withdraw, label: t(l, 'apply.action.withdraw'), value: app.id, style: 'danger' });
  }
  if (app.status === 'submitted' && app.dialogues.some((d) => d.status === 'info_requested')) {
    actions.push({ id: ACTIONS.answerInfo, label: t(l, 'apply.action.answerReviewers'), value: app.id, style: 'primary' });
  }
  const body = approvalBodyOf(call);
  const lines = statusLines(app, catalog, body, rounds, validZone(actor?.timeZone) ?? ROUND_ZONE, l);
  if (call) lines.push(describeDeadline(call, now, actor?.timeZone, l).sentence);
  const overall =
    app.status !== 'submitted'
      ? describeStatus(app.status, l)
      : overallStatus(app.dialogues) === 'recommended' || overallStatus(app.dialogues) === 'objected'
        ? t(l, 'rounds.status.recommended', { body })
        : describeStatus(overallStatus(app.dialogues), l);
  return {
    kind: 'card',
    card: {
      title: app.reference ? t(l, 'apply.status.title', { reference: app.reference }) : t(l, 'apply.status.draftTitle'),
      subtitle: overall,
      text: lines.join('\n'),
      actions,
    },
  };
}

export function confirmationReplies(app: Application, call: Call, catalog: Catalog, now: Date, actor: Actor, first: boolean): Reply[] {
  const l = actor.language ?? 'en';
  const names = app.dialogues.filter((d) => d.status !== 'withdrawn').map((d) => dialogueName(catalog.dialogues, d.dialogueId, l));
  const deadline = describeDeadline(call, now, actor.timeZone, l);
  const reference = app.reference ?? '';
  const text = first
    ? t(l, 'apply.confirm.received', {
        reference,
        count: names.length,
        dialogues: new Intl.ListFormat(l, { type: 'conjunction' }).format(names),
        deadline: deadline.callZoneText,
      })
    : t(l, 'apply.confirm.updated', { reference });
  return [
    {
      kind: 'card',
      card: {
        title: t(l, first ? 'apply.confirm.receivedTitle' : 'apply.confirm.updatedTitle', { reference }),
        text,
        actions: [
          { id: ACTIONS.status, label: t(l, 'apply.action.myStatus') },
          { id: ACTIONS.edit, label: t(l, 'apply.action.edit'), value: app.id },
          { id: ACTIONS.withdraw, label: t(l, 'apply.action.withdraw'), value: app.id, style: 'danger' },
        ],
      },
    },
  ];
}

export function helpReplies(catalog: Catalog, now: Date, l: Locale = 'en'): Reply[] {
  const call = relevantCall(catalog, now);
  const open = call && callState(call, now) === 'open';
  return [
    {
      kind: 'card',
      card: {
        title: t(l, 'apply.help.title'),
        text: [
          t(l, 'apply.help.ask'),
          t(l, open ? 'apply.help.apply' : 'apply.help.noCall'),
          t(l, 'apply.help.status'),
          t(l, 'apply.help.contact', { contact: catalog.contact }),
        ].join('\n'),
        actions: [
          ...(open ? [{ id: ACTIONS.apply, label: t(l, 'apply.action.apply'), style: 'primary' as const }] : []),
          { id: ACTIONS.status, label: t(l, 'apply.action.myStatus') },
        ],
      },
    },
  ];
}
