/**
 * Messages to people other than the one talking: the reviewer card, the applicant's notices,
 * reminders. Neutral (Card/text), written to the outbox with the change that caused them.
 * Dedupe keys are derived from the change, so a retried write can never send twice.
 */
import { ACTIONS, REVIEW_ACTIONS, reviewActionValue } from './actions';
import { callTitle, dialogueIn, dialogueName } from './localized';
import type { Card, CardAction, CardSection, OutboundMessage, Recipient } from './messages';
import type { Application, ApplicationAnswers, ApprovalBody, Call, Decision, Dialogue } from './types';
import { reviewerFields } from './form';
import { describeStatus } from './review';
import { formatInstant } from './calls';
import { t, type Locale } from './i18n';

/** Sum of review rounds: grows every time any dialogue of the application comes back to review. */
export function reviewVersion(app: Application): number {
  return app.dialogues.reduce((n, d) => n + d.round, 0);
}

export function reviewCardKey(app: Application, platform: string): string {
  return `review_card:${app.id}:v${reviewVersion(app)}:${platform}`;
}

/** What a reviewer card shows beyond the application: who approves, and the balance so far. */
export interface ReviewCardContext {
  body?: ApprovalBody;
  /** One line per dialogue of the application (domain/balance.ts), in the language asked for. */
  balance?: (l: Locale) => string[];
}

/**
 * The card reviewers see: the least personal data a decision needs, each dialogue's state, the
 * balance each dialogue has so far, and buttons for the dialogues still waiting for a decision.
 * Written in the reviewers' language `l`.
 */
export function reviewCard(
  app: Application,
  dialogues: Dialogue[],
  decisions: Decision[],
  zone: string,
  context: ReviewCardContext = {},
  l: Locale = 'en',
): Card {
  const body = context.body ?? 'secretariat';
  const balance = context.balance?.(l) ?? [];
  const answers = app.answers as ApplicationAnswers;
  const fields = reviewerFields(answers, dialogues, l);
  // One section per dialogue, with its own buttons: every dialogue stays decidable on hosts that
  // show only a few buttons per row (Teams shows 6; five dialogues need 15).
  const sections: CardSection[] = [];
  for (const d of app.dialogues) {
    const name = dialogueName(dialogues, d.dialogueId, l);
    const decided = decisions
      .filter((x) => x.dialogueId === d.dialogueId && x.round === d.round)
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))[0];
    if (d.status === 'pending') {
      const value = reviewActionValue(app.id, d.dialogueId);
      sections.push({
        text: t(l, 'review.card.waiting', { dialogue: name }),
        actions: [
          { id: REVIEW_ACTIONS.approve, label: t(l, 'review.card.approve', { dialogue: name }), value, style: 'primary' },
          { id: REVIEW_ACTIONS.reject, label: t(l, 'review.card.reject', { dialogue: name }), value, style: 'danger' },
          { id: REVIEW_ACTIONS.requestInfo, label: t(l, 'review.card.requestInfo', { dialogue: name }), value },
        ],
      });
    } else if (
      decided &&
      decided.outcome === 'approve' &&
      body !== 'secretariat' &&
      ['recommended', 'objected', 'approved'].includes(d.status)
    ) {
      const values = { dialogue: name, name: decided.deciderName, when: formatInstant(decided.decidedAt, zone, l), body };
      const key =
        d.status === 'recommended'
          ? 'rounds.card.recommended'
          : d.status === 'objected'
            ? 'rounds.card.objected'
            : 'rounds.card.approvedAfterRound';
      sections.push({ text: t(l, key, values) });
    } else if (decided) {
      const values = {
        dialogue: name,
        status: describeStatus(d.status, l),
        decider: decided.deciderName,
        when: formatInstant(decided.decidedAt, zone, l),
      };
      sections.push({
        text: decided.reason
          ? t(l, 'review.card.decidedReason', { ...values, reason: decided.reason })
          : t(l, 'review.card.decided', values),
      });
    } else {
      sections.push({ text: t(l, 'review.card.state', { dialogue: name, status: describeStatus(d.status, l) }) });
    }
  }
  const round = Math.max(...app.dialogues.map((d) => d.round), 1);
  const waiting = app.dialogues.some((d) => d.status === 'pending');
  const subtitle =
    app.status === 'withdrawn'
      ? t(l, 'review.card.withdrawn')
      : !waiting
        ? t(l, 'review.card.decidedAll')
        : round > 1
          ? t(l, 'review.card.updated')
          : t(l, 'review.card.new');
  return {
    ...(l !== 'en' ? { locale: l } : {}),
    title: t(l, 'review.card.title', { reference: app.reference ?? '' }).trim(),
    subtitle,
    fields,
    sections: balance.length ? [...sections, { text: balance.join('\n') }] : sections,
    footer: t(l, 'review.card.footer'),
  };
}

