/**
 * Messages to people other than the one talking: the reviewer card, the applicant's notices,
 * reminders. Neutral (Card/text), written to the outbox with the change that caused them.
 * Dedupe keys are derived from the change, so a retried write can never send twice.
 */
import type { Card, CardAction, CardSection, OutboundMessage, Recipient } from './messages';
import type { Application, ApplicationAnswers, Call, Decision, Dialogue } from './types';
import { reviewerFields } from './form';
import { describeStatus } from './review';
import { formatInstant } from './calls';

export const REVIEW_ACTIONS = {
  approve: 'review.approve',
  reject: 'review.reject',
  requestInfo: 'review.request_info',
} as const;

/** Sum of review rounds: grows every time any dialogue of the application comes back to review. */
export function reviewVersion(app: Application): number {
  return app.dialogues.reduce((n, d) => n + d.round, 0);
}

export function reviewCardKey(app: Application, platform: string): string {
  return `review_card:${app.id}:v${reviewVersion(app)}:${platform}`;
}

export function reviewActionValue(applicationId: string, dialogueId: string): string {
  return `${applicationId}|${dialogueId}`;
}

export function parseReviewActionValue(value: string | undefined): { applicationId: string; dialogueId: string } | null {
  const [applicationId, dialogueId, extra] = (value ?? '').split('|');
  if (!applicationId || !dialogueId || extra !== undefined) return null;
  return { applicationId, dialogueId };
}

function dialogueName(dialogues: Dialogue[], id: string): string {
  return dialogues.find((d) => d.id === id)?.shortName ?? id;
}

/**
 * The card reviewers see: the least personal data a decision needs, each dialogue's state, and
 * buttons for the dialogues still waiting for a decision.
 */
export function reviewCard(app: Application, dialogues: Dialogue[], decisions: Decision[], zone: string): Card {
  const answers = app.answers as ApplicationAnswers;
  const fields = reviewerFields(answers, dialogues);
  // One section per dialogue, with its own buttons: every dialogue stays decidable on hosts that
  // show only a few buttons per row (Teams shows 6; five dialogues need 15).
  const sections: CardSection[] = [];
  for (const d of app.dialogues) {
    const name = dialogueName(dialogues, d.dialogueId);
    const decided = decisions
      .filter((x) => x.dialogueId === d.dialogueId && x.round === d.round)
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))[0];
    if (d.status === 'pending') {
      const value = reviewActionValue(app.id, d.dialogueId);
      sections.push({
        text: `${name}: waiting for a decision`,
        actions: [
          { id: REVIEW_ACTIONS.approve, label: `Approve ${name}`, value, style: 'primary' },
          { id: REVIEW_ACTIONS.reject, label: `Reject ${name}`, value, style: 'danger' },
          { id: REVIEW_ACTIONS.requestInfo, label: `Ask for information (${name})`, value },
        ],
      });
    } else if (decided) {
      const reason = decided.reason ? ` — "${decided.reason}"` : '';
      sections.push({ text: `${name}: ${describeStatus(d.status)} by ${decided.deciderName}, ${formatInstant(decided.decidedAt, zone)}${reason}` });
    } else {
      sections.push({ text: `${name}: ${describeStatus(d.status)}` });
    }
  }
  const round = Math.max(...app.dialogues.map((d) => d.round), 1);
  const waiting = app.dialogues.some((d) => d.status === 'pending');
  const subtitle =
    app.status === 'withdrawn' ? 'Withdrawn by the applicant'
    : !waiting ? 'Decided'
    : round > 1 ? 'Updated and back for review'
    : 'New application';
  return {
    title: `Application ${app.reference ?? ''}`.trim(),
    subtitle,
    fields,
    sections,
    footer: 'Full answers are in the admin panel. Discuss in the thread.',
  };
}

export function reviewCardMessages(
  app: Application,
  dialogues: Dialogue[],
  decisions: Decision[],
  channels: Recipient[],
  zone: string,
): OutboundMessage[] {
  const card = reviewCard(app, dialogues, decisions, zone);
  return channels.map((recipient) => ({
    recipient,
    purpose: 'review_card',
    replies: [{ kind: 'card', card }],
    dedupeKey: reviewCardKey(app, recipient.platform),
  }));
}

/**
 * After a decision or a withdrawal: the same card, redrawn, replacing the one in each reviewer
 * channel. `changeId` (the decision id, or "withdrawn") makes each redraw its own delivery.
 */
export function reviewCardUpdates(
  app: Application,
  dialogues: Dialogue[],
  decisions: Decision[],
  changeId: string,
  channels: Recipient[],
  zone: string,
): OutboundMessage[] {
  return reviewCardMessages(app, dialogues, decisions, channels, zone).map((card) => ({
    ...card,
    purpose: 'review_card_update',
    replaces: card.dedupeKey,
    dedupeKey: `review_card_update:${app.id}:${changeId}:${card.recipient.platform}`,
  }));
}

export function decisionNotice(app: Application, decision: Decision, dialogues: Dialogue[], to: Recipient, contact: string): OutboundMessage {
  const name = dialogues.find((d) => d.id === decision.dialogueId)?.name ?? decision.dialogueId;
  const ref = app.reference ?? '';
  let text: string;
  const actions: CardAction[] = [];
  if (decision.outcome === 'approve') {
    text = `Good news: your application ${ref} to the ${name} has been approved. Questions about taking part: ${contact}.`;
  } else if (decision.outcome === 'reject') {
    text = `Your application ${ref} to the ${name} was not approved.${decision.reason ? ` Reason given: ${decision.reason}` : ''} Questions: ${contact}.`;
  } else {
    text = `The reviewers of your application ${ref} to the ${name} ask for more information: ${decision.reason ?? ''}`;
    actions.push({ id: 'info.answer', label: 'Answer', value: app.id, style: 'primary' });
  }
  return {
    recipient: to,
    purpose: decision.outcome === 'request_info' ? 'info_request' : 'decision_notice',
    replies: actions.length
      ? [{ kind: 'card', card: { title: `Application ${ref}`, text, actions } }]
      : [{ kind: 'text', text }],
    dedupeKey: `decision:${app.id}:${decision.id}`,
  };
}

export function draftReminder(app: Application, call: Call, daysLeft: number, to: Recipient, kind: '7d' | '1d'): OutboundMessage {
  const when = daysLeft <= 1 ? 'tomorrow' : `in ${daysLeft} days`;
  return {
    recipient: to,
    purpose: 'reminder',
    replies: [
      {
        kind: 'card',
        card: {
          title: 'Your application is not sent yet',
          text: `The call "${call.title}" closes ${when} (${formatInstant(call.closesAt, call.zone)}). Your draft is saved: pick up where you left off.`,
          actions: [{ id: 'resume', label: 'Resume my application', style: 'primary' }],
        },
      },
    ],
    dedupeKey: `reminder:${kind}:${app.id}`,
  };
}

export function callOpenedNotice(subscriptionId: string, dialogue: Dialogue, call: Call, to: Recipient): OutboundMessage {
  return {
    recipient: to,
    purpose: 'call_opened',
    replies: [
      {
        kind: 'card',
        card: {
          title: `Applications are open: ${dialogue.name}`,
          text: `You asked to be told when this call opens. Apply before ${formatInstant(call.closesAt, call.zone)}.`,
          actions: [{ id: 'apply', label: 'Apply', style: 'primary' }],
        },
      },
    ],
    dedupeKey: `call_opened:${subscriptionId}:${call.id}`,
  };
}
