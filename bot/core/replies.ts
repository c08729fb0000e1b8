/** Replies the engine gives in several places: status, confirmation, closed call, help. */
import { callState, currentOrNextCall, describeDeadline, formatDialogueDate, formatInstant, validZone } from '../../domain/calls';
import { applicantView, approvalBodyOf, ROUND_ZONE } from '../../domain/approval';
import { t } from '../../domain/i18n';
import type { LiveRound } from '../../domain/ports';
import { describeStatus, overallStatus } from '../../domain/review';
import type { Card, CardAction, Reply } from '../../domain/messages';
import type { Application, ApprovalBody, Call } from '../../domain/types';
import type { Catalog } from './context';
import type { Actor } from './types';

function dialogueName(catalog: Catalog, id: string): string {
  return catalog.dialogues.find((d) => d.id === id)?.shortName ?? id;
}

/** The most relevant call to talk about: open now, else the next to open, else the last closed. */
export function relevantCall(catalog: Catalog, now: Date): Call | undefined {
  return (
    currentOrNextCall(catalog.calls, now) ??
    [...catalog.calls].sort((a, b) => Date.parse(b.closesAt) - Date.parse(a.closesAt))[0]
  );
}

/** Dialogues announced without an open call yet, with what the call says about them. */
export function whatsNext(catalog: Catalog, now: Date): { text: string; actions: CardAction[] } {
  const open = new Set(catalog.calls.filter((c) => callState(c, now) !== 'closed').flatMap((c) => c.dialogueIds));
  const later = catalog.dialogues.filter((d) => d.status === 'announced' && !open.has(d.id));
  if (later.length === 0) return { text: '', actions: [] };
  const list = later.map((d) => `${d.name}${d.date ? ` (${formatDialogueDate(d.date)})` : ''}`).join('; ');
  const note = later.find((d) => d.callNote)?.callNote ?? '';
  return {
    text: `Coming next: ${list}. ${note}`.trim(),
    actions: later.slice(0, 5).map((d) => ({ id: 'subscribe', label: `Notify me: ${d.shortName}`, value: d.id })),
  };
}

export function closedCallReplies(catalog: Catalog, now: Date, zone?: string | null): Reply[] {
  const call = relevantCall(catalog, now);
  const next = whatsNext(catalog, now);
  let text = 'There is no call for participation open right now, so no application can be started.';
  if (call && callState(call, now) === 'closed') text = `${describeDeadline(call, now, zone).sentence} Applications are no longer accepted.`;
  if (call && callState(call, now) === 'upcoming') text = `The next call, "${call.title}", has not opened yet.`;
  const card: Card = { title: 'Applications closed', text: [text, next.text].filter(Boolean).join('\n'), actions: next.actions };
  return [{ kind: 'card', card }];
}

function statusLines(app: Application, catalog: Catalog, body: ApprovalBody, rounds: readonly LiveRound[], zone: string): string[] {
  if (app.status === 'draft') return ['Draft, not submitted yet: your answers so far are saved.'];
  const lines: string[] = [];
  for (const d of app.dialogues) {
    // Objections are the secretariat's business: the applicant sees "recommended" until the end.
    const status = applicantView(d.status);
    if (status !== 'recommended') {
      lines.push(`${dialogueName(catalog, d.dialogueId)}: ${describeStatus(status)}`);
      continue;
    }
    lines.push(`${dialogueName(catalog, d.dialogueId)}: ${t('en', 'rounds.status.recommended', { body })}`);
    const round = rounds.find((r) => r.dialogueId === d.dialogueId);
    lines.push(round
      ? t('en', 'rounds.when.inRound', { body: round.body, closes: formatInstant(round.closesAt, zone) })
      : t('en', 'rounds.when.recommended', { body }));
  }
  return lines;
}

/**
 * One application as the applicant sees it, with what they can do next. `rounds` are the open
 * approval rounds it is in: "when will I know?" is answered from their closing times.
 */
export function statusCard(app: Application, catalog: Catalog, now: Date, actor?: Actor, rounds: readonly LiveRound[] = []): Reply {
  const call = catalog.calls.find((c) => c.id === app.callId);
  const open = call ? callState(call, now) === 'open' : false;
  const actions: CardAction[] = [];
  if (app.status === 'draft' && open) actions.push({ id: 'resume', label: 'Resume my application', style: 'primary' });
  if (app.status === 'submitted' && open) {
    actions.push({ id: 'edit', label: 'Edit', value: app.id });
    actions.push({ id: 'withdraw', label: 'Withdraw', value: app.id, style: 'danger' });
  }
  if (app.status === 'submitted' && app.dialogues.some((d) => d.status === 'info_requested')) {
    actions.push({ id: 'info.answer', label: 'Answer the reviewers', value: app.id, style: 'primary' });
  }
  const body = approvalBodyOf(call);
  const lines = statusLines(app, catalog, body, rounds, validZone(actor?.timeZone) ?? ROUND_ZONE);
  if (call) lines.push(describeDeadline(call, now, actor?.timeZone).sentence);
  const overall = app.status !== 'submitted' ? describeStatus(app.status)
    : overallStatus(app.dialogues) === 'recommended' || overallStatus(app.dialogues) === 'objected' ? t('en', 'rounds.status.recommended', { body })
    : describeStatus(overallStatus(app.dialogues));
  return {
    kind: 'card',
    card: {
      title: app.reference ? `Application ${app.reference}` : 'Your application (draft)',
      subtitle: overall,
      text: lines.join('\n'),
      actions,
    },
  };
}

export function confirmationReplies(app: Application, call: Call, catalog: Catalog, now: Date, actor: Actor, first: boolean): Reply[] {
  const names = app.dialogues.filter((d) => d.status !== 'withdrawn').map((d) => dialogueName(catalog, d.dialogueId)).join(' and ');
  const deadline = describeDeadline(call, now, actor.timeZone);
  const text = first
    ? `Thank you. Your application ${app.reference} to the Constructive Dialogue${names.includes(' and ') ? 's' : ''} on ${names} has been received. All applications are reviewed and subject to approval by the States parties; you will be told the outcome here. You can edit or withdraw it until the deadline: ${deadline.callZoneText}.`
    : `Your changes to application ${app.reference} are saved and the application is back with the reviewers.`;
  return [
    {
      kind: 'card',
      card: {
        title: first ? `Application received: ${app.reference}` : `Application updated: ${app.reference}`,
        text,
        actions: [
          { id: 'status', label: 'My status' },
          { id: 'edit', label: 'Edit', value: app.id },
          { id: 'withdraw', label: 'Withdraw', value: app.id, style: 'danger' },
        ],
      },
    },
  ];
}

export function helpReplies(catalog: Catalog, now: Date): Reply[] {
  const call = relevantCall(catalog, now);
  const open = call && callState(call, now) === 'open';
  return [
    {
      kind: 'card',
      card: {
        title: 'How I can help',
        text: [
          'Ask me anything about the call for participation: dates, the deadline, who may apply, ECOSOC status, costs, travel support, later dialogues.',
          open ? '"apply" starts or resumes your application; drafts are saved after every step.' : 'No call is open for applications right now; ask me about the next one.',
          '"status" shows your application; "edit" and "withdraw" work until the deadline.',
          `Anything else: ${catalog.contact}.`,
        ].join('\n'),
        actions: [
          ...(open ? [{ id: 'apply', label: 'Apply', style: 'primary' as const }] : []),
          { id: 'status', label: 'My status' },
        ],
      },
    },
  ];
}