/** One card per reviewer channel, each in that channel's language. */
export function reviewCardMessages(
  app: Application,
  dialogues: Dialogue[],
  decisions: Decision[],
  channels: Recipient[],
  zone: string,
  context: ReviewCardContext = {},
): OutboundMessage[] {
  return channels.map((recipient) => ({
    recipient,
    purpose: 'review_card',
    replies: [{ kind: 'card', card: reviewCard(app, dialogues, decisions, zone, context, recipient.locale ?? 'en') }],
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
  context: ReviewCardContext = {},
): OutboundMessage[] {
  return reviewCardMessages(app, dialogues, decisions, channels, zone, context).map((card) => ({
    ...card,
    purpose: 'review_card_update',
    replaces: card.dedupeKey,
    dedupeKey: `review_card_update:${app.id}:${changeId}:${card.recipient.platform}`,
  }));
}

/** The applicant's notice of a decision, in the language they read (`to.locale`). */
export function decisionNotice(
  app: Application,
  decision: Decision,
  dialogues: Dialogue[],
  to: Recipient,
  contact: string,
): OutboundMessage {
  const l = to.locale ?? 'en';
  const dialogue = dialogueName(dialogues, decision.dialogueId, l, 'full');
  const reference = app.reference ?? '';
  let text: string;
  const actions: CardAction[] = [];
  if (decision.outcome === 'approve') {
    text = t(l, 'notices.approved', { reference, dialogue, contact });
  } else if (decision.outcome === 'reject') {
    text = decision.reason
      ? t(l, 'notices.rejectedReason', { reference, dialogue, contact, reason: decision.reason })
      : t(l, 'notices.rejected', { reference, dialogue, contact });
  } else {
    text = t(l, 'notices.infoRequested', { reference, dialogue, reason: decision.reason ?? '' });
    actions.push({ id: ACTIONS.answerInfo, label: t(l, 'notices.answer'), value: app.id, style: 'primary' });
  }
  return {
    recipient: to,
    purpose: decision.outcome === 'request_info' ? 'info_request' : 'decision_notice',
    replies: actions.length
      ? [{ kind: 'card', card: { ...(l !== 'en' ? { locale: l } : {}), title: t(l, 'notices.title', { reference }), text, actions } }]
      : [{ kind: 'text', text }],
    dedupeKey: `decision:${app.id}:${decision.id}`,
  };
}

/** The final outcome after a round closed without objection: the only approval an applicant hears of. */
export function roundApprovalNotice(
  app: Application,
  dialogueId: string,
  body: ApprovalBody,
  dialogues: Dialogue[],
  to: Recipient,
  contact: string,
  roundId: string,
): OutboundMessage {
  const l = to.locale ?? 'en';
  const name = dialogueName(dialogues, dialogueId, l, 'full');
  return {
    recipient: to,
    purpose: 'decision_notice',
    replies: [{ kind: 'text', text: t(l, 'rounds.notice.approved', { reference: app.reference ?? '', dialogue: name, body, contact }) }],
    dedupeKey: `round_approved:${roundId}:${app.id}:${dialogueId}`,
  };
}

/**
 * A focal point is told a round was sent: how many organisations, until when, where to sign in.
 * By email (platform 'email'); nothing about the applicants beyond their number. Written in the
 * reviewers' language `l` (REVIEW_LOCALE), like everything else on the deciding side.
 */
export function roundNotice(
  round: { id: string; closesAt: string; zone: string },
  dialogue: string,
  count: number,
  focalPoint: { id: string; email: string },
  url: string,
  l: Locale = 'en',
): OutboundMessage {
  const closes = formatInstant(round.closesAt, round.zone, l);
  return {
    recipient: { platform: 'email', kind: 'user', address: focalPoint.email, ...(l !== 'en' ? { locale: l } : {}) },
    purpose: 'round_notice',
    replies: [
      {
        kind: 'card',
        card: {
          ...(l !== 'en' ? { locale: l } : {}),
          title: t(l, 'rounds.notice.fp.subject', { dialogue, closes }),
          text: t(l, 'rounds.notice.fp.text', { count, dialogue, closes, url }),
        },
      },
    ],
    dedupeKey: `round_notice:${round.id}:${focalPoint.id}`,
  };
}

export function draftReminder(app: Application, call: Call, daysLeft: number, to: Recipient, kind: '7d' | '1d'): OutboundMessage {
  const l = to.locale ?? 'en';
  return {
    recipient: to,
    purpose: 'reminder',
    replies: [
      {
        kind: 'card',
        card: {
          ...(l !== 'en' ? { locale: l } : {}),
          title: t(l, 'notices.reminder.title'),
          text: t(l, 'notices.reminder.text', {
            call: callTitle(call, l),
            days: Math.max(1, daysLeft),
            deadline: formatInstant(call.closesAt, call.zone, l),
          }),
          actions: [{ id: ACTIONS.resume, label: t(l, 'notices.reminder.resume'), style: 'primary' }],
        },
      },
    ],
    dedupeKey: `reminder:${kind}:${app.id}`,
  };
}

export function callOpenedNotice(subscriptionId: string, dialogue: Dialogue, call: Call, to: Recipient): OutboundMessage {
  const l = to.locale ?? 'en';
  return {
    recipient: to,
    purpose: 'call_opened',
    replies: [
      {
        kind: 'card',
        card: {
          ...(l !== 'en' ? { locale: l } : {}),
          title: t(l, 'notices.callOpened.title', { dialogue: dialogueIn(dialogue, l).name }),
          text: t(l, 'notices.callOpened.text', { deadline: formatInstant(call.closesAt, call.zone, l) }),
          actions: [{ id: ACTIONS.apply, label: t(l, 'notices.callOpened.apply'), style: 'primary' }],
        },
      },
    ],
    dedupeKey: `call_opened:${subscriptionId}:${call.id}`,
  };
}
